"""The Wagtail site of a request, read from the shared cache instead of three queries."""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from .caching import content_version


def _site_for(request):
    """``Site.find_for_request``'s answer, with the root page and its specific page
    loaded, cached per content version (a site or page change takes a new version)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"content:site:{content_version()}:{hostname}:{request.get_port()}"
    found = cache.get(key)
    if found is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018 - loaded now, so it is kept with the site
        found = (site,)
        cache.set(key, found)
    return found[0]


class SharedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Where Wagtail keeps the site of a request (Site.find_for_request).
        request._wagtail_site = _site_for(request)
        return self.get_response(request)
