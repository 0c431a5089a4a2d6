"""Page layouts flattened into text: characters, table rows and wrapped table cells.

Web pages and document databases print the two-column header of an official document in
several broken ways (see ../shared/notes/real-world-layouts.md, §1):

* pipe rows: ``ISSUER | CỘNG HÒA … |`` then ``Số: N | PLACE, ngày … |``;
* one line with both columns: ``THÀNH ỦY X      ĐẢNG CỘNG SẢN VIỆT NAM`` or
  ``ISSUER ------ Số: N | CỘNG HÒA … ------ PLACE, ngày …``;
* word-wrapped cells: every cell broken over lines, cells ended by a line holding only ``|``;
* interleaved columns (PDF text extraction reads across the page by height): ``ISSUER LINE 1``,
  ``CỘNG HÒA …``, ``ISSUER LINE 2``, ``Độc lập - Tự do - Hạnh phúc``, ``Số: N``, ``PLACE, ngày …``.

Each is turned back into the stacked layout the header reader knows: one header part a line.
"""

from __future__ import annotations

import re

from .dates import is_date_line
from .kind import kind_from_words
from .lines import is_caps, is_motto, word_count
from .number import is_number_line
from .subject import SUBJECT_LINE_RE

# Characters seen in real files standing for others (notes §0).
_CHAR_MAP = str.maketrans({
    "\u2044": "/",  # FRACTION SLASH in numbers and dates
    "\u2215": "/",  # DIVISION SLASH
    "\u00d0": "Đ",  # Icelandic eth used for Đ
    "\u00f0": "đ",
    "\u0189": "Đ",  # African D
    "\u00a0": " ",
    "\u2002": " ", "\u2003": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ",
})


_ODD_CHARS_RE = re.compile("[\u2044\u2215\u00d0\u00f0\u0189\u00a0\u2002\u2003\u2007\u2009\u202f]")


def normalize_chars(text: str) -> str:
    """U+2044 as "/", Ð as Đ, no-break and other spaces as spaces."""
    return text.translate(_CHAR_MAP) if _ODD_CHARS_RE.search(text) else text


_RULE_RUN_RE = re.compile(r"\s*[-_=]{4,}\s*")
_COLUMN_GAP_RE = re.compile(r"\s{4,}")
_MOTTO_IN_LINE_RE = re.compile(
    r"(?<=\S)\s+(?=(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HO[ÀÁ] XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)\b"
    r"|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc\s*$)"
)
_NUMBER_THEN_DATE_RE = re.compile(
    r"^(?P<num>S[ốỐoO]\s*(?:hiệu)?\s*:?\s*\S+)\s+(?P<date>[^\d,]{2,40},\s*ngày\b.*)$", re.I
)
# The number cell holding the công văn's subject too: "Số: 903 /SCT-QLTM V/v tham gia …".
_NUMBER_THEN_SUBJECT_RE = re.compile(
    r"^(?P<num>S[ốỐoO]\s*(?:hiệu)?\s*:?\s*\S.*?)\s+(?P<vv>(?:V\s*/\s*v\b|Về việc\b).*)$", re.I
)
_CELL_MAX = 240


def split_columns(line: str) -> list[str]:
    """The header parts of one flattened line, in reading order; [line] for an ordinary line."""
    if not line.strip() or len(line) > 600:
        return [line]
    if "|" not in line and "    " not in line and "----" not in line and "___" not in line and "====" not in line:
        if not ("NAM" in line or ", ngày" in line or "phúc" in line  # no motto or number-and-date run together
                or ("/v" in line.lower() and line.lstrip()[:2] in ("Số", "SỐ"))):  # nor number and V/v
            return [line]
    parts = [line]
    if "|" in line:
        cells = [c.strip() for c in line.split("|")]
        if all(len(c) <= _CELL_MAX for c in cells):
            parts = [c for c in cells if c]
            if not parts:
                return [""]
    out: list[str] = []
    for part in parts:
        pieces = [part]
        if _RULE_RUN_RE.search(part) and part.strip("-_= "):
            pieces = [p for p in _RULE_RUN_RE.split(part) if p.strip()]
        for piece in pieces:
            for col in _split_gaps(piece.strip()):
                out.extend(_split_inline_header(col))
    return out or [line]


_BLANK_FIELD_END_RE = re.compile(r"(?:ngày|tháng|năm|số|số:|/)$", re.I)


def _split_gaps(text: str) -> list[str]:
    """Split at wide gaps between two header columns ("TỈNH ỦY X      ĐẢNG CỘNG SẢN VIỆT NAM"),
    never inside a field left blank for the signing date ("ngày      tháng      năm 2024")."""
    pieces = _COLUMN_GAP_RE.split(text)
    if len(pieces) == 1:
        return pieces
    out = [pieces[0]]
    for piece in pieces[1:]:
        left = out[-1]
        if _BLANK_FIELD_END_RE.search(left) or not (left.isupper() or piece[:1].isupper()):
            out[-1] = f"{left} {piece}"
        else:
            out.append(piece)
    return out


def _split_inline_header(text: str) -> list[str]:
    """"THÀNH ỦY X ĐẢNG CỘNG SẢN VIỆT NAM" -> issuer + motto; "Số: N Hà Nội, ngày …" and
    "Số: N V/v …" -> two lines."""
    if len(text) > 200:
        return [text]
    m = _MOTTO_IN_LINE_RE.search(text)
    if m and text[: m.start()].isupper():
        return [text[: m.start()].strip(), text[m.end():].strip()]
    m = _NUMBER_THEN_DATE_RE.match(text)
    if m:
        return [m.group("num"), m.group("date")]
    m = _NUMBER_THEN_SUBJECT_RE.match(text)
    if m and is_number_line(m.group("num")):
        return [m.group("num"), m.group("vv")]
    return [text]


def _is_rule(line: str) -> bool:
    s = line.strip()
    return len(s) >= 3 and not s.strip("-_=~*")


def join_wrapped_cells(lines: list[str]) -> list[str]:
    """Header cells word-wrapped over lines and ended by a lone "|": one line per cell part.

    Only the part of the file up to the last lone "|" is touched, and only when at least two
    such lines stand in the first 60 lines (the layout of a table printed cell by cell).
    """
    bars = [i for i, line in enumerate(lines[:60]) if line.strip() == "|"]
    if len(bars) < 2:
        return lines
    end = bars[-1]
    out: list[str] = []
    cell: list[str] = []

    def flush():
        if cell:
            out.append(" ".join(cell))
            cell.clear()

    for line in lines[: end + 1]:
        s = line.strip()
        if s == "|" or not s:
            flush()
            out.append("")
        elif _is_rule(s):
            flush()
            out.append(s)
        else:
            cell.append(s)
    flush()
    return out + lines[end + 1:]


# ============================================================================================
# Header columns interleaved line by line
# ============================================================================================

_ZONE_START_MAX = 12  # the header starts within the first lines (after a chrome line or two)
_ZONE_MAX = 24


def _header_side(line: str) -> str | None:
    """"right" for the right column's lines (motto, place and date), "left" for the left
    column's (issuing bodies in capitals, the number), None for anything else."""
    if is_motto(line) or is_date_line(line):
        return "right"
    if is_number_line(line):
        return "number"
    if is_caps(line) and word_count(line) <= 14 and kind_from_words(line) is False:
        return "left"
    return None


def _continues_subject(line: str) -> bool:
    """A wrapped line of a "V/v" subject: lower case first, or a few words with no stop."""
    return line[:1].islower() or (word_count(line) <= 8 and not line.endswith((".", ",", ":", ";")))


def separate_interleaved(lines: list[str]) -> list[str]:
    """The two header columns, read across the page line by line, put back one after the other:
    the left column (issuing bodies, "Số …") first, then the right one (motto, place and date).

    Only a header whose issuing lines are cut apart by a line of the right column is touched;
    the zone ends at the place-and-date line (the foot of the right column), so the authority
    and the subject under it stay where they are.
    """
    start = next(
        (i for i, line in enumerate(lines[:_ZONE_START_MAX * 2]) if line.strip() and _header_side(line.strip()) in ("left", "right")),
        None,
    )
    if start is None:
        return lines
    sides: list[tuple[int, str]] = []
    end = start
    dated = in_subject = False
    for i in range(start, min(len(lines), start + _ZONE_MAX)):
        s = lines[i].strip()
        if not s:
            end = i + 1
            continue
        side = _header_side(s)
        if side is None and (SUBJECT_LINE_RE.match(s) or (in_subject and _continues_subject(s))):
            side = "subject"  # "V/v …" under the number, wrapped beside the date
        if side is None or (dated and side not in ("number", "subject")):
            break
        if side != "right":
            in_subject = side == "subject"  # the right column's lines do not end the subject
        sides.append((i, side))
        end = i + 1
        if is_date_line(s):
            dated = True
    lefts = [i for i, side in sides if side == "left"]
    if len(lefts) < 2 or not any(side == "right" and lefts[0] < i < lefts[-1] for i, side in sides):
        return lines
    left = [lines[i] for i, side in sides if side != "right"]
    right = [lines[i] for i, side in sides if side == "right"]
    return lines[:start] + left + [""] + right + [""] + lines[end:]
