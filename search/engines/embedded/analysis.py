"""Documents to index rows, in segments, analysed by one process per core
for a large load.

The analysis (``search.documents.index_tokens``, about 1,800 tokens a
page) is pure Python and bounds a build: threads would share one core, so
a large load is analysed in forked processes (``cms.parallel``), some
chunks ahead of the writer. A segment is the rows of up to
``SEGMENT`` documents and, for a store that keeps its own postings, each
token's page ids (big-endian int4 bytes, one piece per chunk).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from search.documents import SearchDocument, fingerprint, index_tokens
from search.models import SearchEntry
from cms.parallel import chunks_mapped

CHUNK = 250  # documents per task handed to a process
SEGMENT = 2000  # documents per segment written in one transaction


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


def segments(docs: Iterable[SearchDocument], postings: bool) -> Iterator[Segment]:
    """``docs`` analysed, as segments of at most ``SEGMENT`` documents."""
    segment = Segment()
    with chunks_mapped(partial(analyse, postings=postings), docs, CHUNK) as chunks:
        for chunk in chunks:
            segment.add(chunk)
            if len(segment.entries) >= SEGMENT:
                yield segment
                segment = Segment()
    if segment.entries:
        yield segment
