from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.accounts.views import IntranetLoginView, IntranetLogoutView
from cms.files.views import serve_media
from search import views as search_views

urlpatterns = [
    path("dang-nhap/", IntranetLoginView.as_view(), name="login"),
    path("dang-xuat/", IntranetLogoutView.as_view(), name="logout"),
    path("tim-kiem/", search_views.search_page, name="search"),
    path("tim-kiem/goi-y/", search_views.suggest, name="search_suggest"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Uploaded files only after a check of the pages they belong to, DEBUG or not (cms.files).
    re_path(r"^media/(?P<path>.+)$", serve_media, name="media"),
    path("", include("cms.press.urls")),
    path("", include("cms.collections.urls")),
    path("", include("cms.subscriptions.urls")),
    path("", include("cms.tracking.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]

# A database outage answers 503 in Vietnamese (JSON under /api/), not 500 (cms.accounts.outage).
handler500 = "cms.accounts.outage.server_error"
