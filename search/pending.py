"""Index updates an external engine missed, kept until it can take them.

When Elasticsearch is down, slow or refusing, the page ids it should have
indexed or dropped are recorded (``PendingIndexUpdate``); saving the page goes
on. Replaying re-reads each page as it is now: a page published, edited and
then unpublished while the cluster was away is simply removed, whatever order
the updates came in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from search.documents import SearchDocument
from search.models import PendingIndexUpdate

BATCH = 500

Writer = Callable[[list[SearchDocument], list[int]], None]


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


def replay(engine: str, write: Writer, batches: int | None = None) -> int:
    """Bring the recorded pages up to date through ``write(docs, gone_ids)``,
    which raises when the engine fails (the records then stay). Returns how
    many pages were replayed. ``batches`` bounds the work, for callers that
    must stay quick (a page save)."""
    from wagtail.models import Page

    from search.indexing import documents

    done = 0
    while batches is None or batches > 0:
        rows = list(PendingIndexUpdate.objects.filter(engine=engine).order_by("id").values_list("id", "page_id")[:BATCH])
        if not rows:
            break
        ids = list(dict.fromkeys(pid for _, pid in rows))
        docs = list(documents(Page.objects.filter(pk__in=ids).specific()))
        found = {d.page_id for d in docs}
        write(docs, [i for i in ids if i not in found])
        PendingIndexUpdate.objects.filter(engine=engine, id__lte=rows[-1][0]).delete()
        done += len(ids)
        if batches is not None:
            batches -= 1
    return done
