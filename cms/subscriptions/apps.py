from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    name = "cms.subscriptions"
    label = "subscriptions"
    verbose_name = "Theo dõi và thông báo"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
