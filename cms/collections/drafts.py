"""Saving a search as a collection: who may, where the draft goes, what it holds."""

from django.db import transaction
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.content.filters import FILTER_LABELS, parse_filters
from home.models import HomePage, SectionPage
from search.params import parse_search
from search.query import SORTS
from vietnamese.text import slugify

from .models import CollectionPage

NEW_TITLE = "Bộ sưu tập mới"
SLUG_PREFIX = "bo-suu-tap"


def collection_parent(user) -> Page | None:
    """Where ``user`` may add a collection: the home page if allowed, else the first
    section (in tree order) they may add pages to; None when nowhere (no button then)."""
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return None
    allowed = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"add"})
    parents = allowed.type(HomePage, SectionPage).order_by("path")
    for parent in parents[:50]:
        if CollectionPage.can_create_at(parent.specific):
            return parent.specific
    return None


def draft_title(params) -> str:
    filters, _problems = parse_filters(params)
    words = [f"“{params.get('q', '').strip()[:120]}”"] if params.get("q", "").strip() else []
    words += [label for _name, label in filters.chips()]
    # The page says "Bộ sưu tập" above its title already: the title is the search itself.
    return ", ".join(words)[:250] if words else NEW_TITLE


def _free_slug(parent, base):
    base = f"{SLUG_PREFIX}-{base}"[:80].strip("-") if base else SLUG_PREFIX
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_draft(user, parent, params) -> CollectionPage:
    """A draft collection under ``parent`` holding the search in ``params`` (values the
    parser refuses are left out, as /tim-kiem/ leaves them out)."""
    query, _messages = parse_search(params)
    title = draft_title(params)
    sort = str(params.get("sort", "") or "").strip()
    page = CollectionPage(
        title=title,
        slug=_free_slug(parent, slugify(title) if title != NEW_TITLE else "moi"),
        query=query.text,
        date_from=query.date_from,
        date_to=query.date_to,
        sort=sort if sort in SORTS else "",
        owner=user,
        live=False,
        **{name: query.filters.get(name, "") for name in FILTER_LABELS},
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
