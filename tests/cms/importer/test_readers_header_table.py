"""The usual two-column header of an official document as a Word table (1×2, 2×2, with a spacer
column, lines broken inside a paragraph), and as a PDF whose two columns come out interleaved line
by line. Every file is built here with invented names and numbers; the parser must read the
header fields as from a stacked header."""

import datetime
import io

import pytest

from cms.importer.parser import parse
from cms.importer.readers import read_text
from tests.cms.importer.handmade_pdf import handmade_pdf

FIELDS = ("kind", "number", "issuer", "level", "place", "date", "subject", "signer")

PARTY = {
    "kind": "chi_thi", "number": "12-CT/TU", "issuer": "Ban Thường vụ Đảng bộ tỉnh Lâm Đồng", "level": "tinh",
    "place": "Lâm Đồng", "date": datetime.date(2024, 3, 5),
    "subject": "Về tăng cường sự lãnh đạo của Đảng đối với Cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam",
    "signer": "Trần Văn Khải",
}
STATE = {
    "kind": "cong_van", "number": "88/UBND-VX", "issuer": "Ủy ban nhân dân huyện Đức Trọng", "level": "huyen",
    "place": "Đức Trọng", "date": datetime.date(2024, 4, 12),
    "subject": "Hưởng ứng Tháng hàng Việt năm 2024 trên địa bàn huyện", "signer": "Trần Văn Khải",
}
PARTY_TITLE = (
    "CHỈ THỊ", "về tăng cường sự lãnh đạo của Đảng đối với Cuộc vận động", "Người Việt Nam ưu tiên dùng hàng Việt Nam",
)


def _fill(cell, lines):
    cell.paragraphs[0].text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def build_docx(header_rows, title=PARTY_TITLE, cols=2) -> bytes:
    """A header table (one list of cell lines per column and row), the centred title typed over
    several paragraphs, a body paragraph and the closing table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    table = document.add_table(rows=len(header_rows), cols=cols)
    for row, cells in zip(table.rows, header_rows):
        for cell, lines in zip(row.cells, cells):
            _fill(cell, lines)
    for line in title:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Qua 15 năm thực hiện Cuộc vận động, nhận thức của cán bộ, đảng viên được nâng lên.")
    document.add_paragraph("Các cấp ủy, tổ chức đảng cần thực hiện tốt các nội dung sau:")
    closing = document.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    _fill(left, ["Nơi nhận:", "- Các huyện ủy,", "- Lưu Văn phòng."])
    _fill(right, ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Trần Văn Khải"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX_CASES = {
    "party 2x2": ([
        [["ĐẢNG BỘ TỈNH LÂM ĐỒNG", "BAN THƯỜNG VỤ", "*"], ["ĐẢNG CỘNG SẢN VIỆT NAM"]],
        [["Số 12-CT/TU"], ["Lâm Đồng, ngày 5 tháng 3 năm 2024"]],
    ], PARTY_TITLE, 2, PARTY),
    "party 1x2": ([
        [["ĐẢNG BỘ TỈNH LÂM ĐỒNG", "BAN THƯỜNG VỤ", "*", "Số 12-CT/TU"],
         ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Lâm Đồng, ngày 5 tháng 3 năm 2024"]],
    ], PARTY_TITLE, 2, PARTY),
    "party, lines broken inside one paragraph": ([
        [["ĐẢNG BỘ TỈNH LÂM ĐỒNG\nBAN THƯỜNG VỤ\n*\nSố 12-CT/TU"],
         ["ĐẢNG CỘNG SẢN VIỆT NAM\n---------------\nLâm Đồng, ngày 5 tháng 3 năm 2024"]],
    ], PARTY_TITLE, 2, PARTY),
    "party, empty spacer column": ([
        [["ĐẢNG BỘ TỈNH LÂM ĐỒNG", "BAN THƯỜNG VỤ", "*", "Số 12-CT/TU"], [],
         ["ĐẢNG CỘNG SẢN VIỆT NAM", "Lâm Đồng, ngày 5 tháng 3 năm 2024"]],
    ], PARTY_TITLE, 3, PARTY),
    "state 2x2 with the V/v under the number": ([
        [["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC TRỌNG", "-------"],
         ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"]],
        [["Số: 88/UBND-VX", "V/v hưởng ứng Tháng hàng Việt", "năm 2024 trên địa bàn huyện"],
         ["Đức Trọng, ngày 12 tháng 4 năm 2024"]],
    ], (), 2, STATE),
    # one header line a row: read row by row, the issuer would be cut apart by the motto
    "state 3x2, a line a row": ([
        [["ỦY BAN NHÂN DÂN"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]],
        [["HUYỆN ĐỨC TRỌNG"], ["Độc lập - Tự do - Hạnh phúc"]],
        [["Số: 88/UBND-VX", "V/v hưởng ứng Tháng hàng Việt", "năm 2024 trên địa bàn huyện"],
         ["Đức Trọng, ngày 12 tháng 4 năm 2024"]],
    ], (), 2, STATE),
}


@pytest.mark.parametrize("rows, title, cols, expected", list(DOCX_CASES.values()), ids=list(DOCX_CASES))
def test_docx_header_table(rows, title, cols, expected):
    result = read_text(build_docx(rows, title, cols), "chi-thi.docx")
    (doc,) = parse(result.text, "chi-thi.docx")
    assert {name: getattr(doc, name) for name in FIELDS} == expected


def test_docx_header_table_is_read_column_by_column():
    text = read_text(build_docx(*DOCX_CASES["state 3x2, a line a row"][:3]), "cv.docx").text
    assert text.startswith(
        "ỦY BAN NHÂN DÂN\n\nHUYỆN ĐỨC TRỌNG\n\nSố: 88/UBND-VX\n"
        "V/v hưởng ứng Tháng hàng Việt\nnăm 2024 trên địa bàn huyện\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    )


def test_docx_header_with_a_cell_spanning_rows_and_a_title_spanning_columns():
    import docx

    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    _fill(header.cell(0, 0), ["ĐẢNG BỘ TỈNH LÂM ĐỒNG", "BAN THƯỜNG VỤ"])
    _fill(header.cell(1, 0), ["Số 12-CT/TU"])
    _fill(header.cell(0, 1).merge(header.cell(1, 1)), ["ĐẢNG CỘNG SẢN VIỆT NAM", "Lâm Đồng, ngày 5 tháng 3 năm 2024"])
    title = document.add_table(rows=1, cols=2)
    _fill(title.cell(0, 0).merge(title.cell(0, 1)), list(PARTY_TITLE))
    document.add_paragraph("Qua 15 năm thực hiện Cuộc vận động, nhận thức của cán bộ, đảng viên được nâng lên.")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_text(buffer.getvalue(), "chi-thi.docx").text
    assert text.count("ĐẢNG CỘNG SẢN VIỆT NAM") == 1 and text.count("Người Việt Nam ưu tiên") == 1
    (doc,) = parse(text, "chi-thi.docx")
    assert {name: getattr(doc, name) for name in FIELDS} == {**PARTY, "signer": None}


def test_docx_centred_title_paragraphs_stay_one_block():
    text = read_text(build_docx(DOCX_CASES["party 2x2"][0]), "chi-thi.docx").text
    assert "CHỈ THỊ\nvề tăng cường sự lãnh đạo của Đảng đối với Cuộc vận động\nNgười Việt Nam ưu tiên" in text
    # the body paragraphs, not centred, keep their blank lines
    assert "nâng lên.\n\nCác cấp ủy" in text


def build_pdf(items) -> bytes:
    """A one-page PDF, each (x, y, text) drawn where it says, in the order given (top to
    bottom, as a printer driver does)."""

    def draw(literal):
        moves = [b"1 0 0 1 %d %d Tm " % (x, y) + literal(text) + b" Tj" for x, y, text in items]
        return [b"\n".join([b"BT /F1 11 Tf", *moves, b"ET"])]

    return handmade_pdf(draw)


PARTY_PAGE_FOOT = [
    (260, 690, "CHỈ THỊ"),
    (120, 676, "về tăng cường sự lãnh đạo của Đảng đối với Cuộc vận động"),
    (150, 662, "Người Việt Nam ưu tiên dùng hàng Việt Nam"),
    (50, 640, "Qua 15 năm thực hiện Cuộc vận động, nhận thức của cán bộ, đảng viên được nâng lên rõ rệt."),
    (300, 610, "T/M BAN THƯỜNG VỤ"), (300, 596, "PHÓ BÍ THƯ"), (300, 560, "Trần Văn Khải"),
]
PDF_CASES = {
    # each column's lines half a line apart from the other's: the text layer alternates
    "interleaved lines": [
        (60, 790, "ĐẢNG BỘ TỈNH LÂM ĐỒNG"), (330, 776, "ĐẢNG CỘNG SẢN VIỆT NAM"), (75, 762, "BAN THƯỜNG VỤ"),
        (100, 748, "*"), (340, 734, "Lâm Đồng, ngày 5 tháng 3 năm 2024"), (80, 720, "Số 12-CT/TU"),
    ],
    # both columns on the same heights: one text line holds a line of each
    "both columns on one line": [
        (60, 790, "ĐẢNG BỘ TỈNH LÂM ĐỒNG"), (330, 790, "ĐẢNG CỘNG SẢN VIỆT NAM"), (75, 776, "BAN THƯỜNG VỤ"),
        (100, 762, "*"), (80, 748, "Số 12-CT/TU"), (340, 748, "Lâm Đồng, ngày 5 tháng 3 năm 2024"),
    ],
}


@pytest.mark.parametrize("header", list(PDF_CASES.values()), ids=list(PDF_CASES))
def test_pdf_two_header_columns(header):
    result = read_text(build_pdf(header + PARTY_PAGE_FOOT), "chi-thi.pdf")
    assert result.encoding == "pdf"
    (doc,) = parse(result.text, "chi-thi.pdf")
    assert {name: getattr(doc, name) for name in FIELDS} == PARTY


def test_docx_header_laid_out_with_tabs():
    """No table: each header line holds both columns, apart by tabs."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for line in (
        "ĐẢNG BỘ TỈNH LÂM ĐỒNG\t\tĐẢNG CỘNG SẢN VIỆT NAM", "BAN THƯỜNG VỤ", "*",
        "Số 12-CT/TU\t\t\tLâm Đồng, ngày 5 tháng 3 năm 2024",
    ):
        document.add_paragraph(line)
    for line in PARTY_TITLE:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in (
        "Qua 15 năm thực hiện Cuộc vận động, nhận thức của cán bộ, đảng viên được nâng lên.",
        "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Khải",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    (doc,) = parse(read_text(buffer.getvalue(), "chi-thi.docx").text, "chi-thi.docx")
    assert {name: getattr(doc, name) for name in FIELDS} == PARTY
