"""Vietnamese text analysis: pure functions, no Django.

Run with: .venv/bin/python -m pytest tests/search/test_analysis.py -p no:django -q
"""

import html
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from search.abbreviations import ABBREVIATIONS, expand_query, expansions
from search.analysis import (
    Analysis,
    analyze,
    bigrams,
    doc_number_matches,
    find_doc_numbers,
    fold,
    highlight,
    is_code_token,
    normalize,
    normalize_doc_number,
    parse_number_query,
    tokenize,
)

SEEDS = Path(__file__).resolve().parents[2] / "cms" / "demo" / "fixtures" / "seeds"

# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------

TONES = "\u0300\u0301\u0309\u0303\u0323"
VOWELS = "aăâeêioôơuưy"
LOWER = sorted(
    set("bcdđghklmnpqrstvx" + VOWELS)
    | {unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES}
)
VIET_LETTERS = "".join(LOWER) + "".join(c.upper() for c in LOWER)
VIET_ALPHABET = VIET_LETTERS + "0123456789 \n\t-/.,;:!?()\"'“”‘’–—…"

viet_text = st.text(alphabet=VIET_ALPHABET, max_size=80)
any_text = st.text(max_size=60)

ONSETS = ["", "h", "th", "kh", "t", "l", "x", "ng", "tr", "s", "đ"]
OPEN_RHYMES = ["oa", "oe", "uy"]


@st.composite
def two_placements(draw):
    """The same open oa/oe/uy syllable with the tone on each vowel."""
    onset = draw(st.sampled_from(ONSETS))
    rhyme = draw(st.sampled_from(OPEN_RHYMES))
    tone = draw(st.sampled_from(TONES))
    upper = draw(st.booleans())
    old = unicodedata.normalize("NFC", onset + rhyme[0] + tone + rhyme[1])
    new = unicodedata.normalize("NFC", onset + rhyme + tone)
    return (old.upper(), new) if upper else (old, new)


CODES = ["CT", "TW", "TU", "UBND", "KTN", "QĐ", "TTg", "CV", "BCĐ", "NQ", "KL", "TB", "CTr", "QU", "HU", "VX"]
SEPARATORS = ["-", "/", " ", "–", " / ", " - "]


@st.composite
def doc_numbers(draw):
    """A number as printed, and the same number re-typed differently."""
    serial = draw(st.integers(min_value=0, max_value=99999))
    pad = draw(st.integers(min_value=0, max_value=2))
    codes = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=3))
    year = draw(st.one_of(st.none(), st.integers(min_value=1990, max_value=2030)))

    def spell(zero_pad, seps, case):
        head = "0" * zero_pad + str(serial) + (f"/{year}" if year else "")
        out = head
        for code, sep in zip(codes, seps):
            out += sep + case(code)
        return out

    def sep_list():
        return draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(codes), max_size=len(codes)))

    printed = spell(pad, sep_list(), str)
    case = draw(st.sampled_from([str.lower, str.upper, str, str.swapcase]))
    retyped = spell(draw(st.integers(min_value=0, max_value=2)), sep_list(), case)
    if draw(st.booleans()):
        retyped = draw(st.sampled_from(["số ", "Số: ", "SỐ "])) + retyped
    return printed, retyped


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
    assert result.bigrams[:2] == ("hàng_giả", "giả_hàng")
    assert "ủy_ban" in result.bigrams
    assert "uy_ban" in result.folded_bigrams
    assert result.normalized == "hàng giả, hàng kém chất lượng; ủy ban mttq"


def test_analyze_empty():
    assert analyze("  \n ") == Analysis("", (), (), (), ())


@given(st.one_of(viet_text, any_text))
def test_tokenize_is_stable_under_normalize(text):
    assert tokenize(normalize(text)) == tokenize(text)


@given(st.one_of(viet_text, any_text))
def test_analyze_shapes(text):
    result = analyze(text)
    assert list(result.tokens) == tokenize(text)
    assert len(result.folded_tokens) == len(result.tokens)
    assert len(result.bigrams) == len(result.folded_bigrams) == max(0, len(result.tokens) - 1)
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


# ---------------------------------------------------------------------------
# Document numbers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["03-CT/TW", "03/CT-TW", "03 ct tw", "03-ct/tw", "số 03-CT/TW", "Số: 03-CT/TW", "03-CT/TƯ", "3-CT/TW", "03 – CT/TW"],
)
def test_doc_number_key_chi_thi_03(spelling):
    assert normalize_doc_number(spelling) == "3-ct-tw"


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["1557/UBND-KTN", "1557 UBND KTN", "1557/ubnd-ktn", "Số: 1557/UBND-KTN"], "1557-ubnd-ktn"),
        (["06/CV-BCĐ", "06/CV-BCD", "6/cv-bcđ"], "6-cv-bcd"),
        (["386/QĐ-TTg", "386/QD-TTG"], "386-qd-ttg"),
        (["37-CTr/TU"], "37-ctr-tu"),
        (["14-TT/QU"], "14-tt-qu"),
        (["01/2021/NĐ-CP"], "1-2021-nd-cp"),
        (["123/UBND"], "123-ubnd"),
    ],
)
def test_doc_number_keys(spellings, key):
    assert {normalize_doc_number(s) for s in spellings} == {key}


@pytest.mark.parametrize(
    "text",
    ["", "19/5/2021", "03", "hàng Việt Nam", "2021 hàng", "3 cái", "ngày 19 tháng 5", "03-ưu/tw", "2020 - 2025", "số"],
)
def test_not_doc_numbers(text):
    assert normalize_doc_number(text) is None


def test_tu_and_tu_with_horn_differ():
    # "TƯ" is Trung ương, "TU" is Tỉnh ủy/Thành ủy: folding must not merge them
    assert normalize_doc_number("09-CT/TƯ") == "9-ct-tw"
    assert normalize_doc_number("09-CT/TU") == "9-ct-tu"


@given(doc_numbers())
@settings(max_examples=200)
def test_doc_number_key_ignores_case_separators_and_zeros(pair):
    printed, retyped = pair
    key = normalize_doc_number(printed)
    assert key is not None
    assert normalize_doc_number(retyped) == key
    assert re.fullmatch(r"[0-9]+(-[0-9]+)?(-[a-z]+)+", key)


def test_find_doc_numbers_in_running_text():
    text = (
        "Tổ chức quán triệt và thực hiện nghiêm túc Chỉ thị số 03-CT/TW ngày 19 tháng 5 năm 2021 "
        "của Ban Bí thư Trung ương Đảng, Chỉ thị số 28/CT-TTg ngày 26 tháng 10 năm 2021 của Thủ tướng "
        "Chính phủ; Văn bản số 351-CV/TU ngày 04/4/2022; Quyết định 386/QĐ-TTg ngày 17/3/2021; "
        "theo Chỉ thị 03-CT/TW (viết tắt là Chỉ thị số 03-CT/TW*); giai đoạn 2021-2025; COVID-19."
    )
    assert find_doc_numbers(text) == ["03-CT/TW", "28/CT-TTg", "351-CV/TU", "386/QĐ-TTg"]


def test_find_doc_numbers_skips_dates_and_headings():
    assert find_doc_numbers("Ngày 19/5/2021, Điều 3-Ban Thường vụ, V/v triển khai, 2020 - 2025") == []
    # a single code needs "số" in front
    assert find_doc_numbers("Điều 3-UBND tỉnh") == []
    assert find_doc_numbers("Công văn số 123/UBND ngày 01/02/2023") == ["123/UBND"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_find_doc_numbers_in_seeds(path):
    found = find_doc_numbers(path.read_text(encoding="utf-8"))
    assert found
    for printed in found:
        assert normalize_doc_number(printed), printed
        assert not re.fullmatch(r"[\d/]+", printed)


def test_find_doc_numbers_seed_000():
    text = (SEEDS / "000_90e0d3f5ac1311f0.txt").read_text(encoding="utf-8")
    assert find_doc_numbers(text)[:2] == ["610-CV/TU", "03-CT/TW"]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("03-CT/TW", "3-ct-tw"),
        ("03 ct tw", "3-ct-tw"),
        ("chi thi 03 ct tw", "3-ct-tw"),
        ("Chỉ thị số 03-CT/TW", "3-ct-tw"),
        ("ct 03/tw", "3-ct-tw"),
        ("chỉ thị 03 tw", "3-ct-tw"),
        ("chỉ thị 03", "ct:3"),
        ("Chỉ thị số 3", "ct:3"),
        ("chi thi 03", "ct:3"),
        ("cv 610", "cv:610"),
        ("công văn 610", "cv:610"),
        ("quyết định 386 ttg", "386-qd-ttg"),
        ("công văn 1557/UBND-KTN", "1557-ubnd-ktn"),
        ("thông tri 14", "tt:14"),
        ("số 351", ":351"),
        ("văn bản số 351", ":351"),
        ("nghị định 01/2021", "nd:1-2021"),
        ("06/cv-bcd", "6-cv-bcd"),
    ],
)
def test_parse_number_query(query, key):
    assert parse_number_query(query) == key


@pytest.mark.parametrize(
    "query",
    ["", "2021", "hàng giả", "chỉ thị về hàng Việt", "chi thi 03 ve hang viet", "người việt nam", "03/2021", "ubnd"],
)
def test_parse_number_query_ignores_ordinary_queries(query):
    assert parse_number_query(query) is None


@pytest.mark.parametrize(
    ("query_key", "doc_key", "matches"),
    [
        ("3-ct-tw", "3-ct-tw", True),
        ("ct:3", "3-ct-tw", True),
        ("3-tw", "3-ct-tw", True),
        (":351", "351-cv-tu", True),
        ("cv:610", "610-cv-tu", True),
        ("nd:1", "1-2021-nd-cp", True),
        ("ct:3", "3-kh-tw", False),
        ("ct:3", "30-ct-tw", False),
        ("3-ct-tu", "3-ct-tw", False),
        ("3-ct-tw", "", False),
    ],
)
def test_doc_number_matches(query_key, doc_key, matches):
    assert doc_number_matches(query_key, doc_key) is matches


def test_parsed_queries_match_printed_numbers():
    doc = normalize_doc_number("Số 03-CT/TW")
    for query in ["chỉ thị 03", "ct 03/tw", "03 ct tw", "chi thi so 3"]:
        assert doc_number_matches(parse_number_query(query), doc), query


def test_is_code_token():
    assert all(map(is_code_token, ["ct", "tw", "tư", "ubnd", "ktn", "ttg", "bcđ", "tu", "hu"]))
    assert not any(map(is_code_token, ["ve", "hang", "viet", "hàng", "03", "ưu"]))


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


# ---------------------------------------------------------------------------
# highlight
# ---------------------------------------------------------------------------

SEED_PARAGRAPH = (
    "Tuy nhiên, vẫn còn một vài cấp ủy đảng, chính quyền chưa tập trung trong công tác lãnh đạo, chỉ đạo "
    "thực hiện Cuộc vận động; công tác quản lý nhà nước chưa có giải pháp hữu hiệu về xử lý tình trạng "
    "hàng gian, hàng giả, hàng kém chất lượng; việc quản lý các sàn thương mại điện tử chưa chặt chẽ; "
    "hình thức tuyên truyền, vận động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội chưa hiệu quả."
)


def _unmarked(snippet):
    return snippet.replace("<mark>", "").replace("</mark>", "")


def test_highlight_unaccented_query_marks_accented_text():
    snippet = highlight(SEED_PARAGRAPH, ["hang", "gia"])
    assert "<mark>hàng giả</mark>" in snippet
    assert "<mark>hàng</mark> gian" in snippet


def test_highlight_accepts_a_query_string():
    snippet = highlight(SEED_PARAGRAPH, "Thương mại điện tử")
    assert "<mark>thương mại điện tử</mark>" in snippet


def test_highlight_uppercase_and_d():
    text = "**TỈNH ỦY BẮC GIANG**\n\nSố 610-CV/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM"
    assert "<mark>ĐẢNG</mark>" in highlight(text, ["dang"])
    assert "<mark>ỦY</mark>" in highlight(text, ["uy"])
    assert "<mark>ỦY</mark>" in highlight(text, ["uỷ"])


def test_highlight_document_number_is_one_mark():
    text = "Ngày 19/5/2021, Ban Bí thư ban hành Chỉ thị số 03-CT/TW về tăng cường"
    assert "<mark>03-CT/TW</mark>" in highlight(text, tokenize("03 ct tw"))


def test_highlight_snippet_is_short_and_centered():
    text = (SEEDS / "004_951de74d9d9f30de.txt").read_text(encoding="utf-8")
    snippet = highlight(text, ["san", "thuong", "mai", "dien", "tu"])
    assert "<mark>sàn thương mại điện tử</mark> chưa chặt chẽ" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(_unmarked(snippet)) <= 200 + 2
    assert "\n" not in snippet


def test_highlight_prefers_window_with_most_terms():
    text = "hàng " * 100 + "Cuộc vận động ưu tiên dùng hàng Việt Nam. " + "Việt " * 100
    snippet = highlight(text, ["hang", "viet"])
    assert "<mark>hàng Việt</mark> Nam" in snippet


def test_highlight_without_match_returns_beginning():
    snippet = highlight(SEED_PARAGRAPH, ["xyz"])
    assert snippet.startswith("Tuy nhiên, vẫn còn")
    assert "<mark>" not in snippet
    assert highlight("", ["hang"]) == ""


def test_highlight_escapes_html():
    text = "Ghi chú <script>alert('hàng giả')</script> & “hàng Việt”"
    snippet = highlight(text, ["hang", "script"])
    assert "<script>" not in snippet
    assert "&lt;<mark>script</mark>&gt;" in snippet
    assert "&amp;" in snippet


def test_highlight_decomposed_original():
    text = unicodedata.normalize("NFD", "Người Việt Nam ưu tiên dùng hàng Việt Nam")
    assert "<mark>hàng Việt</mark>" in highlight(text, ["hàng", "việt"])


@given(
    st.one_of(viet_text, any_text, st.text(alphabet="<>&\"' ab/àđ\u0301", max_size=40)),
    st.one_of(st.lists(st.one_of(any_text, viet_text), max_size=4), any_text),
    st.integers(min_value=-5, max_value=400),
)
@settings(max_examples=300)
def test_highlight_never_raises_and_is_escaped(text, query, max_chars):
    snippet = highlight(text, query, max_chars=max_chars)
    plain = _unmarked(snippet)
    assert "<" not in plain and ">" not in plain
    # what's left is escaped text: unescaping and re-escaping is stable
    assert html.escape(html.unescape(plain)) == plain
