"""Page counts per token are remembered per index version: a page indexed
afterwards is counted (and ranked) at once, not after a restart."""

import pytest

from search.documents import SearchDocument
from search.engines.embedded.engine import EmbeddedEngine
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


def test_a_new_page_is_counted_by_the_next_search():
    engine = EmbeddedEngine()
    before = engine.search(SearchQuery(text="zebrakhoa"))
    assert before.total == 0 and before.unknown_terms == ["zebrakhoa"]
    assert engine.facets.get().doc_freqs["zebrakhoa"] == 0  # remembered for this version

    engine.index([SearchDocument(page_id=900101, url="/z/", title="Tài liệu zebrakhoa", content="tai_lieu")])

    after = engine.search(SearchQuery(text="zebrakhoa"))
    assert [h.url for h in after.hits] == ["/z/"] and after.unknown_terms == []
    assert after.hits[0].score > 0
