from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("theo-doi/", views.subscriptions, name="subscriptions"),
    path("theo-doi/them/", views.subscribe, name="subscribe"),
    path("theo-doi/huy/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("thong-bao/", views.notifications, name="notifications"),
    path("thong-bao/<int:pk>/", views.open_notification, name="open"),
]
