"""The two engines rank each their own way, but agree on what a query finds:
for every query of the relevance judgments (``bench.judgments``: the demo's
and the failure shapes') the same pages, the same total and the same facet
counts, with and without a filter."""

import pytest

from bench.judgments import SHAPE_JUDGMENTS, create_pages, judgments
from search import service
from search.engines.base import FACETS
from search.query import MAX_PER_PAGE, SearchQuery

pytestmark = pytest.mark.django_db

QUERIES = list(dict.fromkeys([*judgments(), *(j.query for j in SHAPE_JUDGMENTS), ""]))


def answer(engine: str, text: str, **filters):
    results = service.search(SearchQuery(text=text, filters=filters, per_page=MAX_PER_PAGE), engine)
    assert results.engine == engine, results.messages
    return results


def facet_counts(results) -> dict[str, list[tuple[str, int]]]:
    return {name: [(v.value, v.count) for v in results.facets.get(name, [])] for name in FACETS}


def assert_agree(text: str, **filters) -> None:
    embedded, elastic = answer("embedded", text, **filters), answer("elasticsearch", text, **filters)
    where = (text, filters)
    assert embedded.total == elastic.total, where
    assert embedded.total <= MAX_PER_PAGE, where  # so the page holds the whole match set
    assert {h.page_id for h in embedded.hits} == {h.page_id for h in elastic.hits}, where
    ours, theirs = facet_counts(embedded), facet_counts(elastic)
    for name in FACETS:
        if name in elastic.cut_facets:
            # Elasticsearch sends a facet's top values: the embedded engine's first ones.
            assert theirs[name] == ours[name][: len(theirs[name])], (where, name)
        else:
            assert theirs[name] == ours[name], (where, name)


def test_match_sets_totals_and_facet_counts_agree_on_the_relevance_suite(indexed, request):
    indexed(create_pages, corpus=False)
    request.getfixturevalue("es_fresh")
    assert len(QUERIES) > 50
    for text in QUERIES:
        assert_agree(text)
    # A filter on each side of the disjunctive counts: its own facet counted without it.
    for text in ("hàng Việt", "MTTQ", ""):
        assert_agree(text, content="van_ban")
        assert_agree(text, content="van_ban", year="2024")
