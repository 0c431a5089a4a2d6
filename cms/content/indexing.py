"""Index work deferred to one pass for a batch of changes (an import of many documents).

Every save of a page, a revision, a document or a citation normally updates Wagtail's reference
index and its search index at once, several times per imported document. Inside
``deferred_indexing()`` those saves are only noted; at the end each changed object is indexed
once, objects rolled back in the meantime are skipped, and one ``pages_changed`` signal names
the changed pages, so the archive's own index (search/, which this module must not import) can
follow them in one pass too.

    with deferred_indexing():
        for source in sources:
            import_source(source)
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.dispatch import Signal
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from modelsearch import index as search_index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

logger = logging.getLogger(__name__)

# Sent once at the end of ``deferred_indexing()``: page_ids = the pages saved inside it.
pages_changed = Signal()

_state = threading.local()
_COLLECT_UID = "cms.content.indexing.collect"
_lock = threading.Lock()
_active = 0  # deferred batches running in this process (the search handlers are shared)


def _collect(sender, instance, raw=False, **kwargs):
    pending = getattr(_state, "pending", None)
    if pending is None:
        # a save in another thread while a batch runs: index it at once, as usual
        if not raw and sender in _search_models():
            post_save_signal_handler(instance, raw=raw, **kwargs)
        return
    if not raw and instance.pk is not None:
        pending[sender].add(instance.pk)


def _search_models():
    return [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]


@contextmanager
def deferred_indexing():
    """Defer reference-index and search-index updates of the saves inside to one pass at exit."""
    global _active
    if getattr(_state, "pending", None) is not None:  # nested: the outer batch does the work
        yield
        return
    pending: dict[type, set] = defaultdict(set)
    models = _search_models()
    with _lock:
        if _active == 0:
            for model in models:
                post_save.disconnect(post_save_signal_handler, sender=model)
            post_save.connect(_collect, weak=False, dispatch_uid=_COLLECT_UID)
        _active += 1
    _state.pending = pending
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _state.pending = None
        with _lock:
            _active -= 1
            if _active == 0:
                post_save.disconnect(dispatch_uid=_COLLECT_UID)
                for model in models:
                    post_save.connect(post_save_signal_handler, sender=model)
        _flush(pending, models)


def _child_of_pending(model, pending):
    """A page's inline row (an attachment, a citation): its references are indexed with its
    page, which is in the same pass."""
    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey):
            parent = field.related_model
            return any(issubclass(other, parent) for other in pending)
    return False


def _flush(pending, search_models):
    with transaction.atomic():  # one commit for the whole pass
        page_ids = _index(pending, search_models)
    if page_ids:
        pages_changed.send(sender=deferred_indexing, page_ids=sorted(page_ids))


def _index(pending, search_models):
    page_ids = set()
    tracked = set(ReferenceIndex.tracked_models)
    searched = set(search_models)
    for model, pks in pending.items():
        is_page = issubclass(model, Page)
        index_refs = model in tracked and not _child_of_pending(model, pending)
        if not (is_page or index_refs or model in searched):
            continue
        # Rolled-back rows are gone; what the index passes read of each object, read for them all.
        objects = list(model._default_manager.filter(pk__in=pks).prefetch_related(*_read_by_index(model, index_refs, model in searched)))
        logger.debug("deferred indexing: %d %s tracked=%s searched=%s", len(objects), model.__name__, model in tracked, model in searched)
        if is_page:
            page_ids.update(obj.pk for obj in objects)
        if index_refs:
            _update_references(model, objects)
        if model in searched:
            indexed = [search_index.get_indexed_instance(obj, check_exists=False) for obj in objects]
            indexed = [obj for obj in indexed if obj is not None]
            by_model = defaultdict(list)
            for obj in indexed:
                by_model[type(obj)].append(obj)
            with _searchable_content_once():
                for _name, backend in get_search_backends_with_name(with_auto_update=True):
                    for indexed_model, items in by_model.items():
                        try:
                            backend.add_bulk(indexed_model, items)
                        except Exception:  # noqa: BLE001
                            logger.exception("search index update failed for %s", indexed_model.__name__)
    return page_ids


# Fields whose searchable content is costly to compute: every rich-text block's tags stripped.
_TEXT_FIELDS = (StreamField, RichTextField)
_memo = threading.local()
_memo_users = 0  # passes running with the memo installed (the fields' method is shared by all threads)


@contextmanager
def _searchable_content_once():
    """Inside, a body's searchable content is computed once per field and value. modelsearch's
    indexers ask every field's value once per index column (title, autocomplete, body: three
    times on SQLite, five on PostgreSQL with the plain-text columns), so each page's StreamField
    was stripped of its tags three to five times. Other threads see the fields as usual."""
    global _memo_users
    with _lock:
        if _memo_users == 0:
            for field_class in _TEXT_FIELDS:
                field_class.get_searchable_content = _once(field_class.__dict__["get_searchable_content"])
        _memo_users += 1
    _memo.values = {}
    try:
        yield
    finally:
        _memo.values = None
        with _lock:
            _memo_users -= 1
            if _memo_users == 0:
                for field_class in _TEXT_FIELDS:
                    field_class.get_searchable_content = field_class.get_searchable_content.__wrapped__


def _once(method):
    def get_searchable_content(field, value):
        values = getattr(_memo, "values", None)
        if values is None:
            return method(field, value)
        key = (id(field), id(value))
        if key not in values:
            values[key] = (value, method(field, value))  # the value kept alive: its id is not reused
        return list(values[key][1])

    get_searchable_content.__wrapped__ = method
    return get_searchable_content


def _read_by_index(model, references, search):
    """The relations the reference index (child rows) and the search index (related fields) read
    of each ``model`` object."""
    names = []
    if references and issubclass(model, ClusterableModel):
        names += [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    if search:
        for field in model.get_search_fields():
            if isinstance(field, search_index.RelatedFields):
                try:
                    if model._meta.get_field(field.field_name).is_relation:
                        names.append(field.field_name)
                except FieldDoesNotExist:  # a method, read as it is
                    pass
    return list(dict.fromkeys(names))


def _update_references(model, objects):
    """``ReferenceIndex.create_or_update_for_object`` for objects of one model: one query for their
    recorded references, one INSERT for the new ones, one DELETE for the gone (Wagtail's own asks
    per object). Any error: object by object, as Wagtail does it."""
    try:
        with transaction.atomic():
            _update_references_together(model, objects)
    except Exception:  # noqa: BLE001 - indexing never undoes the batch
        logger.exception("batched reference index update failed for %s; object by object", model.__name__)
        for obj in objects:
            try:
                with transaction.atomic():
                    ReferenceIndex.create_or_update_for_object(obj)
            except Exception:  # noqa: BLE001
                logger.exception("reference index update failed for %r", obj)


def _update_references_together(model, objects):
    if not objects:
        return
    # As create_or_update_for_object: the model's content type and its ancestors', most specific first.
    content_types = [ContentType.objects.get_for_model(m, for_concrete_model=False) for m in [model] + model._meta.get_parent_list()]
    content_type, base_content_type = content_types[0], content_types[-1]
    known = {ct.id for ct in content_types}
    found = {str(obj.pk): set(ReferenceIndex._extract_references_from_object(obj)) for obj in objects}
    recorded = defaultdict(dict)  # object id -> reference -> (content type id, row id)
    rows = ReferenceIndex.objects.filter(base_content_type=base_content_type, object_id__in=list(found))
    for row_id, ct_id, object_id, *reference in rows.values_list(
        "id", "content_type_id", "object_id", "to_content_type", "to_object_id", "model_path", "content_path"
    ):
        recorded[object_id][tuple(reference)] = (ct_id, row_id)
    new = [
        ReferenceIndex(
            content_type=content_type, base_content_type=base_content_type, object_id=object_id,
            to_content_type_id=to_ct, to_object_id=to_id, model_path=model_path, content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for object_id, references in found.items()
        for to_ct, to_id, model_path, content_path in references - recorded[object_id].keys()
    ]
    ReferenceIndex.objects.bulk_create(new, ignore_conflicts=connection.features.supports_ignore_conflicts)
    # Gone from the object; one recorded under a more specific model is not (Wagtail's rule).
    gone = [
        row_id
        for object_id, references in recorded.items()
        for reference, (ct_id, row_id) in references.items()
        if reference not in found[object_id] and ct_id in known
    ]
    if gone:
        ReferenceIndex.objects.filter(id__in=gone).delete()
