from django.apps import AppConfig


class PressConfig(AppConfig):
    name = "cms.press"
    label = "press"
    verbose_name = "Báo chí: API, tin RSS, tải về"
