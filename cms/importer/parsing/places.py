"""Gazetteer look-ups: names of provinces and districts."""

from __future__ import annotations

import re

from vietnamese.gazetteer import Place, gazetteer


def lookup_place_prefix(words: list[str]) -> tuple[int, Place | None, list[Place]]:
    """Longest run of ``words`` (from the start) naming a province or district."""
    gaz = gazetteer()
    for n in range(min(len(words), 5), 0, -1):
        name = " ".join(words[:n]).strip(" ,.;:”\"")
        if not name:
            continue
        prov = gaz.province(name)
        dists = gaz.district(name)
        if prov or dists:
            return n, prov, dists
    return 0, None, []


def is_place_name(text: str) -> bool:
    text = re.sub(r"^(?:tp\.?|thành phố|tỉnh|huyện|quận|thị xã)\s+", "", text.strip(), flags=re.I)
    if not text:
        return False
    gaz = gazetteer()
    return bool(gaz.province(text) or gaz.district(text))
