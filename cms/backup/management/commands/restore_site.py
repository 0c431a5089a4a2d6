"""manage.py restore_site var/backups/cong-thong-tin-2026-12-01.tar.gz (into an empty, migrated site)"""

from django.core.management.base import BaseCommand, CommandError

from cms.backup.archive import BackupError, restore_backup


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu (cơ sở dữ liệu và tệp) vào trang trống đã chạy migrate, rồi đối chiếu với bản sao lưu."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp sao lưu (.tar.gz) do backup_site tạo")
        parser.add_argument("--replace", action="store_true", help="Xoá toàn bộ dữ liệu hiện có rồi khôi phục")

    def handle(self, archive, replace=False, **options):
        try:
            problems = restore_backup(archive, replace=replace)
        except (BackupError, OSError) as error:
            raise CommandError(f"Không khôi phục được: {error}") from error
        if problems:
            raise CommandError("Đã khôi phục nhưng kết quả khác bản sao lưu:\n" + "\n".join(problems))
        self.stdout.write(self.style.SUCCESS(
            f"Đã khôi phục {archive}: số trang, thông tin, tệp và kết quả tìm kiếm khớp bản sao lưu."
        ))
