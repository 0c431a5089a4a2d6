"""The embedded engine: the database's own full-text index, no server.

Matching asks the full-text index (SQLite FTS5 or PostgreSQL's postings
table, see ``.postings``) which pages hold every folded syllable of the query.
Filters and facet counts run on the in-memory ``FacetTable``. Ranking adds,
for each query syllable and syllable pair, a weight per place it occurs
(head = number, title, subject; exact spelling over folded) times its
inverse document frequency, then a little recency to break ties. Terms are
looked up most informative first until a posting budget is spent: a syllable
found in half the archive says almost nothing about relevance and would cost
the most to fetch, unless it is among the frequent tokens whose pages are
kept in memory with the facet table (``Postings``).
"""

from __future__ import annotations

import datetime as dt
import math
import threading
import time
from collections.abc import Iterable

import numpy as np
from django.db import connection, transaction

from vietnamese.highlight import highlight
from vietnamese.numbers import doc_number_matches, normalize_doc_number
from vietnamese.text import fold, tokenize

from search.documents import HEAD_FOLDED, NUMBER, SearchDocument
from search.engines.base import FACETS, LITERAL_BOOST, NUMBER_BOOST, RECENCY, Progress, WriteResult, scoring_units, tiers
from search.engines.embedded.analysis import segments
from search.engines.embedded.facets import FacetTable, Row, top_scored
from search.engines.embedded.postings import store_for_connection
from search.models import IndexChange, IndexVersion, SearchEntry
from search.query import NEWEST, FacetValue, Hit, SearchQuery, SearchResults, Suggestion
from search.queryplan import QueryPlan, plan

# Ranking weights (shared with Elasticsearch) are in search.engines.base.
POSTING_BUDGET = 200_000  # page ids fetched from the database for ranking, per query
FREQUENT_SHARE = 1 / 32  # a token in this share of pages is kept in memory as a mask
MASK_BUDGET = 64 * 2**20  # bytes of such masks one facet table may hold
DOC_FREQS_KEPT = 100_000  # tokens whose page counts a facet table remembers


class FacetCache:
    """One FacetTable per process and database, kept at the IndexVersion:
    brought up to date from the pages changed since (``IndexChange``), or
    reloaded whole when those can't be told (a rebuild, many pages)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._tables: dict[str, tuple[int, FacetTable]] = {}

    def get(self) -> FacetTable:
        key = connection.settings_dict["NAME"]
        version = IndexVersion.current()
        cached = self._tables.get(key)
        if cached and cached[0] == version:
            return cached[1]
        with self._lock:
            cached = self._tables.get(key)
            if cached and cached[0] == version:
                return cached[1]
            changes = IndexChange.pages_since(cached[0], version) if cached else None
            if changes is not None:
                pages, version = changes
                # Rows read now may be newer than ``version``: the next look
                # then reads those pages again, which changes nothing.
                table = cached[1].updated(list(_rows(pages)), pages, _tokens(pages))
            else:
                table = FacetTable(_rows())
            self._tables[key] = (version, table)
            return table


def _split(text: str) -> list[str]:
    return text.split() if text else []


def _date(value) -> dt.date | None:
    # SQLite hands dates back as text, PostgreSQL as dates.
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _chunks(page_ids: set[int], size: int = 500) -> Iterable[list[int]]:
    ids = sorted(page_ids)
    return (ids[i : i + size] for i in range(0, len(ids), size))


def _tokens(page_ids: set[int]) -> dict[int, set[str]]:
    """Index tokens of those pages that are indexed."""
    found = {}
    for chunk in _chunks(page_ids):
        for pid, tokens in SearchEntry.objects.filter(page_id__in=chunk).values_list("page_id", "tokens"):
            found[pid] = set(tokens.split())
    return found


def _rows(page_ids: set[int] | None = None) -> Iterable[Row]:
    """Facet rows of every indexed page, or of those of ``page_ids`` indexed."""
    if page_ids is None:
        yield from _rows_where("", [])
    else:
        for chunk in _chunks(page_ids):
            yield from _rows_where(f"WHERE page_id IN ({', '.join(['%s'] * len(chunk))})", chunk)


def _rows_where(where: str, params: list) -> Iterable[Row]:
    # A plain cursor, not values_list(): Django's per-row converters took
    # most of a 3-second reload at 100,000 pages.
    fields = ("page_id", "content", "kind", "issuer", "level", "validity", "date", "themes", "regions", "restrictions", "segment")
    with connection.cursor() as cur:
        cur.execute(f"SELECT {', '.join(fields)} FROM {SearchEntry._meta.db_table} {where}", params)
        while chunk := cur.fetchmany(5000):
            for pid, content, kind, issuer, level, validity, date, themes, regions, restrictions, segment in chunk:
                yield Row(
                    pid, content, kind, issuer, level, validity, _date(date), _split(themes), _split(regions),
                    [int(r) for r in _split(restrictions)], segment,
                )


class Postings:
    """One search's access to the pages holding each token.

    A token in at least ``FREQUENT_SHARE`` of the pages ("hàng", "việt",
    "tỉnh") costs tens of milliseconds to read from the full-text index at
    100,000 pages, and every query has some: their pages are kept as boolean
    masks with the facet table, for this version of the index, within
    ``MASK_BUDGET``. Rarer tokens are asked of the database (``store``).
    Which path a token takes depends only on its page count, so a search
    gives the same answer whether the masks are cached yet or not.
    """

    def __init__(self, store, table: FacetTable, df: dict[str, int]):
        self.store, self.table, self.df = store, table, df
        self.threshold = max(1.0, table.count * FREQUENT_SHARE)

    def frequent(self, token: str) -> bool:
        return self.df.get(token, 0) >= self.threshold

    def mask(self, token: str) -> np.ndarray:
        masks = self.table.token_masks
        mask = masks.get(token)
        if mask is None:
            mask = self.table.mask_of(self.store.ids(token))
            if (len(masks) + 1) * self.table.size <= MASK_BUDGET:
                masks[token] = mask
        return mask

    def add(self, target: np.ndarray, token: str, value: float) -> None:
        """``target[page] += value`` for every page holding ``token``."""
        if self.frequent(token):
            np.add(target, value, out=target, where=self.mask(token))
        else:
            ids = self.store.ids(token)
            target[ids[ids < self.table.size]] += value

    def match(self, groups: list[list[str]]) -> np.ndarray:
        """Mask of the pages holding every token of at least one group: the
        database intersects the rare tokens, the masks narrow that down."""
        found = np.zeros(self.table.size, dtype=bool)
        for group in groups:
            if not group or not all(self.df.get(t) for t in group):
                continue
            found |= self._group(tuple(group))
        return found

    def _group(self, group: tuple[str, ...]) -> np.ndarray:
        """Pages holding every token of ``group``; asked again by the tiers,
        so kept for this search."""
        memo = self.__dict__.setdefault("_groups", {})
        if group not in memo:
            rare = [t for t in group if not self.frequent(t)]
            pages = self.table.mask_of(self.store.match([rare])) if rare else self.table.present.copy()
            for token in group:
                if self.frequent(token):
                    pages &= self.mask(token)
            memo[group] = pages
        return memo[group]


def _idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


class EmbeddedEngine:
    name = "embedded"
    label = "tích hợp"

    def __init__(self):
        self.facets = FacetCache()

    # -- writing --------------------------------------------------------------

    def index(self, docs: Iterable[SearchDocument], progress: Progress | None = None) -> WriteResult:
        """Add or replace documents. The database's own: a failure is the
        database's, and raises like any other."""
        return self._index(docs, progress, store_for_connection())

    def _index(self, docs: Iterable[SearchDocument], progress: Progress | None, store) -> WriteResult:
        """Each segment (``analysis.segments``: analysed in processes for a
        large load, while this one writes) in a transaction of its own, or
        of the caller's; every query on this thread's connection."""
        done = 0
        written: list[int] = []
        for segment in segments(docs, store.POSTINGS):
            if len(written) <= IndexChange.LISTED:
                written.extend(e.page_id for e in segment.entries)
            with transaction.atomic():
                store.write(segment.entries, segment.postings)
            done += len(segment.entries)
            if progress:
                progress(len(segment.entries))
        IndexVersion.bump(written if len(written) <= IndexChange.LISTED else None)
        return WriteResult(written=done)

    def delete(self, page_ids: Iterable[int]) -> WriteResult:
        page_ids = list(page_ids)
        with transaction.atomic():
            deleted = store_for_connection().remove(page_ids)
        IndexVersion.bump(page_ids)
        return WriteResult(written=deleted)

    def rebuild(self, docs: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        """Replace the whole index in one transaction: readers see the old
        index until the new one is complete, never an empty one."""
        store = store_for_connection()
        with transaction.atomic():
            store.clear()
            count = self._index(docs, progress, store).written
            store.finish()
            IndexVersion.bump()  # every page may have changed
        store.optimize()
        return count

    def indexed(self) -> dict[int, str]:
        """page id -> fingerprint of what is indexed, for reconciling with the pages."""
        return dict(SearchEntry.objects.values_list("page_id", "fingerprint"))

    def health(self) -> tuple[bool, str]:
        return True, f"{SearchEntry.objects.count()} trang trong chỉ mục tích hợp"

    # -- searching --------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        started = time.perf_counter()
        table = self.facets.get()
        store = store_for_connection(table.segment)
        qplan = plan(query.text)
        results = SearchResults(query=query, engine=self.name, alternatives=qplan.alternatives)

        allowed = table.allowed(query.refused_restrictions)
        number_ids = self._number_ids(store, qplan.number_key)
        postings = None
        if qplan.is_empty:
            base = allowed
        else:
            postings = Postings(store, table, self._doc_freq(store, table, self._tokens(qplan)))
            base = postings.match(qplan.match)
            base[number_ids[number_ids < table.size]] = True
            base &= allowed
            results.unknown_terms = [word for word, token in qplan.required if not postings.df.get(token)]
        if query.date_from or query.date_to:
            base = base & table.date_mask(query.date_from, query.date_to)
        masks = {name: table.filter_mask(name, value) for name, value in query.filters.items() if name in FACETS}
        final = base.copy()
        for mask in masks.values():
            final &= mask

        if query.with_facets:
            for name in FACETS:
                # Each facet counts with every filter but its own, so a reader
                # sees what choosing another value would give.
                mask = base.copy()
                for other, m in masks.items():
                    if other != name:
                        mask &= m
                selected = query.filters.get(name)
                results.facets[name] = [FacetValue(v, n, selected=v == selected) for v, n in table.ranked(name, mask)]

        matched = np.flatnonzero(final)
        results.total = int(matched.size)
        want = query.offset + query.per_page
        scores = None
        if query.sort == NEWEST or qplan.is_empty:
            ordered = table.newest_first(matched, want)
        else:
            scores = self._scores(postings, qplan, number_ids)
            ordered = top_scored(matched, scores[matched] + RECENCY * table.recency(matched), want)
        page_ids = [int(i) for i in ordered[query.offset : want]]
        results.hits = self._hits(page_ids, qplan, scores, set(number_ids.tolist()))
        if qplan.number_key and number_ids.size:
            visible = [int(i) for i in number_ids if i < table.size and allowed[i]]
            results.number_hits = self._hits(visible[:5], qplan, None, set(visible))
        results.took_ms = (time.perf_counter() - started) * 1000
        return results

    def _tokens(self, qplan: QueryPlan) -> list[str]:
        heads = [HEAD_FOLDED + t for g in qplan.groups for t in g]
        matched = [t for g in qplan.match for t in g]
        units = [t for g in qplan.phrases for unit in g for t in unit]
        return list(dict.fromkeys([u[0] for u in scoring_units(qplan)] + matched + units + heads))

    @staticmethod
    def _doc_freq(store, table: FacetTable, tokens: list[str]) -> dict[str, int]:
        """Pages per token, asked of the database once per index version
        (fts5vocab reads a token's whole doclist to count it)."""
        known = table.doc_freqs
        missing = [t for t in tokens if t not in known]
        if missing:
            if len(known) > DOC_FREQS_KEPT:
                known.clear()
            known.update(store.doc_freq(missing, cap=table.count))
        return {t: known[t] for t in tokens}

    def _scores(self, postings: Postings, qplan: QueryPlan, number_ids) -> np.ndarray:
        table, df = postings.table, postings.df
        n = max(table.count, 1)
        body = np.zeros(table.size, dtype=np.float64)
        head = np.zeros(table.size, dtype=np.float64)
        units = [(token, w * _idf(df.get(token, 0), n), df.get(token, 0), in_head) for token, w, in_head in scoring_units(qplan)]
        budget = POSTING_BUDGET
        for token, value, freq, in_head in sorted(units, key=lambda u: -u[1]):
            if not freq:
                continue
            if not postings.frequent(token):
                if freq > budget:
                    continue
                budget -= freq
            postings.add(head if in_head else body, token, value)
        scores = body + head * self._head_coverage(postings, qplan, table) ** 2
        scores += self._tiers(postings, qplan)
        scores[number_ids[number_ids < table.size]] += NUMBER_BOOST
        return scores

    @staticmethod
    def _tiers(postings: Postings, qplan: QueryPlan) -> np.ndarray:
        """``base.tiers``: the literal query over its expansions, phrase units
        held over loose syllables (the best share among the groups a page matches)."""
        size = postings.table.size
        tier = np.zeros(size, dtype=np.float64)
        plan_tiers = tiers(qplan)
        if plan_tiers.literal:
            tier += LITERAL_BOOST * postings.match([plan_tiers.literal])
        best = np.zeros(size, dtype=np.float64)
        for match, units in plan_tiers.phrases:
            matched = postings.match([match])
            if not matched.any():
                continue
            held = np.zeros(size, dtype=np.float64)
            for unit, value in units:
                if all(postings.df.get(t) for t in unit):
                    np.add(held, value, out=held, where=postings.match([unit]))
            held *= matched
            np.maximum(best, held, out=best)
        return tier + best

    @staticmethod
    def _head_coverage(postings: Postings, qplan: QueryPlan, table: FacetTable) -> np.ndarray:
        """Share of the query's syllables the head holds (best phrasing).

        A title with "Hà Nội" holds half of "Hà Tĩnh": a Vietnamese word is
        several syllables, so a head that holds one of them says little and
        its score is scaled down by the square of that share.
        """
        best = np.zeros(table.size, dtype=np.float64)
        for group in qplan.groups:
            syllables = [t for t in group if "_" not in t]
            if not syllables:
                continue
            held = np.zeros(table.size, dtype=np.float64)
            for t in syllables:
                if postings.df.get(HEAD_FOLDED + t):
                    postings.add(held, HEAD_FOLDED + t, 1.0)
            np.maximum(best, held / len(syllables), out=best)
        return best

    def _number_ids(self, store, key: str | None) -> np.ndarray:
        """Pages whose number the query names, in any spelling."""
        if not key:
            return np.zeros(0, dtype=np.int64)
        ids = store.ids(NUMBER + key)
        if ids.size or ":" in key:
            return ids
        # A full key that isn't printed as such ("3-tw" for "3-ct-tw"): check
        # the pages with that serial.
        serial = ":" + key.split("-")[0]
        candidates = store.ids(NUMBER + serial).tolist()
        keys = SearchEntry.objects.filter(page_id__in=candidates[:2000]).values_list("page_id", "number_key")
        return np.array(sorted(pid for pid, k in keys if doc_number_matches(key, k)), dtype=np.int64)

    def _hits(self, page_ids: list[int], qplan: QueryPlan, scores, number_ids: set[int]) -> list[Hit]:
        entries = SearchEntry.objects.in_bulk(page_ids)
        hits = []
        for pid in page_ids:
            e = entries.get(pid)
            if e is None:  # removed since the facet table was read
                continue
            text = "\n".join(filter(None, (e.summary, e.body))) or e.subject
            hits.append(
                Hit(
                    page_id=pid,
                    url=e.url,
                    title=e.title,
                    content=e.content,
                    kind=e.kind,
                    number=e.number,
                    issuer=e.issuer,
                    date=e.date,
                    snippet=highlight(text, qplan.highlight, number_key=qplan.number_key, max_chars=240) if text else "",
                    score=float(scores[pid]) if scores is not None else 0.0,
                    number_match=pid in number_ids,
                )
            )
        return hits

    def suggest(self, prefix: str, refused_restrictions=frozenset(), limit: int = 8) -> list[Suggestion]:
        """Titles and numbers starting with what the reader is typing."""
        table = self.facets.get()
        store = store_for_connection(table.segment)
        allowed = table.allowed(refused_restrictions)
        tokens = [fold(t) for t in tokenize(prefix)]
        if not tokens or len(prefix.strip()) < 2:
            return []
        numbered: list[int] = []
        number_key = normalize_doc_number(prefix)
        if number_key:
            numbered = store.prefixed([], NUMBER + number_key, limit * 4)
        if prefix[-1].isspace():
            complete, last = tokens, None
        else:
            complete, last = tokens[:-1], tokens[-1]
        head = [HEAD_FOLDED + t for t in complete]
        titled: list[int] = []
        if last is not None:
            titled = store.prefixed(head, HEAD_FOLDED + last, limit * 4)
        elif head:
            titled = store.match([head])[::-1][: limit * 4].tolist()

        def newest(found: list[int]) -> list[int]:
            ids = [i for i in dict.fromkeys(found) if i < table.size and allowed[i]]
            return table.newest_first(np.array(ids, dtype=np.int64), limit).tolist() if ids else []

        # A number typed is a document asked for: its matches come before titles.
        ids = list(dict.fromkeys(newest(numbered) + newest(titled)))[:limit]
        entries = SearchEntry.objects.in_bulk(ids)
        return [Suggestion(entries[i].url, entries[i].title, entries[i].number) for i in ids if i in entries]
