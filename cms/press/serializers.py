"""What the JSON API says about a page: one function per field, one DRF field class.

Each field is computed from the specific page, so the four kinds share one
schema; kind-specific facts sit in ``metadata``.
"""

from django.urls import reverse
from rest_framework.fields import Field
from wagtail.api import APIField

from vietnamese.vocabulary import CONTENT_KIND_LABELS

from .images import image_data, page_images
from .packs import has_press_pack
from .text import body_html, body_text, metadata


class PageDataField(Field):
    """A read-only field whose value is ``function(page, request)``."""

    def __init__(self, function, **kwargs):
        self.function = function
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page):
        return self.function(page.specific, self.context["request"])


def _absolute(request, url):
    return request.build_absolute_uri(url)


def kind(page, request):
    return page.content_kind


def kind_label(page, request):
    return CONTENT_KIND_LABELS.get(page.content_kind, "")


def issued_date(page, request):
    return page.issued_date.isoformat() if page.issued_date else None


def themes(page, request):
    return [{"slug": theme.slug, "name": theme.name} for theme in page.themes.all().order_by("name")]


def regions(page, request):
    return [
        {"slug": r.slug, "name": r.name, "full_name": r.full_name, "level": r.level, "historical": r.historical}
        for r in page.regions.all().order_by("path")
    ]


def page_metadata(page, request):
    return [{"key": key, "label": label, "value": value} for key, label, value in metadata(page)]


def detail_url(page, request):
    return _absolute(request, reverse("press:api:pages:detail", args=[page.pk]))


def html_url(page, request):
    return _absolute(request, page.get_url(request))


def images(page, request):
    return [image_data(request, page, item) for item in page_images(page)]


def attachments(page, request):
    return [
        {
            "title": attachment.document.title,
            "caption": attachment.caption,
            "is_original": attachment.is_original,
            "file_extension": attachment.document.file_extension,
            "file_size": attachment.document.get_file_size(),
            "url": _absolute(request, reverse("press:attachment", args=[page.pk, attachment.pk])),
        }
        for attachment in page.attachments.all().select_related("document")
    ]


def downloads(page, request):
    links = {
        "docx": _absolute(request, reverse("press:docx", args=[page.pk])),
        "txt": _absolute(request, reverse("press:txt", args=[page.pk])),
    }
    if has_press_pack(page):
        links["press_pack"] = _absolute(request, reverse("press:pack", args=[page.pk]))
    return links


def clean_html(page, request):
    return body_html(page, lambda image: _absolute(request, reverse("press:image", args=[page.pk, image.pk, "web"])))


def plain_text(page, request):
    return body_text(page)


def field(name, function):
    return APIField(name, serializer=PageDataField(function))


BODY_FIELDS = [
    APIField("id"),
    APIField("title"),
    field("kind", kind),
    field("kind_label", kind_label),
    APIField("summary"),
    field("issued_date", issued_date),
    field("themes", themes),
    field("regions", regions),
    field("metadata", page_metadata),
    field("body_html", clean_html),
    field("body_text", plain_text),
    field("images", images),
    field("attachments", attachments),
    field("downloads", downloads),
]
META_FIELDS = [
    APIField("type"),
    field("detail_url", detail_url),
    field("html_url", html_url),
    APIField("slug"),
    APIField("first_published_at"),
    APIField("last_published_at"),
]
LISTING_FIELDS = [
    "id", "type", "detail_url", "html_url", "title", "kind", "kind_label",
    "summary", "issued_date", "themes", "regions", "downloads",
]
