"""The Wagtail site of a request, read from the shared cache instead of three queries."""

from django.http.request import split_domain_port
from wagtail.models import Site

from .caching import kept, version_key


def _site_for(request):
    """``Site.find_for_request``'s answer, with the root page and its specific page
    loaded, cached per content version (a site or page change takes a new version)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    return kept(version_key("site-of", hostname, request.get_port()), lambda: _find_site(request))


def _find_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 - loaded now, so it is kept with the site
    return site


class SharedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Where Wagtail keeps the site of a request (Site.find_for_request).
        request._wagtail_site = _site_for(request)
        return self.get_response(request)
