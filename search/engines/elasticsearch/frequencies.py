"""Which query terms hold no information: those in nearly every page.

In the campaign's archive "hàng", "việt", "nam" and the pair "hàng việt" are
in almost every page. Their scoring clauses are worth next to nothing (the
"presence" BM25 is idf times the weight: 0.1 times it for a term in 90 % of
the pages) and cost the most: Lucene reads their postings, and the pair's
positions, for every page the query matches (measured: "ưu tiên dùng hàng
Việt" 100 -> 20 ms at 10,000 pages without them). ``Frequencies`` says which
scoring units are that common, so the page request leaves them out; the
match (which pages, totals, facets) never depends on it.

The counts come from one size-0 request per batch of units not seen yet and
are kept for ``TTL`` seconds, or until the engine writes: a term's share of
the archive moves slowly, and a stale count only moves a page within its
ties.
"""

from __future__ import annotations

import threading
import time

from search.engines.elasticsearch.queries import unit_query

COMMON = 0.9  # share of the pages from which a unit tells no page from another
TTL = 600.0  # seconds counts are kept
MAX_KEPT = 20_000  # units kept before the cache starts over


class Frequencies:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clear()

    def _clear(self) -> None:
        self._counts: dict[str, int] = {}
        self._pages = 0
        self._since = time.monotonic()

    def forget(self) -> None:
        """After a write: the next search counts again."""
        with self._lock:
            self._clear()

    def common(self, client, index: str, units: list[str]) -> frozenset[str]:
        """The ``units`` held by at least ``COMMON`` of the pages."""
        with self._lock:
            if time.monotonic() - self._since > TTL or len(self._counts) > MAX_KEPT:
                self._clear()
            missing = [u for u in dict.fromkeys(units) if u not in self._counts]
        if missing:
            pages, counts = _count(client, index, missing)
            with self._lock:
                self._pages = pages
                self._counts.update(counts)
        with self._lock:
            limit = COMMON * self._pages
            return frozenset(u for u in units if self._pages and self._counts.get(u, 0) >= limit)

    def present(self, units: list[str]) -> frozenset[str]:
        """Of ``units``, those counted in at least one page (asks nothing):
        the search then need not count them again for ``unknown_terms``.
        A unit counted in none is asked again by every search, so a word
        another process has just indexed is never reported missing; one whose
        last page another process deleted is reported up to ``TTL`` late."""
        with self._lock:
            return frozenset(u for u in units if self._counts.get(u, 0) > 0)


def _count(client, index: str, units: list[str]) -> tuple[int, dict[str, int]]:
    """(pages in the index, pages holding each unit), in one request."""
    body = {
        "size": 0,
        "track_total_hits": True,
        "aggs": {"df": {"filters": {"filters": {u: unit_query(u).to_dict() for u in units}}}},
    }
    found = client.search(index=index, **body)
    buckets = found["aggregations"]["df"]["buckets"]
    return found["hits"]["total"]["value"], {u: buckets[u]["doc_count"] for u in units}
