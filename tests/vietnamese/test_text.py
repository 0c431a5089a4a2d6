"""vietnamese.text: normalisation, folding, tokens. Pure functions, no Django.

Run with: .venv/bin/python -m pytest tests/vietnamese -p no:django -q
"""

import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.vietnamese.strategies import any_text, two_placements, viet_text
from vietnamese.text import Analysis, analyze, bigrams, fold, normalize, tokenize

SEEDS = Path(__file__).resolve().parents[2] / "cms" / "demo" / "fixtures" / "seeds"

# ---------------------------------------------------------------------------
# normalize / fold
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both tone placements end up on the first vowel of open oa/oe/uy
        ("hàng hoá", "hàng hóa"),
        ("hàng hóa", "hàng hóa"),
        ("Uỷ ban nhân dân", "ủy ban nhân dân"),
        ("Ủy ban nhân dân", "ủy ban nhân dân"),
        ("thuỷ sản", "thủy sản"),
        ("oà", "òa"),
        ("khoẻ", "khỏe"),
        ("oẻ", "ỏe"),
        ("uý", "úy"),
        ("Cộng hoà xã hội chủ nghĩa", "cộng hòa xã hội chủ nghĩa"),
        ("hoạ sĩ", "họa sĩ"),
        ("tuỳ theo", "tùy theo"),
        # closed syllables: the tone can only sit on the second vowel
        ("hoàn thành", "hoàn thành"),
        ("hòan thành", "hoàn thành"),
        ("thực hiện tốt; tóan bộ", "thực hiện tốt; toán bộ"),
        ("ngòai", "ngoài"),
        ("huỳnh", "huỳnh"),
        ("khuỷu tay", "khuỷu tay"),
        # qu / gi: u and i belong to the consonant
        ("quý", "quý"),
        ("Quỹ", "quỹ"),
        ("quả", "quả"),
        ("qủa", "quả"),
        ("giá trị", "giá trị"),
        ("gíup đỡ", "giúp đỡ"),
        ("giữ gìn", "giữ gìn"),
        # upper case with diacritics, đ, punctuation, whitespace
        ("TỈNH ỦY BẮC GIANG", "tỉnh ủy bắc giang"),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", "đảng cộng sản việt nam"),
        ("Độc lập – Tự do – Hạnh phúc", "độc lập - tự do - hạnh phúc"),
        (
            "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”",
            'cuộc vận động "người việt nam ưu tiên dùng hàng việt nam"',
        ),
        ("  Kính\u00a0gửi:\n\n- Các Sở,\tban  ", "kính gửi: - các sở, ban"),
        ("bản tin.....", "bản tin....."),
        ("sản xuất\u2026", "sản xuất..."),
        ("doanh\u200bnghiệp", "doanhnghiệp"),
        ("", ""),
    ],
)
def test_normalize_examples(text, expected):
    assert normalize(text) == expected


def test_normalize_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Người Việt Nam ưu tiên dùng hàng Việt Nam")
    assert normalize(decomposed) == "người việt nam ưu tiên dùng hàng việt nam"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đảng ủy", "dang uy"),
        ("Đảng uỷ", "dang uy"),
        ("ĐẢNG ỦY", "dang uy"),
        ("Người Việt Nam ưu tiên dùng hàng Việt Nam", "nguoi viet nam uu tien dung hang viet nam"),
        ("Ban Chỉ đạo CVĐ", "ban chi dao cvd"),
        ("Số: 06/CV-BCĐ", "so: 06/cv-bcd"),
        ("hàng giả, hàng kém chất lượng", "hang gia, hang kem chat luong"),
        ("hoá", "hoa"),
        ("Thủ tướng Chính phủ", "thu tuong chinh phu"),
        ("hang viet nam", "hang viet nam"),
    ],
)
def test_fold_examples(text, expected):
    assert fold(text) == expected


@given(two_placements())
def test_tone_placements_agree(pair):
    old, new = pair
    assert normalize(old) == normalize(new)
    assert normalize(old) == normalize(old.lower())


@given(st.one_of(viet_text, any_text))
@example("a\u200b\u0301")
@example("ẞ İ ǅ \u0345")
@example("hoa\u0300\u0323")
def test_normalize_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(st.one_of(viet_text, any_text))
@example("a \u0301 b")
def test_fold_idempotent(text):
    once = fold(text)
    assert fold(once) == once


@given(viet_text)
def test_fold_of_vietnamese_is_ascii(text):
    assert fold(text).isascii()


@given(st.one_of(viet_text, any_text))
def test_normalize_ignores_unicode_composition(text):
    assert normalize(unicodedata.normalize("NFD", text)) == normalize(text)
    assert normalize(unicodedata.normalize("NFC", text)) == normalize(text)


@given(viet_text)
def test_normalize_ignores_case_of_vietnamese(text):
    assert normalize(text.upper()) == normalize(text.lower())


# ---------------------------------------------------------------------------
# tokens, bigrams, analyze
# ---------------------------------------------------------------------------


def test_tokenize_sentence_from_seed():
    text = "Ngày 19/5/2021, Ban Bí thư ban hành Chỉ thị số 03-CT/TW về tăng cường"
    assert tokenize(text) == [
        "ngày", "19", "5", "2021", "ban", "bí", "thư", "ban", "hành",
        "chỉ", "thị", "số", "03", "ct", "tw", "về", "tăng", "cường",
    ]  # fmt: skip


def test_tokenize_keeps_number_pieces_and_drops_punctuation():
    assert tokenize("Số: 1557/UBND-KTN") == ["số", "1557", "ubnd", "ktn"]
    assert tokenize("“mục tiêu kép” (COVID-19)...") == ["mục", "tiêu", "kép", "covid", "19"]
    assert tokenize("**TỈNH ỦY BẮC GIANG**\n\n\\*") == ["tỉnh", "ủy", "bắc", "giang"]
    assert tokenize("") == []


def test_bigrams():
    assert bigrams(["hàng", "giả"]) == ["hàng_giả"]
    assert bigrams(["người", "việt", "nam"]) == ["người_việt", "việt_nam"]
    assert bigrams(["một"]) == []
    assert bigrams([]) == []


def test_analyze_seed_phrase():
    result = analyze("Hàng giả, hàng kém chất lượng; Uỷ ban MTTQ")
    assert isinstance(result, Analysis)
    assert result.tokens == ("hàng", "giả", "hàng", "kém", "chất", "lượng", "ủy", "ban", "mttq")
    assert result.folded_tokens == ("hang", "gia", "hang", "kem", "chat", "luong", "uy", "ban", "mttq")
    assert result.bigrams[:2] == ("hàng_giả", "hàng_kém")  # no pair across the comma
    assert "ủy_ban" in result.bigrams
    assert "uy_ban" in result.folded_bigrams
    assert result.normalized == "hàng giả, hàng kém chất lượng; ủy ban mttq"


def test_analyze_empty():
    assert analyze("  \n ") == Analysis("", (), (), (), (), ())


@given(st.one_of(viet_text, any_text))
def test_tokenize_is_stable_under_normalize(text):
    assert tokenize(normalize(text)) == tokenize(text)


@given(st.one_of(viet_text, any_text))
def test_analyze_shapes(text):
    result = analyze(text)
    assert list(result.tokens) == tokenize(text)
    assert len(result.folded_tokens) == len(result.tokens)
    # One pair per two neighbours within a phrase.
    assert len(result.bigrams) == len(result.folded_bigrams) == len(result.tokens) - len(result.phrase_starts)
    assert all(result.folded_tokens)


@given(viet_text)
def test_analyze_folded_tokens_are_folded_tokens(text):
    result = analyze(text)
    assert list(result.folded_tokens) == [fold(t) for t in result.tokens]
    assert list(result.folded_tokens) == tokenize(fold(text))


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_analyze_seed_documents(path):
    text = path.read_text(encoding="utf-8")
    result = analyze(text)
    assert "việt_nam" in result.bigrams
    assert "viet_nam" in result.folded_bigrams
    assert all(t.isascii() for t in result.folded_tokens)




def test_pairs_stay_within_a_phrase():
    from vietnamese.text import phrases

    result = analyze("Tại Hạ Long, vinh dự đón nhận\nVĩnh\nLong An - Tiền Giang")
    assert "long_vinh" not in result.folded_bigrams  # across a comma
    assert "vĩnh_long" not in result.bigrams  # across a line break
    assert "an_tiền" in result.bigrams  # a hyphen joins: "Bà Rịa - Vũng Tàu", "Hỏi - đáp"
    assert [result.tokens[s] for s in result.phrase_slices()][1] == ("vinh", "dự", "đón", "nhận")
    assert phrases("Hỏi - đáp; về Chỉ thị") == [["hỏi", "đáp"], ["về", "chỉ", "thị"]]


@pytest.mark.parametrize(("word", "shaped"), [("tien", True), ("nghieng", True), ("qua", True), ("khuyen", True), ("tiin", False), ("ocop", False), ("ubnd", False)])
def test_is_syllable(word, shaped):
    from vietnamese.text import is_syllable

    assert is_syllable(word) is shaped


@given(st.one_of(viet_text, any_text))
@example("Tại Hạ Long, vinh dự\n\n;; đón - nhận_ UBND/TW")
@example("a \u0301 b, c")
def test_analyze_is_its_phrases(text):
    """The one-pass analysis equals the plain one: the phrases' tokens, their
    folds and each phrase's neighbours paired."""
    from vietnamese.text import phrases

    parts = phrases(text)
    result = analyze(text)
    assert [list(result.tokens[s]) for s in result.phrase_slices()] == parts
    assert list(result.bigrams) == [f"{a}_{b}" for p in parts for a, b in zip(p, p[1:])]
    folded = [[fold(t) for t in p] for p in parts]
    assert list(result.folded_tokens) == [t for p in folded for t in p]
    assert list(result.folded_bigrams) == [f"{a}_{b}" for p in folded for a, b in zip(p, p[1:])]
    if "\u00b6" not in text:  # the line mark: dropped from ``normalized``
        assert result.normalized == normalize(text)


def test_memo_map_computes_each_key_once_and_survives_its_limit():
    from vietnamese.text import memo_map

    calls = []

    def square(k):
        calls.append(k)
        return k * k

    cache: dict = {}
    assert memo_map(cache, [2, 3, 2, 2], square, limit=3) == [4, 9, 4, 4]
    assert sorted(calls) == [2, 3]
    assert memo_map(cache, [4, 5, 2], square, limit=3) == [16, 25, 4]
    assert memo_map(cache, [6, 7, 2], square, limit=3) == [36, 49, 4]  # emptied past the limit, refilled
    assert len(cache) == 3
