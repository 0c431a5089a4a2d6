"""Serving a page follows the site's one visibility rule (``visibility``): a page
still live with its go-live date ahead, or past its expiry before the scheduler
has run, is not served, as it is listed and found nowhere. (Wagtail checks page
privacy itself; previews do not pass through this hook.)"""

from django.http import Http404
from wagtail import hooks

from .visibility import is_published


@hooks.register("before_serve_page")
def serve_only_published(page, request, serve_args, serve_kwargs):
    if not is_published(page):
        raise Http404("Trang chưa đến ngày đăng hoặc đã hết hạn.")
