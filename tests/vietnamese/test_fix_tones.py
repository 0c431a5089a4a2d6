"""vietnamese.text.fix_tones: the tone placement of normalize(), case and punctuation kept.

Run with: .venv/bin/python -m pytest tests/search/test_fix_tones.py -p no:django -q
"""

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from vietnamese.text import fix_tones, normalize
from tests.vietnamese.strategies import TONES, VIET_LETTERS, any_text, viet_text  # one set of strategies

# Vietnamese words (either case) separated by single spaces: what normalize() leaves
# unchanged apart from case and tone placement.
viet_words = st.lists(st.text(alphabet=VIET_LETTERS, min_size=1, max_size=7), max_size=8).map(" ".join)

ONSETS = ["", "h", "th", "kh", "t", "l", "x", "ng", "tr", "s", "đ"]
OPEN_RHYMES = ["oa", "oe", "uy"]


@st.composite
def two_placements(draw):
    """The same open oa/oe/uy syllable with the tone on each vowel, in one case style."""
    onset = draw(st.sampled_from(ONSETS))
    rhyme = draw(st.sampled_from(OPEN_RHYMES))
    tone = draw(st.sampled_from(TONES))
    old = unicodedata.normalize("NFC", onset + rhyme[0] + tone + rhyme[1])
    new = unicodedata.normalize("NFC", onset + rhyme + tone)
    case = draw(st.sampled_from([str, str.upper, str.capitalize]))
    return case(old), case(new)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uỷ ban, hoà, thuỷ, quý, hoàn", "Ủy ban, hòa, thủy, quý, hoàn"),
        ("TỈNH UỶ BẮC GIANG", "TỈNH ỦY BẮC GIANG"),
        ("Tỉnh uỷ Bắc Giang", "Tỉnh ủy Bắc Giang"),
        ("HÀNG HOÁ", "HÀNG HÓA"),
        ("Hoá", "Hóa"),
        ("Cộng hoà xã hội chủ nghĩa", "Cộng hòa xã hội chủ nghĩa"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("tuỳ theo", "tùy theo"),
        ("Ủy ban", "Ủy ban"),
        # closed syllables and qu / gi, as in normalize()
        ("hòan thành", "hoàn thành"),
        ("NGÒAI", "NGOÀI"),
        ("huỳnh", "huỳnh"),
        ("Quý", "Quý"),
        ("qủa", "quả"),
        ("QỦA", "QUẢ"),
        ("gíup đỡ", "giúp đỡ"),
        # nothing else changes: punctuation, spacing, invisible characters, case
        ("Độc lập – Tự do – Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"),
        ("  “Người  Việt”\tnam…  ", "  “Người  Việt”\tnam…  "),
        ("doanh\u200bnghiệp", "doanh\u200bnghiệp"),
        ("03-CT/TW", "03-CT/TW"),
        ("", ""),
    ],
)
def test_fix_tones_examples(text, expected):
    assert fix_tones(text) == expected


def test_fix_tones_composes():
    assert fix_tones(unicodedata.normalize("NFD", "Uỷ ban hoá")) == "Ủy ban hóa"


@given(two_placements())
def test_fix_tones_placements_agree(pair):
    old, new = pair
    assert fix_tones(old) == fix_tones(new)


@given(st.one_of(viet_text, any_text))
@example("İoá")
@example("hoa\u0300\u0323")
@example("ßoá ſoá")
def test_fix_tones_idempotent(text):
    once = fix_tones(text)
    assert fix_tones(once) == once


@given(st.one_of(viet_text, any_text))
@example("h\u00adoá oá\u200bn")
@example("ßoá ſoá")
def test_normalize_of_fix_tones_is_normalize(text):
    assert normalize(fix_tones(text)) == normalize(text)


@given(viet_words)
def test_fix_tones_lowered_is_normalize(text):
    assert fix_tones(text).lower() == normalize(text)


@given(st.one_of(viet_text, any_text))
def test_fix_tones_keeps_length_and_case(text):
    nfc = unicodedata.normalize("NFC", text)
    fixed = fix_tones(text)
    assert len(fixed) == len(nfc)
    assert [c.isupper() for c in fixed] == [c.isupper() for c in nfc]
    assert [c.islower() for c in fixed] == [c.islower() for c in nfc]


@given(st.one_of(viet_text, any_text))
def test_fix_tones_is_nfc(text):
    fixed = fix_tones(text)
    assert unicodedata.normalize("NFC", fixed) == fixed
