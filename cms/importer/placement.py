"""A new page into the tree, with what Wagtail asks the database per page asked once per batch.

``section.add_child(instance=page)`` locks the parent row, looks its last child up, checks the
slug against the siblings twice, reads the parent's locale, asks whether the new page is a site
root, and saves each inline row (a citation, an attachment, a theme, a region) with a query and a
look-up of its own. Inside ``batch()`` the parent is locked and read once (its last child's path,
its children's slugs, its locale); each new page gets the next path and a free slug from that,
validated as Wagtail validates a draft, and its page row is inserted at once (a later document
of the batch may cite it or repeat it). Its first revision is made as ``Page.save_revision``
makes it, in memory; what no document of the batch reads, its inline rows, that revision, its
revision columns and its two history entries ("created", "edited"), is written for all the
batch's new pages together at the batch's end, one INSERT per table (``_write_new``).

A page of the batch whose rows are still in memory is never read as a stored page: a document
that finds one (``require_written``) is begun again after they are written. What fails while
they are written fails the batch (``WriteFailed``): the importer then does it again page by page.
"""

import logging
import threading
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Value
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations, get_serializable_data_for_fields
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


@dataclass
class _NewPage:
    """A page placed in a deferred batch, and what of it is still in memory."""

    page: Page
    held: dict  # relation name -> its rows (inline rows; the targets of a many-to-many)
    entries: list  # its history entries
    revision: Revision | None = None
    then: list = field(default_factory=list)  # what waits for its revision (a workflow started on it)


class WriteFailed(Exception):
    """Writing a batch's new pages failed: the batch is rolled back whole."""


class Unwritten(Exception):
    """A document read a page of the batch whose rows are still in memory."""


class _Batch(threading.local):
    def __init__(self):
        self.parents: dict[int, _Parent] | None = None
        self.touched: set | None = None
        self.new: list[_NewPage] | None = None  # None: each page written as it is saved


_batch = _Batch()


@contextmanager
def batch(deferred=True):
    """Parents read once for the pages added inside (the batch's transaction holds their lock);
    ``deferred``: the new pages' inline rows, revisions and history written together at the end."""
    if _batch.parents is not None:  # nested: the outer batch owns the cache
        yield
        return
    _batch.parents, _batch.touched, _batch.new = {}, set(), [] if deferred else None
    try:
        yield
        write_pending()
        _count_children(_batch.touched)
    finally:
        _batch.parents, _batch.touched, _batch.new = None, None, None


def _count_children(parent_ids):
    """Each parent's numchild set once, from its children as the batch leaves them (add_child
    adds one per page; a rolled-back page's one is gone with it here too)."""
    for parent_id in parent_ids:
        parent = Page.objects.only("path", "depth").get(pk=parent_id)
        count = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
        Page.objects.filter(pk=parent_id).update(numchild=count)


def pending():
    """A mark of the batch's unwritten pages, for ``forget``."""
    return len(_batch.new) if _batch.new is not None else 0


def forget(mark=0):
    """A document was rolled back: its path and slug are free again, so read the parents anew,
    and its unwritten rows are dropped (those after ``mark``)."""
    if _batch.parents is not None:
        _batch.parents.clear()
    if _batch.new is not None:
        del _batch.new[mark:]


def deferred():
    """Whether the pages added now are written at the batch's end."""
    return _batch.new is not None


def require_written(page):
    """Raise ``Unwritten`` if ``page`` is one of the batch's pages still in memory."""
    if _batch.new and any(item.page.pk == page.pk for item in _batch.new):
        raise Unwritten(page.pk)


def after_saved(page, action):
    """Run ``action`` once ``page``'s revision is stored: now, or when the batch writes it."""
    item = _new_page(page)
    if item is None:
        action()
    else:
        item.then.append(action)


def _new_page(page):
    if _batch.new:
        for item in reversed(_batch.new):
            if item.page is page:
                return item
    return None


def add_child(parent, page):
    """``parent.add_child(instance=page)``, the page's inline rows inserted one query per relation
    (in a deferred batch: at its end, with the other pages')."""
    held = _hold_back_rows(page)
    if _batch.parents is None:
        parent.add_child(instance=page)
        _insert_rows([(page, held)])
        _set_rows(page, held)
        return
    _place(parent, page)
    page.save(clean=False, log_action=None)  # validated by _place, as Wagtail's save validates a draft
    # The entry Page.save writes for a new page, written with the revision's (save_revision).
    entries = [_log_entry(page, "wagtail.create", user=page.owner, content_changed=True)]
    if _batch.new is None:
        page._held_log_entries = entries
        _insert_rows([(page, held)])
    else:
        _batch.new.append(_NewPage(page, held, entries))
    _set_rows(page, held)


def save_revision(page, user=None, clean=True):
    """``page.save_revision(user=user, log_action=True, clean=clean)``, its history entry and a
    new page's "created" entry written together."""
    item = _new_page(page)
    if item is not None:  # written at the batch's end
        item.revision = _first_revision(page, user, clean)
        item.entries.append(_log_entry(page, "wagtail.edit", user=user, revision=item.revision, content_changed=True))
        return item.revision
    entries = page.__dict__.pop("_held_log_entries", None)
    if entries is None:  # an existing page, or one placed outside a batch: Wagtail's own
        revision = page.save_revision(user=user, log_action=False, clean=clean)
        entries = []
    else:
        revision = _first_revision(page, user, clean)
        _save_revision_columns([page], [revision])
    entries.append(_log_entry(page, "wagtail.edit", user=user, revision=revision, content_changed=True))
    PageLogEntry.objects.bulk_create(entries)
    return revision


def _first_revision(page, user, clean):
    """What ``Page.save_revision`` writes for a page just placed by ``add_child`` in this batch
    (made here, stored by ``_save_revision_columns``): the revision, then the page's four revision
    fields in one UPDATE. Wagtail's own call adds a savepoint, a second ``Page.save`` in a
    savepoint of its own (its slug and site-root checks skipped there for such a save), and a
    query for the page's comments, which a page created a moment ago has none of (its relation
    is empty in memory, set by ``_set_rows``)."""
    if clean:
        page.full_clean()
    return Revision(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=user,
        approved_go_live_at=None,
        content=page.serializable_data(),
        object_str=str(page),
        created_at=timezone.now(),
    )


def _save_revision_columns(pages, revisions):
    """Store the revisions, then set each page's revision columns as Page.save_revision does."""
    if len(revisions) == 1:
        revisions[0].save()
    else:
        _bulk_create_as_values(revisions, "approved_go_live_at")
    for page, revision in zip(pages, revisions):
        page.latest_revision_created_at = revision.created_at
        page.draft_title = page.title
        page.latest_revision = revision
        page.has_unpublished_changes = True
        logger.info('Page edited: "%s" id=%d revision_id=%d', page.title, page.id, revision.id)
    columns = ["latest_revision_created_at", "draft_title", "latest_revision", "has_unpublished_changes"]
    if len(pages) == 1:  # Django's save of these columns (the page row's UPDATE and its signals)
        models.Model.save(pages[0], update_fields=columns)
    else:  # one UPDATE; the pages' rows were saved (and their signals sent) a moment ago
        Page.objects.bulk_update(pages, columns)


def _bulk_create_as_values(rows, column):
    """``bulk_create`` in its plain ``VALUES`` form. On PostgreSQL, Django (5.2) sends a bulk
    INSERT as one array per column (``UNNEST``), which for the revisions' large JSON content took
    7 times as long as an INSERT a row; a value given as an expression keeps the ``VALUES`` form.
    ``column``: one the rows leave at None, passed as that expression."""
    field = rows[0]._meta.get_field(column)
    for row in rows:
        setattr(row, column, Value(None, output_field=field))
    try:
        type(rows[0]).objects.bulk_create(rows)
    finally:
        for row in rows:
            setattr(row, column, None)


def write_pending():
    """Write the deferred batch's pages still in memory: their inline rows, revisions, revision
    columns and history, one INSERT per table; then what waited for them."""
    if not _batch.new:
        return
    new = list(_batch.new)
    try:
        with transaction.atomic():
            _write_new(new)
            for item in new:
                for action in item.then:
                    action()
    except Exception as error:  # the batch is redone page by page (WriteFailed's handler)
        raise WriteFailed(f"{type(error).__name__}: {error}") from error
    del _batch.new[:len(new)]


def _write_new(new):
    _insert_rows([(item.page, item.held) for item in new])
    for item in new:  # the revision was made before its rows had ids and targets
        _serialize_rows(item.page, item.held, item.revision.content)
    _save_revision_columns([item.page for item in new], [item.revision for item in new])
    PageLogEntry.objects.bulk_create([entry for item in new for entry in item.entries])


def _unsaved_targets(rows):
    """The objects not yet stored that the rows point to, by model: in a deferred batch, a new
    attachment's document is written with it."""
    found = defaultdict(dict)
    for model_rows in rows.values():
        for row in model_rows:
            for field in row._meta.concrete_fields:
                target = field.get_cached_value(row, None) if field.is_relation else None
                if target is not None and target.pk is None:
                    found[type(target)][id(target)] = target
    return {model: list(targets.values()) for model, targets in found.items()}


def _serialize_rows(page, held, content):
    """The revision's copy of the page's inline rows, as ``ClusterableModel.serializable_data``
    writes them, now that they are stored."""
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        if held.get(name):
            serialize = getattr(relation.related_model, "serializable_data", None)
            content[name] = [row.serializable_data() if serialize else get_serializable_data_for_fields(row)
                             for row in held[name]]


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


def _insert_rows(pages):
    """Insert the held rows of these (page, held rows) pairs, one INSERT per table, with what
    they point to that is not stored yet (a deferred batch's new documents)."""
    rows, links = defaultdict(list), defaultdict(list)
    for page, held in pages:
        for relation in get_all_child_relations(page):
            for row in held.get(relation.get_accessor_name(), []):
                setattr(row, relation.field.name, page)
                rows[relation.related_model].append(row)
        for m2m in get_all_child_m2m_relations(page):
            through = m2m.remote_field.through
            source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
            links[through] += [through(**{source: page, target: chosen}) for chosen in held.get(m2m.name, [])]
    DocumentCitation.resolve_all(rows.get(DocumentCitation, []))  # what each citation's save would do
    for model, targets in _unsaved_targets(rows).items():
        model.objects.bulk_create(targets)
        for target in targets:  # the signal each one's save sends (the index pass notes it)
            post_save.send(sender=model, instance=target, created=True, update_fields=None, raw=False,
                           using=target._state.db)
    for model, model_rows in list(rows.items()) + list(links.items()):
        model.objects.bulk_create(model_rows)


def _set_rows(page, held):
    """Every relation of a new page put back on it in memory (it has no other rows), so its
    revision and the index read them without a query."""
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        setattr(page, name, held.get(name, []))
    for m2m in get_all_child_m2m_relations(page):
        setattr(page, m2m.name, held.get(m2m.name, []))
