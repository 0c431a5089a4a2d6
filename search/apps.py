from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "archive_search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from search import signals

        signals.connect()
