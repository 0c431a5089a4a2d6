"""A document issued with another one: "(Ban hành kèm theo Quyết định số N ngày … của …)".

A decision and the regulation or plan it issues are often printed in one file (notes §4): the
decision ends, then the attachment's heading (its kind, which may be missing, and its subject in
capitals) and the "(Ban hành kèm theo …)" line. The attachment has no number of its own; its date,
issuer and territory are the decision's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DATE_IN_TEXT_RE, valid_date
from .kind import kind_from_words
from .lines import TITLE_RE, is_capacity, is_caps, is_header_marker, join_lines

ATTACHED_RE = re.compile(r"^\(?\s*(?:ban hành |được ban hành )?kèm theo\s+(?P<what>.*)$", re.I)
_ISSUED_WITH_RE = re.compile(r"^\(\s*(?:được\s+)?ban hành kèm theo\b", re.I)


def is_attached_line(line: str) -> bool:
    return bool(_ISSUED_WITH_RE.match(line.strip()))


def attachment_start(lines: list[str], k: int, floor: int) -> int:
    """Where the attachment whose "(Ban hành kèm theo" line is ``k`` begins: its heading lines
    (kind, subject in capitals) above it, not the decision's signing block."""
    j = k
    while j - 1 > floor:
        s = lines[j - 1].strip()
        if not s:
            j -= 1
            continue
        if not is_caps(s) or is_capacity(s) or TITLE_RE.match(s) or is_header_marker(s):
            break
        j -= 1
    while j < k and not lines[j].strip():
        j += 1
    return j


@dataclass
class AttachmentHeading:
    kind: str | None
    subject: str | None
    date: object
    body_start: int


def read_heading(lines: list[str]) -> AttachmentHeading | None:
    """The heading of an attachment part, or None when the part is not one."""
    heading: list[str] = []
    for i, raw in enumerate(lines[:12]):
        s = raw.strip()
        if not s:
            continue
        if is_attached_line(s):
            kind = None
            if heading and kind_from_words(heading[0]) not in (False, None):
                kind = kind_from_words(heading.pop(0))
            m = DATE_IN_TEXT_RE.search(s)
            date = None
            if m:
                date = (valid_date(m.group("y"), m.group("m"), m.group("d")) if m.group("y")
                        else valid_date(m.group("y2"), m.group("m2"), m.group("d2")))
            return AttachmentHeading(kind, join_lines(heading) or None, date, i + 1)
        if not is_caps(s):
            return None
        heading.append(s)
    return None


_ISSUES_KIND_RE = re.compile(r"ban hành kèm theo\s+(?:quyết định|nghị quyết|chỉ thị)\s+này\s+(?P<kind>\w+(?:\s+\w+)?)", re.I)


def kind_named_by_parent(parent_body: str) -> str | None:
    """"Điều 1. Ban hành kèm theo Quyết định này Quy định về …" -> "quy_dinh"."""
    for m in _ISSUES_KIND_RE.finditer(parent_body or ""):
        words = m.group("kind").split()
        for n in (2, 1):
            kind = kind_from_words(" ".join(words[:n]))
            if kind not in (False, None):
                return kind
    return None
