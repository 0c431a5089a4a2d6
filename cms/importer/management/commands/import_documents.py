import json

from django.core.management.base import BaseCommand

from cms.content.progress import show_progress
from cms.importer.service import FAILED, STATUS_LABELS, import_all, iter_sources


class Command(BaseCommand):
    help = (
        "Nhập văn bản từ tệp .txt, .md, .docx, .pdf, thư mục hoặc tệp .zip thành bản nháp. "
        "--dry-run chỉ trích xuất thông tin, không ghi gì; --json in kết quả dạng JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ trích xuất, không tạo trang.")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON trên stdout.")
        parser.add_argument("--section", metavar="SLUG", help="Chuyên mục nhận văn bản (mặc định: theo loại và địa bàn).")

    def handle(self, *args, paths, dry_run, json: bool, section, **options):
        sources = list(iter_sources(paths))
        progress = None if json else (lambda index, total: show_progress(index, total, "tệp"))
        outcomes = import_all(sources, section_slug=section, dry_run=dry_run, progress=progress)
        if json:
            self._print_json(outcomes, dry_run)
        else:
            self._print_summary(outcomes, dry_run)

    def _print_json(self, outcomes, dry_run):
        if dry_run:
            items = [o.metadata or {"source": o.source, "error": o.reason} for o in outcomes]
        else:
            items = [
                {"source": o.source, "status": o.status, "reason": o.reason, "title": o.title, "page_id": o.page_id}
                for o in outcomes
            ]
        self.stdout.write(json.dumps(items, ensure_ascii=False, indent=2))

    def _print_summary(self, outcomes, dry_run):
        for outcome in outcomes:
            line = f"{outcome.status_label:<10} {outcome.source}"
            if outcome.title:
                line += f" → {outcome.title[:80]}"
            if outcome.reason:
                line += f" ({outcome.reason})"
            self.stdout.write(self.style.ERROR(line) if outcome.status == FAILED else line)
        counts = {status: sum(o.status == status for o in outcomes) for status in STATUS_LABELS}
        prefix = "Thử (không ghi): " if dry_run else ""
        self.stdout.write(
            prefix + ", ".join(f"{STATUS_LABELS[status].lower()}: {count}" for status, count in counts.items())
        )
