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

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import Signal
from modelcluster.fields import ParentalKey
from modelsearch import index as search_index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler
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
        objects = list(model._default_manager.filter(pk__in=pks))  # rolled-back rows are gone
        logger.debug("deferred indexing: %d %s tracked=%s searched=%s", len(objects), model.__name__, model in tracked, model in searched)
        if is_page:
            page_ids.update(obj.pk for obj in objects)
        if index_refs:
            for obj in objects:
                try:
                    ReferenceIndex.create_or_update_for_object(obj)
                except Exception:  # noqa: BLE001 - indexing never undoes the batch
                    logger.exception("reference index update failed for %r", obj)
        if model in searched:
            indexed = [search_index.get_indexed_instance(obj, check_exists=False) for obj in objects]
            indexed = [obj for obj in indexed if obj is not None]
            by_model = defaultdict(list)
            for obj in indexed:
                by_model[type(obj)].append(obj)
            for _name, backend in get_search_backends_with_name(with_auto_update=True):
                for indexed_model, items in by_model.items():
                    try:
                        backend.add_bulk(indexed_model, items)
                    except Exception:  # noqa: BLE001
                        logger.exception("search index update failed for %s", indexed_model.__name__)
    return page_ids
