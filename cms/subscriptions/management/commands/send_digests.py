"""Daily from cron: announce pages whose go-live date came on its own, then mail
every reader the notifications not mailed yet (the digest)."""

from django.core.management.base import BaseCommand

from cms.subscriptions.notify import announce_due, send_pending


class Command(BaseCommand):
    help = "Gửi thư tổng hợp thông báo hằng ngày (chạy bằng cron)."

    def handle(self, *args, **options):
        announced = announce_due()
        mails, items = send_pending()
        self.stdout.write(f"Đã thông báo {announced} trang đến hạn đăng; đã gửi {mails} thư gồm {items} thông báo.")
