"""vietnamese.vocabulary: every term list written once, the others derived from it."""

from vietnamese.numbers import kind_from_number, parse_number_query
from vietnamese.vocabulary import (
    ABBREVIATIONS,
    CONTENT_KINDS,
    DOCUMENT_KINDS,
    ISSUER_EXPANSIONS,
    KIND_LABELS,
    KIND_WORDS,
    SECTION_SLUGS,
    THEME_SLUGS,
    THEMES,
)


def test_archive_kinds_and_cited_kinds():
    assert KIND_LABELS["chuong_trinh"] == "Chương trình"
    assert "thong_tu" not in KIND_LABELS and "nghi_dinh" not in KIND_LABELS
    assert len({k.code for k in DOCUMENT_KINDS}) == len(DOCUMENT_KINDS)


def test_kind_words_are_derived_longest_first():
    words = dict(KIND_WORDS)
    assert words["chương trình hành động"] == words["chương trình"] == "chuong_trinh"
    assert words["thông báo kết luận"] == "thong_bao"
    assert words["văn bản"] is None and words["nghị định"] is None
    for code, label in KIND_LABELS.items():
        assert words[label.lower()] == code
    lengths = [len(phrase) for phrase, _ in KIND_WORDS]
    assert lengths == sorted(lengths, reverse=True)


def test_number_codes_name_kinds_both_ways():
    assert kind_from_number("03-CT/TW") == "chi_thi"
    assert kind_from_number("37-CTr/TU") == "chuong_trinh"
    assert kind_from_number("14-TT/QU") == "thong_tri"  # a party TT is a Thông tri
    assert kind_from_number("01/2021/TT-BCT") is None  # a state TT is a Thông tư
    assert kind_from_number("1557/UBND-KTN") == "cong_van"
    # the same table reads "<kind word> <serial>" queries
    assert parse_number_query("chương trình 37") == "ctr:37"
    assert parse_number_query("quy định 205") == "qdi:205"


def test_issuer_expansions_longest_first():
    forms = [form for form, _ in ISSUER_EXPANSIONS]
    assert forms.index("UBMTTQ") < forms.index("MTTQ")
    assert forms.index("TP.") < forms.index("TP")
    assert dict(ISSUER_EXPANSIONS)["UBND"] == "Ủy ban nhân dân"
    # only abbreviations marked for issuers are spelled out in issuer names
    assert "TU" not in forms and all(a.issuer for a in ABBREVIATIONS if a.short in forms)


def test_sections_and_themes():
    assert SECTION_SLUGS == {k.code: k.section for k in CONTENT_KINDS}
    assert set(SECTION_SLUGS) == {"van_ban", "ke_hoach", "guong", "tai_lieu"}
    assert THEME_SLUGS == tuple(t.slug for t in THEMES) and len(set(THEME_SLUGS)) == len(THEMES)
    assert all(t.keywords and t.name and t.description for t in THEMES)
