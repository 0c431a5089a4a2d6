"""Corrections of mistyped words (``search.spelling``): edit distance, syllable
shape, and the archive's own vocabulary ranked by the pairs it holds."""

import pytest

from search.spelling import candidates, correct, distance, spellings


@pytest.mark.parametrize(
    ("a", "b", "d"),
    [("tiin", "tien", 1), ("ocpo", "ocop", 1), ("viet", "viet", 0), ("lnog", "long", 1), ("hang", "huong", 2), ("abc", "xyzqw", 3)],
)
def test_distance(a, b, d):
    assert distance(a, b) == d


def test_candidates_are_syllables_within_two_edits_or_any_word_one_edit_away():
    found = candidates("tiin")
    assert found["tien"] == 1 and found["tin"] == 1
    assert all(d <= 2 for d in found.values())
    assert candidates("ocpo")["ocop"] == 1  # not a syllable: one edit away
    assert "ocop" not in candidates("ocpoxx")


def test_spellings_of_a_folded_syllable():
    forms = spellings("viet")
    assert {"việt", "viết", "viet"} <= set(forms)
    assert "đi" in spellings("di")


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("ưu tiin dùng hàng vịet", "ưu tiên dùng hàng việt"),  # a letter changed, marks misplaced
        ("uu tiin dung hang viet", "uu tien dung hang viet"),  # unaccented stays unaccented
        ("ocpo", "ocop"),  # two letters swapped, not a syllable
        ("Lạng Sơnn", "lạng sơn"),
    ],
)
def test_correct_from_the_demo_archive(typed, fixed):
    from search.queryplan import plan
    from search.engines.embedded.postings import store_for_connection

    qplan = plan(typed)
    held = store_for_connection().doc_freq([t for _, t in qplan.required], cap=10)
    unknown = [word for word, token in qplan.required if not held[token]]
    assert correct(typed, unknown) == fixed


def test_nothing_close_is_no_correction():
    assert correct("xyzqwv hàng việt", ["xyzqwv"]) is None
