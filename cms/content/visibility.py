"""Which live pages a request may see, honouring Wagtail page privacy.

Wagtail checks view restrictions when it serves a page; listings, feeds and
search must apply the same rule or they leak titles and summaries.
"""

from wagtail.models import PageViewRestriction


def visible_pages(queryset, request):
    """Live pages of ``queryset`` not hidden by a restriction the request fails."""
    queryset = queryset.live()
    for restriction in PageViewRestriction.objects.select_related("page"):
        if not restriction.accept_request(request):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset
