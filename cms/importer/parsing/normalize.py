"""Pre-processing: characters, markup residue, run-in lines, flattened table layouts."""

from __future__ import annotations

import re
import unicodedata


from .dates import RUN_IN_DATE_RE
from .layout import join_wrapped_cells, normalize_chars, separate_interleaved, split_columns
from .places import is_place_name


_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")


def _split_run_in(line: str) -> list[str]:
    """"**Lê Thị Thu Hồng** Lạng Sơn, ngày 29 tháng 9 năm 2021" -> name line + date line."""
    if "gày" not in line and "GÀY" not in line:
        return [line]
    m = RUN_IN_DATE_RE.search(line)
    if not m:
        return [line]
    head = line[: m.start()]
    plain_head = head.replace("*", "").strip()
    if not plain_head or is_place_name(plain_head):
        return [line]
    # the bold markers of the name show where it ends
    if "**" in head:
        cut = head.rfind("**") + 2
        before, place = head[:cut], head[cut:]
        if place.strip() and is_place_name(place.replace("*", "").strip()) and before.replace("*", "").strip():
            return [before.rstrip(), place.strip() + line[m.start():]]
    words = plain_head.split()
    if len(words) > 10:
        return [line]
    for n in range(min(5, len(words) - 1), 0, -1):
        place = " ".join(words[-n:])
        if is_place_name(place):
            name = " ".join(words[:-n])
            return [name, place + line[m.start():].replace("**", "")]
    return [line]


_MARKUP_CHARS_RE = re.compile("[*#\\\\_{}^\t\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SEPARATOR_RE = re.compile(r"(?:\\?\*\s*){1,5}|[-_=~]{3,}|(?:\*\s*){3,}|#+")


def _clean_line(line: str) -> str:
    stripped = line.strip()
    if not stripped:
        return ""
    if stripped[0] in "-_=~" and _SEPARATOR_RE.fullmatch(stripped):
        return ""
    if "  " not in stripped and not _MARKUP_CHARS_RE.search(stripped):
        return stripped
    line = _INVISIBLE_RE.sub("", line).replace("\u00a0", " ").replace("\t", " ")
    stripped = line.strip()
    if _SEPARATOR_RE.fullmatch(stripped):
        return ""
    line = re.sub(r"^\s*#{1,6}\s+", "", line)
    line = re.sub(r"[_^]\{([^{}]*)\}", r" \1", line)  # sub/superscript markup: KTN_{Hương}
    line = line.replace("**", "").replace("__", "")
    line = _MD_ESCAPE_RE.sub(r"\1", line)
    line = re.sub(r"^\s*\*\s+", "- ", line)  # markdown bullet
    line = line.replace("(*)", "\x00").replace("*", "").replace("\x00", "(*)")  # keep footnote marks
    line = re.sub(r"[ ]{2,}", " ", line)
    return line.strip()


# A document number broken by a hard line break after a hyphen: "… Kế hoạch số 21/KH-" ⏎ "UBND ngày …"
# (or "số 45-" ⏎ "CT/TU"); the next line goes on with the number's code in capitals.
_NUMBER_HEAD_END_RE = re.compile(r"(?<![\w/])\d{1,5}(?:/\d{4})?(?:/[A-ZĐ]{1,8})?-$")
_NUMBER_TAIL_START_RE = re.compile(r"^[A-ZĐ]{1,10}[A-ZĐ0-9/\-]*(?=[\s,.;:)]|$)")


def _join_broken_numbers(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith("-") and _NUMBER_HEAD_END_RE.search(out[-1]) and _NUMBER_TAIL_START_RE.match(line):
            out[-1] += line
        else:
            out.append(line)
    return out


def preprocess(text: str) -> list[str]:
    """The file's lines, cleaned, with flattened table layouts back in stacked order."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = normalize_chars(text)
    lines: list[str] = []
    for raw in join_wrapped_cells(text.split("\n")):
        for piece in _split_run_in(raw):
            for column in split_columns(piece):
                lines.append(_clean_line(column))
    return separate_interleaved(_join_broken_numbers(lines))


# ============================================================================================
# Splitting a file into documents
