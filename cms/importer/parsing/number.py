"""The number line ("Số: 12/KH-UBND")."""

from __future__ import annotations

import re

from vietnamese.numbers import NUMBER_RE


NUMBER_LINE_RE = re.compile(r"^(?:số|so|sô|s\u1ed1)\s*(?:hiệu)?\s*[:.]?\s*(?P<rest>.*)$", re.I)


def is_number_line(line: str) -> bool:
    m = NUMBER_LINE_RE.match(line.strip())
    if not m:
        return False
    rest = m.group("rest").strip().rstrip(".,;")
    return bool(NUMBER_RE.fullmatch(rest)) or bool(re.fullmatch(r"[\s.…_]*[-/][\w\-/Đđ]*", rest))
