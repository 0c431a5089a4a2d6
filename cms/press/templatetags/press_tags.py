"""{% press_downloads page %}: the downloads, copy-text and feed box of a content page."""

from django import template
from django.urls import reverse

from cms.content.visibility import is_published
from home.caching import kept, shared_key
from home.models import SectionPage

from ..packs import has_press_pack
from ..text import copy_text
from ..tokens import can_use_tokens, feed_token_for

register = template.Library()


@register.inclusion_tag("press/downloads.html", takes_context=True)
def press_downloads(context, page):
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"show": False}
    # Drafts in preview and embargoed pages have nothing to download yet. A page being
    # served passed the visibility rule already (Wagtail's privacy check and the
    # before_serve_page hook): only the time part is left to ask, without a query.
    if getattr(request, "is_preview", False) or not is_published(page):
        return {"show": False}
    shared = _shared_box(page, request)
    token = feed_token_for(request.user) if can_use_tokens(request.user) else None
    suffix = f"?token={token}" if token else ""
    return {
        **shared,
        "show": True,
        "page": page,
        "feeds": [(label, rss + suffix, atom + suffix) for label, rss, atom in shared["feeds"]],
        "can_use_tokens": token is not None,
    }


def _shared_box(page, request):
    """What the box shows of the page itself, the same for every reader who may see it:
    cached per content version and visibility class (home/caching.py). The reader's
    feed key is added by the caller."""
    return kept(shared_key("press-box", request, page.pk), lambda: _box_of(page))


def _box_of(page):
    feeds = []
    section = SectionPage.top_of(page)
    if section is not None:
        feeds.append((section.title, reverse("press:section_rss", args=[section.pk]), reverse("press:section_atom", args=[section.pk])))
    for theme in page.themes.all():
        feeds.append((f"Chủ đề {theme.name}", reverse("press:theme_rss", args=[theme.slug]), reverse("press:theme_atom", args=[theme.slug])))
    for region in page.regions.all():
        feeds.append((region.full_name, reverse("press:region_rss", args=[region.slug]), reverse("press:region_atom", args=[region.slug])))
    return {
        "docx_url": reverse("press:docx", args=[page.pk]),
        "txt_url": reverse("press:txt", args=[page.pk]),
        "pack_url": reverse("press:pack", args=[page.pk]) if has_press_pack(page) else "",
        "attachments": [
            (attachment, reverse("press:attachment", args=[page.pk, attachment.pk]))
            for attachment in page.attachments.all().select_related("document")
        ],
        "copy_text": copy_text(page),
        "feeds": feeds,
        "tokens_url": reverse("press:tokens"),
    }
