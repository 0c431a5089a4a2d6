"""Writes in segments (``embedded.analysis``): a load analysed by forked
processes, in several segments, indexes exactly what one analysed here in
one segment does; pages written again or removed drop out of the postings
they leave behind (PostgreSQL keeps them, unread)."""

import pytest

from bench.corpus import generate
from cms import parallel
from search.engines.embedded import analysis
from search.engines.embedded.engine import EmbeddedEngine
from search.engines.embedded.postings import store_for_connection
from search.models import SearchEntry
from search.query import SearchQuery

pytestmark = pytest.mark.django_db

TOKENS = ["hang", "viet", "_h_hang", "hang_viet", "tinh"]
QUERIES = ["hàng Việt", "tỉnh", "quyết định", "ha noi"]


def state(engine: EmbeddedEngine) -> tuple:
    store = store_for_connection()
    rows = sorted(SearchEntry.objects.values_list("page_id", "tokens", "fingerprint"))
    postings = {t: store.ids(t).tolist() for t in TOKENS}
    counts = store.doc_freq(TOKENS, cap=10**9)
    answers = []
    for text in QUERIES:
        results = engine.search(SearchQuery(text=text, per_page=20))
        answers.append((results.total, [(h.page_id, round(h.score, 9)) for h in results.hits]))
    return [(pid, sorted(tokens.split()), fp) for pid, tokens, fp in rows], postings, counts, answers


def test_forked_analysis_in_segments_indexes_the_same(monkeypatch):
    engine = EmbeddedEngine()
    engine.rebuild(generate(40))
    serial = state(engine)

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 8)
    monkeypatch.setattr(analysis, "CHUNK", 3)
    monkeypatch.setattr(analysis, "SEGMENT", 7)
    engine.rebuild(generate(40))
    assert state(engine) == serial
    assert serial[1]["hang"] and serial[2]["hang"] == len(serial[1]["hang"])

    engine.index(generate(40))  # every page written again, over the old segments
    assert state(engine) == serial


def test_pages_written_again_or_removed_leave_their_old_postings_unread():
    engine = EmbeddedEngine()
    engine.rebuild(generate(12))
    before = set(store_for_connection().ids("hang").tolist())
    assert len(before) > 2
    gone, again = sorted(before)[:2]
    engine.delete([gone])
    engine.index([doc for doc in generate(12) if doc.page_id == again])
    after = store_for_connection()
    assert set(after.ids("hang").tolist()) == before - {gone}
    assert after.doc_freq(["hang"], cap=100) == {"hang": len(before) - 1}


def test_a_segment_all_written_again_or_removed_is_dropped():
    """A page published again and again leaves no postings behind."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("FTS5 keeps no segments")
    engine = EmbeddedEngine()
    engine.rebuild(generate(3))
    page = list(generate(4))[-1]

    def rows() -> int:
        with connection.cursor() as cur:
            cur.execute("SELECT count(*) FROM archive_search_posting")
            return cur.fetchone()[0]

    engine.index([page])
    once = rows()
    held = set(store_for_connection().ids("hang").tolist())
    assert held == {1, 2, 3, page.page_id}  # "hàng" is on every page of the corpus's start
    engine.index([page])
    engine.index([page])
    assert rows() == once
    engine.delete([page.page_id])
    engine.delete([1])  # in a segment still in use: its rows stay
    assert 0 < rows() < once
    assert set(store_for_connection().ids("hang").tolist()) == held - {1, page.page_id}
    assert store_for_connection().doc_freq(["hang"], cap=100) == {"hang": len(held - {1, page.page_id})}

