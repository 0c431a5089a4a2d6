"""A collection's feeds and exports (feed readers and scripts authenticate by key, as on /tin/),
and saving a search as a collection."""

from django.urls import path

from . import feeds, views

app_name = "collections"

urlpatterns = [
    path("tin/bo-suu-tap/<int:page_id>/rss.xml", feeds.collection_rss, name="rss"),
    path("tin/bo-suu-tap/<int:page_id>/atom.xml", feeds.collection_atom, name="atom"),
    path("tai-ve/bo-suu-tap/<int:page_id>/ket-qua.csv", views.csv_view, name="csv"),
    path("tai-ve/bo-suu-tap/<int:page_id>/ket-qua.xlsx", views.xlsx_view, name="xlsx"),
    path("bo-suu-tap/luu-tim-kiem/", views.save_search, name="save_search"),
]
