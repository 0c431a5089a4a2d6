"""The header: issuer block, motto, number, place and date, kind and title, Kính gửi."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from vietnamese.text import fold

from .closing import is_person_name
from .dates import DATE_LINE_RE, is_date_line
from .issuer import normalize_case
from .kind import kind_from_words, kind_title
from .lines import ARABIC_RE, BULLET_RE, CAPACITY_RE, KINH_GUI_RE, ROMAN_RE, TITLE_RE, collect_list, is_capacity, is_caps, is_header_marker, is_kinh_gui, is_motto, is_noi_nhan, is_sig_fragment, is_sig_line, join_lines, next_nonblank, word_count
from .number import NUMBER_LINE_RE, is_number_line
from .subject import SUBJECT_LINE_RE


@lru_cache(maxsize=8192)
def is_pre_header(line: str) -> bool:
    """Lines that may stand above a document's markers: its issuer, signature stamps."""
    s = line.strip()
    if not s:
        return True
    if is_sig_line(s) or is_sig_fragment(s):
        return True
    if is_caps(s) and not is_capacity(s) and not TITLE_RE.match(s) and not is_person_name(s, strict=True):
        return True
    return False


_ORG_LINE_RE = re.compile(
    r"^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|BỘ|BAN|SỞ|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY|VĂN PHÒNG|CHÍNH PHỦ|THỦ TƯỚNG)\b"
)
_AUTHORITY_TITLE_RE = re.compile(r"^(?:KT\.?\s*|Q\.\s*|PHÓ\s+)?(?:TRƯỞNG BAN|TRƯỞNG|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|CHÁNH|GIÁM ĐỐC|BÍ THƯ)\b")


_BODY_START_RE = re.compile(r"^\s*(?:căn cứ|điều\s+\d+\s*[.:]|chương\s+[ivxlc\d]+\b)", re.I)


def is_authority(line: str, issuer_blocks: list[list[str]]) -> bool:
    """The line naming who decides ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG BỘ X", or the
    issuer itself printed in full), which stands between a decision's title and its "Căn cứ"."""
    s = line.strip()
    if not s or not is_caps(s) or word_count(s) > 24:
        return False
    if _AUTHORITY_TITLE_RE.match(s):
        return True
    if issuer_blocks and _ORG_LINE_RE.match(s):
        head = fold(" ".join(issuer_blocks[0]))
        return bool(head) and fold(s).startswith(head)
    return False


def authority_issuer(authority: list[str], issuer_block: list[str]) -> str | None:
    """The issuer completed from the authority line: a header that lost its second line
    ("ỦY BAN NHÂN DÂN") under "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG"."""
    head = fold(" ".join(issuer_block)).strip()
    if not head:
        return None
    for line in authority:
        body = _AUTHORITY_TITLE_RE.sub("", line).strip()
        if fold(body).startswith(head) and len(fold(body)) > len(head) + 2:
            return body
    return None


@dataclass
class _Header:
    issuer_lines: list[list[str]] = field(default_factory=list)
    number_raw: str | None = None
    date_match: re.Match | None = None
    subject: str | None = None
    title_kind: str | None = None
    title_kind_seen: bool = False
    authority: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    kinh_gui: bool = False
    signature: dict[str, str] = field(default_factory=dict)
    body_start: int = 0



def _wrap_continues(lines: list[str], j: int, depth: int = 0) -> bool:
    """Does line ``j``, after blank lines, continue a wrapped header field (V/v, title)?

    Converters often put a blank line after every line; a short line that is followed by more
    header (or by another such line) is taken as the field's continuation.
    """
    n = len(lines)
    if j >= n:
        return False
    s = lines[j].strip()
    if (
        not s
        or is_header_marker(s)
        or is_caps(s)
        or BULLET_RE.match(s)
        or ARABIC_RE.match(s)
        or ROMAN_RE.match(s)
        or SUBJECT_LINE_RE.match(s)
    ):
        return False
    if s[0].islower():
        return True
    if word_count(s) > 10 or s.endswith((".", ":", ";")) or depth >= 3:
        return False
    k = next_nonblank(lines, j + 1)
    if k >= n:
        return False
    t = lines[k].strip()
    return is_header_marker(t) or is_caps(t) or _wrap_continues(lines, k, depth + 1)


# How the text of a document opens after its title: "Thực hiện Kế hoạch số …", "Theo đề nghị …".
_BODY_OPENER_RE = re.compile(r"^(?:Thực hiện|Căn cứ|Theo đề nghị|Xét đề nghị|Nhằm|Để|Ngày \d)(?!\w)")


def _is_body_sentence(line: str) -> bool:
    """A line of running text rather than of a title: it introduces a list ("… như sau:") or is
    a long sentence ending with a stop (a title's lines are short and carry no final stop), or a
    long line opening the way the text opens (a title's second line does not start again)."""
    s = line.strip()
    return (s.endswith(":") or (s.endswith((".", ";")) and word_count(s) > 12)
            or (word_count(s) > 12 and _BODY_OPENER_RE.match(s) is not None))


def _collect_wrapped(lines: list[str], i: int, parts: list[str]) -> int:
    """Append the lines of a wrapped header field starting at ``i``; return the next index."""
    n = len(lines)
    while i < n:
        s = lines[i].strip()
        if s:
            if is_header_marker(s) or is_caps(s) or SUBJECT_LINE_RE.match(s):
                break
            parts.append(s)
            i += 1
            continue
        j = next_nonblank(lines, i)
        if parts and j < n and _wrap_continues(lines, j):
            i = j
            continue
        break
    return i






def _is_issuer_continuation(s: str) -> bool:
    return (
        bool(s)
        and is_caps(s)
        and not is_header_marker(s)
        and kind_from_words(s) is False
        and not CAPACITY_RE.match(s)
        and not ROMAN_RE.match(s)
        and not ARABIC_RE.match(s)
        and not SUBJECT_LINE_RE.match(s)
    )


def scan_header(lines: list[str], warnings: list[str]) -> _Header:
    h = _Header()
    n = len(lines)
    i = 0
    block: list[str] = []
    body_start: int | None = None

    def end_block():
        nonlocal block
        if block:
            h.issuer_lines.append(block)
            block = []

    while i < n:
        s = lines[i].strip()
        if not s:
            if block:
                j = next_nonblank(lines, i)
                if j < n and _is_issuer_continuation(lines[j].strip()):
                    i = j  # issuer lines separated by blank lines
                    continue
            end_block()
            i += 1
            continue
        if is_sig_line(s) or is_sig_fragment(s):
            end_block()
            m = re.match(r"^([^:]+):\s*(.*)$", s)
            if m:
                h.signature[fold(m.group(1)).strip()] = m.group(2).strip()
            i += 1
            continue
        if is_motto(s):
            end_block()
            i += 1
            continue
        if h.number_raw is None and is_number_line(s):
            end_block()
            h.number_raw = NUMBER_LINE_RE.match(s).group("rest")
            i += 1
            continue
        if h.date_match is None and is_date_line(s):
            end_block()
            h.date_match = DATE_LINE_RE.match(s)
            i += 1
            continue
        m = SUBJECT_LINE_RE.match(s)
        if m and h.subject is None:
            end_block()
            parts = [m.group("rest")] if m.group("rest").strip() else []
            i = _collect_wrapped(lines, i + 1, parts)
            h.subject = join_lines(parts) or None
            continue
        if is_kinh_gui(s):
            end_block()
            h.kinh_gui = True
            rest = KINH_GUI_RE.sub("", s, count=1).lstrip(" :.")
            h.recipients, i = collect_list(lines, i + 1, is_noi_nhan, inline=rest)
            j = next_nonblank(lines, i)
            if j < n and (is_header_marker(lines[j]) or SUBJECT_LINE_RE.match(lines[j].strip())):
                i = j  # more header after the list (a layout read column by column)
                continue
            body_start = i
            break
        kind, inline_title = (kind_title(s) if is_caps(s) else (False, ""))
        if inline_title and not (block or h.issuer_lines or h.number_raw or h.date_match):
            kind = False  # a caps line at the very top that starts like a kind is the issuer
        if kind is not False and not h.title_kind_seen:
            end_block()
            h.title_kind_seen = True
            h.title_kind = kind
            i += 1
            parts = [normalize_case(inline_title)] if inline_title else []
            if not parts:
                i = next_nonblank(lines, i)
            start = i
            caps_title = not parts and i < n and is_caps(lines[i])
            while (
                i < n
                and lines[i].strip()
                and not is_header_marker(lines[i])
                and not ROMAN_RE.match(lines[i])
                and not ARABIC_RE.match(lines[i])
            ):
                if _BODY_START_RE.match(lines[i]) or is_capacity(lines[i]):
                    break  # "Căn cứ …", "Điều 1.": the text has begun; "TM. …": the signature
                if is_authority(lines[i], h.issuer_lines):
                    break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH": who decides, not the subject
                if caps_title and not is_caps(lines[i]):
                    break  # a title in capitals ends where the text ("Căn cứ …") begins
                if parts and _is_body_sentence(lines[i]):
                    break  # text extracted with no blank line between the title and the body
                parts.append(lines[i])
                i += 1
            if parts and not caps_title and (i >= n or not lines[i].strip()):
                i = _collect_wrapped(lines, i, parts)  # the title goes on after blank lines
            title = join_lines(parts)
            if title and word_count(title) <= 80 and not ARABIC_RE.match(title) and not ROMAN_RE.match(title):
                h.subject = h.subject or title
            else:
                body_start = start
                break
            continue
        if is_caps(s) and not ROMAN_RE.match(s) and not ARABIC_RE.match(s) and not CAPACITY_RE.match(s):
            if h.issuer_lines and (h.number_raw is not None or h.date_match is not None or h.title_kind_seen):
                h.authority.append(s)  # the deciding authority under the title
            block.append(s)
            i += 1
            continue
        body_start = i
        break
    end_block()
    h.body_start = body_start if body_start is not None else i
    return h
