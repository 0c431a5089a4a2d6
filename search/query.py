"""What every caller asks the search service, and what it gets back.

The site's search page, the JSON API, the feeds and the ``search_archive``
command all build a ``SearchQuery`` and read ``SearchResults``; the engines
(embedded, Elasticsearch) all answer with them. Pure Python, no Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

RELEVANCE = "relevance"
NEWEST = "newest"
SORTS = (RELEVANCE, NEWEST)
MAX_PER_PAGE = 100


@dataclass
class SearchQuery:
    text: str = ""
    # facet name -> value: content, kind, theme, region (includes everything
    # beneath it), issuer, level, year, validity
    filters: dict[str, str] = field(default_factory=dict)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = RELEVANCE
    page: int = 1
    per_page: int = 10
    # PageViewRestriction ids the reader fails: pages under them are never found.
    refused_restrictions: frozenset[int] = frozenset()
    with_facets: bool = True
    # An engine may return only a facet's top values (Elasticsearch does);
    # the one named here comes whole ("Thêm … mục" opened on the search page).
    full_facet: str = ""

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass
class Hit:
    page_id: int
    url: str
    title: str
    content: str
    kind: str = ""
    number: str = ""
    issuer: str = ""
    date: dt.date | None = None
    snippet: str = ""  # HTML-escaped text with <mark>: safe to render
    score: float = 0.0
    number_match: bool = False
    content_label: str = ""  # filled by the service
    kind_label: str = ""


@dataclass
class FacetValue:
    value: str
    count: int
    label: str = ""
    selected: bool = False


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    cut_facets: list[str] = field(default_factory=list)  # facets given only their top values (see full_facet)
    took_ms: float = 0.0
    engine: str = ""
    number_hits: list[Hit] = field(default_factory=list)  # the document(s) a number query names
    messages: list[str] = field(default_factory=list)  # for the reader, in Vietnamese
    suggestions: list[str] = field(default_factory=list)  # other queries worth trying
    unknown_terms: list[str] = field(default_factory=list)  # words found nowhere in the archive
    alternatives: list[str] = field(default_factory=list)  # abbreviation expansions searched too
    correction: str = ""  # the query with its unknown words corrected ("Có phải bạn muốn tìm")
    corrected_from: str = ""  # set when these are the correction's results: the query as typed

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


@dataclass
class Suggestion:
    url: str
    title: str
    number: str = ""
