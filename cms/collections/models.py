"""The collection page: a saved query of the archive that always lists what matches.

The query is kept field by field, each under the name the archive filter
parser (cms.content.filters) reads, so a collection asks the search service
exactly what /tim-kiem/ asks for the same query string.
"""

from urllib.parse import urlencode

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page

from cms.content.slugs import promote_panels
from cms.press.tokens import feed_token_for
from search.query import NEWEST, RELEVANCE
from vietnamese.vocabulary import CONTENT_KIND_LABELS, FILTERS, KIND_LABELS, LEVELS, VALIDITY, choices

from .forms import CollectionPageForm
from .query import page_context, params_of

SORT_CHOICES = [("", "Mặc định (như trang tìm kiếm)"), (RELEVANCE, "Liên quan nhất"), (NEWEST, "Mới nhất")]


def _filter_field(name, max_length=200, **kwargs):
    return models.CharField(FILTERS[name], max_length=max_length, blank=True, **kwargs)


class CollectionPage(Page):
    intro = models.TextField("Giới thiệu", blank=True)
    query = models.CharField(
        "Từ khoá", max_length=1000, blank=True, help_text="Như ô tìm kiếm: có dấu hay không dấu, số hiệu văn bản, cụm từ trong ngoặc kép."
    )
    content = _filter_field("content", 20, choices=choices(CONTENT_KIND_LABELS))
    kind = _filter_field("kind", 40, choices=choices(KIND_LABELS))
    theme = _filter_field("theme")
    region = _filter_field("region", help_text="Gồm cả các đơn vị trực thuộc (tỉnh cũ, huyện).")
    issuer = _filter_field("issuer")
    level = _filter_field("level", 20, choices=choices(LEVELS))
    validity = _filter_field("validity", 20, choices=choices(VALIDITY))
    year = _filter_field("year", 4)
    date_from = models.DateField("Từ ngày", null=True, blank=True, help_text="Ngày ban hành.")
    date_to = models.DateField("Đến ngày", null=True, blank=True)
    sort = models.CharField("Sắp xếp", max_length=20, blank=True, choices=SORT_CHOICES)

    base_form_class = CollectionPageForm
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("query"),
                FieldRowPanel([FieldPanel("content"), FieldPanel("kind")]),
                FieldRowPanel([FieldPanel("theme"), FieldPanel("region")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("validity")]),
                FieldRowPanel([FieldPanel("year"), FieldPanel("sort")]),
                FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]),
            ],
            heading="Điều kiện lọc (xem trước để thấy kết quả)",
        ),
    ]
    promote_panels = promote_panels()
    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    template = "collections/collection_page.html"

    class Meta:
        verbose_name = "Bộ sưu tập"
        verbose_name_plural = "Bộ sưu tập"

    def saved_params(self) -> dict[str, str]:
        """The saved query as /tim-kiem/'s query string (names of cms.content.filters.PAGE_PARAMS)."""
        return params_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        context.update(self.channel_urls(request))
        return context

    def channel_urls(self, request) -> dict[str, str]:
        """Feed and export links; a feed reader has no session, so they carry the reader's feed key."""
        if not self.pk:  # the preview of a page not saved yet
            return {}
        key = feed_token_for(request.user)
        suffix = "?" + urlencode({"token": key}) if key else ""
        urls = {name: reverse(f"collections:{name}", args=[self.pk]) for name in ("rss", "atom", "csv", "xlsx")}
        urls["rss"] += suffix
        urls["atom"] += suffix
        return {f"{name}_url": url for name, url in urls.items()} | {"feed_key": key}
