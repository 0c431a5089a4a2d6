"""Bulk requests that survive a busy cluster.

A node answers 429 (too many requests) when its write queue is full, its
indexing memory or a circuit breaker is at its limit, or an index is
blocked read-only for disk space: the request is fine, the moment is not.
``streaming_bulk`` sends those documents again after a growing pause;
``parallel_bulk`` never does, so a rebuild failed on the first busy moment.
``load`` keeps parallel_bulk's overlap (several requests in flight while the
caller prepares the next) with streaming_bulk's retries, one chunk per thread.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

from elasticsearch.helpers import BulkIndexError, streaming_bulk

CHUNK = 500  # documents per bulk request
CHUNK_BYTES = 20 * 1024 * 1024
# A rebuild waits out a busy cluster: 1 + 2 + 4 + ... up to 30 s a pause,
# about two minutes in all before a chunk gives up.
RETRIES = 8
BACKOFF = 1.0
MAX_BACKOFF = 30.0


def retrying(client, actions: Iterable[dict], *, retries: int | None = None, backoff: float | None = None, **options) -> Iterator:
    """``streaming_bulk`` with the documents rejected with 429 sent again
    after ``backoff``, twice that, and so on (``retries`` times; by default
    ``RETRIES`` from ``BACKOFF``). Each failure is yielded, never raised:
    with ``raise_on_error`` the helper raises on a chunk's first 429, before
    its own retry sees it (elasticsearch-py 8.19)."""
    return streaming_bulk(
        client,
        actions,
        chunk_size=CHUNK,
        max_chunk_bytes=CHUNK_BYTES,
        max_retries=RETRIES if retries is None else retries,
        initial_backoff=BACKOFF if backoff is None else backoff,
        max_backoff=MAX_BACKOFF,
        raise_on_error=False,
        **options,
    )


def _sent(client, chunk: list[dict]) -> list[tuple[bool, dict]]:
    """One chunk, retried; ``BulkIndexError`` for what is refused for good."""
    results = list(retrying(client, chunk))
    errors = [item for ok, item in results if not ok]
    if errors:
        raise BulkIndexError(f"{len(errors)} document(s) failed to index.", errors)
    return results


def load(client, actions: Iterable[dict], *, threads: int = 2, ahead: int = 2) -> Iterator[tuple[bool, dict]]:
    """(ok, item) for every action, in order, sent as ``threads`` concurrent
    bulk requests with at most ``ahead`` more chunks waiting, each retried
    on 429. Raises ``BulkIndexError`` for a document refused for good."""
    actions = iter(actions)
    chunks = iter(lambda: list(islice(actions, CHUNK)), [])
    with ThreadPoolExecutor(threads, thread_name_prefix="es-bulk") as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(_sent, client, chunk))
            if len(pending) > threads + ahead - 1:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
