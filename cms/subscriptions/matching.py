"""Whether a published page matches a subscription or a content rule.

Written in the archive's own rules: the filter parser and ``filter_pages``
(cms/content/filters.py, where a region includes what lies beneath it) and,
for free text, the words search stores for the page (search/indexing.py)
folded by the text core, every word of the query required.
"""

from cms.content.filters import PAGE_PARAMS, ArchiveFilters, filter_pages, parse_filters
from cms.content.models import ContentPage
from search.indexing import document_for_page
from vietnamese.text import fold, tokenize

from .models import NotificationRule, Subscription

# A collection page (cms/collections) gives its saved query this way, as the
# archive's page parameters (theme=…, region=…, q=…, from=…), so a follower of
# the collection hears of exactly what it would list.
SAVED_QUERY_METHOD = "saved_params"


def read_query(params, with_dates=False) -> tuple[ArchiveFilters, str, bool]:
    """The accepted filters and free text in ``params``, and whether all of it was accepted.
    A reader's subscription follows what is new, not a period: dates only for a saved query."""
    filters, problems = parse_filters(params, PAGE_PARAMS)
    if not with_dates:
        filters.date_from = filters.date_to = None
    return filters, str(params.get("q", "") or "").strip()[:200], not problems


def text_matches(text: str, page) -> bool:
    words = set(tokenize(fold(text)))
    if not words:
        return True
    doc = document_for_page(page)
    return doc is not None and words <= set(tokenize(fold(doc.all_text)))


def _query_matches(page, filters: ArchiveFilters, text: str, within=None) -> bool:
    pages = ContentPage.objects.filter(pk=page.pk)
    if within is not None:
        pages = pages.descendant_of(within)
    return filter_pages(pages, filters).exists() and text_matches(text, page)


def subscription_matches(subscription: Subscription, page) -> bool:
    target = subscription.page.specific if subscription.page_id else None
    saved = getattr(target, SAVED_QUERY_METHOD, None)
    if callable(saved):
        filters, text, ok = read_query(saved(), with_dates=True)
        return ok and _query_matches(page, filters, text)
    params = dict(subscription.filters)
    filters, _, ok = read_query(params)
    # A subscription naming a theme or a region that no longer exists matches nothing, not everything.
    return ok and _query_matches(page, filters, subscription.text, within=target)


def rule_matches(rule: NotificationRule, page) -> bool:
    return rule.active and page.path.startswith(rule.section.path)
