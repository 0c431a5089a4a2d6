from wagtail.models import Site

from .caching import kept, version_key
from .models import SectionPage


def navigation(request):
    """Top-level sections for the site menu (the same for every reader: cached per content version)."""
    site = Site.find_for_request(request)
    if site is None or not request.user.is_authenticated:
        return {"nav_sections": []}
    sections = kept(
        version_key("nav", site.pk), lambda: list(SectionPage.objects.child_of(site.root_page).live().in_menu())
    )
    return {"nav_sections": sections}
