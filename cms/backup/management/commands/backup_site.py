"""manage.py backup_site var/backups/cong-thong-tin-2026-12-01.tar.gz"""

from django.core.management.base import BaseCommand, CommandError

from cms.backup.archive import BackupError, write_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và toàn bộ tệp (media) vào một tệp .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp sao lưu sẽ tạo (.tar.gz)")

    def handle(self, archive, **options):
        try:
            manifest = write_backup(archive)
        except (BackupError, OSError) as error:
            raise CommandError(f"Không sao lưu được: {error}") from error
        summary = manifest["summary"]
        self.stdout.write(self.style.SUCCESS(
            f"Đã sao lưu {summary['pages']} trang, {len(summary['metadata'])} nội dung và {len(summary['files'])} tệp vào {archive}."
        ))
