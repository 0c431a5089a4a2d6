"""The home page and the section pages that list content."""

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.http import Http404
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from cms.cases.models import ExemplaryCasePage
from cms.content.filters import filter_pages, parse_filters
from cms.content.models import ContentPage
from cms.content.slugs import promote_panels
from cms.content.visibility import visible_pages
from cms.directives.models import OfficialDocumentPage, PlanPage
from cms.materials.models import PropagandaMaterialPage
from cms.taxonomy.models import Region, Theme
from vietnamese.vocabulary import CONTENT_KIND_LABELS, KIND_CHOICES, SECTION_SLUGS, choices

from .caching import routed_page
from .listing import paginate

CONTENT_MODELS = [OfficialDocumentPage, PlanPage, ExemplaryCasePage, PropagandaMaterialPage]


class HomePage(Page):
    intro = models.TextField("Lời giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = promote_panels()
    subpage_types = ["home.SectionPage", "collections.CollectionPage"]
    max_count = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = "Trang chủ"

    def route(self, request, path_components):
        """Wagtail's routing, with the page at a path found in one query (two per
        path segment otherwise): the path's page type and id are cached per content
        version (home/caching.py). Pages with their own routing get Wagtail's."""
        if path_components:
            page = routed_page(self.url_path + "/".join(path_components) + "/")
            if page is not None and type(page).route is Page.route:
                if not page.live:
                    raise Http404
                return RouteResult(page)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = SectionPage.objects.child_of(self).live().specific()
        latest = visible_pages(ContentPage.objects.descendant_of(self), request)
        context["latest"] = latest.order_by("-first_published_at").specific()[:8]
        return context


class SectionPage(Page):
    """A section (chuyên mục) that lists the content beneath it, with filters."""

    intro = models.TextField("Giới thiệu", blank=True)
    content_kind = models.CharField("Loại nội dung", max_length=20, choices=choices(CONTENT_KIND_LABELS), default="van_ban")
    region = models.ForeignKey(
        Region,
        verbose_name="Địa bàn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Chuyên mục của một địa phương; để trống với chuyên mục chung.",
    )

    promote_panels = promote_panels()
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("intro"), FieldRowPanel([FieldPanel("content_kind"), FieldPanel("region")])],
            heading="Chuyên mục",
        )
    ]
    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["home.SectionPage", *CONTENT_MODELS, "collections.CollectionPage"]
    template = "home/section_page.html"

    class Meta:
        verbose_name = "Chuyên mục"
        verbose_name_plural = "Chuyên mục"

    @classmethod
    def for_content(cls, content_kind, regions):
        """Where new content of a kind goes: the regional subsection of the kind's
        section for the content's today's province if there is one, else the
        kind's section itself."""
        top = cls.objects.filter(slug=SECTION_SLUGS[content_kind], depth=3).first()
        if top is None:
            return None
        for region in regions:
            # Historical units resolve to today's province (districts no longer exist).
            regional = cls.objects.child_of(top).filter(region=region.current_unit()).first()
            if regional:
                return regional
        return top

    @classmethod
    def top_of(cls, page):
        """The top-level section above ``page``: its theme and region links filter it.
        Kept on the page object, so the several parts of one page that ask cost one query."""
        if "_top_section" not in page.__dict__:
            page.__dict__["_top_section"] = cls.objects.ancestor_of(page).order_by("depth").first()
        return page.__dict__["_top_section"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = visible_pages(ContentPage.objects.descendant_of(self), request)
        filters, problems = parse_filters(request.GET)
        notices = [problem.notice for problem in problems]
        results = filter_pages(pages, filters).order_by("-issued_date", "-first_published_at", "title")
        page_obj = paginate(results, request.GET.get("page"), settings.LISTING_PAGE_SIZE, notices)
        context.update(
            filters=filters,
            notices=notices,
            page_obj=page_obj,
            items=[item.specific for item in page_obj.object_list],
            subsections=SectionPage.objects.child_of(self).live(),
            filter_options=self.filter_options(pages),
        )
        return context

    def filter_options(self, pages):
        """Choices for the filter form: only values that occur in this section."""
        ids = pages.values("pk")
        kinds_used = set(
            ContentPage.objects.filter(pk__in=ids)
            .exclude(officialdocumentpage__kind=None)
            .values_list("officialdocumentpage__kind", flat=True)
        )
        years = sorted(
            {d.year for d in ContentPage.objects.filter(pk__in=ids, issued_date__isnull=False).values_list("issued_date", flat=True)},
            reverse=True,
        )
        return {
            "kinds": [(value, label) for value, label in KIND_CHOICES if value in kinds_used],
            "themes": Theme.objects.filter(theme_items__content_object__in=ids)
            .annotate(n=Count("theme_items"))
            .order_by("-curated", "name"),
            # Each unit indented one step per level below today's provinces (depth 2).
            "regions": [
                (region, "— " * max(0, region.depth - 2))
                for region in Region.with_ancestors(Region.objects.filter(pages__in=ids).values_list("path", flat=True).distinct())
            ],
            "years": years,
        }
