"""The subject (trích yếu): "V/v …" lines and the title under the kind."""

from __future__ import annotations

import re

from .issuer import normalize_case
from .lines import is_caps



SUBJECT_LINE_RE = re.compile(r"^(?:v\s*/\s*v|vv|về\s+việc)\s*[:.]?\s*(?P<rest>.*)$", re.I)


def sentence_case(subject: str) -> str:
    """A subject printed in capitals in sentence case ("VỀ VIỆC BAN HÀNH KẾ HOẠCH … TỈNH BÌNH ĐỊNH"
    -> "Về việc ban hành kế hoạch … tỉnh Bình Định"), proper names kept; other text only gets
    its first letter in capitals."""
    text = subject.strip()
    if is_caps(text):
        text = normalize_case(text)
    return text[:1].upper() + text[1:]
