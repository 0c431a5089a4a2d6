from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Trang chủ và chuyên mục"

    def ready(self):
        from . import caching

        caching.connect()
