"""A new page into the tree, with what Wagtail asks the database per page asked once per batch.

``section.add_child(instance=page)`` locks the parent row, looks its last child up, checks the
slug against the siblings twice, reads the parent's locale, asks whether the new page is a site
root, and saves each inline row (a citation, an attachment, a theme, a region) with a query and a
look-up of its own. Inside ``batch()`` the parent is locked and read once (its last child's path,
its children's slugs, its locale); each new page gets the next path and a free slug from that,
validated as Wagtail validates a draft, and its inline rows are inserted together after it.
Its two history entries ("created", "edited" with the revision) are written in one INSERT by
``save_revision`` (each would be validated with three look-ups of rows just written).
"""

import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from treebeard.exceptions import PathOverflow
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision

from cms.directives.models import DocumentCitation

logger = logging.getLogger("wagtail")


@dataclass
class _Parent:
    last_path: str | None
    locale_id: int
    slugs: set = field(default_factory=set)


class _Batch(threading.local):
    def __init__(self):
        self.parents: dict[int, _Parent] | None = None
        self.touched: set | None = None


_batch = _Batch()


@contextmanager
def batch():
    """Parents read once for the pages added inside (the batch's transaction holds their lock)."""
    if _batch.parents is not None:  # nested: the outer batch owns the cache
        yield
        return
    _batch.parents, _batch.touched = {}, set()
    try:
        yield
        _count_children(_batch.touched)
    finally:
        _batch.parents, _batch.touched = None, None


def _count_children(parent_ids):
    """Each parent's numchild set once, from its children as the batch leaves them (add_child
    adds one per page; a rolled-back page's one is gone with it here too)."""
    for parent_id in parent_ids:
        parent = Page.objects.only("path", "depth").get(pk=parent_id)
        count = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
        Page.objects.filter(pk=parent_id).update(numchild=count)


def forget():
    """A document was rolled back: its path and slug are free again, so read the parents anew."""
    if _batch.parents is not None:
        _batch.parents.clear()


def add_child(parent, page):
    """``parent.add_child(instance=page)``, the page's inline rows inserted one query per relation."""
    held = _hold_back_rows(page)
    if _batch.parents is None:
        parent.add_child(instance=page)
    else:
        _place(parent, page)
        page.save(clean=False, log_action=None)  # validated by _place, as Wagtail's save validates a draft
        # The entry Page.save writes for a new page, written with the revision's (save_revision).
        page._held_log_entries = [_log_entry(page, "wagtail.create", user=page.owner, content_changed=True)]
    _insert_rows(page, held)


def save_revision(page, user=None, clean=True):
    """``page.save_revision(user=user, log_action=True, clean=clean)``, its history entry and a
    new page's "created" entry written together."""
    entries = page.__dict__.pop("_held_log_entries", None)
    if entries is None:  # an existing page, or one placed outside a batch: Wagtail's own
        revision = page.save_revision(user=user, log_action=False, clean=clean)
        entries = []
    else:
        revision = _first_revision(page, user, clean)
    entries.append(_log_entry(page, "wagtail.edit", user=user, revision=revision, content_changed=True))
    PageLogEntry.objects.bulk_create(entries)
    return revision


def _first_revision(page, user, clean):
    """What ``Page.save_revision`` writes for a page just placed by ``add_child`` in this batch:
    the revision, then the page's four revision fields in one UPDATE. Wagtail's own call adds a
    savepoint, a second ``Page.save`` in a savepoint of its own (its slug and site-root checks
    skipped there for such a save), and a query for the page's comments, which a page created a
    moment ago has none of (its relation is empty in memory, set by ``_insert_rows``)."""
    if clean:
        page.full_clean()
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=user,
        approved_go_live_at=None,
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision_created_at = revision.created_at
    page.draft_title = page.title
    page.latest_revision = revision
    page.has_unpublished_changes = True
    # Django's save of these columns (the page row's UPDATE and its signals), as Page.save makes it.
    models.Model.save(page, update_fields=["latest_revision_created_at", "draft_title", "latest_revision", "has_unpublished_changes"])
    logger.info('Page edited: "%s" id=%d revision_id=%d', page.title, page.id, revision.id)
    return revision


def _log_entry(page, action, user=None, **fields):
    """The history entry wagtail.log_actions.log would write (without its look-ups)."""
    context = get_active_log_context()
    return PageLogEntry(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        label=PageLogEntry.objects.get_instance_title(page),
        action=action,
        timestamp=timezone.now(),
        data={},
        user=user or context.user,
        uuid=context.uuid,
        page=page,
        **fields,
    )


def _parent(parent):
    state = _batch.parents.get(parent.pk)
    if state is None:
        # The lock add_child takes on each call, taken once: it lasts until the batch commits.
        locked = Page.objects.select_for_update().only("path", "depth", "locale_id").get(pk=parent.pk)
        children = Page.objects.filter(path__startswith=locked.path, depth=locked.depth + 1)
        rows = list(children.values_list("path", "slug"))
        state = _Parent(max((path for path, _slug in rows), default=None), locked.locale_id, {s for _p, s in rows})
        _batch.parents[parent.pk] = state
    return state


def _place(parent, page):
    """Path, slug, locale and url path of a new child of ``parent``, as add_child and
    Page.minimal_clean would set and check them."""
    state = _parent(parent)
    page.depth = parent.depth + 1
    if state.last_path is None:
        page.path = Page._get_path(parent.path, page.depth, 1)
        if len(page.path) > Page._meta.get_field("path").max_length:
            raise PathOverflow("The new node is too deep in the tree")
    else:
        page.path = Page(path=state.last_path)._inc_path()
    page.title = Page._meta.get_field("title").clean(page.title, page)
    if not page.slug:
        base = slugify(page.title, allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True))
        if base:
            page.slug, suffix = base, 1
            while page.slug in state.slugs:
                suffix += 1
                page.slug = f"{base}-{suffix}"
    page._cached_parent_obj = parent
    if page.slug in state.slugs or not page.slug:
        page.minimal_clean()  # Wagtail's own check, with its message
    page.draft_title = page.draft_title or page.title
    if page.locale_id is None:
        page.locale_id = state.locale_id
    page._is_site_root = False  # a new page (a fresh translation key) is no site's root
    _batch.touched.add(parent.pk)  # its numchild is counted at the batch's end
    parent.numchild += 1
    state.last_path = page.path
    state.slugs.add(page.slug)


def _hold_back_rows(page):
    """The page's inline rows and many-to-many choices set in memory, taken off the page so its
    save does not write them one by one."""
    pending = getattr(page, "_cluster_related_objects", {})
    held = {}
    for name in [rel.get_accessor_name() for rel in get_all_child_relations(page)] + [
        f.name for f in get_all_child_m2m_relations(page)
    ]:
        if name in pending:
            held[name] = list(pending.pop(name))
    return held


def _insert_rows(page, held):
    """Insert the held rows, one query per relation, and put every relation back on the page in
    memory (a new page has no other rows), so its revision and the index read them without a query."""
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        rows = held.get(name, [])
        for row in rows:
            setattr(row, relation.field.name, page)
        if relation.related_model is DocumentCitation:
            DocumentCitation.resolve_all(rows, page.pk)  # what each citation's save would do
        if rows:
            relation.related_model.objects.bulk_create(rows)
        setattr(page, name, rows)
    for m2m in get_all_child_m2m_relations(page):
        chosen = held.get(m2m.name, [])
        if chosen:
            through = m2m.remote_field.through
            source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
            through.objects.bulk_create([through(**{source: page, target: item}) for item in chosen])
        setattr(page, m2m.name, chosen)
