"""Page counts per token (``store.doc_freq``) are the pages the index holds
with that token, through every kind of write: on PostgreSQL they are kept
by triggers in a table of their own (migration 0005), on SQLite by FTS5's
vocabulary; either way one query answers for any number of tokens."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.documents import SearchDocument
from search.engines.embedded.engine import EmbeddedEngine
from search.engines.embedded.postings import store_for_connection
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

TOKENS = ["zebrakhoa", "_h_zebrakhoa", "hang", "viet", "moc", "zebrakhoa_moc", "_x_mộc", "khong_co_dau"]


def doc(page_id: int, title: str) -> SearchDocument:
    return SearchDocument(page_id=page_id, url=f"/z/{page_id}/", title=title, content="tai_lieu")


def assert_counts_are_the_pages():
    store = store_for_connection()
    counted = store.doc_freq(TOKENS, cap=10**9)
    held = {t: int(store_for_connection().ids(t).size) for t in TOKENS}
    assert counted == held


def test_counts_follow_index_replace_delete_and_rebuild():
    engine = EmbeddedEngine()
    assert_counts_are_the_pages()
    engine.index([doc(900201, "Zebrakhoa mộc"), doc(900202, "Zebrakhoa hàng Việt"), doc(900203, "Zebrakhoa")])
    assert store_for_connection().doc_freq(["zebrakhoa", "zebrakhoa_moc"], cap=100) == {"zebrakhoa": 3, "zebrakhoa_moc": 1}
    assert_counts_are_the_pages()

    engine.index([doc(900201, "Hàng Việt")])  # replaced: its old tokens counted out
    assert store_for_connection().doc_freq(["zebrakhoa", "zebrakhoa_moc"], cap=100) == {"zebrakhoa": 2, "zebrakhoa_moc": 0}
    assert_counts_are_the_pages()

    engine.delete([900202])
    SearchEntry.objects.filter(page_id=900203).delete()  # behind the engine's back
    assert store_for_connection().doc_freq(["zebrakhoa"], cap=100) == {"zebrakhoa": 0}
    assert_counts_are_the_pages()

    engine.rebuild(iter([doc(900301, "Zebrakhoa mộc")]))
    assert store_for_connection().doc_freq(["zebrakhoa", "hang"], cap=100) == {"zebrakhoa": 1, "hang": 0}
    assert_counts_are_the_pages()


def test_counts_are_capped_and_asked_in_one_query():
    EmbeddedEngine().index([doc(900400 + i, "Zebrakhoa") for i in range(3)])
    store = store_for_connection()
    with CaptureQueriesContext(connection) as queries:
        counts = store.doc_freq(TOKENS, cap=2)
    assert len(queries) == 1
    assert counts["zebrakhoa"] == 2 and counts["khong_co_dau"] == 0
