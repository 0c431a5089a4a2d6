"""What a typed query becomes: match groups, scoring terms, number keys."""

from hypothesis import given
from hypothesis import strategies as st

from search.queryplan import MAX_TOKENS, Term, plan


def test_syllables_are_folded_for_matching():
    p = plan("Hàng Việt Nam")
    assert p.groups[0] == ["hang", "viet", "nam"]
    assert p.text == "hàng việt nam"


def test_accented_terms_keep_their_exact_form_for_ranking():
    p = plan("hàng giả")
    assert Term("hang", "hàng", False) in p.terms
    assert Term("gia", "giả", False) in p.terms
    assert Term("hang_gia", "hàng_giả", True) in p.terms


def test_unaccented_terms_have_no_exact_form():
    p = plan("hang gia")
    assert all(t.exact is None for t in p.terms)


def test_both_tone_placements_plan_alike():
    assert plan("hàng hoá").terms == plan("hàng hóa").terms
    assert plan("Thành uỷ").groups == plan("Thành ủy").groups


def test_abbreviations_add_alternative_groups():
    p = plan("MTTQ tỉnh")
    assert p.groups[0] == ["mttq", "tinh"]
    assert ["mat", "tran", "to", "quoc", "tinh"] in p.groups
    assert "mặt trận tổ quốc tỉnh" in p.alternatives


def test_spelled_out_form_adds_the_abbreviation():
    p = plan("Ủy ban nhân dân")
    assert ["ubnd"] in p.groups


def test_quoted_phrase_requires_its_syllable_pairs():
    p = plan('"hàng giả" kiểm tra')
    assert "hang_gia" in p.groups[0]
    assert "kiem_tra" not in p.groups[0]


def test_full_text_syntax_is_only_text():
    for query in ['"', "*", "-", "NEAR", "NEAR(a b)", "(", ")", "a AND b OR NOT c", '"unbalanced', "^:{}"]:
        p = plan(query)
        for group in p.groups:
            for token in group:
                assert token.replace("_", "").isalnum(), (query, token)


def test_empty_and_punctuation_only_queries_are_empty():
    assert plan("").is_empty
    assert plan("  *** ()  ").is_empty


def test_long_query_is_cut():
    p = plan("hàng " * 500)
    assert p.truncated
    assert len(p.text.split()) == MAX_TOKENS


def test_number_queries_get_a_key():
    assert plan("03-CT/TW").number_key == "3-ct-tw"
    assert plan("chi thi 03").number_key == "ct:3"
    assert plan("hàng việt nam").number_key is None


@given(st.text(max_size=200))
def test_any_input_plans_without_error(text):
    p = plan(text)
    assert len(p.groups) <= 5
    for group in p.groups:
        assert all(" " not in t and '"' not in t for t in group)
