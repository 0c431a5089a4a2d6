"""{% shared_fragment page %}…{% endshared_fragment %}: a part of a page rendered once and
shared by every reader of the same visibility class (home/caching.py), never in a preview.

Only what the page itself shows belongs inside: nothing of the user (names, tokens,
subscriptions, CSRF fields) may be, since the fragment is shared between users.
"""

import hashlib
import os

from django import template

from home.caching import kept, shared_key

register = template.Library()


def _template_stamp(context):
    """The page's own template (one extending the fragment's) and when it last changed."""
    name = getattr(getattr(getattr(context, "template", None), "origin", None), "name", "") or ""
    try:
        return hashlib.sha1(f"{name}:{os.path.getmtime(name)}".encode()).hexdigest()[:8]
    except OSError:
        return hashlib.sha1(name.encode()).hexdigest()[:8]


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, page, fingerprint):
        self.nodelist = nodelist
        self.page = page
        self.fingerprint = fingerprint

    def render(self, context):
        request = context.get("request")
        page = self.page.resolve(context)
        if request is None or getattr(request, "is_preview", False) or not getattr(page, "pk", None):
            return self.nodelist.render(context)
        key = shared_key("fragment", request, page.pk, self.fingerprint, _template_stamp(context))
        return kept(key, lambda: self.nodelist.render(context))


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% shared_fragment page %} takes the page")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    # The template and its modification time: a changed template never serves an old fragment.
    origin = getattr(parser, "origin", None)
    name = getattr(origin, "name", "") or ""
    try:
        mtime = os.path.getmtime(name)
    except OSError:
        mtime = 0
    position = len(getattr(parser, "_shared_fragments", ()))
    parser._shared_fragments = (*getattr(parser, "_shared_fragments", ()), position)
    fingerprint = hashlib.sha1(f"{name}:{mtime}:{position}".encode()).hexdigest()[:12]
    return SharedFragmentNode(nodelist, parser.compile_filter(bits[1]), fingerprint)


class PerUserNode(template.Node):
    """A part of the reader's own: rendered in place, or left as a hole when the page
    is rendered to be shared (home/page_cache.py fills it on every request)."""

    def __init__(self, template_name):
        self.template_name = template_name

    def render(self, context):
        holes = getattr(context.get("request"), "_page_holes", None)
        if holes is not None:
            return holes.mark(self.template_name)
        with context.push():
            return context.template.engine.get_template(self.template_name).render(context)


@register.tag
def per_user(parser, token):
    """{% per_user "template.html" %}: the template may use only ``page`` and what the
    context processors give (user, perms, csrf_token, request), since a hole is filled
    with those alone. Never inside a ``{% shared_fragment %}`` (it would keep the hole)."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "'\"" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('{% per_user "template.html" %} takes a quoted template name')
    return PerUserNode(bits[1][1:-1])
