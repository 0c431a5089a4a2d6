"""The body: paragraphs and numbered sections."""

from __future__ import annotations

import re
from typing import Any


from .lines import ARABIC_RE, ROMAN_RE, is_caps, join_lines, word_count


def split_paragraphs(lines: list[str], warnings: list[str]) -> list[str]:
    paras: list[list[str]] = []
    blank_before = True
    for raw in lines:
        s = raw.strip()
        if not s:
            blank_before = True
            continue
        if paras and s[0].islower():
            if not blank_before:
                paras[-1].append(s)  # a wrapped line
                continue
            prev_end = paras[-1][-1]
            if prev_end.endswith(":"):
                warnings.append(
                    f"Nội dung: đoạn “{excerpt(s)}” bắt đầu bằng chữ thường sau dấu hai chấm: có thể thiếu trang"
                )
            elif not _SENTENCE_END_RE.search(prev_end):
                paras[-1].append(s)  # a page break inside a paragraph
                blank_before = False
                continue
        paras.append([s])
        blank_before = False
    joined = (join_lines(p) for p in paras)
    return [p for p in joined if p]


_SENTENCE_END_RE = re.compile(r"(?:[.!?;]|\./\.)$")


def excerpt(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def find_sections(paras: list[str], warnings: list[str]) -> list[dict[str, Any]]:
    roman = [p for p in paras if ROMAN_RE.match(p) and is_caps(ROMAN_RE.match(p).group("rest") or "X")]
    pattern = ROMAN_RE if roman else ARABIC_RE
    sections: list[dict[str, Any]] = []
    current: dict[str, Any] = {"heading": None, "paragraphs": []}
    numbers: list[int] = []
    for para in paras:
        m = pattern.match(para)
        is_heading = False
        if m:
            rest = m.group("rest").strip()
            if pattern is ROMAN_RE:
                is_heading = is_caps(rest) or word_count(rest) <= 12
            else:
                is_heading = True
        if is_heading:
            if current["heading"] is not None or current["paragraphs"]:
                sections.append(current)
            num = m.group("num")
            rest = m.group("rest").strip()
            short = word_count(rest) <= 15 and not re.search(r"[.;]$", rest)
            if short or is_caps(rest):
                current = {"heading": para, "paragraphs": []}
            else:
                sep = "." if pattern is ARABIC_RE else "."
                current = {"heading": f"{num}{sep}", "paragraphs": [rest]}
            if pattern is ARABIC_RE:
                numbers.append(int(num))
            else:
                numbers.append(_roman_value(num))
        else:
            current["paragraphs"].append(para)
    if current["heading"] is not None or current["paragraphs"]:
        sections.append(current)
    if numbers:
        expected = list(range(numbers[0], numbers[0] + len(numbers)))
        if numbers[0] != 1 or numbers != expected:
            warnings.append(
                "Các mục: đánh số " + ", ".join(map(str, numbers)) + " không liên tục: có thể thiếu nội dung"
            )
    return sections


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values.get(a, 0)
        total += -v if values.get(b, 0) > v else v
    return total
