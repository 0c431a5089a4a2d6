"""Index updates an engine missed, kept until it can take them.

An engine's write never raises for its server: its ``WriteResult`` says which
pages a cluster down, slow or refusing did not take. Upkeep writes through
here, so those page ids are recorded (``PendingIndexUpdate``) and saving the
page goes on. Replaying re-reads each page as it is now: a page published,
edited and then unpublished while the cluster was away is simply removed,
whatever order the updates came in. The embedded index is the database's own
and misses nothing: for it, replaying finds nothing to do.

Pages are read by the caller's ``read`` (``search.indexing.current``):
``search.indexing`` writes through this module, so this one cannot import it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from search.documents import SearchDocument
from search.engines.base import Engine, EngineUnavailable, WriteResult
from search.models import PendingIndexUpdate

logger = logging.getLogger(__name__)

BATCH = 500

# Page ids -> their documents now, and the ids that have none (to drop).
Reader = Callable[[list[int]], tuple[list[SearchDocument], list[int]]]


def record(engine: str, action: str, page_ids: Iterable[int]) -> int:
    ids = list(dict.fromkeys(int(i) for i in page_ids))
    PendingIndexUpdate.objects.bulk_create(PendingIndexUpdate(page_id=i, action=action, engine=engine) for i in ids)
    return len(ids)


def count(engine: str) -> int:
    return PendingIndexUpdate.objects.filter(engine=engine).count()


def last_id(engine: str) -> int:
    return PendingIndexUpdate.objects.filter(engine=engine).order_by("-id").values_list("id", flat=True).first() or 0


def forget(engine: str, up_to: int) -> int:
    """Drop the records a full rebuild made moot (those older than its start)."""
    deleted, _ = PendingIndexUpdate.objects.filter(engine=engine, id__lte=up_to).delete()
    return deleted


def index(engine: Engine, docs: Iterable[SearchDocument], read: Reader) -> WriteResult:
    """``engine.index``, keeping what it missed."""
    docs = list(docs)
    result = engine.index(docs)
    _settle(engine, PendingIndexUpdate.INDEX, [d.page_id for d in docs], result, read)
    return result


def delete(engine: Engine, page_ids: Iterable[int], read: Reader) -> WriteResult:
    """``engine.delete``, keeping what it missed."""
    page_ids = list(page_ids)
    result = engine.delete(page_ids)
    _settle(engine, PendingIndexUpdate.DELETE, page_ids, result, read)
    return result


def _settle(engine: Engine, action: str, page_ids: list[int], result: WriteResult, read: Reader) -> None:
    """Record what a write missed. After one that missed nothing the engine
    answers again: catch up on a batch of earlier misses (a page save stays
    quick; ``health`` and ``rebuild_search_index --reconcile`` do the rest)."""
    if not page_ids:
        return
    missed = result.missed(page_ids)
    if missed:
        logger.warning("%s missed %s of %d page(s): %s", engine.label, action, len(missed), result.reason)
        record(engine.name, action, missed)
    elif PendingIndexUpdate.objects.filter(engine=engine.name).exists():
        try:
            replay(engine, read, batches=1)
        except EngineUnavailable as exc:
            logger.warning("replaying missed %s updates failed: %s", engine.label, exc)


def _taken(result: WriteResult) -> None:
    if result.unreachable or result.refused:
        raise EngineUnavailable(result.reason)


def replay(engine: Engine, read: Reader, batches: int | None = None) -> int:
    """Bring the recorded pages up to date; returns how many pages. Raises
    ``EngineUnavailable`` when the engine misses any of a batch (its records
    then stay). ``batches`` bounds the work, for callers that must stay
    quick (a page save)."""
    done = 0
    while batches is None or batches > 0:
        rows = list(PendingIndexUpdate.objects.filter(engine=engine.name).order_by("id").values_list("id", "page_id")[:BATCH])
        if not rows:
            break
        ids = list(dict.fromkeys(pid for _, pid in rows))
        docs, gone = read(ids)
        _taken(engine.index(docs))
        _taken(engine.delete(gone))
        PendingIndexUpdate.objects.filter(engine=engine.name, id__lte=rows[-1][0]).delete()
        done += len(ids)
        if batches is not None:
            batches -= 1
    return done


def health(engine: Engine, read: Reader) -> tuple[bool, str]:
    """The engine's own check, with its outbox: when the engine answers,
    what it missed is replayed; when it does not, how much waits is said."""
    ok, message = engine.health()
    if ok:
        try:
            replayed = replay(engine, read)
        except EngineUnavailable as exc:
            ok, message = False, str(exc)
        else:
            return True, message + (f"; đã cập nhật lại {replayed} trang bị lỡ" if replayed else "")
    waiting = count(engine.name)
    return False, message + (f"; {waiting} cập nhật đang chờ" if waiting else "")
