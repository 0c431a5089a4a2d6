"""The document parser against the hand-checked truth file, and against messy input.

Runs without Django: ``pytest tests/importer -p no:django``.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from pathlib import Path

import pytest

from cms.importer.parser import ParsedDocument, normalize_case, parse, parse_date
from cms.importer.parsing.notes import FIELD_LABELS
from vietnamese.numbers import clean_number, find_numbers, number_key
from vietnamese.text import fix_tones, fold
from vietnamese.vocabulary import KINDS, LEVELS, THEME_SLUGS

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "cms" / "demo" / "fixtures" / "seeds"
TRUTH = ROOT / "cms" / "demo" / "fixtures" / "seed_metadata.json"

# Every field the parser returns that the truth file also holds; compared exactly.
EXACT_FIELDS = (
    "kind",
    "number",
    "issuer",
    "level",
    "place",
    "date",
    "subject",
    "recipients",
    "signing_capacity",
    "signer_title",
    "signer",
    "distribution",
    "regions",
)
# Themes are suggestions from keyword counts.  Every theme an editor chose must be suggested;
# the parser may suggest at most this many more (004 gets two: one mention each of a
# "sàn thương mại điện tử" and of "Siêu thị 0 đồng", which the editor did not count as themes).
THEME_EXTRA_TOLERANCE = 2


def _seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _load_truth() -> list[dict]:
    assert TRUTH.exists(), f"truth file missing: {TRUTH}"
    return json.loads(TRUTH.read_text(encoding="utf-8"))["documents"]


TRUTH_DOCS = _load_truth()
_PARSED: dict[str, list[ParsedDocument]] = {}


def parsed(source: str) -> list[ParsedDocument]:
    if source not in _PARSED:
        _PARSED[source] = parse(_seed_text(source), source)
    return _PARSED[source]


def truth_id(doc: dict) -> str:
    return f"{doc['source'][:3]}-{doc['part']}"


# ============================================================================================
# The seeds against the truth file
# ============================================================================================


def test_truth_file_covers_every_seed():
    sources = {d["source"] for d in TRUTH_DOCS}
    assert sources == {p.name for p in SEEDS.glob("*.txt")}
    assert len(TRUTH_DOCS) == 6


@pytest.mark.parametrize("source", sorted({d["source"] for d in TRUTH_DOCS}))
def test_number_of_documents_per_file(source):
    expected = sorted(d["part"] for d in TRUTH_DOCS if d["source"] == source)
    docs = parsed(source)
    assert [d.part for d in docs] == expected
    assert all(d.source == source for d in docs)


@pytest.mark.parametrize("truth", TRUTH_DOCS, ids=truth_id)
@pytest.mark.parametrize("field_name", EXACT_FIELDS)
def test_field_matches_truth(truth, field_name):
    doc = parsed(truth["source"])[truth["part"]].to_dict()
    assert doc[field_name] == truth[field_name]


@pytest.mark.parametrize("truth", TRUTH_DOCS, ids=truth_id)
def test_cited_numbers_match_truth(truth):
    doc = parsed(truth["source"])[truth["part"]]
    assert [c["number"] for c in doc.cited] == [c["number"] for c in truth["cited"]]


@pytest.mark.parametrize("truth", TRUTH_DOCS, ids=truth_id)
def test_cited_details_match_truth(truth):
    """Kind, date and issuer of each cited document, as the first full mention gives them."""
    doc = parsed(truth["source"])[truth["part"]].to_dict()
    assert doc["cited"] == truth["cited"]


@pytest.mark.parametrize("truth", TRUTH_DOCS, ids=truth_id)
def test_themes_cover_truth(truth):
    doc = parsed(truth["source"])[truth["part"]]
    suggested = set(doc.themes)
    assert set(truth["themes"]) <= suggested, set(truth["themes"]) - suggested
    assert len(suggested - set(truth["themes"])) <= THEME_EXTRA_TOLERANCE
    assert set(doc.themes) <= set(THEME_SLUGS)


@pytest.mark.parametrize("truth", TRUTH_DOCS, ids=truth_id)
def test_missing_fields_are_none_with_a_warning(truth):
    """Where the truth file has nothing, the parser must not guess: None/[] and a warning."""
    doc = parsed(truth["source"])[truth["part"]]
    prefixes = {w.split(":", 1)[0] for w in doc.warnings}
    for name in ("number", "date", "place", "signing_capacity", "signer_title", "signer"):
        if truth[name] is None:
            assert getattr(doc, name) is None
            assert FIELD_LABELS[name] in prefixes, (name, doc.warnings)
    if not truth["distribution"]:
        assert doc.distribution == [] and FIELD_LABELS["distribution"] in prefixes
    if not truth["recipients"]:
        assert doc.recipients == [] and FIELD_LABELS["recipients"] in prefixes


@pytest.mark.parametrize("truth", TRUTH_DOCS, ids=truth_id)
def test_body_bounds_match_truth(truth):
    """The body starts and ends where the truth file says (when it says)."""
    doc = parsed(truth["source"])[truth["part"]]
    body = doc.body_text
    paragraphs = body.split("\n\n")
    if truth.get("body_start"):
        assert truth["body_start"] in paragraphs[0]
    if truth.get("body_end"):
        assert truth["body_end"] in paragraphs[-1]
    assert "Nơi nhận" not in body and "Kính gửi" not in body
    assert "**" not in body and "\\*" not in body


@pytest.mark.parametrize("truth", TRUTH_DOCS, ids=truth_id)
def test_values_are_in_vocabulary(truth):
    doc = parsed(truth["source"])[truth["part"]]
    assert doc.kind in KINDS
    assert doc.level in LEVELS
    for region in doc.regions:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", region)


def test_issuer_found_in_the_body_says_so():
    doc = parsed("001_8fdb7b3747eca5b9.txt")[0]
    assert doc.issuer == "Ban Thường vụ Tỉnh ủy Lạng Sơn"
    assert any(w.startswith("Cơ quan ban hành: không có tên cơ quan ở tiêu đề, suy ra từ nội dung") for w in doc.warnings)


def test_two_documents_in_003_do_not_leak_into_each_other():
    ubnd, thanh_uy = parsed("003_cb792101292905c3.txt")
    assert ubnd.signer == "Nguyễn Mạnh Quyền"
    assert "THÀNH ỦY" not in ubnd.body_text and "Người ký" not in ubnd.body_text
    assert not any("Người ký" in d or "Thành ủy Hà Nội" == d for d in ubnd.distribution)
    assert thanh_uy.issuer == "Thành ủy Hà Nội"
    assert "Người ký" not in thanh_uy.body_text and "Email" not in thanh_uy.body_text
    # the attached letter lost a page: the parser notices
    assert any(w.startswith("Nội dung: đoạn") for w in thanh_uy.warnings)
    assert any(w.startswith("Các mục: đánh số 3") for w in thanh_uy.warnings)


def test_sections_of_the_seeds():
    cv = parsed("000_90e0d3f5ac1311f0.txt")[0]
    assert [s["heading"] for s in cv.sections] == [
        None, "1.", "2.", "3.", "4. Ban cán sự đảng UBND tỉnh chỉ đạo UBND tỉnh:", "5.", "6.",
    ]
    assert cv.sections[1]["paragraphs"][0].startswith("Tổ chức phổ biến, quán triệt")
    # item 5 is split by a page break and bold markers: one paragraph again
    assert "sản phẩm đặc hữu, sản phẩm OCOP" in cv.sections[5]["paragraphs"][0]

    plan = parsed("001_8fdb7b3747eca5b9.txt")[0]
    assert [s["heading"] for s in plan.sections] == [
        None, "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THỰC HIỆN", "III- TỔ CHỨC THỰC HIỆN",
    ]
    # "tuyên tr" / "uyền" broken by the conversion is one word again
    assert "2. Công tác tuyên truyền thực hiện Cuộc vận động" in plan.body_text

    thong_tri = parsed("004_951de74d9d9f30de.txt")[0]
    assert [s["heading"] for s in thong_tri.sections][1:] == [
        "1. Các cấp ủy cơ sở đảng",
        "2. Ủy ban nhân dân quận",
        "3. Ủy ban Mặt trận Tổ quốc Việt Nam quận",
        "4. Ban Tuyên giáo Quận ủy",
        "5. Ban Dân vận Quận ủy",
        "6. Các đoàn thể chính trị - xã hội quận",
        "7. Hội Doanh nghiệp quận",
    ]
    for doc in (cv, plan, thong_tri):
        assert _section_paragraphs(doc.sections) == doc.body_text.split("\n\n")


def _section_paragraphs(sections: list[dict]) -> list[str]:
    """The body's paragraphs again, from its sections (a bare "1." heading numbers its first
    paragraph)."""
    out: list[str] = []
    for section in sections:
        heading, paragraphs = section["heading"], list(section["paragraphs"])
        if heading is None:
            out += paragraphs
        elif re.fullmatch(r"[0-9IVXLC]+\.", heading):
            out += [f"{heading} {paragraphs[0]}"] + paragraphs[1:]
        else:
            out += [heading] + paragraphs
    return out


def test_to_dict_is_json_ready():
    for source in {d["source"] for d in TRUTH_DOCS}:
        for doc in parsed(source):
            data = doc.to_dict()
            text = json.dumps(data, ensure_ascii=False)
            assert json.loads(text) == data
            assert data["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["date"])
            for cited in data["cited"]:
                assert cited["date"] is None or isinstance(cited["date"], str)
    doc = parsed("000_90e0d3f5ac1311f0.txt")[0]
    assert doc.date == datetime.date(2021, 8, 19)
    assert isinstance(doc.cited[0]["date"], datetime.date)


# ============================================================================================
# Messy variants of the seeds give the same metadata
# ============================================================================================


def _metadata(docs: list[ParsedDocument]) -> list[dict]:
    out = []
    for d in docs:
        data = d.to_dict()
        data.pop("warnings")
        out.append(data)
    return out


VARIANTS = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "bold-removed": lambda t: t.replace("**", ""),
    "asterisks-removed": lambda t: t.replace("**", "").replace("\\*", "").replace("*", ""),
    "extra-blank-lines": lambda t: re.sub(r"\n\n", "\n\n\n\n", t),
    "blank-line-after-every-line": lambda t: t.replace("\n", "\n\n"),
    "trailing-spaces-and-tabs": lambda t: "\n".join(line + " \t " for line in t.split("\n")),
    "bom": lambda t: "\ufeff" + t,
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "nbsp": lambda t: t.replace("Số ", "Số\u00a0").replace("Kính gửi", "Kính\u00a0gửi"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("source", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_messy_variants_give_the_same_metadata(source, variant):
    text = _seed_text(source)
    assert _metadata(parse(VARIANTS[variant](text), source)) == _metadata(parsed(source))


def test_signer_running_into_the_next_documents_date_line():
    """000 ends with the signer's name without a newline; followed by 001 (as in the original
    collection) the name runs into 001's date line."""
    text = _seed_text("000_90e0d3f5ac1311f0.txt") + _seed_text("001_8fdb7b3747eca5b9.txt")
    assert "**Lê Thị Thu Hồng** Lạng Sơn, ngày 29 tháng 9 năm 2021" in text
    first, second = parse(text, "000+001")
    assert first.signer == "Lê Thị Thu Hồng"
    assert first.number == "610-CV/TU" and first.date == datetime.date(2021, 8, 19)
    assert second.place == "Lạng Sơn" and second.date == datetime.date(2021, 9, 29)
    assert second.kind == "ke_hoach" and second.issuer == "Ban Thường vụ Tỉnh ủy Lạng Sơn"
    assert _metadata([first])[0] | {"source": ""} == _metadata(parsed("000_90e0d3f5ac1311f0.txt"))[0] | {"source": ""}


@pytest.mark.parametrize(
    "line",
    [
        "Lê Thị Thu Hồng Lạng Sơn, ngày 29 tháng 9 năm 2021",
        "**Lê Thị Thu Hồng** Lạng Sơn, ngày 29 tháng 9 năm 2021",
        "**Lê Thị Thu Hồng**Lạng Sơn, ngày 29 tháng 9 năm 2021",
    ],
)
def test_run_in_name_and_date_line_are_split(line):
    text = "T/M BAN THƯỜNG VỤ\n\n" + line + "\n\nKẾ HOẠCH\n\nThực hiện Chỉ thị số 03-CT/TW\n"
    first, second = parse(text)
    assert first.signer == "Lê Thị Thu Hồng"
    assert second.place == "Lạng Sơn" and second.date == datetime.date(2021, 9, 29)


def test_body_sentence_ending_with_a_date_is_not_split():
    text = (
        "Hội nghị sơ kết việc thực hiện Cuộc vận động của các huyện trong tỉnh đã được tổ chức tại "
        "Bắc Giang, ngày 19 tháng 8 năm 2021"
    )
    docs = parse(text)
    assert len(docs) == 1
    assert docs[0].body_text == text


# ============================================================================================
# Degenerate input
# ============================================================================================


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n", "\ufeff"])
def test_empty_text_gives_no_document(text):
    assert parse(text) == []


def test_no_recognisable_header_gives_one_document_with_warnings():
    text = (
        "Đây là một đoạn văn không có tiêu đề nào cả, chỉ có nội dung tuyên truyền về hàng Việt.\n\n"
        "Đoạn thứ hai nói về sản phẩm OCOP của địa phương."
    )
    docs = parse(text, "x.txt")
    assert len(docs) == 1
    doc = docs[0]
    # no header of an official document: a page of the campaign, without a headline either
    assert doc.page_type == "propaganda_material"
    assert (doc.number, doc.date, doc.place, doc.issuer, doc.kind, doc.subject) == (None,) * 6
    assert (doc.signer, doc.signing_capacity, doc.signer_title, doc.level) == (None,) * 4
    assert doc.recipients == [] and doc.distribution == [] and doc.regions == [] and doc.cited == []
    fields = {w.split(":", 1)[0] for w in doc.warnings}
    assert {FIELD_LABELS["date"], FIELD_LABELS["subject"], FIELD_LABELS["page_type"]} <= fields
    assert doc.title.startswith("Đây là một đoạn văn không có tiêu đề") and not doc.title.startswith("Văn bản")
    assert doc.body_text == text
    assert doc.sections == [{"heading": None, "paragraphs": text.split("\n\n")}]
    assert {"ocop", "tuyen-truyen"} <= set(doc.themes)


def test_markdown_only_gives_no_document():
    assert parse("**\n\n\\*\n\n-----\n\n***\n\n#") == []


# ============================================================================================
# Numbers and dates in their variant spellings
# ============================================================================================


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Số: 610-CV/TU", "610-CV/TU"),
        ("Số 610-CV/TU", "610-CV/TU"),
        ("SỐ: 610-CV/TU", "610-CV/TU"),
        ("Số:610-CV/TU", "610-CV/TU"),
        ("Số : 610 - CV/TU", "610-CV/TU"),
        ("Số 351 -CV/TU", "351-CV/TU"),
        ("Số: 1557/UBND-KTN", "1557/UBND-KTN"),
        ("Số: 06/CV-BCÐ", "06/CV-BCĐ"),  # Icelandic eth for Đ, a common conversion slip
        ("Số: 28/CT-TTg", "28/CT-TTg"),
        ("Số: 386/QĐ-TTg", "386/QĐ-TTg"),
        ("Số: 30/2020/NĐ-CP", "30/2020/NĐ-CP"),
        ("Số 37-CTr/TU", "37-CTr/TU"),
        ("Số: 14-TT/QU.", "14-TT/QU"),
        ("So: 12/KH-UBND", "12/KH-UBND"),
        ("Số hiệu: 14-TT/QU", "14-TT/QU"),
        ("Số: 12 – CT/TU", "12-CT/TU"),
    ],
)
def test_number_line_variants(line, expected):
    doc = parse(f"TỈNH ỦY BẮC GIANG\n\n{line}\n\nNội dung của văn bản thử nghiệm với nhiều chữ để làm thân bài nhé.")[0]
    assert doc.number == expected


def test_blank_number_line_gives_none_and_a_warning():
    doc = parse("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n\nSố:      /UBND-VX\n\nNội dung thử nghiệm đủ dài để làm thân văn bản.")[0]
    assert doc.number is None
    assert any(w.startswith("Số hiệu: dòng “Số” chưa ghi số") for w in doc.warnings)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("610-CV/TU", "610-CV/TU"),
        (" 351 -CV/TU ", "351-CV/TU"),
        ("06/CV-BCÐ", "06/CV-BCĐ"),
        ("không có số", None),
        ("19/5/2021", None),
        ("", None),
    ],
)
def test_clean_number(raw, expected):
    assert clean_number(raw) == expected


@pytest.mark.parametrize(
    "a, b",
    [
        ("03-CT/TW", "03/CT-TW"),
        ("03-CT/TW", "03 ct tw"),
        ("386/QĐ-TTg", "386/QD-TTG"),
        ("06/CV-BCĐ", "06-cv-bcd"),
        ("351-CV/TU", "351 -CV/TU"),
    ],
)
def test_number_key_ignores_case_separators_and_d(a, b):
    assert number_key(a) == number_key(b)


def test_number_key_keeps_numbers_apart():
    assert number_key("03-CT/TW") != number_key("30-CT/TW")
    assert number_key("09-CT/TU") != number_key("09-TT/TU")


def test_find_numbers():
    text = "Chỉ thị số 03-CT/TW, Quyết định 386/QĐ-TTg; giai đoạn 2021 - 2025, ngày 19/5/2021, COVID-19, 01-02 sự kiện"
    assert find_numbers(text) == ["03-CT/TW", "386/QĐ-TTg"]


@pytest.mark.parametrize(
    "line, place, date",
    [
        ("Bắc Giang, ngày 19 tháng 8 năm 2021", "Bắc Giang", datetime.date(2021, 8, 19)),
        ("Bắc Giang, ngày 19 tháng 08 năm 2021", "Bắc Giang", datetime.date(2021, 8, 19)),
        ("Hà Nội, ngày 04 tháng 4 năm 2022", "Hà Nội", datetime.date(2022, 4, 4)),
        ("HÀ NỘI, NGÀY 24 THÁNG 5 NĂM 2022", "HÀ NỘI", datetime.date(2022, 5, 24)),
        ("Hà Nội, ngày24 tháng5 năm2022", "Hà Nội", datetime.date(2022, 5, 24)),
        ("Hà Nội, ngày 24/5/2022", "Hà Nội", datetime.date(2022, 5, 24)),
        ("Hà Nội, 24/05/2022", "Hà Nội", datetime.date(2022, 5, 24)),
        ("Hà Nội, ngày 24-5-2022", "Hà Nội", datetime.date(2022, 5, 24)),
        ("Hà Nội, ngày 24.5.2022", "Hà Nội", datetime.date(2022, 5, 24)),
        ("TP. Hồ Chí Minh, ngày 5 tháng 3 năm 2020", "TP. Hồ Chí Minh", datetime.date(2020, 3, 5)),
        ("Đức Thọ , ngày 15 tháng 01 năm 2024.", "Đức Thọ", datetime.date(2024, 1, 15)),
        ("Ngày 19 tháng 8 năm 2021", None, datetime.date(2021, 8, 19)),
    ],
)
def test_date_line_variants(line, place, date):
    doc = parse(f"TỈNH ỦY BẮC GIANG\n\nSố 1-CV/TU\n\n{line}\n\nNội dung của văn bản thử nghiệm với nhiều chữ để làm thân bài nhé.")[0]
    assert doc.place == place
    assert doc.date == date


@pytest.mark.parametrize(
    "line, place",
    [
        ("Hà Nội, ngày 31 tháng 2 năm 2021", "Hà Nội"),  # no such day
        ("Hà Nội, ngày      tháng      năm 2022", "Hà Nội"),  # left blank for the signing day
        ("Hà Nội, ngày ... tháng ... năm 2022", "Hà Nội"),
    ],
)
def test_invalid_or_blank_dates_give_none_and_a_warning(line, place):
    doc = parse(f"THÀNH ỦY HÀ NỘI\n\n{line}\n\nNội dung của văn bản thử nghiệm với nhiều chữ để làm thân bài nhé.")[0]
    assert doc.date is None
    assert doc.place == place
    assert any(w.startswith("Ngày ban hành:") for w in doc.warnings)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ngày 19 tháng 5 năm 2021", datetime.date(2021, 5, 19)),
        ("ngày 19/5/2021 của Ban Bí thư", datetime.date(2021, 5, 19)),
        ("19-05-2021", datetime.date(2021, 5, 19)),
        ("19.5.2021", datetime.date(2021, 5, 19)),
        ("NGÀY 26 THÁNG 01 NĂM 2022", datetime.date(2022, 1, 26)),
        ("ngày 32/5/2021", None),
        ("không có ngày", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


# ============================================================================================
# Issuers, levels, regions
# ============================================================================================


@pytest.mark.parametrize(
    "caps, normal",
    [
        ("TỈNH ỦY BẮC GIANG", "Tỉnh ủy Bắc Giang"),
        ("TỈNH UỶ BẮC GIANG", "Tỉnh ủy Bắc Giang"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân thành phố Hà Nội"),
        ("THÀNH ỦY HÀ NỘI", "Thành ủy Hà Nội"),
        ("HUYỆN ỦY ĐỨC THỌ", "Huyện ủy Đức Thọ"),
        ("ĐẢNG ỦY XÃ TÂN LẬP", "Đảng ủy xã Tân Lập"),
        ("BAN CHỈ ĐẠO CVĐ “NGƯỜI VIỆT NAM ƯU TIÊN DÙNG HÀNG VIỆT NAM” HUYỆN ĐỨC THỌ",
         "Ban Chỉ đạo CVĐ “Người Việt Nam ưu tiên dùng hàng Việt Nam” huyện Đức Thọ"),
        ("Tỉnh ủy Bắc Giang", "Tỉnh ủy Bắc Giang"),
    ],
)
def test_normalize_case(caps, normal):
    assert normalize_case(caps) == normal


BODY = "\n\nNội dung của văn bản thử nghiệm với nhiều chữ để làm thân bài của văn bản nhé."


@pytest.mark.parametrize(
    "header, issuer, level, regions",
    [
        ("TỈNH ỦY BẮC GIANG", "Tỉnh ủy Bắc Giang", "tinh", ["bac-giang"]),
        ("UBND TỈNH HÀ TĨNH", "Ủy ban nhân dân tỉnh Hà Tĩnh", "tinh", ["ha-tinh"]),
        ("UBND TP. HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh", "tinh", ["ho-chi-minh"]),
        ("ỦY BAN NHÂN DÂN\nQUẬN BÌNH THẠNH", "Ủy ban nhân dân quận Bình Thạnh", "huyen", ["ho-chi-minh-binh-thanh"]),
        ("HUYỆN ỦY ĐỨC THỌ", "Huyện ủy Đức Thọ", "huyen", ["ha-tinh-duc-tho"]),
        ("THÀNH ỦY HÀ TĨNH", "Thành ủy Hà Tĩnh", "huyen", ["ha-tinh-ha-tinh"]),  # a provincial city
        ("THÀNH ỦY HÀ NỘI", "Thành ủy Hà Nội", "tinh", ["ha-noi"]),
        ("ĐẢNG BỘ TỈNH HÀ TĨNH\nHUYỆN ỦY ĐỨC THỌ", "Huyện ủy Đức Thọ", "huyen", ["ha-tinh-duc-tho"]),
        ("TỈNH ỦY BẮC GIANG\nBAN TUYÊN GIÁO", "Ban Tuyên giáo Tỉnh ủy Bắc Giang", "tinh", ["bac-giang"]),
        ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nSỞ CÔNG THƯƠNG", "Sở Công Thương tỉnh Hà Tĩnh", "tinh", ["ha-tinh"]),
        ("ĐẢNG ỦY XÃ TÂN LẬP", "Đảng ủy xã Tân Lập", "xa", []),
        ("BAN BÍ THƯ", "Ban Bí thư", "trung_uong", []),
        ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ", "trung_uong", []),
    ],
)
def test_issuer_level_and_region(header, issuer, level, regions):
    doc = parse(header + BODY)[0]
    assert (doc.issuer, doc.level, doc.regions) == (issuer, level, regions)


def test_ambiguous_district_is_not_guessed():
    doc = parse("HUYỆN ỦY CHÂU THÀNH" + BODY)[0]
    assert doc.level == "huyen"
    assert doc.regions == []
    assert any(w.startswith("Địa bàn: địa danh “Châu Thành” trùng tên") for w in doc.warnings)


def test_ambiguous_district_is_resolved_by_the_document():
    doc = parse("HUYỆN ỦY CHÂU THÀNH\n\nNội dung văn bản gửi các xã trong huyện thuộc tỉnh Bến Tre, đề nghị thực hiện tốt.")[0]
    assert doc.regions == ["ben-tre-chau-thanh"]


def test_issuer_only_in_the_body_with_district_elsewhere():
    text = (
        "Số 5-TT/HU\n\nTHÔNG TRI\n\nvề việc thử nghiệm\n\n"
        "Ban Thường vụ Huyện ủy yêu cầu các chi bộ, đảng bộ cơ sở trong Đảng bộ huyện Đức Thọ thực hiện tốt."
    )
    doc = parse(text)[0]
    assert doc.issuer == "Ban Thường vụ Huyện ủy Đức Thọ"
    assert doc.regions == ["ha-tinh-duc-tho"] and doc.level == "huyen"
    assert doc.kind == "thong_tri" and doc.subject == "Về việc thử nghiệm"


# ============================================================================================
# A complete state-style document (NĐ 30/2020) built here
# ============================================================================================

STATE_DOC = """ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
SỞ CÔNG THƯƠNG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 123/SCT-QLTM
V/v tổ chức phiên chợ
đưa hàng Việt về nông thôn

Hà Tĩnh, ngày 3 tháng 2 năm 2023

Kính gửi: Ủy ban nhân dân các huyện, thành phố, thị xã

Thực hiện Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư Trung ương Đảng và Kế hoạch số 45/KH-UBND ngày 10/01/2023 của UBND tỉnh, Sở Công Thương đề nghị:

1. Tổ chức các phiên chợ đưa hàng Việt về nông thôn tại các xã.

2. Phối hợp kiểm tra, xử lý hàng giả, hàng kém chất lượng.

Nơi nhận:
- Như trên;
- UBND tỉnh (b/c);
- Lưu: VT, QLTM.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

(Đã ký)

Nguyễn Văn An
"""


def test_state_document():
    (doc,) = parse(STATE_DOC, "state.txt")
    assert doc.issuer == "Sở Công Thương tỉnh Hà Tĩnh"
    assert (doc.kind, doc.number, doc.level, doc.regions) == ("cong_van", "123/SCT-QLTM", "tinh", ["ha-tinh"])
    assert (doc.place, doc.date) == ("Hà Tĩnh", datetime.date(2023, 2, 3))
    assert doc.subject == "Tổ chức phiên chợ đưa hàng Việt về nông thôn"
    assert doc.recipients == ["Ủy ban nhân dân các huyện, thành phố, thị xã"]
    assert doc.distribution == ["Như trên", "UBND tỉnh (b/c)", "Lưu: VT, QLTM"]
    assert (doc.signing_capacity, doc.signer_title, doc.signer) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An")
    assert [s["heading"] for s in doc.sections] == [None, "1.", "2."]
    assert doc.sections[1]["paragraphs"] == ["Tổ chức các phiên chợ đưa hàng Việt về nông thôn tại các xã."]
    assert _section_paragraphs(doc.sections) == doc.body_text.split("\n\n")
    assert doc.cited == [
        {"number": "03-CT/TW", "kind": "chi_thi", "date": datetime.date(2021, 5, 19), "issuer": "Ban Bí thư"},
        {"number": "45/KH-UBND", "kind": "ke_hoach", "date": datetime.date(2023, 1, 10), "issuer": "UBND tỉnh Hà Tĩnh"},
    ]
    assert {"hang-viet-ve-nong-thon", "chong-hang-gia"} <= set(doc.themes)
    assert doc.warnings == []


def test_signature_block_before_distribution():
    """Two-column layouts read cell by cell may put the signature before "Nơi nhận"."""
    text = STATE_DOC.replace(
        "Nơi nhận:\n- Như trên;\n- UBND tỉnh (b/c);\n- Lưu: VT, QLTM.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n(Đã ký)\n\nNguyễn Văn An\n",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nNguyễn Văn An\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, QLTM.\n",
    )
    (doc,) = parse(text)
    assert doc.signer == "Nguyễn Văn An" and doc.distribution == ["Như trên", "Lưu: VT, QLTM"]


def test_kind_from_title_line_and_number_disagreeing_is_flagged():
    doc = parse("TỈNH ỦY BẮC GIANG\n\nSố 12-CT/TU\n\nKẾ HOẠCH\n\nthực hiện việc thử" + BODY)[0]
    assert doc.kind == "ke_hoach"
    assert any(w.startswith("Loại văn bản: tên loại “Kế hoạch” không khớp ký hiệu trong số hiệu (“Chỉ thị”)") for w in doc.warnings)


@pytest.mark.parametrize(
    "title, kind",
    [
        ("CHỈ THỊ", "chi_thi"), ("NGHỊ QUYẾT", "nghi_quyet"), ("KẾT LUẬN", "ket_luan"),
        ("QUYẾT ĐỊNH", "quyet_dinh"), ("THÔNG BÁO", "thong_bao"), ("HƯỚNG DẪN", "huong_dan"),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "chuong_trinh"), ("BÁO CÁO", "bao_cao"), ("TỜ TRÌNH", "to_trinh"),
        ("THÔNG TRI", "thong_tri"), ("KẾ HOẠCH", "ke_hoach"),
    ],
)
def test_kind_from_title_line(title, kind):
    doc = parse(f"TỈNH ỦY BẮC GIANG\n\n{title}\n\nvề việc thử nghiệm" + BODY)[0]
    assert doc.kind == kind
    assert doc.subject == "Về việc thử nghiệm"


def test_tone_style_of_metadata():
    doc = parse("TỈNH UỶ BẮC GIANG\n\nSố 1-CV/TU\nV/v hàng hoá" + BODY)[0]
    assert doc.issuer == "Tỉnh ủy Bắc Giang"
    assert fix_tones("Uỷ ban, hoà, thuỷ, quý, hoàn") == "Ủy ban, hòa, thủy, quý, hoàn"
    assert fold("Đức Thọ") == "duc tho"


# ============================================================================================
# Speed
# ============================================================================================


# Speed is measured by bench/parse_speed.py, not asserted here.


# ============================================================================================
# Robustness on arbitrary input
# ============================================================================================

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = [
    "TỈNH ỦY BẮC GIANG", "**", "\\*", "Số 610-CV/TU", "Số:", "V/v", "Kính gửi:", "- ", "Nơi nhận:",
    "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "Lê Thị Thu Hồng", "Hà Nội, ngày 24 tháng 5 năm 2022",
    "ngày 31 tháng 2 năm 2021", "1.", "II.", "Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư",
    "Người ký: Thành ủy Hà Nội", "ĐẢNG CỘNG SẢN VIỆT NAM", "KẾ HOẠCH", "\n", "\n\n", "\r\n", " ",
    "hàng giả", "OCOP", "quận Bình Thạnh", "(", ")", "“", "”", "./.", "-----",
]


def _check(docs: list[ParsedDocument]) -> None:
    for part, doc in enumerate(docs):
        assert doc.part == part
        assert doc.kind is None or doc.kind in KINDS
        assert doc.level is None or doc.level in LEVELS
        assert doc.date is None or isinstance(doc.date, datetime.date)
        assert all(isinstance(x, str) and x for x in doc.recipients + doc.distribution)
        assert set(doc.themes) <= set(THEME_SLUGS)
        json.dumps(doc.to_dict(), ensure_ascii=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=20), max_size=40).map("".join))
def test_parse_never_fails_on_document_like_noise(text):
    _check(parse(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_parse_never_fails_on_any_text(text):
    _check(parse(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(p.name for p in SEEDS.glob("*.txt"))),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["**", "\n", "\n\n", "*", " ", "\\*"])), max_size=15),
)
def test_seeds_with_random_markup_noise_still_parse(source, insertions):
    text = _seed_text(source)
    for where, piece in insertions:
        i = int(where * len(text))
        text = text[:i] + piece + text[i:]
    docs = parse(text, source)
    _check(docs)
    assert docs


def test_long_input_splits_into_every_document():
    text = _seed_text("003_cb792101292905c3.txt")
    docs = parse(text * 40)  # ~800 kB, 80 documents (its speed: bench/parse_speed.py)
    assert len(docs) == 80
    assert {d.number for d in docs} == {"1557/UBND-KTN", "351-CV/TU"}


# ============================================================================================
# Lists and signature blocks in other shapes
# ============================================================================================


@pytest.mark.parametrize(
    "block, recipients",
    [
        ("Kính gửi: Ủy ban nhân dân các huyện\n", ["Ủy ban nhân dân các huyện"]),
        ("Kính gửi:\n\nSở Công Thương\n\n", ["Sở Công Thương"]),
        ("Kính gửi: Sở Công Thương; Sở Tài chính.\n\n", ["Sở Công Thương", "Sở Tài chính"]),
        ("KÍNH GỬI: - Sở Công Thương;\n- Sở Tài chính.\n\n", ["Sở Công Thương", "Sở Tài chính"]),
        ("Kính gởi:\n+ Các sở, ban, ngành;\n+ UBND các huyện,\nthành phố, thị xã.\n\n", ["Các sở, ban, ngành", "UBND các huyện, thành phố, thị xã"]),
    ],
)
def test_recipient_list_shapes(block, recipients):
    text = "SỞ CÔNG THƯƠNG\n\nSố: 5/SCT-VP\n\n" + block + "Thực hiện Chỉ thị số 03-CT/TW, Sở đề nghị các đơn vị thực hiện tốt các nội dung sau đây."
    doc = parse(text)[0]
    assert doc.recipients == recipients
    assert doc.body_text.startswith("Thực hiện Chỉ thị số 03-CT/TW")


def test_inline_distribution_and_a_signature_without_capacity():
    text = (
        "SỞ CÔNG THƯƠNG\n\nSố: 5/SCT-VP\n\nNội dung văn bản thử nghiệm đủ dài để làm thân bài của văn bản nhé.\n\n"
        "Nơi nhận: - Như trên; - Lưu: VT.\n\nGIÁM ĐỐC\n\n\n\nNGUYỄN VĂN AN\n"
    )
    doc = parse(text)[0]
    assert doc.distribution == ["Như trên", "Lưu: VT"]
    assert (doc.signing_capacity, doc.signer_title, doc.signer) == (None, "GIÁM ĐỐC", "NGUYỄN VĂN AN")
    assert any(w.startswith("Thẩm quyền ký: không tìm thấy") for w in doc.warnings)


def test_title_line_with_the_subject_on_it():
    text = (
        "TỈNH ỦY BẮC GIANG\n\nSố 12-BC/TU\n\nBÁO CÁO TỔNG KẾT CUỘC VẬN ĐỘNG\nnăm 2023\n\n"
        "Nội dung văn bản thử nghiệm đủ dài để làm thân bài của văn bản nhé."
    )
    doc = parse(text)[0]
    assert (doc.kind, doc.subject) == ("bao_cao", "Tổng kết Cuộc vận động năm 2023")


def test_plan_title_followed_directly_by_its_first_section():
    doc = parse("TỈNH ỦY BẮC GIANG\n\nKẾ HOẠCH\nthực hiện Chỉ thị số 03-CT/TW\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức.")[0]
    assert doc.subject == "Thực hiện Chỉ thị số 03-CT/TW"
    assert doc.sections == [{"heading": "I. MỤC ĐÍCH, YÊU CẦU", "paragraphs": ["1. Mục đích", "Nâng cao nhận thức."]}]


def test_caps_issuer_that_starts_like_a_kind_word():
    doc = parse("BAN CHỈ ĐẠO CUỘC VẬN ĐỘNG\n\nNội dung văn bản thử nghiệm đủ dài để làm thân bài của văn bản nhé.")[0]
    assert doc.issuer == "Ban Chỉ đạo Cuộc vận động" and doc.kind is None


@pytest.mark.parametrize(
    "header",
    [
        "UBND TỈNH HÀ TĨNH\n\nSố: 5/UBND-KT\nV/v tăng cường lãnh đạo thực hiện Cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam trên địa bàn tỉnh\n\nHà Tĩnh, ngày 3 tháng 2 năm 2023",
        "TỈNH ỦY HÀ TĨNH\n\nKẾ HOẠCH\n\nThực hiện Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đối với Cuộc vận động\n\nHà Tĩnh, ngày 3 tháng 2 năm 2023",
        "UBND TỈNH HÀ TĨNH\n\nKính gửi:\n- Các thành viên Ban Chỉ đạo Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” huyện\n\nHà Tĩnh, ngày 3 tháng 2 năm 2023",
    ],
    ids=["long-subject", "long-title", "long-recipient"],
)
def test_long_header_parts_before_the_date_line_do_not_split_the_document(header):
    docs = parse(header + "\n\nNội dung văn bản thử nghiệm đủ dài để làm thân bài của văn bản nhé các bạn.")
    assert len(docs) == 1
    assert docs[0].date == datetime.date(2023, 2, 3)
