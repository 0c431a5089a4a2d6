"""The admin import "Nhập văn bản": upload, review with corrections, import, permissions."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from wagtail.models import Page

from cms.directives.models import OfficialDocumentPage
from cms.importer.wagtail_hooks import ImportMenuItem
from home.models import SectionPage
from tests.cms.importer.test_service import NEW_LETTER, scanned_pdf

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/nhap-van-ban/"


def txt(name, text):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def upload(client, *files, section=None):
    """Step 1; returns the review page (step 2) the upload redirects to."""
    data = {"files": list(files)}
    if section is not None:
        data["section"] = section
    response = client.post(UPLOAD_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    review = client.get(response["Location"])
    assert review.status_code == 200
    return review


def review_data(review, **changes):
    """The review form as the browser would post it, with ``changes`` for the first document."""
    formset = review.context["formset"]
    data = {formset.management_form.add_prefix(name): value for name, value in formset.management_form.initial.items()}
    for form in formset:
        for name in form.fields:
            value = form[name].value()
            if name == "include":
                if value:
                    data[form.add_prefix(name)] = "on"
            elif name == "date":
                data[form.add_prefix(name)] = value.strftime("%d/%m/%Y") if value else ""
            elif name == "themes":
                data[form.add_prefix(name)] = list(value or [])
            else:
                data[form.add_prefix(name)] = "" if value is None else value
    data["scanned-files"] = list(review.context["scanned_form"]["files"].value() or [])
    for name, value in changes.items():
        key = formset.forms[0].add_prefix(name)
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def review_url(review):
    return review.wsgi_request.path


def staging_folders():
    root = Path(settings.IMPORT_STAGING_ROOT)
    return {p.name for p in root.iterdir()} if root.is_dir() else set()


def request_for(username):
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username=username)
    return request


# --- menu and permissions ---------------------------------------------------------------


@pytest.mark.parametrize("username, shown", [("quantri", True), ("bientap", True), ("canbo", False)])
def test_menu_item_is_shown_to_those_who_can_add_pages(username, shown):
    item = ImportMenuItem("Nhập văn bản", UPLOAD_URL)
    assert item.is_shown(request_for(username)) is shown


@pytest.mark.parametrize("username", ["quantri", "bientap"])
def test_menu_item_appears_in_the_admin_sidebar(client, login, username):
    login(username)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert UPLOAD_URL in response.text


def test_a_reader_is_refused(client, login):
    login("canbo")
    before = staging_folders()
    assert client.get(UPLOAD_URL).status_code in (302, 403)
    response = client.post(UPLOAD_URL, {"files": [txt("cv-99.txt", NEW_LETTER)]})
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith(UPLOAD_URL)
    assert staging_folders() == before


def test_the_section_list_holds_only_sections_the_user_may_add_to(client, login):
    login("bientap")
    response = client.get(UPLOAD_URL)
    assert response.status_code == 200
    labels = [label for value, label in response.context["form"].fields["section"].choices if value]
    assert labels and all("Hà Nội" in label for label in labels)
    assert "Chuyên mục (để trống: tự chọn theo loại và địa bàn)" in response.text


def test_upload_requires_a_file(client, login):
    login("quantri")
    response = client.post(UPLOAD_URL, {})
    assert response.status_code == 200
    assert "Chọn ít nhất một tệp." in response.text


# --- upload and review ------------------------------------------------------------------


def test_upload_stages_the_files_and_prefills_the_review(client, login):
    login("quantri")
    review = upload(client, txt("cv-99.txt", NEW_LETTER))
    token = review_url(review).rstrip("/").rsplit("/", 1)[1]
    folder = Path(settings.IMPORT_STAGING_ROOT) / token
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["files"] == {"f0000": "cv-99.txt"}
    assert (folder / "f0000").read_bytes() == NEW_LETTER.encode("utf-8")
    assert [form["number"].value() for form in review.context["formset"]] == ["99-CV/TU"]
    text = review.text
    assert 'value="99-CV/TU"' in text
    assert 'value="Tỉnh ủy Hà Tĩnh"' in text
    assert 'value="10/12/2024"' in text
    assert 'value="ha-tinh"' in text
    assert 'value="Công văn 99-CV/TU về đẩy mạnh tiêu thụ sản phẩm OCOP dịp Tết"' in text


def test_review_post_creates_a_draft_with_the_corrections_and_the_original(client, login):
    login("quantri")
    review = upload(client, txt("cv-99.txt", NEW_LETTER))
    token = review_url(review).rstrip("/").rsplit("/", 1)[1]
    data = review_data(
        review, subject="Tiêu thụ sản phẩm OCOP dịp Tết Nguyên đán", title="Công văn 99-CV/TU (đã sửa)"
    )
    result = client.post(review_url(review), data)
    assert result.status_code == 200
    page = OfficialDocumentPage.objects.get(number="99-CV/TU")
    assert page.subject == "Tiêu thụ sản phẩm OCOP dịp Tết Nguyên đán"
    assert page.title == "Công văn 99-CV/TU (đã sửa)"
    assert not page.live and page.get_parent().slug == "ha-tinh"
    assert set(page.themes.values_list("slug", flat=True)) >= {"ocop", "tet"}
    original = page.attachments.get(is_original=True).document
    assert original.file.read().decode("utf-8") == NEW_LETTER
    assert "Tạo mới" in result.text
    assert f"/admin/pages/{page.pk}/edit/" in result.text
    assert token not in staging_folders()  # the staging folder is gone


def test_a_bad_file_is_listed_with_its_reason_and_the_good_one_goes_on(client, login):
    login("quantri")
    review = upload(client, txt("rong.txt", ""), txt("cv-99.txt", NEW_LETTER))
    assert "rong.txt" in review.text and "Tệp rỗng" in review.text
    assert len(review.context["formset"].forms) == 1
    result = client.post(review_url(review), review_data(review))
    assert OfficialDocumentPage.objects.filter(number="99-CV/TU").exists()
    rows = {row["outcome"].source: row["outcome"] for row in result.context["rows"]}
    assert rows["rong.txt"].status == "failed" and "Tệp rỗng" in rows["rong.txt"].reason
    assert rows["cv-99.txt"].status == "created"
    assert ("Lỗi", 1) in result.context["counts"] and ("Tạo mới", 1) in result.context["counts"]


def test_an_invalid_date_re_renders_the_review_keeping_what_was_typed(client, login):
    login("quantri")
    pages = Page.objects.count()
    review = upload(client, txt("cv-99.txt", NEW_LETTER))
    data = review_data(
        review, date="31/02/2024", subject="Trích yếu đã gõ lại", number="100-CV/TU", themes=["ocop"]
    )
    response = client.post(review_url(review), data)
    assert response.status_code == 200
    assert "Ngày không hợp lệ" in response.text
    assert 'value="31/02/2024"' in response.text
    assert "Trích yếu đã gõ lại" in response.text and 'value="100-CV/TU"' in response.text
    form = response.context["formset"].forms[0]
    assert form["themes"].value() == ["ocop"]
    assert Page.objects.count() == pages
    # Corrected, the same review imports.
    data["form-0-date"] = "28/02/2024"
    client.post(review_url(review), data)
    page = OfficialDocumentPage.objects.get(number="100-CV/TU")
    assert page.issued_date.isoformat() == "2024-02-28"
    assert list(page.themes.values_list("slug", flat=True)) == ["ocop"]


def test_an_unknown_region_is_refused_in_vietnamese(client, login):
    login("quantri")
    review = upload(client, txt("cv-99.txt", NEW_LETTER))
    response = client.post(review_url(review), review_data(review, regions="ha-tinh, khong-co-dau"))
    assert response.status_code == 200
    assert "Không có địa bàn “khong-co-dau”" in response.text
    assert not OfficialDocumentPage.objects.filter(number="99-CV/TU").exists()


def test_a_zip_with_two_documents_gives_two_forms_and_unticked_ones_are_skipped(client, login):
    login("quantri")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("2024/cv-99.txt", NEW_LETTER)
        archive.writestr("2024/cv-98.txt", NEW_LETTER.replace("Số 99-CV/TU", "Số 98-CV/TU"))
        archive.writestr("../ra-ngoai.txt", NEW_LETTER)
    review = upload(client, SimpleUploadedFile("lo.zip", buffer.getvalue(), content_type="application/zip"))
    numbers = sorted(form["number"].value() for form in review.context["formset"])
    assert numbers == ["98-CV/TU", "99-CV/TU"]
    assert "lo.zip/2024/cv-99.txt" in review.text
    assert "không an toàn" in review.text
    data = review_data(review, include=None)  # untick the first document
    result = client.post(review_url(review), data)
    statuses = sorted(row["outcome"].status for row in result.context["rows"])
    assert statuses == ["created", "failed", "skipped"]
    assert OfficialDocumentPage.objects.filter(number__in=["98-CV/TU", "99-CV/TU"]).count() == 1


def test_a_chosen_section_is_used_even_when_its_slug_repeats(client, login):
    login("quantri")
    section = SectionPage.objects.get(slug="ha-tinh", content_kind="ke_hoach")  # van-ban-chi-dao has one too
    review = upload(client, txt("cv-99.txt", NEW_LETTER), section=section.pk)
    client.post(review_url(review), review_data(review))
    assert OfficialDocumentPage.objects.get(number="99-CV/TU").get_parent().pk == section.pk


def test_a_scanned_pdf_is_listed_and_imported_as_a_flagged_draft(client, login):
    login("quantri")
    review = upload(client, SimpleUploadedFile("ban-quet.pdf", scanned_pdf(), content_type="application/pdf"))
    assert "ban-quet.pdf" in review.text and "cần nhập nội dung" in review.text
    result = client.post(review_url(review), review_data(review))
    [row] = result.context["rows"]
    page = OfficialDocumentPage.objects.get(pk=row["outcome"].page_id)
    assert page.needs_content and not page.live


def test_a_regional_editor_cannot_import_into_another_province(client, login):
    login("bientap")
    review = upload(client, txt("cv-99.txt", NEW_LETTER))
    result = client.post(review_url(review), review_data(review))
    assert result.status_code == 200
    [row] = result.context["rows"]
    assert row["outcome"].status == "failed"
    assert "không có quyền" in row["outcome"].reason
    assert "không có quyền" in result.text
    assert not OfficialDocumentPage.objects.filter(number="99-CV/TU").exists()


# --- tokens -----------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["0" * 32, "F" * 32, "khong-co"])
def test_an_unknown_token_gives_a_clear_message(client, login, token):
    login("quantri")
    for response in (client.get(f"{UPLOAD_URL}{token}/"), client.post(f"{UPLOAD_URL}{token}/", {})):
        assert response.status_code == 404
        assert "hết hạn" in response.text
        assert f'href="{UPLOAD_URL}"' in response.text


def test_a_token_is_only_good_for_its_owner_and_only_once(client, login):
    login("quantri")
    review = upload(client, txt("cv-99.txt", NEW_LETTER))
    url, data = review_url(review), review_data(review)
    login("bientap")
    assert client.get(url).status_code == 404
    login("quantri")
    client.post(url, data)
    again = client.post(url, data)
    assert again.status_code == 404 and "hết hạn" in again.text
