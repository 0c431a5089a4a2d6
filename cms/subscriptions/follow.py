"""What a "Theo dõi" button follows: the page being read (a section, a
collection) and the filters and words of the listing, as the reader sees them."""

from wagtail.models import Page

from cms.content.filters import FILTER_LABELS

from .matching import SAVED_QUERY_METHOD, read_query
from .models import Subscription, subscription_key


def target_page(page):
    """The page a follower of ``page`` hears about: a collection or a section; None elsewhere."""
    if page is None or not isinstance(page, Page):
        return None
    specific = page.specific
    if callable(getattr(specific, SAVED_QUERY_METHOD, None)) or type(specific).__name__ == "SectionPage":
        return specific
    return None


def describe(page, filters, text) -> str:
    parts = []
    if page is not None:
        parts.append(f"{page._meta.verbose_name}: {page.title}")
    parts += [f"{FILTER_LABELS[name]}: {label}" for name, label in filters.chips()]
    if text:
        parts.append(f"Từ khoá “{text}”")
    return " · ".join(parts)


def wanted(params, page):
    """(page, filters, text, ok) for a listing's parameters; ``ok`` is False when
    nothing would be followed or a value was refused."""
    filters, text, accepted = read_query(params)
    if page is not None and callable(getattr(page, SAVED_QUERY_METHOD, None)):
        filters, text = read_query({})[0], ""  # a collection is followed as it is saved, not as filtered
    ok = accepted and bool(page is not None or filters.values or text)
    return page, filters, text, ok


def existing(user, page, filters, text):
    key = subscription_key(page.pk if page else None, filters.values, text)
    return Subscription.objects.filter(user=user, key=key).first()
