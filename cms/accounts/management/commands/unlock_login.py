"""Lift a login lockout: manage.py unlock_login <username> [--ip 10.0.0.5] [--by quantri]."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.accounts.throttling import unlock


class Command(BaseCommand):
    help = "Mở khoá đăng nhập cho một tài khoản (và/hoặc một địa chỉ IP) bị khoá vì nhập sai mật khẩu nhiều lần."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="Tên đăng nhập bị khoá")
        parser.add_argument("--ip", dest="ip_address", help="Chỉ mở khoá cho địa chỉ IP này")
        parser.add_argument("--by", dest="by", help="Tên đăng nhập của quản trị viên thực hiện (ghi vào lịch sử)")

    def handle(self, username=None, ip_address=None, by=None, **options):
        if not username and not ip_address:
            raise CommandError("Cần tên đăng nhập hoặc --ip.")
        admin = None
        if by:
            admin = get_user_model().objects.filter(username=by, is_superuser=True).first()
            if admin is None:
                raise CommandError(f"Không có quản trị viên “{by}”.")
        count = unlock(username=username, ip_address=ip_address, by=admin)
        if not count:
            self.stdout.write(f"Không có khoá nào cho {username or ''} {ip_address or ''}.".strip())
        else:
            self.stdout.write(self.style.SUCCESS(f"Đã mở khoá ({count} bản ghi) cho {username or ip_address}."))
