"""Who may have a file: the pages it belongs to decide.

A document, an image or one of its renditions is handed out only when the
request may see at least one page that uses it (``visibility.visible_pages``:
published, neither embargoed nor past its expiry, not hidden by page privacy),
or may edit one (an editor previewing a draft). A file no page uses is a
library item: only users of the admin get it. Wagtail's reference index
records which pages use a file, from inline panels and StreamField blocks
alike. Collection privacy, where set, applies as well.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from cms.content.visibility import visible_pages


def pages_using(obj):
    """The pages whose content refers to ``obj`` (a document or an image)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in ids])


def _collection_refuses(obj, request):
    collection = getattr(obj, "collection", None)
    if collection is None:
        return False
    return any(not r.accept_request(request) for r in collection.get_view_restrictions())


def may_have_file(request, obj):
    """Whether ``request`` may download ``obj`` (a document or an image)."""
    user = request.user
    if not user.is_authenticated or _collection_refuses(obj, request):
        return False
    pages = pages_using(obj)
    if visible_pages(pages, request).exists():
        return True
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    if not pages.exists():
        return True
    return any(page.permissions_for_user(user).can_edit() for page in pages.specific())
