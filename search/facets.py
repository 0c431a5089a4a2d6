"""Facet values of every indexed page, held in memory as numpy arrays.

Counting facets over a match set of 100,000 pages in SQL costs hundreds of
milliseconds; with one array per facet, indexed by page id, a filter is one
comparison and a facet count one bincount. The table is rebuilt from
``SearchEntry`` whenever ``IndexVersion`` moves (see ``FacetCache``).
Pure Python + numpy: rows in, masks and counts out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

SINGLE = ("content", "kind", "issuer", "level", "validity", "year")
MULTI = ("theme", "region")
FACETS = SINGLE + MULTI


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
        # engine as queries ask, dropped with the table when the index moves.
        self.doc_freqs: dict[str, int] = {}
        self.token_masks: dict[str, np.ndarray] = {}
        self.present = np.zeros(size, dtype=bool)
        self.date = np.zeros(size, dtype=np.int32)  # proleptic ordinal, 0 = undated
        self.codes = {name: _Codes() for name in FACETS}
        self.single = {name: np.zeros(size, dtype=np.int32) for name in SINGLE}
        pairs = {name: ([], []) for name in (*MULTI, "restriction")}
        for r in rows:
            i = r.page_id
            self.present[i] = True
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
        # Multi-valued facets as (page id, value code) pairs.
        self.pairs = {
            name: (np.array(docs, dtype=np.int64), np.array(vals, dtype=np.int64))
            for name, (docs, vals) in pairs.items()
        }
        self.count = int(self.present.sum())

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
        if name in SINGLE:
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
        if name in SINGLE:
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
