"""{% feed_links %}: <link rel="alternate"> in a page's head, so feed readers find
the RSS and Atom feeds of the home page, a section, the theme and region it is
filtered by, and a search."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join

from home.models import HomePage, SectionPage

register = template.Library()


def _pair(title, name, args=(), query=""):
    suffix = f"?{query}" if query else ""
    return [
        (title + " (RSS)", "application/rss+xml", reverse(f"press:{name}_rss", args=args) + suffix),
        (title + " (Atom)", "application/atom+xml", reverse(f"press:{name}_atom", args=args) + suffix),
    ]


def feeds_for(page, filters, request):
    """(title, type, url) of every feed the page offers."""
    feeds = []
    if request is not None and request.path == reverse("search"):
        query = request.GET.copy()
        query.pop("page", None)
        title = f"Tìm kiếm “{request.GET.get('q', '').strip()}”" if request.GET.get("q", "").strip() else "Tìm kiếm"
        return _pair(title, "search", query=query.urlencode())
    if isinstance(page, HomePage):
        feeds += _pair("Tất cả nội dung mới", "search")
    elif isinstance(page, SectionPage):
        feeds += _pair(page.title, "section", [page.pk])
    elif page is not None:
        section = SectionPage.top_of(page)
        if section is not None:
            feeds += _pair(section.title, "section", [section.pk])
    if filters is not None:
        if getattr(filters, "theme", None):
            feeds += _pair(f"Chủ đề {filters.theme.name}", "theme", [filters.theme.slug])
        if getattr(filters, "region", None):
            feeds += _pair(filters.region.full_name, "region", [filters.region.slug])
    return feeds


@register.simple_tag(takes_context=True)
def feed_links(context):
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    feeds = feeds_for(context.get("page"), context.get("filters"), request)
    return format_html_join(
        "\n    ", '<link rel="alternate" type="{}" title="{}" href="{}">', ((kind, title, url) for title, kind, url in feeds)
    )
