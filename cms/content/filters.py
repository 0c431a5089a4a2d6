"""The archive's filters, read once for every channel.

Section listings, feeds, the JSON API, the search page and the
``search_archive`` command all filter the archive by the same fields (content
kind, document kind, theme, region, issuer, level, validity, year, date
range). ``parse_filters`` reads them from request parameters and returns the
values it accepted and the problems it found; each channel answers the
problems its own way (a Vietnamese notice on a page, which then shows the
archive without that filter; a 400 JSON error in the API). ``filter_pages``
applies accepted filters to a page queryset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cms.taxonomy.models import IssuingBody, Region, Theme
from vietnamese.vocabulary import CONTENT_KIND_LABELS, FILTERS, KIND_LABELS, LEVELS, VALIDITY

from .models import ContentPage

FILTER_LABELS = FILTERS
# Fields whose value is a code of a vocabulary table.
CHOICES = {"content": CONTENT_KIND_LABELS, "kind": KIND_LABELS, "level": LEVELS, "validity": VALIDITY}
# Fields whose value names a row: theme and region by slug, issuer by name.
LOOKUPS = {"theme": (Theme, "slug"), "region": (Region, "slug"), "issuer": (IssuingBody, "name")}
DATE_LABELS = {"date_from": "Từ ngày", "date_to": "Đến ngày"}
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")
YEARS = (1945, 2100)
MAX_VALUE_CHARS = 200

# Parameter names: the site's pages and the API name two fields differently
# (the API's "kind" is the content kind, its "doc_kind" the document kind).
PAGE_PARAMS = {name: name for name in FILTER_LABELS} | {"date_from": "from", "date_to": "to"}
API_PARAMS = PAGE_PARAMS | {"content": "kind", "kind": "doc_kind", "date_from": "date_from", "date_to": "date_to"}


def bounded_int(raw, low: int, high: int) -> int | None:
    """``raw`` as an integer in [low, high], or None: ASCII digits only (``"²".isdigit()``
    is true and ``int("²")`` fails) and never more digits than ``high`` has (``int()`` of
    thousands of digits is slow, then refused)."""
    raw = str(raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw.lstrip("0")) > len(str(high)):
        return None
    value = int(raw)
    return value if low <= value <= high else None


def parse_date(raw: str) -> dt.date | None:
    """dd/mm/yyyy (as Vietnamese write it), yyyy-mm-dd or dd-mm-yyyy."""
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


@dataclass
class Problem:
    """A filter value that was refused: ``message`` says what, ``fallback`` what a lenient
    channel did instead, ``hint`` what would have been accepted."""

    param: str
    message: str
    fallback: str = "đã bỏ qua bộ lọc này"
    hint: str = ""

    @property
    def notice(self) -> str:
        """For a page: the problem and what was shown instead."""
        return f"{self.message}; {self.fallback}."

    @property
    def error(self) -> str:
        """For the API, which refuses the request."""
        return f"{self.message}." + (f" {self.hint}" if self.hint else "")


@dataclass
class ArchiveFilters:
    """The accepted filters: field -> value as given (codes, slugs, an issuer's name, a year)."""

    values: dict[str, str] = field(default_factory=dict)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    # the rows named by theme, region and issuer
    rows: dict[str, object] = field(default_factory=dict)

    @property
    def theme(self) -> Theme | None:
        return self.rows.get("theme")

    @property
    def region(self) -> Region | None:
        return self.rows.get("region")

    @property
    def issuer(self) -> IssuingBody | None:
        return self.rows.get("issuer")

    @property
    def year(self) -> int | None:
        return int(self.values["year"]) if "year" in self.values else None

    def label(self, name: str) -> str:
        """The Vietnamese label of the accepted value of ``name`` (for chips)."""
        value = self.values[name]
        if name in CHOICES:
            return CHOICES[name].get(value, value)
        row = self.rows.get(name)
        return getattr(row, "name", value) if row is not None else value

    def chips(self) -> list[tuple[str, str]]:
        """(field, label) of each active filter, in the order of FILTER_LABELS."""
        return [(name, self.label(name)) for name in FILTER_LABELS if name in self.values]


def _read(params, name: str) -> str:
    return str(params.get(name, "") or "").strip()


def parse_filters(params, names: dict[str, str] = PAGE_PARAMS) -> tuple[ArchiveFilters, list[Problem]]:
    """The filters in ``params`` (a QueryDict-like mapping) under the parameter ``names``,
    and the problems found. A refused value is left out; dates given the wrong way round
    are swapped."""
    filters, problems = ArchiveFilters(), []
    for name, label in FILTER_LABELS.items():
        param = names[name]
        value = _read(params, param)
        if not value:
            continue
        if name == "year":
            if bounded_int(value, *YEARS) is None:
                problems.append(Problem(param, f"Năm “{value[:20]}” không hợp lệ", hint="Ví dụ đúng: 2021."))
                continue
            value = str(int(value))
        elif name in CHOICES:
            if value not in CHOICES[name]:
                hint = "Dùng một trong: " + ", ".join(CHOICES[name]) + "."
                problems.append(Problem(param, f"Không có {label.lower()} “{value[:60]}”", hint=hint))
                continue
        else:
            model, key = LOOKUPS[name]
            row = model.objects.filter(**{key: value}).first() if len(value) <= MAX_VALUE_CHARS else None
            if row is None:
                hint = "Dùng mã chủ đề, ví dụ: tet." if name == "theme" else "Dùng mã địa bàn, ví dụ: ha-noi." if name == "region" else ""
                problems.append(Problem(param, f"Không tìm thấy {label.lower()} “{value[:60]}”", hint=hint))
                continue
            filters.rows[name] = row
        filters.values[name] = value
    for name, label in DATE_LABELS.items():
        param = names[name]
        raw = _read(params, param)
        if not raw:
            continue
        day = parse_date(raw)
        if day is None:
            problems.append(
                Problem(param, f"{label} “{raw[:30]}” không đúng dạng ngày/tháng/năm (ví dụ 05/09/2024)", "đã bỏ qua")
            )
        setattr(filters, name, day)
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        filters.date_from, filters.date_to = filters.date_to, filters.date_from
        problems.append(Problem(names["date_from"], "Ngày bắt đầu sau ngày kết thúc", "đã đổi chỗ hai ngày"))
    return filters, problems


def filter_pages(queryset, filters: ArchiveFilters):
    """Content pages of ``queryset`` that pass ``filters`` (a region includes what lies beneath it)."""
    values = filters.values
    if "content" in values:
        queryset = queryset.filter(ContentPage.of_kind(values["content"]))
    for name in ("kind", "level", "validity"):
        if name in values:
            queryset = queryset.filter(**{f"officialdocumentpage__{name}": values[name]})
    if filters.issuer:
        queryset = queryset.filter(officialdocumentpage__issuer=filters.issuer)
    if filters.theme:
        queryset = queryset.filter(theme_items__tag=filters.theme)
    if filters.region:
        queryset = queryset.filter(filters.region.beneath("regions__path"))
    if filters.year:
        queryset = queryset.filter(issued_date__year=filters.year)
    if filters.date_from:
        queryset = queryset.filter(issued_date__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(issued_date__lte=filters.date_to)
    return queryset.distinct()
