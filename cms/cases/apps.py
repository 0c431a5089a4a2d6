from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cms.cases"
    label = "cases"
    verbose_name = "Gương điển hình"
