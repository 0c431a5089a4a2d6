from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "cms.materials"
    label = "materials"
    verbose_name = "Tài liệu tuyên truyền"
