"""The relevance suite: what cadres type, and the documents that must come
first, over the demo content (the five seed documents and the demo cases and
materials). Runs on every engine behind the search service."""

import pytest

from bench.judgments import CASES, P06, PLAN_LS, TET
from search import service
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


def titles(engine_name, text, limit=10, **filters):
    results = service.search(SearchQuery(text=text, filters=filters, per_page=limit), engine_name)
    assert results.engine == engine_name, results.messages
    return [hit.title for hit in results.hits]


def rank_of(found, fragment):
    for i, title in enumerate(found):
        if fragment in title:
            return i + 1
    return None


@pytest.mark.parametrize(("query", "expected", "top"), CASES)
def test_expected_document_ranks_high(engine_name, query, expected, top):
    found = titles(engine_name, query)
    rank = rank_of(found, expected)
    assert rank is not None and rank <= top, f"{query!r}: {expected!r} at {rank}, got {found[:5]}"


@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        ("ưu tiên dùng hàng Việt", "uu tien dung hang viet"),
        ("thương mại điện tử", "thuong mai dien tu"),
        ("hàng giả", "hang gia"),
        ("Mặt trận Tổ quốc", "mat tran to quoc"),
    ],
)
def test_unaccented_query_finds_the_same_documents(engine_name, accented, plain):
    with_marks = set(titles(engine_name, accented, limit=50))
    without = set(titles(engine_name, plain, limit=50))
    assert with_marks and with_marks <= without


@pytest.mark.parametrize(("old", "new"), [("hàng hoá", "hàng hóa"), ("Thành uỷ", "Thành ủy"), ("thuỷ sản", "thủy sản")])
def test_both_tone_placements_give_the_same_results(engine_name, old, new):
    assert titles(engine_name, old, limit=50) == titles(engine_name, new, limit=50)


@pytest.mark.parametrize(("short", "long"), [("MTTQ", "Mặt trận Tổ quốc"), ("TMĐT", "thương mại điện tử"), ("BCĐ", "Ban Chỉ đạo")])
def test_abbreviation_finds_the_spelled_out_form(engine_name, short, long):
    # An expansion is matched as a phrase: every page printing it as one.
    spelled = set(titles(engine_name, f'"{long}"', limit=50))
    abbreviated = set(titles(engine_name, short, limit=50))
    assert spelled and spelled <= abbreviated


def test_exact_spelling_ranks_above_folded_matches(engine_name):
    # "Hà Tĩnh" (the province) must beat pages that only have "hà" ... "tỉnh".
    found = titles(engine_name, "Hà Tĩnh")
    assert rank_of(found, P06) == 1 or rank_of(found, TET) == 1


def test_a_place_does_not_match_as_loose_syllables(engine_name):
    # Lạng Sơn's plan first; Hà Nội pages (with "sơn" nowhere near "lạng") after it.
    found = titles(engine_name, "Lạng Sơn")
    assert rank_of(found, PLAN_LS) == 1
