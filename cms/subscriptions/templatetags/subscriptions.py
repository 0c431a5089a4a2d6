"""The header's bell and the "Theo dõi" button of listings."""

from django import template

from ..follow import describe, existing, target_page, wanted

register = template.Library()


@register.inclusion_tag("subscriptions/bell.html", takes_context=True)
def notification_bell(context):
    from ..views import unread_count

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {"show": True, "unread": unread_count(request)}


@register.inclusion_tag("subscriptions/follow_button.html", takes_context=True)
def follow_button(context, page=None):
    """Follow what the reader is looking at: ``page`` (a section or a collection)
    narrowed by the listing's filters and words in the query string."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"show": False}
    target, filters, text, ok = wanted(request.GET, target_page(page))
    if not ok:
        return {"show": False}
    return {
        "show": True,
        "page": target,
        "filters": filters.values,
        "text": text,
        "label": describe(target, filters, text),
        "following": existing(request.user, target, filters, text),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
