"""Database records without a header (notes §1, H6): the number alone on line 1, then the signer
and the issuer flattened into one line, then the kind and the subject run together:

    N/KIND-ORG
    KTBT, TT NAME Theo ISSUER IN CAPITALS -
    Công văn Về việc SUBJECT.

The lines are rewritten into the stacked header the header reader knows (issuer, "Số:", "V/v"),
and the signer found on the flattened line is handed back.
"""

from __future__ import annotations

import re

from vietnamese.numbers import NUMBER_RE

from .closing import is_person_name
from .kind import KIND_KEYS
from .lines import is_caps

_UPPER = "A-ZĐÀ-ỸẠ-Ỹ"
# The capacity before the name: abbreviations ("KTBT, TT"; with Đ: "KTGĐ, PGĐ" = KT. Giám đốc, Phó
# Giám đốc) or words ("KT. Bộ trưởng, Thứ trưởng").
_CAPACITY_WORD = (
    r"(?i:(?:phó\s+)?(?:bộ trưởng|thứ trưởng|chủ tịch|giám đốc|trưởng ban|bí thư|chủ nhiệm|"
    r"chánh văn phòng|tổng cục trưởng|cục trưởng|vụ trưởng|trưởng phòng))"
)
_SIGNER_ISSUER_RE = re.compile(
    r"^(?P<capacity>(?:(?:[A-ZĐ]{1,6}\.?|" + _CAPACITY_WORD + r")[.,/]?\s*){0,5}?)\s*"
    r"(?P<name>(?:[" + _UPPER + r"][^\s,.;:A-ZĐ]+\s+){1,4}[" + _UPPER + r"][^\s,.;:A-ZĐ]+)"
    r"\s+Theo\s+(?P<issuer>.+?)\s*[-–]?\s*$"
)
_KIND_SUBJECT_RE = re.compile(r"^(?P<kind>\S+(?:\s+\S+)?)\s+(?:về việc|v/v)\s*:?\s*(?P<subject>\S.*?)\.?$", re.I)


def rewrite_record(lines: list[str]) -> tuple[list[str], str | None]:
    """(lines, signer) for a number-first record; the lines unchanged otherwise."""
    from vietnamese.text import fold

    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not NUMBER_RE.fullmatch(lines[first].strip()):
        return lines, None
    out = list(lines)
    out[first] = "Số: " + lines[first].strip()
    signer = None
    for i in range(first + 1, min(len(out), first + 8)):
        s = out[i].strip()
        if not s:
            continue
        m = _SIGNER_ISSUER_RE.match(s)
        if m and is_caps(m.group("issuer")) and is_person_name(m.group("name")):
            signer = m.group("name")
            out[i] = m.group("issuer").strip()
            continue
        m = _KIND_SUBJECT_RE.match(s)
        if m and fold(m.group("kind")) in KIND_KEYS:
            out[i] = "V/v " + m.group("subject")
            break
        break
    # the issuer stands above the number in the stacked layout
    issuer_at = next((i for i in range(first + 1, min(len(out), first + 8)) if out[i] and is_caps(out[i])), None)
    if issuer_at is not None:
        out[first], out[issuer_at] = out[issuer_at], out[first]
    return out, signer
