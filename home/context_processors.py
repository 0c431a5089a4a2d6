from wagtail.models import Site

from .models import SectionPage


def navigation(request):
    """Top-level sections for the site menu."""
    site = Site.find_for_request(request)
    if site is None or not request.user.is_authenticated:
        return {"nav_sections": []}
    return {"nav_sections": SectionPage.objects.child_of(site.root_page).live().in_menu()}
