from django.core.management.base import BaseCommand

from cms.demo.loader import load_demo


class Command(BaseCommand):
    help = "Tạo cây trang, năm văn bản mẫu, gương điển hình, tài liệu tuyên truyền và tài khoản mẫu (chạy lại không tạo trùng)."

    def handle(self, *args, **options):
        credentials = load_demo()
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
        self.stdout.write("Tài khoản mẫu (tên đăng nhập / mật khẩu / nhóm):")
        for username, password, groups in credentials:
            self.stdout.write(f"  {username:<16} {password:<16} {groups}")
