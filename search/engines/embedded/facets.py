"""Facet values of every indexed page, held in memory as numpy arrays.

Counting facets over a match set of 100,000 pages in SQL costs hundreds of
milliseconds; with one array per facet, indexed by page id, a filter is one
comparison and a facet count one bincount. When ``IndexVersion`` moves the
table is brought up to date from the changed pages' rows (``updated``), or
rebuilt from ``SearchEntry`` after large changes (see ``FacetCache``).
Pure Python + numpy: rows in, masks and counts out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from search.engines.base import FACETS, MULTI_VALUED, SINGLE_VALUED

PAIRED = (*MULTI_VALUED, "restriction")
_NONE = np.zeros(0, dtype=np.int64)


@dataclass
class Row:
    page_id: int
    content: str
    kind: str
    issuer: str
    level: str
    validity: str
    date: dt.date | None
    themes: list[str]
    regions: list[str]
    restrictions: list[int]
    segment: int | None = None  # PostgreSQL's postings segment of the page (see .postings)


class _Codes:
    """Strings to small ints and back; code 0 is "no value"."""

    def __init__(self):
        self.values = [""]
        self.index = {"": 0}

    def code(self, value: str) -> int:
        code = self.index.get(value)
        if code is None:
            code = self.index[value] = len(self.values)
            self.values.append(value)
        return code

    def copy(self) -> _Codes:
        twin = _Codes()
        twin.values, twin.index = list(self.values), dict(self.index)
        return twin

    def alphabetical(self) -> np.ndarray:
        """Each code's place in the values sorted (read after the table is built)."""
        rank = getattr(self, "_rank", None)
        if rank is None or rank.size != len(self.values):
            rank = np.empty(len(self.values), dtype=np.int64)
            rank[sorted(range(len(self.values)), key=self.values.__getitem__)] = np.arange(len(self.values))
            self._rank = rank
        return rank


class FacetTable:
    def __init__(self, rows: Iterable[Row]):
        rows = list(rows)
        size = max((r.page_id for r in rows), default=0) + 1
        self.size = size
        # token -> pages holding it, and token -> mask of those pages for the
        # most frequent tokens, for this version of the index: filled by the
        # engine as queries ask.
        self.doc_freqs: dict[str, int] = {}
        self.token_masks: dict[str, np.ndarray] = {}
        self.present = np.zeros(size, dtype=bool)
        self.date = np.zeros(size, dtype=np.int32)  # proleptic ordinal, 0 = undated
        self.segment = np.zeros(size, dtype=np.int64)
        self.codes = {name: _Codes() for name in FACETS}
        self.single = {name: np.zeros(size, dtype=np.int32) for name in SINGLE_VALUED}
        # Multi-valued facets and restrictions as (page id, value code) pairs.
        self.pairs = {name: (_NONE, _NONE) for name in PAIRED}
        self._add(rows)

    def _add(self, rows: list[Row]) -> None:
        """Set the values of ``rows``, whose pages hold none yet."""
        pairs = {name: ([], []) for name in PAIRED}
        for r in rows:
            i = r.page_id
            self.present[i] = True
            self.segment[i] = r.segment or 0
            if r.date:
                self.date[i] = r.date.toordinal()
            for name, value in (
                ("content", r.content),
                ("kind", r.kind),
                ("issuer", r.issuer),
                ("level", r.level),
                ("validity", r.validity),
                ("year", str(r.date.year) if r.date else ""),
            ):
                self.single[name][i] = self.codes[name].code(value)
            for name, values in (("theme", r.themes), ("region", r.regions)):
                docs, vals = pairs[name]
                for v in values:
                    docs.append(i)
                    vals.append(self.codes[name].code(v))
            docs, vals = pairs["restriction"]
            docs.extend([i] * len(r.restrictions))
            vals.extend(r.restrictions)
        for name, (docs, vals) in pairs.items():
            old_docs, old_vals = self.pairs[name]
            self.pairs[name] = (
                np.concatenate([old_docs, np.array(docs, dtype=np.int64)]),
                np.concatenate([old_vals, np.array(vals, dtype=np.int64)]),
            )
        self.count = int(self.present.sum())

    def updated(self, rows: list[Row], changed: Iterable[int], tokens: dict[int, set[str]]) -> FacetTable:
        """A new table: this one with the pages ``changed`` read again.

        ``rows`` are those of them still indexed (the others are gone) and
        ``tokens`` their index tokens, so the frequent tokens' masks follow;
        page counts are recounted from the masks, the others asked again.
        This table is left as it is: searches running on it go on.
        """
        changed = np.unique(np.fromiter(changed, dtype=np.int64))
        size = max(self.size, int(changed.max()) + 1 if changed.size else 0, max((r.page_id for r in rows), default=0) + 1)
        new = FacetTable.__new__(FacetTable)
        new.size = size
        new.present = _cleared(self.present, size, changed)
        new.date = _cleared(self.date, size, changed)
        new.segment = _cleared(self.segment, size, changed)
        new.codes = {name: codes.copy() for name, codes in self.codes.items()}
        new.single = {name: _cleared(values, size, changed) for name, values in self.single.items()}
        new.pairs = {}
        for name, (docs, vals) in self.pairs.items():
            keep = ~np.isin(docs, changed)
            new.pairs[name] = (docs[keep], vals[keep])
        new._add(rows)
        new.token_masks = {}
        for token, mask in self.token_masks.items():
            mask = _cleared(mask, size, changed)
            mask[[r.page_id for r in rows if token in tokens.get(r.page_id, ())]] = True
            new.token_masks[token] = mask
        new.doc_freqs = {token: int(mask.sum()) for token, mask in new.token_masks.items()}
        return new

    # -- masks --------------------------------------------------------------

    def mask_of(self, ids: np.ndarray) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        ids = ids[ids < self.size]
        mask[ids] = True
        return mask & self.present

    def allowed(self, refused_restrictions: Iterable[int]) -> np.ndarray:
        """Pages the reader may see: not under a restriction they fail."""
        mask = self.present.copy()
        refused = list(refused_restrictions)
        if refused:
            docs, vals = self.pairs["restriction"]
            mask[docs[np.isin(vals, refused)]] = False
        return mask

    def filter_mask(self, name: str, value: str) -> np.ndarray:
        code = self.codes[name].index.get(value)
        if code is None:
            return np.zeros(self.size, dtype=bool)
        if name in SINGLE_VALUED:
            return self.single[name] == code
        docs, vals = self.pairs[name]
        mask = np.zeros(self.size, dtype=bool)
        mask[docs[vals == code]] = True
        return mask

    def date_mask(self, start: dt.date | None, end: dt.date | None) -> np.ndarray:
        mask = self.date > 0
        if start:
            mask &= self.date >= start.toordinal()
        if end:
            mask &= self.date <= end.toordinal()
        return mask

    # -- counts -------------------------------------------------------------

    def _counted(self, name: str, mask: np.ndarray) -> np.ndarray:
        size = len(self.codes[name].values)
        if name in SINGLE_VALUED:
            counted = np.bincount(self.single[name][mask], minlength=size)
        else:
            docs, vals = self.pairs[name]
            counted = np.bincount(vals[mask[docs]], minlength=size)
        counted[0] = 0  # "no value"
        return counted

    def counts(self, name: str, mask: np.ndarray) -> dict[str, int]:
        """Value -> number of pages in ``mask`` with it; "no value" left out."""
        return dict(self.ranked(name, mask))

    def ranked(self, name: str, mask: np.ndarray) -> list[tuple[str, int]]:
        """(value, count) for the values pages in ``mask`` have, most pages
        first, then by value; sorted in numpy (a region facet has thousands)."""
        codes = self.codes[name]
        counted = self._counted(name, mask)
        present = np.flatnonzero(counted)
        order = present[np.lexsort((codes.alphabetical()[present], -counted[present]))]
        return [(codes.values[c], n) for c, n in zip(order.tolist(), counted[order].tolist())]

    # -- order --------------------------------------------------------------

    def newest_first(self, ids: np.ndarray, limit: int) -> np.ndarray:
        """The ``limit`` newest of ``ids`` (by date, then page id), in order."""
        key = (self.date[ids].astype(np.int64) << 32) | ids
        return _top(ids, key, limit)

    def recency(self, ids: np.ndarray) -> np.ndarray:
        """0..1 by date within the archive: a tie-break, never more."""
        dated = self.date[self.present & (self.date > 0)]
        if not dated.size:
            return np.zeros(ids.size)
        low, high = int(dated.min()), int(dated.max())
        return np.clip((self.date[ids] - low) / max(high - low, 1), 0, 1)


def _top(ids: np.ndarray, key: np.ndarray, limit: int) -> np.ndarray:
    """``ids`` ordered by ``key`` descending, first ``limit`` only."""
    if limit <= 0 or not ids.size:
        return ids[:0]
    if limit < ids.size:
        part = np.argpartition(-key, limit - 1)[:limit]
        ids, key = ids[part], key[part]
    return ids[np.lexsort((-ids, -key))]


def top_scored(ids: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """``ids`` by score descending (page id breaks exact ties), first ``limit``."""
    return _top(ids, scores, limit)


def _cleared(values: np.ndarray, size: int, changed: np.ndarray) -> np.ndarray:
    """A copy of ``values`` grown to ``size``, zero (empty) at ``changed``."""
    out = np.zeros(size, dtype=values.dtype)
    out[: values.size] = values
    out[changed] = 0
    return out
