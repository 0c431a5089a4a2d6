"""Dates and the place-and-date line ("Hà Nội, ngày 5 tháng 3 năm 2021")."""

from __future__ import annotations

import datetime
import re



_DATE_WORDS = r"ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"
_DATE_NUM = r"(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4})"
DATE_IN_TEXT_RE = re.compile(
    r"(?:ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"
    r"|(?:ngày\s*)?(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4}))",
    re.I,
)
# A date line: "Bắc Giang, ngày 19 tháng 8 năm 2021", "TP. Hồ Chí Minh, ngày 5/3/2020",
# "Hà Nội, ngày   tháng   năm 2022" (left blank before signing).
DATE_LINE_RE = re.compile(
    r"^(?:(?P<place>[^\d,:;()]{2,50}?)\s*,\s*)?"
    r"(?:" + _DATE_WORDS + r"|(?:ngày\s*)?" + _DATE_NUM + r"|(?P<blank>ngày[\s.…_]*tháng[\s.…_]*năm\s*\d{0,4}))"
    r"\s*\.?$",
    re.I,
)
# The end of a line that ran into the next document's date line.
RUN_IN_DATE_RE = re.compile(
    r",\s*ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}\s*(?:\*\*)?\s*$", re.I
)


def valid_date(y: str | int, m: str | int, d: str | int) -> datetime.date | None:
    try:
        return datetime.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


def parse_date(text: str) -> datetime.date | None:
    """First date in ``text``: "ngày 19 tháng 8 năm 2021", "19/5/2021", "19-5-2021", "19.5.2021"."""
    m = DATE_IN_TEXT_RE.search(text or "")
    if not m:
        return None
    if m.group("y"):
        return valid_date(m.group("y"), m.group("m"), m.group("d"))
    return valid_date(m.group("y2"), m.group("m2"), m.group("d2"))


def is_date_line(line: str) -> bool:
    m = DATE_LINE_RE.match(line.strip())
    if not m:
        return False
    place = m.group("place")
    return place is None or not re.search(r"\d", place)
