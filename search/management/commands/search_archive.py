import json

from django.core.management.base import BaseCommand, CommandError

from search import service
from search.engines.registry import ENGINES
from search.params import FILTER_PARAMS, parse_search
from search.query import MAX_PER_PAGE

KEYS = (*FILTER_PARAMS, "from", "to", "sort")


class Command(BaseCommand):
    help = (
        "Tìm trong kho văn bản và in kết quả theo thứ tự xếp hạng. Lệnh chạy với quyền quản trị: "
        "thấy cả trang bị giới hạn quyền xem. Bộ lọc viết dạng khoá=giá trị, ví dụ region=ha-noi year=2024."
    )

    def add_arguments(self, parser):
        parser.add_argument("query", metavar="QUERY")
        parser.add_argument("filters", nargs="*", metavar="KHOA=GIA_TRI", help="content, kind, theme, region, issuer, level, validity, year, from, to, sort")
        parser.add_argument("--json", action="store_true", help="In danh sách JSON: url, title, kind, number, score...")
        parser.add_argument("--limit", default=10, help=f"Số kết quả (1–{MAX_PER_PAGE}).")
        parser.add_argument("--engine", choices=ENGINES, help="Công cụ tìm kiếm (mặc định: theo cấu hình).")

    def handle(self, *args, query, filters, json=False, limit=10, engine=None, **options):
        try:
            limit = int(limit)
        except (TypeError, ValueError):
            limit = 0
        if not 1 <= limit <= MAX_PER_PAGE:
            raise CommandError(f"--limit phải là một số từ 1 đến {MAX_PER_PAGE}.")
        params = {"q": query}
        for item in filters:
            key, sep, value = item.partition("=")
            if not sep:
                raise CommandError(f"Bộ lọc “{item}” phải viết dạng khoá=giá trị, ví dụ region=ha-noi.")
            if key not in KEYS:
                raise CommandError(f"Không có bộ lọc “{key}”; dùng một trong: {', '.join(KEYS)}.")
            params[key] = value
        search_query, messages = parse_search(params, per_page=limit)
        results = service.search(search_query, engine)
        for message in messages + results.messages:
            self.stderr.write(message)
        if json:
            self._print_json(results)
        else:
            self._print_table(results)

    def _print_json(self, results):
        items = [
            {
                "url": h.url,
                "title": h.title,
                "content": h.content,
                "kind": h.kind,
                "number": h.number,
                "issuer": h.issuer,
                "date": h.date.isoformat() if h.date else None,
                "score": round(h.score, 4),
                "number_match": h.number_match,
            }
            for h in results.hits
        ]
        self.stdout.write(json.dumps(items, ensure_ascii=False, indent=2))

    def _print_table(self, results):
        self.stdout.write(f"{results.total} kết quả ({results.took_ms:.0f} ms, công cụ {results.engine})")
        for rank, h in enumerate(results.hits, 1):
            number = f" [{h.number}]" if h.number else ""
            day = f" {h.date:%d/%m/%Y}" if h.date else ""
            self.stdout.write(f"{rank:>3}. {h.title}{number}{day}\n     {h.url}  (điểm {h.score:.2f})")
