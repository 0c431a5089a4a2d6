"""Line-level tests and helpers shared by the parts of the parser."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .folding import folded, folds_to_vowel
from .dates import is_date_line
from .number import is_number_line


_MOTTO_KEYS = (
    "dang cong san viet nam",
    "cong hoa xa hoi chu nghia viet nam",
    "doc lap - tu do - hanh phuc",
    "doc lap tu do hanh phuc",
)

_SIG_LINE_RE = re.compile(
    r"^(?:người ký|ký bởi|email|cơ quan|thời gian ký|chức vụ|ngày ký|signed by|signature)\s*:",
    re.I,
)
_SIG_FRAGMENT_RE = re.compile(r"^(?:\S*@\S*|/\S+|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?)$")

CAPACITY_RE = re.compile(
    r"^(?:T/M|TM\.?|THAY\s+MẶT|KT\.?|K/T|KÝ\s+THAY|Q\.|TL\.?|T/L|TUQ\.?|THỪA\s+LỆNH|"
    r"THỪA\s+ỦY\s+QUYỀN|THỪA\s+UỶ\s+QUYỀN)(?=[\s.]|$)"
)
TITLE_RE = re.compile(
    r"^(?:PHÓ\s+|Q\.\s*)?(?:CHỦ\s+TỊCH|BÍ\s+THƯ|TRƯỞNG\s+BAN|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|"
    r"THỨ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+PHÒNG|TỔNG\s+BÍ\s+THƯ|CHỦ\s+NHIỆM|TRƯỞNG\s+ĐOÀN|"
    r"VIỆN\s+TRƯỞNG|CỤC\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG|HIỆU\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC)\b"
)
SIGNED_MARK_RE = re.compile(r"^[\[(]?\s*(?:đã\s+ký|ký(?:,| và)?\s+(?:tên|ghi rõ|đóng dấu).*|daky|chữ ký số.*)\s*[\])]?$", re.I)

BULLET_RE = re.compile(r"^\s*(?:[-–—•+·●▪]|\*(?=\s))\s*")
ROMAN_RE = re.compile(r"^(?P<num>[IVXLC]{1,6})\s*[.\-–)/:]\s*(?P<rest>.*)$")
ARABIC_RE = re.compile(r"^(?P<num>\d{1,2})\s*[.)/]\s*(?!\d)(?P<rest>\S.*)$")


_WS_RE = re.compile(r"\s+")


def collapse(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def is_caps(line: str) -> bool:
    """Mostly upper-case letters (headers, signing blocks); "28/CT-TTg" style mixtures allowed."""
    if len(line) > 400:
        return False
    upper = sum(map(str.isupper, line))
    if upper < 2:
        return False
    lower = sum(map(str.islower, line))
    return upper / (upper + lower) >= 0.85


def word_count(text: str) -> int:
    return len(text.split())


def is_blank(line: str) -> bool:
    return not line.strip()


_MOTTO_FLAT = tuple(" ".join(m.replace("-", " ").split()) for m in _MOTTO_KEYS)
_MOTTO_SPLIT_RE = re.compile(r"[\s–—\-.]+")


_MOTTO_FIRST = ("c", "d")  # every motto folds to words starting "cong", "doc" or "dang"


@lru_cache(maxsize=8192)
def is_motto(line: str) -> bool:
    if len(line) > 90 or not line:
        return False
    first = line.lstrip(" \t-–—.")[:1]
    if first.isalpha() and folded(first)[:1] not in _MOTTO_FIRST:
        return False
    flat = " ".join(_MOTTO_SPLIT_RE.split(folded(line))).strip()
    if not flat:
        return False
    if flat in _MOTTO_FLAT:
        return True
    # "CỘNG HÒA ... VIỆT NAM Độc lập - Tự do - Hạnh phúc" on one line
    return flat.startswith("cong hoa xa hoi chu nghia viet nam") and flat.endswith("hanh phuc")


def is_sig_line(line: str) -> bool:
    s = line.strip()
    return bool(_SIG_LINE_RE.match(s))


def is_sig_fragment(line: str) -> bool:
    return bool(_SIG_FRAGMENT_RE.match(line.strip()))


def capitalize_words(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines of one paragraph; "tuyên tr" + "uyền" -> "tuyên truyền"."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        tail = out.split(" ")[-1]
        if (
            line[0].islower()
            and tail.isalpha()
            and tail.islower()
            and not any(folds_to_vowel(c) for c in tail)
        ):
            out += line  # a syllable broken by the conversion
        else:
            out += " " + line
    return collapse(out) if ("  " in out or "\t" in out or "\n" in out) else out


def is_capacity(line: str) -> bool:
    s = line.strip()
    return bool(s) and bool(CAPACITY_RE.match(s)) and is_caps(s)


KINH_GUI_RE = re.compile(r"^[\W_]*k[íi]nh\s*g[ửởưuữỡ][iỉ](?!\w)", re.I)
NOI_NHAN_RE = re.compile(r"^[\W_]*n[ơo]i\s*nh[ậaâạ]n(?!\w)", re.I)


def is_kinh_gui(line: str) -> bool:
    return bool(KINH_GUI_RE.match(line))


def is_noi_nhan(line: str) -> bool:
    return bool(NOI_NHAN_RE.match(line))


@lru_cache(maxsize=8192)
def is_header_marker(line: str) -> bool:
    s = line.strip()
    if len(s) > 160:  # header parts are short lines
        return False
    return bool(s) and (
        is_motto(s) or is_number_line(s) or is_date_line(s) or is_sig_line(s) or is_kinh_gui(s)
    )


def next_nonblank(lines: list[str], i: int) -> int:
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    return i


def _split_inline(rest: str) -> list[str]:
    """Items written on the "Kính gửi:" / "Nơi nhận:" line itself ("Nơi nhận: - Như trên; - Lưu VT")."""
    rest = BULLET_RE.sub("", rest.strip())
    if not rest:
        return []
    return [p for p in re.split(r"\s*;\s*(?:[-–+•]\s*)?|\s+[-–+•]\s+", rest) if p.strip()]


def _continues_item(item: str, line: str) -> bool:
    """A line without a bullet right after an item: the item wrapped onto it?"""
    if line[0].islower():
        return True
    return item.rstrip().endswith((",", ";")) and word_count(line) <= 12 and not is_caps(line)


def collect_list(lines: list[str], i: int, stop, inline: str = "") -> tuple[list[str], int]:
    """Items of a "Kính gửi" / "Nơi nhận" list whose heading line is just before line ``i``."""
    items: list[str] = _split_inline(inline)
    last_was_item = bool(items)
    n = len(lines)
    while i < n:
        s = lines[i].strip()
        if not s:
            last_was_item = False
            # a blank line ends the list unless the next non-blank line is another item
            j = next_nonblank(lines, i)
            if j < n and BULLET_RE.match(lines[j]) and not stop(lines[j].strip()):
                i = j
                continue
            if items and j < n and items[-1].rstrip().endswith((",", ";")):
                t = lines[j].strip()
                if (
                    word_count(t) <= 8
                    and not stop(t)
                    and not is_caps(t)
                    and not is_header_marker(t)
                    and not ARABIC_RE.match(t)
                    and not ROMAN_RE.match(t)
                ):
                    items[-1] = join_lines([items[-1], t])  # a wrapped item after a blank line
                    i = j + 1
                    last_was_item = True
                    continue
            if not items and j < n and j - i <= 2 and word_count(lines[j]) <= 15 and not stop(lines[j].strip()):
                i = j  # "Kính gửi:" alone, the recipient after a blank line
                continue
            break
        if stop(s):
            break
        if BULLET_RE.match(s):
            item = BULLET_RE.sub("", s).strip()
            if item:
                items.append(item)
                last_was_item = True
        elif last_was_item and items and _continues_item(items[-1], s):
            items[-1] = join_lines([items[-1], s])  # wrapped item
        elif not items and word_count(s) <= 15:
            items.append(s)  # a single recipient without a bullet
            last_was_item = True
        else:
            break
        i += 1
    return [c for c in (_clean_item(x) for x in items) if c], i


def _clean_item(item: str) -> str:
    item = collapse(item)
    item = re.sub(r"\s+([,;.])", r"\1", item)
    return item.rstrip(" ,;.").strip()
