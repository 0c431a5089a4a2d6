"""{% save_as_collection %}: the search page's "Lưu thành bộ sưu tập" button, for those who may add one."""

from django import template

from cms.press.tokens import feed_token_for

from ..drafts import collection_parent

register = template.Library()


@register.inclusion_tag("collections/save_search_button.html", takes_context=True)
def save_as_collection(context):
    request = context["request"]
    parent = collection_parent(request.user)
    params = [(key, value) for key, value in request.GET.items() if key not in ("page",) and value]
    return {"parent": parent, "params": params, "csrf_token": context.get("csrf_token")}


@register.simple_tag(takes_context=True)
def feed_key(context):
    """The reader's feed key for the links a feed reader will open without a session."""
    return feed_token_for(context["request"].user)
