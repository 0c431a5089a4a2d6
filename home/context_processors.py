from django.core.cache import cache
from wagtail.models import Site

from .caching import content_version
from .models import SectionPage


def navigation(request):
    """Top-level sections for the site menu (the same for every reader: cached per content version)."""
    site = Site.find_for_request(request)
    if site is None or not request.user.is_authenticated:
        return {"nav_sections": []}
    key = f"nav:{site.pk}:{content_version()}"
    sections = cache.get(key)
    if sections is None:
        sections = list(SectionPage.objects.child_of(site.root_page).live().in_menu())
        cache.set(key, sections)
    return {"nav_sections": sections}
