"""Limits of the import, each with its Vietnamese message and nothing left behind: files per
zip, the expanded size of a .zip or .docx measured before reading, a file with no document
text, and the review page shown a page of documents at a time."""

import io
import zipfile

import pytest
from django.test import override_settings
from wagtail.models import Page

from cms.importer.service import FAILED, Source, file_sources, import_source
from tests.cms.importer.test_admin import review_data, txt, upload
from tests.cms.importer.test_service import NEW_LETTER

pytestmark = pytest.mark.django_db


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@override_settings(IMPORT_MAX_FILES_PER_ZIP=3)
def test_a_zip_with_too_many_files_is_refused_whole():
    data = zipped({f"{n}.txt": NEW_LETTER.replace("99-CV", f"{n}-CV") for n in range(4)})
    outcomes = list(file_sources("nhieu.zip", len(data), lambda: data))
    assert [(o.status, o.reason.split(",")[0]) for o in outcomes] == [(FAILED, "Tệp .zip có 4 tệp")]
    assert "vượt giới hạn 3 tệp" in outcomes[0].reason


@override_settings(IMPORT_MAX_EXPANDED_BYTES=1024 * 1024)
def test_a_zip_that_expands_too_much_is_refused_before_reading():
    data = zipped({"a.txt": b"0" * (2 * 1024 * 1024)})  # 2 MB of zeros, a few KB compressed
    assert len(data) < 50_000
    [outcome] = file_sources("bom.zip", len(data), lambda: data)
    assert outcome.status == FAILED and "khi giải nén chiếm 2 MB, vượt giới hạn 1 MB" in outcome.reason


@override_settings(IMPORT_MAX_EXPANDED_BYTES=1024 * 1024)
def test_a_docx_whose_xml_expands_too_much_is_refused_before_parsing():
    data = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document>" + b" " * (3 * 1024 * 1024)})
    pages = Page.objects.count()
    [outcome] = import_source(Source("to.docx", data))
    assert outcome.status == FAILED and "khi giải nén chiếm 3 MB, vượt giới hạn 1 MB" in outcome.reason
    assert Page.objects.count() == pages


@pytest.mark.parametrize("text", ["abcdef", "Văn bản", "\u00a0\n\n—\n"])
def test_a_file_with_no_document_text_is_refused(text):
    pages = Page.objects.count()
    [outcome] = import_source(Source("rong.txt", text.encode()))
    assert outcome.status == FAILED
    assert "không tạo bản nháp" in outcome.reason or "không có nội dung" in outcome.reason
    assert Page.objects.count() == pages


@override_settings(IMPORT_REVIEW_PAGE_SIZE=2)
def test_the_review_is_paged_and_goes_on_to_the_next_page(client, login):
    login("quantri")
    letters = [txt(f"{n}.txt", NEW_LETTER.replace("99-CV", f"{n}-CV").replace("OCOP", f"OCOP {n}")) for n in range(5)]
    review = upload(client, *letters)
    assert len(review.context["entries"]) == 2 and review.context["page"].paginator.count == 5
    url = review.wsgi_request.path
    result = client.post(url, review_data(review))
    assert result.context["remaining"] == 3
    second = client.get(url)
    assert len(second.context["entries"]) == 2 and second.context["page"].paginator.count == 3
    client.post(url, review_data(second))
    third = client.get(url)
    assert len(third.context["entries"]) == 1
    last = client.post(url, review_data(third))
    assert last.context["remaining"] == 0
    assert client.get(url).status_code == 404  # the staging folder is gone


def test_the_review_shows_doubtful_fields_first(client, login):
    login("quantri")
    review = upload(client, txt("khong-so.txt", NEW_LETTER.replace("Số 99-CV/TU\n", "")))
    entry = review.context["entries"][0]
    assert entry["doubtful"][:1] == ["number"]  # missing: the least sure
    assert entry["fields"][0].name == "number"
    html = review.content.decode()
    assert 'data-doubtful="number"' in html and "Số hiệu: không tìm thấy số hiệu" in html
    assert "number:" not in html and "not found" not in html
