from django.apps import AppConfig


class CollectionsConfig(AppConfig):
    name = "cms.collections"
    label = "collections"
    verbose_name = "Bộ sưu tập"
