"""Gazetteer look-ups: names of provinces and districts."""

from __future__ import annotations

import re
from functools import lru_cache

from vietnamese.gazetteer import Place, gazetteer


def lookup_place_prefix(words: list[str]) -> tuple[int, Place | None, list[Place]]:
    """Longest run of ``words`` (from the start) naming a province or district."""
    n, prov, dists = _lookup_prefix(tuple(words[:5]))
    return n, prov, list(dists)


@lru_cache(maxsize=8192)
def _lookup_prefix(words: tuple[str, ...]) -> tuple[int, Place | None, tuple[Place, ...]]:
    gaz = gazetteer()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).strip(" ,.;:”\"")
        if not name:
            continue
        prov = gaz.province(name)
        dists = gaz.district(name)
        if prov or dists:
            return n, prov, tuple(dists)
    return 0, None, ()


@lru_cache(maxsize=8192)
def is_place_name(text: str) -> bool:
    text = re.sub(r"^(?:tp\.?|thành phố|tỉnh|huyện|quận|thị xã)\s+", "", text.strip(), flags=re.I)
    if not text:
        return False
    gaz = gazetteer()
    return bool(gaz.province(text) or gaz.district(text))
