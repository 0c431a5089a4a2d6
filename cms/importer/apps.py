from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "cms.importer"
    label = "importer"
    verbose_name = "Nhập văn bản"
