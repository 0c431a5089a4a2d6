"""Autocomplete order: a document number typed asks for that document, so
number matches come before titles that merely start the same way, however
new those titles are."""

import datetime as dt

import pytest

from search.documents import SearchDocument
from search.engines.embedded.engine import EmbeddedEngine
from vietnamese.numbers import normalize_doc_number

pytestmark = pytest.mark.django_db


def test_number_matches_come_before_newer_title_matches():
    engine = EmbeddedEngine()
    numbered = SearchDocument(
        page_id=900001, url="/a/", title="Kế hoạch tuyên truyền năm 2020", content="ke_hoach",
        number="77/KH-UBND", number_key=normalize_doc_number("77/KH-UBND"), date=dt.date(2020, 3, 1),
    )
    titled = SearchDocument(
        page_id=900002, url="/b/", title="77 khẩu hiệu tuyên truyền", content="tai_lieu", date=dt.date(2026, 3, 1),
    )
    engine.index([numbered, titled])

    urls = [s.url for s in engine.suggest("77/KH")]
    assert urls[:2] == ["/a/", "/b/"]
    # Without a number in the prefix, the newest title leads as before.
    assert [s.url for s in engine.suggest("77 kh")][0] == "/b/"
