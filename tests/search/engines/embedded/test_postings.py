"""Frequent tokens' pages kept in memory as masks (``embedded.Postings``)
never change an answer: the same searches give the same pages, in the same
order, with the same scores and facet counts, whether every token goes to
the database, every token is a mask, or the masks don't fit their budget."""

import numpy as np
import pytest

from bench.judgments import CASES
from search.engines.embedded import engine as embedded
from search.engines.embedded.engine import EmbeddedEngine
from search.engines.embedded.facets import FacetTable
from search.engines.embedded.postings import store_for_connection
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


def test_masks_and_facets_follow_a_change_without_a_reload(monkeypatch):
    """A page published or removed: the table is brought up to date from
    that page's row, and answers as a table read afresh."""
    from search.documents import SearchDocument

    monkeypatch.setattr(embedded, "FREQUENT_SHARE", 0.0)
    engine = EmbeddedEngine()
    engine.search(SearchQuery(text="hàng Việt Nam"))
    before = engine.facets.get()
    assert before.token_masks
    gone = max(int(i) for i in before.present.nonzero()[0])
    engine.delete([gone])
    engine.index([SearchDocument(page_id=gone + 50, url="/moi/", title="Hàng Việt Nam mới", content="tai_lieu", themes=("ocop",))])

    reloads = []
    monkeypatch.setattr(embedded, "FacetTable", lambda rows: reloads.append(1) or FacetTable(rows))
    after = engine.facets.get()
    assert after is not before and not reloads  # updated, not read whole
    assert before.present[gone] and not after.present[gone] and after.present[gone + 50]

    monkeypatch.undo()
    monkeypatch.setattr(embedded, "FREQUENT_SHARE", 0.0)
    fresh = EmbeddedEngine()
    for text in ("hàng Việt Nam", "mới", "Tết"):
        got, want = engine.search(SearchQuery(text=text)), fresh.search(SearchQuery(text=text))
        assert [(h.page_id, round(h.score, 9)) for h in got.hits] == [(h.page_id, round(h.score, 9)) for h in want.hits]
        assert {n: [(v.value, v.count) for v in vs] for n, vs in got.facets.items()} == {
            n: [(v.value, v.count) for v in vs] for n, vs in want.facets.items()
        }
    assert "/moi/" in [h.url for h in engine.search(SearchQuery(text="hang viet nam moi")).hits]
    for token, mask in after.token_masks.items():
        assert np.flatnonzero(mask).tolist() == [int(i) for i in store_for_connection().ids(token) if i < after.size]


def test_a_rebuild_reads_the_table_whole(monkeypatch):
    from search.indexing import rebuild

    engine = EmbeddedEngine()
    engine.facets.get()
    reloads = []
    original = embedded.FacetTable
    monkeypatch.setattr(embedded, "FacetTable", lambda rows: reloads.append(1) or original(rows))
    rebuild(engine)
    engine.facets.get()
    assert reloads == [1]
