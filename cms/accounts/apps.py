from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cms.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self):
        from axes.signals import user_locked_out

        from .throttling import on_locked_out

        user_locked_out.connect(on_locked_out, dispatch_uid="accounts_audit_lockout")
