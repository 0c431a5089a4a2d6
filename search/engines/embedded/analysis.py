"""Documents to index rows, in segments, analysed by one process per core
for a large load.

The analysis (``search.documents.index_tokens``, about 1,800 tokens a
page) is pure Python and bounds a build: threads would share one core, so
a load of ``PARALLEL_FROM`` documents or more is analysed in forked
processes, some chunks ahead of the writer. A segment is the rows of up to
``SEGMENT`` documents and, for a store that keeps its own postings, each
token's page ids (big-endian int4 bytes, one piece per chunk).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

import numpy as np

from search.documents import SearchDocument, fingerprint, index_tokens
from search.models import SearchEntry

CHUNK = 250  # documents per task handed to a process
SEGMENT = 2000  # documents per segment written in one transaction
PARALLEL_FROM = 2000  # documents before a load is worth starting processes for


@dataclass
class Segment:
    entries: list[SearchEntry] = field(default_factory=list)
    postings: dict[str, list[bytes]] = field(default_factory=dict)

    def add(self, chunk: tuple[list[SearchEntry], dict[str, bytes]]) -> None:
        entries, postings = chunk
        self.entries.extend(entries)
        for token, ids in postings.items():
            self.postings.setdefault(token, []).append(ids)


def entry_for(doc: SearchDocument) -> SearchEntry:
    return SearchEntry(
        page_id=doc.page_id,
        url=doc.url,
        title=doc.title[:500],
        content=doc.content,
        kind=doc.kind,
        number=doc.number,
        number_key=doc.number_key,
        issuer=doc.issuer,
        level=doc.level,
        validity=doc.validity,
        date=doc.date,
        themes=" ".join(doc.themes),
        regions=" ".join(doc.regions),
        restrictions=" ".join(map(str, doc.restrictions)),
        subject=doc.subject,
        summary=doc.summary,
        body=doc.body,
        tokens=index_tokens(doc),
        fingerprint=fingerprint(doc),
    )


def analyse(docs: list[SearchDocument], postings: bool) -> tuple[list[SearchEntry], dict[str, bytes]]:
    """The rows of ``docs`` and, if asked, their tokens' page ids."""
    entries = [entry_for(d) for d in docs]
    pages: dict[str, list[int]] = {}
    if postings:
        for e in entries:
            for token in e.tokens.split():
                pages.setdefault(token, []).append(e.page_id)
    return entries, {t: np.array(ids, dtype=">i4").tobytes() for t, ids in pages.items()}


def _chunks(docs: Iterator[SearchDocument]) -> Iterator[list[SearchDocument]]:
    while chunk := list(islice(docs, CHUNK)):
        yield chunk


def _analysed(docs: Iterable[SearchDocument], postings: bool) -> Iterator[tuple]:
    """Analysed chunks in order: in this process for a small load, else in
    a pool of forked processes, ``2 × cores`` chunks in flight."""
    docs = iter(docs)
    first = list(islice(docs, PARALLEL_FROM))
    if len(first) < PARALLEL_FROM:
        for chunk in _chunks(iter(first)):
            yield analyse(chunk, postings)
        return
    processes = os.cpu_count() or 1
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pending: deque = deque()
        for chunk in _chunks(chain(first, docs)):
            pending.append(pool.apply_async(analyse, (chunk, postings)))
            if len(pending) >= 2 * processes:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def segments(docs: Iterable[SearchDocument], postings: bool) -> Iterator[Segment]:
    """``docs`` analysed, as segments of at most ``SEGMENT`` documents."""
    segment = Segment()
    for chunk in _analysed(docs, postings):
        segment.add(chunk)
        if len(segment.entries) >= SEGMENT:
            yield segment
            segment = Segment()
    if segment.entries:
        yield segment
