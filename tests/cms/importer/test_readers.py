"""Readers: text encodings (UTF-8/16/32, TCVN3, VNI), .docx and .pdf, and the errors.

Every test file is built here: python-docx writes the .docx, the PDFs are written by hand
(a Type 1 font with a ToUnicode map, so the text layer holds Vietnamese), pypdf encrypts.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.importer.parser import parse
from cms.importer.readers import (
    TCVN3_TABLE,
    VNI_TABLE,
    ReaderError,
    ReadResult,
    decode_text,
    read_text,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vietnamese_score,
    vni_to_unicode,
)
from tests.cms.importer.handmade_pdf import handmade_pdf

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "cms" / "demo" / "fixtures" / "seeds"
PHRASE = "Người Việt Nam ưu tiên dùng hàng Việt Nam"

VIETNAMESE_LOWER = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
VIETNAMESE_UPPER = VIETNAMESE_LOWER.upper()


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def metadata(text: str) -> list[dict]:
    out = []
    for doc in parse(text):
        data = doc.to_dict()
        data.pop("warnings")
        data.pop("source")
        out.append(data)
    return out


# ============================================================================================
# Unicode text files
# ============================================================================================


@pytest.mark.parametrize(
    "encode, encoding",
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8"),
        (lambda t: t.encode("utf-16"), "utf-16"),  # with BOM, native order
        (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16"),
        (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("utf-32"), "utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf32"],
)
def test_unicode_encodings(encode, encoding):
    text = "Kính gửi: Các sở, ban, ngành\r\n" + PHRASE + "\n"
    result = read_text(encode(text), "a.txt")
    assert isinstance(result, ReadResult)
    assert result.encoding == encoding
    assert result.text == "Kính gửi: Các sở, ban, ngành\n" + PHRASE + "\n"
    assert result.warnings == []
    assert not result.text.startswith("\ufeff")


def test_utf16_without_bom_is_recognised_with_a_warning():
    result = read_text(("Văn bản " + PHRASE).encode("utf-16-le"), "a.txt")
    assert result.text == "Văn bản " + PHRASE
    assert result.warnings and result.warnings[0].startswith("Bảng mã: tệp UTF-16-LE không có BOM")


def test_nfd_input_comes_out_nfc():
    result = read_text(unicodedata.normalize("NFD", PHRASE).encode("utf-8"), "a.md")
    assert result.text == PHRASE
    assert unicodedata.is_normalized("NFC", result.text)


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_files_read_from_path(path):
    result = read_text(path)
    assert result.encoding == "utf-8" and result.warnings == []
    assert result.text == unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def test_markdown_and_file_objects():
    data = ("# Tiêu đề\n\n**" + PHRASE + "**\n").encode("utf-8")
    assert read_text(data, "ghi-chu.md").text == "# Tiêu đề\n\n**" + PHRASE + "**\n"
    stream = io.BytesIO(data)
    stream.name = "/tmp/upload/ghi-chu.MD"
    assert read_text(stream).text.startswith("# Tiêu đề")


# ============================================================================================
# Legacy 8-bit encodings
# ============================================================================================


def test_tcvn3_known_bytes_from_the_chart():
    # "Ng­êi ViÖt Nam" is how TCVN3 text looks in a Windows-1252 editor.
    assert tcvn3_to_unicode(b"Ng\xad\xeai Vi\xd6t Nam") == "Người Việt Nam"
    assert tcvn3_to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert tcvn3_to_unicode("§éc lËp - Tù do - H¹nh phóc") == "Độc lập - Tự do - Hạnh phúc"


def test_vni_known_bytes_from_the_chart():
    # "Ngöôøi Vieät Nam" is how VNI text looks in a Windows-1252 editor.
    assert vni_to_unicode("Ngöôøi Vieät Nam öu tieân duøng haøng Vieät Nam".encode("cp1252")) == PHRASE
    assert vni_to_unicode("Ñaûng Coäng saûn Vieät Nam") == "Đảng Cộng sản Việt Nam"
    assert vni_to_unicode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


@pytest.mark.parametrize(
    "encoder, encoding",
    [(unicode_to_tcvn3, "tcvn3"), (unicode_to_vni, "vni")],
)
def test_round_trip_of_the_campaign_phrase(encoder, encoding):
    data = encoder(PHRASE)
    assert not data.isascii()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = read_text(data, "cu.txt")
    assert result.text == PHRASE
    assert result.encoding == encoding
    assert result.warnings[0].startswith("Bảng mã: đã chuyển từ bảng mã")


def test_tables_are_one_to_one():
    # TCVN3: 7 capitals (Ă Â Ê Ô Ơ Ư Đ), their 7 small letters, 12 vowels x 5 tones
    assert len(set(TCVN3_TABLE.values())) == len(TCVN3_TABLE) == 7 + 7 + 12 * 5
    # VNI: every non-ASCII Vietnamese letter, in both cases
    assert len(set(VNI_TABLE.values())) == len(VNI_TABLE) == 2 * sum(1 for c in VIETNAMESE_LOWER if not c.isascii())
    for char in VIETNAMESE_LOWER:
        if not char.isascii():
            assert char in VNI_TABLE and char.upper() in VNI_TABLE
            assert unicode_to_tcvn3(char) and tcvn3_to_unicode(unicode_to_tcvn3(char)) == char


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=VIETNAMESE_LOWER + VIETNAMESE_UPPER + " .,;:-()0123456789\n", max_size=200))
def test_vni_round_trip_property(text):
    assert vni_to_unicode(unicode_to_vni(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=VIETNAMESE_LOWER + "ĂÂÊÔƠƯĐ" + "ABCDEFGHIKLMNOPQRSTUVXY .,;:-()0123456789\n", max_size=200))
def test_tcvn3_round_trip_property(text):
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text


def test_tcvn3_has_no_capital_toned_letters():
    """.VnTimeH typists wrote headings in lower-case codes; capitals come back in lower case."""
    assert tcvn3_to_unicode(unicode_to_tcvn3("TỈNH ỦY ĐỨC THỌ")) == "TỉNH ủY ĐứC THọ"


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seeds_in_vni_parse_like_the_originals(path):
    original = path.read_text(encoding="utf-8")
    result = read_text(unicode_to_vni(original), path.name)
    assert result.encoding == "vni"
    assert result.text == unicodedata.normalize("NFC", original)
    assert metadata(result.text) == metadata(original)


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seeds_in_tcvn3_read_back(path):
    original = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    result = read_text(unicode_to_tcvn3(original), path.name)
    assert result.encoding == "tcvn3"
    # capitals with tone marks have no TCVN3 code: compare case-insensitively
    assert result.text.lower() == original.lower()
    assert any("VnTimeH" in w for w in result.warnings)


def test_windows_1258():
    def cp1258_bytes(text: str) -> bytes:
        # Windows-1258 has precomposed base letters (ê, ơ, ư...) and combining tone marks
        out = []
        for ch in text:
            nfd = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            out.append(base + tones)
        return "".join(out).encode("cp1258")

    result = read_text(cp1258_bytes(PHRASE + ". Độc lập - Tự do - Hạnh phúc"), "a.txt")
    assert result.encoding == "windows-1258"
    assert result.text == PHRASE + ". Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize(
    "glyphs, encoding",
    [("Ng­êi ViÖt Nam ­u tiªn dïng hµng ViÖt Nam", "tcvn3"), ("Ngöôøi Vieät Nam öu tieân duøng haøng Vieät Nam", "vni")],
)
def test_legacy_text_saved_as_utf8_is_converted(glyphs, encoding):
    """Text copied from a .VnTime/VNI-Times document and saved as UTF-8 keeps the glyphs."""
    result = read_text(glyphs.encode("utf-8"), "a.txt")
    assert result.text == PHRASE
    assert result.encoding == f"utf-8+{encoding}"
    assert result.warnings


def test_vietnamese_score():
    assert vietnamese_score(PHRASE) == 1.0
    assert vietnamese_score("Ng­êi ViÖt Nam") < 0.5
    assert vietnamese_score("plain ASCII only") == 1.0


def test_mostly_non_ascii_junk_is_an_encoding_error():
    with pytest.raises(ReaderError, match="Không nhận ra bảng mã"):
        read_text("東京都の会議録です。".encode("shift_jis") * 5, "a.txt")


def test_latin1_text_that_is_not_vietnamese_is_read_as_windows_1252():
    result = read_text("Café au lait, crème brûlée — résumé of the meeting notes.".encode("cp1252"), "a.txt")
    assert result.encoding == "windows-1252"
    assert "Café" in result.text
    assert result.warnings


# ============================================================================================
# Errors
# ============================================================================================


@pytest.mark.parametrize("data", [b"", b"   \r\n\t ", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n"])
def test_empty_files(data):
    with pytest.raises(ReaderError, match="Tệp rỗng"):
        read_text(data, "rong.txt")


@pytest.mark.parametrize("name", ["anh.jpg", "bang.xlsx", "van-ban.rtf", "khong-duoi", "x.exe"])
def test_unknown_extension(name):
    with pytest.raises(ReaderError, match="không được hỗ trợ"):
        read_text(b"anything", name)


def test_old_word_format():
    with pytest.raises(ReaderError, match=r"\.doc.*\.docx"):
        read_text(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "cu.doc")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200),
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 20,
    ],
    ids=["all-bytes", "png", "exe"],
)
def test_binary_junk_named_txt(data):
    with pytest.raises(ReaderError, match="không phải văn bản"):
        read_text(data, "van-ban.txt")


def test_bytes_without_a_name_and_missing_paths(tmp_path):
    with pytest.raises(ReaderError, match="Thiếu tên tệp"):
        read_text(b"abc")
    with pytest.raises(ReaderError, match="Không tìm thấy"):
        read_text(tmp_path / "khong-co.txt")
    with pytest.raises(ReaderError, match="thư mục"):
        read_text(tmp_path, "x.txt")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_text_or_a_reader_error(data):
    try:
        result = decode_text(data, "x.txt")
    except ReaderError as error:
        assert str(error)
    else:
        assert isinstance(result.text, str) and result.text.strip()


# ============================================================================================
# .docx
# ============================================================================================


def build_docx(populate) -> bytes:
    import docx

    document = docx.Document()
    populate(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _official_letter(document) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("THÀNH PHỐ HÀ NỘI")
    left.add_paragraph("Số: 1557/UBND-KTN")
    left.add_paragraph("V/v tăng cường lãnh đạo thực hiện\nCuộc vận động Người Việt Nam ưu\ntiên dùng hàng Việt Nam")
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập – Tự do – Hạnh phúc")
    right.add_paragraph("Hà Nội, ngày 24 tháng 5 năm 2022")
    document.add_paragraph("Kính gửi:")
    document.add_paragraph("- Các Sở, ban, ngành Thành phố;")
    document.add_paragraph("- Ủy ban nhân dân các quận, huyện, thị xã.")
    document.add_paragraph(
        "Thực hiện Văn bản số 351-CV/TU ngày 04/4/2022 của Thành ủy Hà Nội về việc tăng cường lãnh đạo "
        "thực hiện Cuộc vận động, Ủy ban nhân dân Thành phố chỉ đạo như sau:"
    )
    document.add_paragraph("1. Sở Công Thương:")
    document.add_paragraph("Chủ trì tổ chức các hoạt động xúc tiến thương mại, đưa hàng Việt về nông thôn.")
    closing = document.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    left.add_paragraph("- Như trên;")
    left.add_paragraph("- Lưu: VT, KTN.")
    right.paragraphs[0].text = "TM. ỦY BAN NHÂN DÂN"
    right.add_paragraph("KT. CHỦ TỊCH")
    right.add_paragraph("PHÓ CHỦ TỊCH")
    right.add_paragraph("")
    right.add_paragraph("Nguyễn Mạnh Quyền")


def test_docx_paragraphs_and_table_cells_in_order():
    result = read_text(build_docx(_official_letter), "1557.docx")
    assert result.encoding == "docx" and result.warnings == []
    text = result.text
    order = [
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI",
        "Số: 1557/UBND-KTN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hà Nội, ngày 24 tháng 5 năm 2022",
        "Kính gửi:",
        "Thực hiện Văn bản số 351-CV/TU",
        "1. Sở Công Thương:",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Mạnh Quyền",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)

    (doc,) = parse(text, "1557.docx")
    assert doc.issuer == "Ủy ban nhân dân thành phố Hà Nội"
    assert (doc.number, doc.kind, doc.level, doc.regions) == ("1557/UBND-KTN", "cong_van", "tinh", ["ha-noi"])
    assert doc.subject == "Tăng cường lãnh đạo thực hiện Cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam"
    assert doc.recipients == ["Các Sở, ban, ngành Thành phố", "Ủy ban nhân dân các quận, huyện, thị xã"]
    assert doc.distribution == ["Như trên", "Lưu: VT, KTN"]
    assert (doc.signing_capacity, doc.signer_title, doc.signer) == (
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Mạnh Quyền",
    )
    assert [c["number"] for c in doc.cited] == ["351-CV/TU"]


def test_docx_merged_cells_are_read_once():
    def populate(document):
        table = document.add_table(rows=2, cols=3)
        merged = table.cell(0, 0).merge(table.cell(0, 2))
        merged.text = "BAN CHỈ ĐẠO CUỘC VẬN ĐỘNG"
        table.cell(1, 0).text = "a"
        table.cell(1, 1).text = "b"
        table.cell(1, 2).text = "c"

    text = read_text(build_docx(populate), "t.docx").text
    assert text.count("BAN CHỈ ĐẠO CUỘC VẬN ĐỘNG") == 1
    assert text.index("a") < text.index("b") < text.index("c")


def test_docx_legacy_font_runs_are_converted():
    def populate(document):
        document.add_paragraph("Văn bản có đoạn gõ bằng phông cũ:")
        paragraph = document.add_paragraph()
        run = paragraph.add_run(unicode_to_tcvn3(PHRASE).decode("cp1252"))
        run.font.name = ".VnTime"
        heading = document.add_paragraph().add_run(unicode_to_tcvn3("tổ chức thực hiện").decode("cp1252"))
        heading.font.name = ".VnTimeH"
        vni = document.add_paragraph().add_run(unicode_to_vni("Đảng Cộng sản Việt Nam").decode("cp1252"))
        vni.font.name = "VNI-Times"

    result = read_text(build_docx(populate), "cu.docx")
    assert result.text.split("\n\n") == [
        "Văn bản có đoạn gõ bằng phông cũ:", PHRASE, "TỔ CHỨC THỰC HIỆN", "Đảng Cộng sản Việt Nam",
    ]
    assert result.encoding == "docx+tcvn3+vni"
    assert result.warnings


def test_docx_legacy_font_from_the_style():
    def populate(document):
        document.styles["Normal"].font.name = ".VnTime"
        document.add_paragraph(unicode_to_tcvn3(PHRASE).decode("cp1252"))

    assert read_text(build_docx(populate), "cu.docx").text == PHRASE


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 this is not really a zip",
        b"not a zip at all",
        b"",
    ],
    ids=["fake-zip", "text", "empty"],
)
def test_corrupt_docx(data):
    with pytest.raises(ReaderError):
        read_text(data, "hong.docx")


def test_docx_zip_without_document_and_truncated():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(ReaderError, match="bị hỏng"):
        read_text(buffer.getvalue(), "hong.docx")
    good = build_docx(_official_letter)
    with pytest.raises(ReaderError):
        read_text(good[: len(good) // 2], "cut.docx")


def test_docx_without_text():
    with pytest.raises(ReaderError, match="không có nội dung"):
        read_text(build_docx(lambda document: None), "trang.docx")


# ============================================================================================
# .pdf
# ============================================================================================


def build_pdf(pages: list[list[str]]) -> bytes:
    """A PDF of lines, page by page; an empty page has a line drawing and no text, like a scan."""

    def draw(literal):
        return [
            b"\n".join([b"BT /F1 11 Tf 14 TL 50 780 Td"] + [literal(line) + b" Tj T*" for line in lines] + [b"ET"])
            if lines
            else b"0 0 m 300 300 l S"
            for lines in pages
        ]

    return handmade_pdf(draw)


PDF_LINES = [
    "TỈNH ỦY BẮC GIANG",
    "Số 610-CV/TU",
    "Bắc Giang, ngày 19 tháng 8 năm 2021",
    "V/v triển khai thực hiện Chỉ thị số 03-CT/TW",
    "",
    PHRASE,
]


def encrypt(pdf: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_text_layer():
    result = read_text(build_pdf([PDF_LINES]), "610.pdf")
    assert result.encoding == "pdf" and result.warnings == []
    assert PHRASE in result.text
    (doc,) = parse(result.text)
    assert (doc.issuer, doc.number, doc.place) == ("Tỉnh ủy Bắc Giang", "610-CV/TU", "Bắc Giang")


def test_pdf_without_text_layer():
    result = read_text(build_pdf([[], []]), "scan.pdf")
    assert result.text == ""
    assert result.warnings[0].startswith("Bản quét: cần nhập nội dung")


def test_pdf_with_some_scanned_pages():
    result = read_text(build_pdf([PDF_LINES, [], ["Trang ba có chữ"]]), "mixed.pdf")
    assert PHRASE in result.text and "Trang ba có chữ" in result.text
    assert any(w.startswith("Bản quét: các trang 2") for w in result.warnings)


def test_encrypted_pdf_raises_a_clear_error():
    with pytest.raises(ReaderError, match="mật khẩu"):
        read_text(encrypt(build_pdf([PDF_LINES]), "bi-mat"), "mat.pdf")


def test_pdf_encrypted_without_a_user_password_is_read():
    result = read_text(encrypt(build_pdf([PDF_LINES]), ""), "mo.pdf")
    assert PHRASE in result.text
    assert any(w.startswith("Tệp PDF: có mã hóa") for w in result.warnings)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"%PDF-1.4\n garbage garbage", "bị hỏng"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "bị hỏng"),
        (b"not a pdf", "không phải tệp PDF"),
    ],
    ids=["garbage", "no-pages", "not-pdf"],
)
def test_corrupt_pdf(data, message):
    with pytest.raises(ReaderError, match=message):
        read_text(data, "hong.pdf")


@pytest.mark.parametrize("fraction", [2, 3])
def test_truncated_pdf(fraction):
    pdf = build_pdf([PDF_LINES])
    with pytest.raises(ReaderError, match="bị hỏng"):
        read_text(pdf[: len(pdf) // fraction], "cut.pdf")


def test_utf8_with_a_broken_byte_is_read_with_a_warning():
    data = PHRASE.encode("utf-8") + b" \xff " + ("Độc lập - Tự do - Hạnh phúc. " * 10).encode("utf-8")
    result = read_text(data, "a.txt")
    assert result.encoding == "utf-8"
    assert result.text.startswith(PHRASE + " \ufffd ")
    assert result.warnings[0].startswith("Bảng mã: tệp UTF-8 có 1 ký tự lỗi")


def test_word_line_and_page_breaks_become_newlines():
    result = read_text("Dòng một\x0bDòng hai\x0cTrang hai".encode("utf-8"), "a.txt")
    assert result.text == "Dòng một\nDòng hai\nTrang hai"
