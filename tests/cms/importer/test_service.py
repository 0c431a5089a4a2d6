"""import_documents: dry runs, drafts with the original attached, idempotence,
citations resolved both ways, and every kind of bad input."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from pypdf import PdfWriter
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from cms.directives.models import OfficialDocumentPage
from cms.importer.service import CREATED, FAILED, SKIPPED, UPDATED, Source, import_source, zip_sources

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[3] / "cms" / "demo" / "fixtures" / "seeds"

NEW_LETTER = """**TỈNH ỦY HÀ TĨNH**

Số 99-CV/TU

V/v đẩy mạnh tiêu thụ sản phẩm OCOP dịp Tết

**ĐẢNG CỘNG SẢN VIỆT NAM**

Hà Tĩnh, ngày 10 tháng 12 năm 2024

Kính gửi: Các huyện ủy, thành ủy, thị ủy.

Thực hiện Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư và Công văn số 06/CV-BCĐ ngày 15/01/2024 của Ban Chỉ đạo Cuộc vận động huyện Đức Thọ, Ban Thường vụ Tỉnh ủy yêu cầu:

1. Tổ chức phiên chợ hàng Việt, giới thiệu sản phẩm OCOP của tỉnh dịp Tết Nguyên đán.

2. Tăng cường kiểm tra, xử lý hàng giả, hàng kém chất lượng.

Nơi nhận:
- Như trên,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn Hùng
"""


def run_import(*paths, section=None):
    out = io.StringIO()
    args = [str(p) for p in paths] + ["--json"]
    if section:
        args += ["--section", section]
    call_command("import_documents", *args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_dry_run_json_lists_every_document_and_writes_nothing():
    pages = Page.objects.count()
    out = io.StringIO()
    call_command("import_documents", str(SEEDS), "--dry-run", "--json", stdout=out)
    items = json.loads(out.getvalue())
    assert len(items) == 6  # seed 003 holds two documents
    required = {"source", "kind", "number", "issuer", "place", "date", "subject", "signer", "cited_numbers", "themes", "regions", "warnings"}
    for item in items:
        assert required <= set(item)
    by_number = {item["number"]: item for item in items}
    assert by_number["610-CV/TU"]["date"] == "2021-08-19"
    assert "03-CT/TW" in by_number["610-CV/TU"]["cited_numbers"]
    assert Page.objects.count() == pages


def test_new_document_becomes_a_draft_in_its_regional_section_with_the_original(tmp_path):
    path = write(tmp_path, "cv-99.txt", NEW_LETTER)
    [result] = run_import(path)
    assert result["status"] == CREATED
    page = OfficialDocumentPage.objects.get(pk=result["page_id"])
    assert not page.live and page.has_unpublished_changes
    assert page.number == "99-CV/TU" and page.kind == "cong_van"
    assert page.get_parent().slug == "ha-tinh"
    original = page.attachments.get(is_original=True).document
    assert original.file.read().decode("utf-8") == NEW_LETTER
    # Its citation of a document in the archive resolves at once.
    cited = {c.cited_number: c.target for c in page.citations.all()}
    assert cited["06/CV-BCĐ"] == OfficialDocumentPage.objects.get(number="06/CV-BCĐ")
    assert cited["03-CT/TW"] is None


def test_importing_the_same_file_twice_skips_it(tmp_path):
    path = write(tmp_path, "cv-99.txt", NEW_LETTER)
    run_import(path)
    pages, documents = Page.objects.count(), get_document_model().objects.count()
    [again] = run_import(path)
    assert again["status"] == SKIPPED
    assert (Page.objects.count(), get_document_model().objects.count()) == (pages, documents)


def test_an_unchanged_archived_file_is_skipped(tmp_path):
    """The demo's seeds were loaded with their original file: the same file again is skipped
    ("Bỏ qua"), not reported as an update."""
    pages, revisions = Page.objects.count(), Revision.objects.count()
    outcomes = run_import(SEEDS / "003_cb792101292905c3.txt")
    assert [r["status"] for r in outcomes] == [SKIPPED, SKIPPED]
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_importing_a_changed_archived_document_updates_it_then_skips(tmp_path):
    pages = Page.objects.count()
    changed = (SEEDS / "000_90e0d3f5ac1311f0.txt").read_text("utf-8").replace("Cuộc vận động", "Cuộc vận động", 1) + "\n"
    changed = changed.replace("hàng Việt Nam", "hàng Việt  Nam (bản sửa)", 1)
    path = write(tmp_path, "000.txt", changed)
    first = run_import(path)
    assert [r["status"] for r in first] == [UPDATED]
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    assert page.live and page.has_unpublished_changes  # the update waits for review
    second = run_import(path)
    assert [r["status"] for r in second] == [SKIPPED]
    assert Page.objects.count() == pages


def test_a_citation_resolves_when_the_cited_document_arrives_later(tmp_path):
    citing = NEW_LETTER.replace("Số 99-CV/TU", "Số 98-CV/TU").replace(
        "Thực hiện Chỉ thị", "Thực hiện Kế hoạch số 97-KH/TU ngày 02/12/2024 của Tỉnh ủy Hà Tĩnh và Chỉ thị"
    )
    [first] = run_import(write(tmp_path, "98.txt", citing))
    waiting = OfficialDocumentPage.objects.get(pk=first["page_id"]).citations.get(cited_number="97-KH/TU")
    assert waiting.target is None
    plan = NEW_LETTER.replace("Số 99-CV/TU", "Số 97-KH/TU").replace("V/v đẩy mạnh", "KẾ HOẠCH\n\nĐẩy mạnh")
    [second] = run_import(write(tmp_path, "97.txt", plan))
    waiting.refresh_from_db()
    assert waiting.target_id == second["page_id"]


def test_section_option_and_unknown_section(tmp_path):
    path = write(tmp_path, "cv-99.txt", NEW_LETTER)
    [unknown] = run_import(path, section="khong-co")
    assert unknown["status"] == FAILED and "Không tìm thấy chuyên mục" in unknown["reason"]
    [placed] = run_import(path, section="van-ban-chi-dao")
    assert OfficialDocumentPage.objects.get(pk=placed["page_id"]).get_parent().slug == "van-ban-chi-dao"


def scanned_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("mat-khau")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_scanned_pdf_becomes_a_flagged_draft_with_the_file(tmp_path):
    [result] = run_import(write(tmp_path, "ban-quet.pdf", scanned_pdf()))
    assert result["status"] == CREATED and "cần nhập nội dung" in result["reason"]
    page = OfficialDocumentPage.objects.get(pk=result["page_id"])
    assert page.needs_content and not page.live
    assert page.attachments.get(is_original=True).document.file.read().startswith(b"%PDF")


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("rong.txt", b"", "Tệp rỗng"),
        ("rac.txt", bytes(range(256)) * 40, ""),
        ("chuong-trinh.exe", b"MZ\x90\x00", "không được hỗ trợ"),
        ("khoa.pdf", encrypted_pdf(), ""),
        ("hong.docx", b"PK\x03\x04 not really a docx", ""),
    ],
)
def test_bad_files_fail_with_a_message_and_leave_nothing(tmp_path, name, data, message):
    good = write(tmp_path, "tot.txt", NEW_LETTER)
    bad = write(tmp_path, name, data)
    pages, documents = Page.objects.count(), get_document_model().objects.count()
    results = {Path(r["source"]).name: r for r in run_import(bad, good)}
    assert results[name]["status"] == FAILED
    assert results[name]["reason"] and message in results[name]["reason"]
    assert results["tot.txt"]["status"] == CREATED  # the other file goes on
    assert Page.objects.count() == pages + 1
    assert get_document_model().objects.count() == documents + 1


def test_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 100
    [result] = run_import(write(tmp_path, "lon.txt", NEW_LETTER))
    assert result["status"] == FAILED and "Tệp quá lớn" in result["reason"]


def test_zip_with_nested_folders_imports_and_refuses_traversal(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("2024/ha-tinh/cv-99.txt", NEW_LETTER)
        archive.writestr("../../etc/passwd.txt", "root:x:0:0")
        archive.writestr("/tuyet-doi.txt", NEW_LETTER)
    results = run_import(write(tmp_path, "lo.zip", buffer.getvalue()))
    by_name = {r["source"].split("lo.zip/")[1]: r for r in results}
    assert by_name["2024/ha-tinh/cv-99.txt"]["status"] == CREATED
    assert by_name["../../etc/passwd.txt"]["status"] == FAILED
    assert "không an toàn" in by_name["../../etc/passwd.txt"]["reason"]
    assert by_name["/tuyet-doi.txt"]["status"] == FAILED


def test_corrupt_zip_is_reported():
    [outcome] = list(zip_sources(b"PK\x03\x04broken", "hong.zip"))
    assert outcome.status == FAILED and "zip" in outcome.reason


def test_a_failure_while_saving_leaves_no_page_and_no_file(monkeypatch, settings):
    documents = get_document_model().objects.count()
    pages = Page.objects.count()

    def fail(*args, **kwargs):
        raise RuntimeError("ổ đĩa đầy")

    monkeypatch.setattr(OfficialDocumentPage, "save_revision", fail)
    [outcome] = import_source(Source("se-hong-khi-luu.txt", NEW_LETTER.encode()))
    assert outcome.status == FAILED and "ổ đĩa đầy" in outcome.reason
    assert Page.objects.count() == pages
    assert get_document_model().objects.count() == documents
    stored = list(Path(settings.MEDIA_ROOT, "documents").glob("se-hong-khi-luu*"))
    assert stored == []


def test_summary_table_without_json(tmp_path):
    out = io.StringIO()
    call_command("import_documents", str(write(tmp_path, "cv-99.txt", NEW_LETTER)), stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert "Tạo mới" in text and "tạo mới: 1" in text and "lỗi: 0" in text
