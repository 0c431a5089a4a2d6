"""Documents the text cites ("Chỉ thị số 03-CT/TW ngày … của …")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from vietnamese.numbers import clean_number, iter_numbers, kind_from_number, number_key
from vietnamese.text import fix_tones
from vietnamese.vocabulary import KIND_WORDS

from .dates import parse_date, valid_date
from .folding import folded
from .kind import KIND_KEYS
from .lines import collapse


_KIND_ALT = "|".join(re.escape(w) for w, _ in KIND_WORDS)
_CITE_DATE_RE = re.compile(
    r"^\s*[,(]?\s*(?:ban hành\s+)?(?:ngày\s*)?(?:"
    r"(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4}))",
    re.I,
)
_ISSUER_STOP = (
    r"(?=\s+(?:và\s+(?:" + "|".join(re.escape(w) for w, _ in KIND_WORDS) + r")|về|phê duyệt|thành lập|ban hành|đối với|trong|tại|nhằm|để|theo|gắn|hướng dẫn|quy định|"
    r"triển khai|thực hiện|khóa\s+[IVXL]+\s*“)\b|\s*[,;:.()“\"”]|\s*$)"
)
_CITE_ISSUER_RE = re.compile(r"^\s*,?\s*của\s+(?P<iss>[^,;:.()“\"”]{2,120}?)" + _ISSUER_STOP, re.I)
_CITE_ISSUER_BARE_RE = re.compile(
    r"^\s*,?\s*(?P<iss>(?:Hội nghị|Ban|Bộ|Thủ tướng|Chính phủ|Quốc hội|Tỉnh ủy|Thành ủy|Ủy ban|UBND|"
    r"Hội đồng)[^,;:.()“\"”]{0,120}?)" + _ISSUER_STOP
)
_CITE_BEFORE_RE = re.compile(
    r"ngày\s*(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})"
    r"\s*,\s*(?P<iss>[^,;.]{3,80}?)\s+ban hành\s*$",
    re.I,
)
_CITE_BEFORE_NODATE_RE = re.compile(
    r"(?<!\w)(?P<iss>(?:Ban|Bộ|Thủ tướng|Chính phủ|Quốc hội|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Ủy ban|UBND|"
    r"Hội đồng|Thường trực)[^,;.]{0,80}?)\s+(?:đã\s+|vừa\s+)?ban hành\s*$"
)


class _CiteMatch:
    """What the callers of :func:`_cite_matches` need of a match, with offsets in the full text."""

    __slots__ = ("_groups", "_spans", "_start", "_end")

    def __init__(self, kind: str, kind_start: int, num: str, num_span: tuple[int, int]):
        self._groups = {"kind": kind, "num": num}
        self._spans = {"num": num_span}
        self._start = kind_start
        self._end = num_span[1]

    def group(self, name: str) -> str:
        return self._groups[name]

    def span(self, name: str) -> tuple[int, int]:
        return self._spans[name]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_KIND_BEFORE_RE = re.compile(
    r"(?<!\w)(?P<kind>" + _KIND_ALT + r")(?:\s+(?:liên tịch|số))?\s*$", re.I
)


def _cite_matches(text: str):
    """Numbers in ``text`` with the kind word before them, if any ("Chỉ thị số 03-CT/TW")."""
    for m in iter_numbers(text):
        before = text[max(0, m.start() - 40): m.start()]
        k = _KIND_BEFORE_RE.search(before) if before else None
        if k:
            yield _CiteMatch(k.group("kind"), m.start() - len(before) + k.start(), m.group(1), m.span(1))
        else:
            yield _CiteMatch("", m.start(), m.group(1), m.span(1))


def kind_code_for_word(word: str) -> str | None:
    return KIND_KEYS.get(folded(word))


# A body cites the same few numbers again and again.
_number_key = lru_cache(maxsize=8192)(number_key)
_clean_number = lru_cache(maxsize=8192)(clean_number)


_TWO_LETTERS_RE = re.compile(r"[A-Za-zĐđ]{2}")


def citations(text: str, own_number: str | None) -> list[dict[str, Any]]:
    mentions: list[dict[str, Any]] = []
    for m in _cite_matches(text):
        number = _clean_number(m.group("num"))
        if not number:
            continue
        if not m.group("kind"):
            # a bare number: only when it looks like a document's ("03-CT/TW", not "10-15")
            if _TWO_LETTERS_RE.search(number):
                mentions.append(
                    {"number": number, "kind": kind_from_number(number), "date": None, "issuer": None, "pos": m.start()}
                )
            continue
        kind = kind_code_for_word(m.group("kind")) or kind_from_number(number)
        tail = text[m.end(): m.end() + 300]
        date = None
        issuer = None
        dm = _CITE_DATE_RE.match(tail)
        if dm:
            date = (
                valid_date(dm.group("y"), dm.group("m"), dm.group("d"))
                if dm.group("y")
                else valid_date(dm.group("y2"), dm.group("m2"), dm.group("d2"))
            )
            tail = tail[dm.end():]
        im = _CITE_ISSUER_RE.match(tail) or (_CITE_ISSUER_BARE_RE.match(tail) if dm else None)
        if im:
            issuer = collapse(fix_tones(im.group("iss")))
        if date is None or issuer is None:
            before = text[max(0, m.start() - 160): m.start()]
            bm = _CITE_BEFORE_RE.search(before)
            if bm:
                date = date or parse_date("ngày " + bm.group("date"))
                issuer = issuer or collapse(fix_tones(bm.group("iss")))
            elif issuer is None:
                bm = _CITE_BEFORE_NODATE_RE.search(before)
                if bm:
                    issuer = collapse(fix_tones(bm.group("iss")))
        mentions.append({"number": number, "kind": kind, "date": date, "issuer": issuer, "pos": m.start()})
    mentions.sort(key=lambda x: x["pos"])
    own = _number_key(own_number) if own_number else None
    merged: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        key = _number_key(mention["number"])
        if key == own:
            continue
        entry = merged.get(key)
        if entry is None:
            merged[key] = {k: mention[k] for k in ("number", "kind", "date", "issuer")}
            continue
        full = entry["date"] is not None and entry["issuer"] is not None
        if full:
            continue  # the first full mention wins
        if mention["date"] is not None and mention["issuer"] is not None:
            merged[key] = {k: mention[k] for k in ("number", "kind", "date", "issuer")}
            merged[key]["kind"] = mention["kind"] or entry["kind"]
            continue
        for k in ("kind", "date", "issuer"):
            if entry[k] is None and mention[k] is not None:
                entry[k] = mention[k]
    return list(merged.values())


# ---------------------------------------------------------------------------- themes

# Keywords are matched as plain substrings of the lower-cased text (Vietnamese words are


# "Kết luận 107 của Ban Bí thư", "Quyết định số 12 của Tỉnh ủy", "Công điện số 5 của Thủ tướng
# Chính phủ": a kind and a serial without the number's codes, resolved against the archive later.
# Bare serials are found first (cheap), then the kind word is looked for just before each.
_SERIAL_RE = re.compile(r"(?<![\w/.\-])(\d{1,5})(?![\d/\-–.,]\d|[\w/\-–])")
_SHORT_ISSUER_RE = re.compile(
    r"^\s*(?:,\s*)?(?:ngày\s+[\d/\-.]+\s*)?(?:của|do)\s+(?P<iss>[^,;:.()“\"”]{2,80}?)" + _ISSUER_STOP, re.I
)


_KIND_LAST_WORDS = {w.split()[-1] for w, _ in KIND_WORDS} | {"số", "tịch"}


def short_references(text: str, cited: list[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """Documents named by kind and serial only, with their issuer when the text names it; not
    those the text also cites by their full number (``cited``)."""
    refs: dict[tuple, dict[str, Any]] = {}
    full = {(c.get("kind"), re.match(r"0*(\d+)", c.get("number") or "0").group(1)) for c in cited}
    text = text or ""
    for m in _SERIAL_RE.finditer(text):
        before = text[max(0, m.start() - 40): m.start()]
        last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        if last not in _KIND_LAST_WORDS:
            continue  # most numbers are dates, counts, article numbers: no kind word before them
        k = _KIND_BEFORE_RE.search(before)
        if not k:
            continue
        kind = kind_code_for_word(k.group("kind"))
        if not kind:
            continue
        key = (kind, m.group(1).lstrip("0") or "0")
        if key in full or (None, key[1]) in full:
            continue
        im = _SHORT_ISSUER_RE.match(text[m.end(): m.end() + 200])
        issuer = collapse(fix_tones(im.group("iss"))) if im else None
        if key not in refs or (issuer and not refs[key]["issuer"]):
            refs[key] = {"kind": kind, "serial": key[1], "issuer": issuer}
    return list(refs.values())
