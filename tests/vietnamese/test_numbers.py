"""vietnamese.numbers: the one grammar of document numbers. Pure functions, no Django."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings

from tests.vietnamese.strategies import doc_numbers
from vietnamese.numbers import (
    doc_number_matches,
    find_numbers,
    is_code_token,
    normalize_doc_number,
    number_key,
    number_keys,
    parse_number_query,
)

SEEDS = Path(__file__).resolve().parents[2] / "cms" / "demo" / "fixtures" / "seeds"

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


def test_find_numbers_in_running_text():
    text = (
        "Tổ chức quán triệt và thực hiện nghiêm túc Chỉ thị số 03-CT/TW ngày 19 tháng 5 năm 2021 "
        "của Ban Bí thư Trung ương Đảng, Chỉ thị số 28/CT-TTg ngày 26 tháng 10 năm 2021 của Thủ tướng "
        "Chính phủ; Văn bản số 351-CV/TU ngày 04/4/2022; Quyết định 386/QĐ-TTg ngày 17/3/2021; "
        "theo Chỉ thị 03-CT/TW (viết tắt là Chỉ thị số 03-CT/TW*); giai đoạn 2021-2025; COVID-19."
    )
    assert find_numbers(text) == ["03-CT/TW", "28/CT-TTg", "351-CV/TU", "386/QĐ-TTg"]


def test_find_numbers_skips_dates_and_headings():
    assert find_numbers("Ngày 19/5/2021, Điều 3-Ban Thường vụ, V/v triển khai, 2020 - 2025") == []
    # a type code is capitals ("Ban" is a word); a single code is a number ("123/UBND")
    assert find_numbers("Công văn số 123/UBND ngày 01/02/2023") == ["123/UBND"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_find_numbers_in_seeds(path):
    found = find_numbers(path.read_text(encoding="utf-8"))
    assert found
    for printed in found:
        assert normalize_doc_number(printed), printed
        assert not re.fullmatch(r"[\d/]+", printed)


def test_find_numbers_seed_000():
    text = (SEEDS / "000_90e0d3f5ac1311f0.txt").read_text(encoding="utf-8")
    assert find_numbers(text)[:2] == ["610-CV/TU", "03-CT/TW"]


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


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("03-CT/TW", "3-ct-tw"),
        ("03/CT-TW", "3-ct-tw"),
        ("3-CT/TW", "3-ct-tw"),
        ("386/QĐ-TTg", "386-qd-ttg"),
        ("30/2020/NĐ-CP", "30-2020-nd-cp"),
        ("1557/UBND-KTN", "1557-ubnd-ktn"),
        # not a number to normalize_doc_number: folded letters and digits, leading zeros kept
        ("12/BC-BCĐ389", "12bcbcd389"),
        ("012/BC-BCĐ389", "012bcbcd389"),
        ("", ""),
    ],
)
def test_number_key_is_the_archive_key(number, key):
    assert number_key(number) == key
    if normalize_doc_number(number):
        assert number_key(number) == normalize_doc_number(number)


def test_find_numbers_merges_spellings_of_one_number():
    text = "Chỉ thị số 03-CT/TW, Chỉ thị 3-CT/TW và 03/CT-TW; Chỉ thị 30-CT/TW; Báo cáo 12/BC-BCĐ389"
    assert find_numbers(text) == ["03-CT/TW", "30-CT/TW", "12/BC-BCĐ389"]


def test_number_keys_and_partial_forms():
    assert number_keys("3-ct-tw") == ["3-ct-tw", ":3", "ct:3", "tw:3"]
    assert ":1-2021" in number_keys("1-2021-nq-hdnd")
    assert number_keys("") == []
