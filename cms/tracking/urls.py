from django.urls import path

from . import views

app_name = "tracking"

urlpatterns = [
    path("theo-doi-thuc-hien/<int:page_id>/", views.page_view, name="page"),
    path("theo-doi-thuc-hien/<int:page_id>/bao-cao.xlsx", views.page_xlsx, name="page_xlsx"),
    path("theo-doi-thuc-hien/so/<str:key>/", views.number_view, name="number"),
    path("theo-doi-thuc-hien/so/<str:key>/bao-cao.xlsx", views.number_xlsx, name="number_xlsx"),
]
