"""vietnamese.abbreviations: query expansion by the vocabulary's abbreviations."""

import pytest
from hypothesis import given, settings

from tests.vietnamese.strategies import viet_text
from vietnamese.abbreviations import expand_query, expansions
from vietnamese.text import normalize
from vietnamese.vocabulary import ABBREVIATIONS


# ---------------------------------------------------------------------------
# Abbreviations
# ---------------------------------------------------------------------------


def test_table_covers_the_field():
    shorts = {a.short for a in ABBREVIATIONS}
    for short in ["MTTQ", "UBMTTQ", "UBND", "HĐND", "BCĐ", "CVĐ", "TW", "TU", "QU", "HU", "BTV", "CT-XH", "OCOP"]:
        assert short in shorts
    assert {a.long for a in ABBREVIATIONS if a.short == "TU"} == {"Tỉnh ủy", "Thành ủy"}
    assert {a.long for a in ABBREVIATIONS if a.short == "TT"} == {"Thông tri", "Thông tư"}


@pytest.mark.parametrize(
    ("query", "alternative"),
    [
        ("UBND tỉnh", "ủy ban nhân dân tỉnh"),
        ("ubnd tinh", "ủy ban nhân dân tinh"),
        ("Ủy ban nhân dân tỉnh", "ubnd tỉnh"),
        ("Uỷ ban nhân dân tỉnh", "ubnd tỉnh"),
        ("uy ban nhan dan", "ubnd"),
        ("MTTQ", "mặt trận tổ quốc"),
        ("mat tran to quoc", "mttq"),
        ("ủy ban mặt trận tổ quốc", "ubmttq"),
        ("Ủy ban MTTQ tỉnh", "ủy ban mặt trận tổ quốc tỉnh"),
        ("Ban Chỉ đạo CVĐ", "bcđ cuộc vận động"),
        ("ban chi dao cvd", "bcđ cuộc vận động"),
        ("HĐND", "hội đồng nhân dân"),
        ("hdnd", "hội đồng nhân dân"),
        ("TU", "tỉnh ủy"),
        ("TU", "thành ủy"),
        ("Thành ủy Hà Nội", "tu hà nội"),
        ("các tổ chức CT-XH", "các tổ chức chính trị - xã hội"),
        ("chính trị - xã hội", "ct-xh"),
        ("chinh tri xa hoi", "ct-xh"),
        ("sản phẩm OCOP", "sản phẩm mỗi xã một sản phẩm"),
        ("Thủ tướng Chính phủ", "ttg cp"),
        ("ĐTN", "đoàn thanh niên cộng sản"),
        ("Đoàn Thanh niên Cộng sản", "đtn"),
        ("Đoàn Thanh niên Cộng sản", "đtncs"),
        ("chỉ thị 03", "ct 03"),
    ],
)
def test_expand_query(query, alternative):
    assert alternative in expand_query(query)


def test_expand_query_whole_tokens_only():
    assert expand_query("hàng giả") == []
    assert expand_query("dnai ubndx") == []  # "dn", "ubnd" inside other tokens
    assert expand_query("") == []


def test_expand_query_accented_word_is_not_an_abbreviation():
    # "tư" (four/private) is not "TU"; "tu" typed without accents may be
    assert expand_query("tư") == []
    assert "tỉnh ủy" in expand_query("tu")


def test_expand_query_leaves_document_numbers_alone():
    assert expand_query("03 ct tw") == []
    assert expand_query("03-CT/TW") == []
    assert expand_query("chỉ thị 03-CT/TW") == ["ct 03-ct/tw"]


def test_expand_query_is_bounded_and_normalised():
    query = "DN OCOP TMĐT HTX UBND HĐND CP TTg BTG BBT BCT CCB"
    alternatives = expand_query(query)
    assert len(alternatives) == 8
    assert len(set(alternatives)) == 8
    assert normalize(query) not in alternatives
    assert all(normalize(a) == a for a in alternatives)
    assert alternatives[0].startswith("doanh nghiệp mỗi xã một sản phẩm thương mại điện tử")
    assert len(expand_query(query, max_alternatives=3)) == 3


def test_expansions():
    assert expansions("UBND") == ["ủy ban nhân dân"]
    assert expansions("Tỉnh uỷ") == ["tu"]
    assert expansions("hàng") == []


@given(viet_text)
@settings(max_examples=200)
def test_expand_query_never_raises(text):
    alternatives = expand_query(text)
    assert len(alternatives) <= 8
    assert all(normalize(a) == a for a in alternatives)




@pytest.mark.parametrize(
    ("token", "parts"),
    [
        ("ubmttqvn", ("ub", "mttq", "vn")),
        ("mttqvn", ("mttq", "vn")),
        ("ubmttq", ("ub", "mttq")),  # a table entry whose meaning is its parts'
        ("bcdtw", ("bcd", "tw")),
        ("ubnd", None),  # not UB + NĐ: "Ủy ban nhân dân" is not "Ủy ban Nghị định"
        ("hdnd", None),
        ("ocop", None),
        ("thanh", None),  # a syllable
    ],
)
def test_compound_parts(token, parts):
    from vietnamese.abbreviations import compound_parts

    assert compound_parts(token) == parts


def test_compound_extras_glue_and_split():
    from vietnamese.abbreviations import compound_extras

    glued = dict(compound_extras(["ubmttqvn", "tỉnh"], ["ubmttqvn", "tinh"]))
    assert {"ub", "mttq", "vn", "ubmttq", "mttqvn"} <= set(glued)
    spaced = dict(compound_extras(["ub", "mttq", "xã"], ["ub", "mttq", "xa"]))
    assert "ubmttq" in spaced
    assert dict(compound_extras(["bcđtw"], ["bcdtw"]))["bcd"] == "bcđ"
    # Syllables that are also short forms ("tư", "ca") are never glued.
    assert compound_extras(["tư", "ca"], ["tu", "ca"]) == []


def test_compound_query_expands_to_its_parts_spelled_out():
    assert expand_query("UBMTTQVN") == ["ủy ban mặt trận tổ quốc việt nam"]


def test_text_compound_extras_phrase_by_phrase():
    from vietnamese.abbreviations import compound_extras, text_compound_extras
    from vietnamese.text import analyze

    a = analyze("Ban Thường trực UBMTTQVN tỉnh, UB MTTQ xã\nBCĐTW và hàng Việt")
    extras = text_compound_extras(a.tokens, a.folded_tokens, a.phrase_starts)
    # each phrase its own: UBMTTQ is found in the first and again in the second
    assert [f for f, _ in extras].count("ubmttq") == 2
    assert extras == [e for s in a.phrase_slices() for e in compound_extras(a.tokens[s], a.folded_tokens[s])]
    assert ("bcd", "bcđ") in extras
    assert text_compound_extras(("hàng", "việt"), ("hang", "viet"), (0,)) == []
