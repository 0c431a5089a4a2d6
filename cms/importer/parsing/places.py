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


def province_runs(words: list[str]) -> list[tuple[int, int, Place]]:
    """(start, length, province) of each province name of two words or more that ``words`` print
    capitalised, without a unit word before it ("Hà Tĩnh", "HÀ TĨNH")."""
    runs = []
    i = 0
    while i < len(words):
        n, prov, _ = lookup_place_prefix(words[i:i + 4]) if words[i][:1].isupper() else (0, None, ())
        if prov is not None and n >= 2 and all(w[:1].isupper() for w in words[i:i + n]):
            runs.append((i, n, prov))
            i += n
        else:
            i += 1
    return runs


def province_named(text: str) -> Place | None:
    """The one province a short text (a headline) names by its capitalised name alone, without a
    unit word ("Hà Tĩnh: hơn 200 sản phẩm …"); None when it names none or several."""
    found = {prov.slug: prov for _i, _n, prov in province_runs([w.strip("“”\"'(),.;:!?") for w in text.split()])}
    return next(iter(found.values())) if len(found) == 1 else None
