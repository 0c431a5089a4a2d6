"""Whole content pages shared by every reader of one visibility class; the reader's
own parts rendered on each request.

A page template marks each part that is the reader's own (the header's name, bell and
logout form; the press box with its feed key; Wagtail's user bar) with
``{% per_user "template.html" %}``. Rendered to be shared, such a part becomes a hole;
the rest of the page is cached under ``shared_key`` (content version + visibility
class, home/caching.py) and each request renders only the holes, with ``page`` and
the context processors, into it.

This runs inside Wagtail's privacy check (``on_serve_page``, after
``check_view_restrictions``) and after the ``before_serve_page`` hooks (the time part
of the rule), so a page is taken from the cache only for a request that may see it.
Only plain GETs of the content page types, with no query string and no message
waiting to be shown, are shared; anything else is served as Wagtail serves it.
"""

import hashlib
import os
import re
import secrets
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.http import HttpResponse
from django.template import engines
from django.template.context import RequestContext
from django.template.response import SimpleTemplateResponse

from .caching import shared_key

# Where the code and templates that shape a page live: their files' times key the
# cache, so a deployment never serves a page rendered by the code it replaced.
_SOURCES = ("templates", "home", "cms")
_stamp = None
_fillers = {}


class Holes(list):
    """The per-user parts met while a page is rendered to be shared."""

    def __init__(self):
        super().__init__()
        self.nonce = secrets.token_hex(8)

    def mark(self, template_name):
        self.append(template_name)
        return f"\x00{self.nonce}:{len(self) - 1}\x00"

    def split(self, html):
        """The page's shared text between the holes (one more piece than holes)."""
        return re.split(f"\x00{self.nonce}:\\d+\x00", html)


def deploy_stamp():
    """A digest of the names and times of the files pages are made from, once per process."""
    global _stamp
    if _stamp is None:
        digest = hashlib.sha1()
        for source in _SOURCES:
            for root, dirs, files in os.walk(Path(settings.BASE_DIR) / source):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith((".py", ".html", ".txt")):
                        path = os.path.join(root, name)
                        digest.update(f"{path}:{os.path.getmtime(path)}".encode())
        _stamp = digest.hexdigest()[:12]
    return _stamp


def _shareable(page, request):
    from .models import CONTENT_MODELS

    return request.method == "GET" and not request.GET and isinstance(page, tuple(CONTENT_MODELS))


def _messages_waiting(request):
    messages = getattr(request, "_messages", None)
    return messages is not None and len(messages) > 0


def _filler(names):
    """One template rendering every hole of a page, separated by a marker."""
    if names not in _fillers:
        separator = f"\x00{secrets.token_hex(8)}\x00"
        source = separator.join('{%% include "%s" %%}' % name for name in names)
        _fillers[names] = (engines["django"].engine.from_string(source), separator)
    return _fillers[names]


def _fill(entry, page, request):
    pieces, names = entry
    if not names:
        return pieces[0]
    filler, separator = _filler(names)
    parts = filler.render(RequestContext(request, {"page": page})).split(separator)
    out = [pieces[0]]
    for part, piece in zip(parts, pieces[1:]):
        out += [part, piece]
    return "".join(out)


def _render_with_holes(make, request):
    """``make()``'s response rendered with the reader's parts left as holes: (response,
    its pieces and hole names, whether they may be shared). No pieces for a template
    response that is not a plain 200 page: it renders later as usual, parts and all."""
    request._page_holes = holes = Holes()
    try:
        response, shareable = make()
        if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
            if response.status_code != 200:
                return response, None, False
            response.render()
    finally:
        del request._page_holes
    entry = (holes.split(response.content.decode(response.charset)), tuple(holes))
    return response, entry, shareable and response.status_code == 200


def serve_shared(request, key, make, page=None, timeout=DEFAULT_TIMEOUT):
    """The page ``make()`` renders, shared under ``key`` (which must hold all that decides
    the page: content version and visibility class at least, see ``shared_key``), its
    holes filled for this request. ``make`` returns (response, whether it may be shared)."""
    if not request.user.is_authenticated or _messages_waiting(request):
        return make()[0]  # messages are shown once, to this reader: nothing to share
    entry = cache.get(key)
    if entry is not None:
        return HttpResponse(_fill(entry, page, request))
    response, entry, shareable = _render_with_holes(make, request)
    if entry is None:
        return response
    if shareable:
        cache.set(key, entry, timeout)
    response.content = _fill(entry, page, request)
    return response


def shared_page(callback):
    """Wagtail's serve chain with content pages shared (an ``on_serve_page`` hook)."""

    def serve(page, request, args, kwargs):
        if not _shareable(page, request):
            return callback(page, request, args, kwargs)
        key = shared_key("page", request, page.pk, deploy_stamp())
        request.is_preview = False  # as Page.serve says, for the holes
        return serve_shared(request, key, lambda: (callback(page, request, args, kwargs), True), page)

    return serve
