"""Frequent tokens' pages kept in memory as masks (``embedded.Postings``)
never change an answer: the same searches give the same pages, in the same
order, with the same scores and facet counts, whether every token goes to
the database, every token is a mask, or the masks don't fit their budget."""

import pytest

from bench.judgments import CASES
from search.engines import embedded
from search.engines.embedded import EmbeddedEngine
from search.query import SearchQuery

pytestmark = pytest.mark.django_db

QUERIES = sorted({case[0] for case in CASES}) + ["hang viet nam", "ưu tiên dùng hàng Việt", '"hàng Việt" tỉnh']


def answers(share: float, budget: int, monkeypatch) -> tuple[list, dict]:
    monkeypatch.setattr(embedded, "FREQUENT_SHARE", share)
    monkeypatch.setattr(embedded, "MASK_BUDGET", budget)
    engine = EmbeddedEngine()
    found = []
    for text in QUERIES:
        results = engine.search(SearchQuery(text=text, per_page=20))
        facets = {name: [(v.value, v.count) for v in values] for name, values in results.facets.items()}
        found.append((text, results.total, [(h.page_id, round(h.score, 9)) for h in results.hits], facets))
    return found, engine.facets.get().token_masks


def test_masks_give_the_same_answers_as_the_database(monkeypatch):
    from_database, none_kept = answers(2.0, embedded.MASK_BUDGET, monkeypatch)
    from_masks, kept = answers(0.0, embedded.MASK_BUDGET, monkeypatch)
    unkept_masks, nothing_kept = answers(0.0, 0, monkeypatch)

    assert any(total for _, total, _, _ in from_database)
    assert from_masks == from_database
    assert unkept_masks == from_database
    assert not none_kept and kept and not nothing_kept


def test_masks_are_dropped_when_the_index_moves(monkeypatch):
    monkeypatch.setattr(embedded, "FREQUENT_SHARE", 0.0)
    engine = EmbeddedEngine()
    engine.search(SearchQuery(text="hàng Việt"))
    table = engine.facets.get()
    assert table.token_masks
    engine.delete([max(int(i) for i in table.present.nonzero()[0])])
    assert engine.facets.get() is not table and not engine.facets.get().token_masks
