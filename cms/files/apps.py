from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "cms.files"
    label = "files"
    verbose_name = "Tệp và ảnh"
