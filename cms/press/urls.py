"""Press channels: /api/v2/, /tin/ (feeds), /tai-ve/ (downloads), /tai-khoan/khoa-api/."""

from django.urls import include, path, re_path

from . import feeds, views
from .api import api_router

app_name = "press"

urlpatterns = [
    # The router reverses its URLs as "press:api:pages:...", nested in this app's namespace.
    path("api/v2/", include((api_router.get_urlpatterns(), "api"), namespace="api")),
    re_path(r"^api/(?P<rest>.*)$", views.api_not_found, name="api_not_found"),
    path("tin/chuyen-muc/<int:section_id>/rss.xml", feeds.section_rss, name="section_rss"),
    path("tin/chuyen-muc/<int:section_id>/atom.xml", feeds.section_atom, name="section_atom"),
    path("tin/chu-de/<str:slug>/rss.xml", feeds.theme_rss, name="theme_rss"),
    path("tin/chu-de/<str:slug>/atom.xml", feeds.theme_atom, name="theme_atom"),
    path("tin/dia-ban/<str:slug>/rss.xml", feeds.region_rss, name="region_rss"),
    path("tin/dia-ban/<str:slug>/atom.xml", feeds.region_atom, name="region_atom"),
    path("tin/tim-kiem/rss.xml", feeds.search_rss, name="search_rss"),
    path("tin/tim-kiem/atom.xml", feeds.search_atom, name="search_atom"),
    path("tai-ve/<int:page_id>/van-ban.docx", views.docx_view, name="docx"),
    path("tai-ve/<int:page_id>/van-ban.txt", views.txt_view, name="txt"),
    path("tai-ve/<int:page_id>/bo-tai-lieu-bao-chi.zip", views.pack_view, name="pack"),
    path("tai-ve/<int:page_id>/tep/<int:attachment_id>/", views.attachment_view, name="attachment"),
    path("tai-ve/<int:page_id>/anh/<int:image_id>/<str:size>/", views.image_view, name="image"),
    path("tai-khoan/khoa-api/", views.tokens_view, name="tokens"),
]
