from django.core.management.base import BaseCommand, CommandError

from cms.content.progress import show_progress
from cms.content.models import ContentPage
from search import indexing, outbox
from search.engines.base import EngineUnavailable
from search.engines.registry import ENGINES, get_engine, writable_engines


class _NoLineEnding:
    """The command's stderr without its automatic line ending: the progress
    bar redraws one line (``\r``) instead of printing a line per batch."""

    def __init__(self, out):
        self.out = out

    def write(self, text):
        self.out.write(text, ending="")

    def flush(self):
        self.out.flush()


class Command(BaseCommand):
    help = (
        "Dựng lại chỉ mục tìm kiếm kho văn bản từ các trang đang xuất bản. "
        "--reconcile chỉ sửa chỗ lệch giữa trang và chỉ mục (thiếu, cũ, thừa) và báo số lượng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--engine", choices=ENGINES, help="Chỉ công cụ này (mặc định: mọi chỉ mục đang dùng).")
        parser.add_argument("--reconcile", action="store_true", help="Chỉ sửa chỗ lệch, không dựng lại.")
        parser.add_argument("--no-progress", action="store_true", help="Không hiện thanh tiến độ.")

    def handle(self, *args, engine=None, reconcile=False, no_progress=False, **options):
        engines = [get_engine(engine)] if engine else writable_engines()
        total = ContentPage.objects.live().count()
        for chosen in engines:
            try:
                if reconcile:
                    replayed = outbox.replay(chosen, indexing.current)  # what the engine missed while it was away
                    if replayed:
                        self.stdout.write(f"{chosen.name}: cập nhật lại {replayed} trang bị lỡ khi máy chủ không nhận.")
                    counts = indexing.reconcile(chosen)
                    self.stdout.write(
                        f"{chosen.name}: thêm {counts['missing']} trang thiếu, cập nhật {counts['stale']} trang cũ, "
                        f"xoá {counts['orphaned']} mục thừa."
                    )
                    self._check_pending(chosen)
                    continue
                done = 0

                def progress(n):
                    nonlocal done
                    done += n
                    if not no_progress:
                        show_progress(done, total, "trang", _NoLineEnding(self.stderr))

                count = indexing.rebuild(chosen, progress)
            except EngineUnavailable as exc:
                raise CommandError(f"{chosen.name}: không dựng được chỉ mục: {exc}") from exc
            self.stdout.write(f"{chosen.name}: đã lập chỉ mục {count} trang.")

    @staticmethod
    def _check_pending(engine):
        """An engine's writes never raise: what it refused during the repair
        waits in the outbox, and the repair must not be reported as done."""
        waiting = outbox.count(engine.name)
        if waiting:
            raise CommandError(
                f"{engine.name}: máy chủ chưa nhận {waiting} cập nhật; chúng được giữ lại, chạy lại lệnh khi máy chủ sẵn sàng."
            )
