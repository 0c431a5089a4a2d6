"""Downloads on every page: .docx, .txt, press pack .zip, attachments, images, copy text."""

import io
import zipfile

import pytest
from docx import Document

from cms.directives.models import OfficialDocumentPage, PlanPage
from cms.materials.models import PropagandaMaterialPage
from cms.press.tokens import feed_token_for

from .conftest import bearer

pytestmark = pytest.mark.django_db


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_docx_of_an_official_document_has_title_metadata_summary_and_body(client, login):
    login("canbo")
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    response = client.get(f"/tai-ve/{page.pk}/van-ban.docx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="') and disposition.endswith('.docx"')
    filename = disposition.split('"')[1]
    assert filename.isascii() and " " not in filename and not filename.startswith("-.")
    document = Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == page.title and document.paragraphs[0].style.name == "Heading 1"
    assert "Số hiệu: 610-CV/TU" in paragraphs
    assert f"Cơ quan ban hành: {page.issuer}" in paragraphs
    assert any(p.startswith("Ngày ban hành:") and "19/08/2021" in p for p in paragraphs)
    assert page.summary in paragraphs
    body = "\n".join(paragraphs)
    assert "Chỉ thị số 03-CT/TW" in body and "*" not in body
    assert paragraphs[-1] == f"Nguồn: http://testserver{page.url}"
    assert document.core_properties.title == page.title


def test_docx_of_a_plan_holds_its_task_table(client, login):
    login("canbo")
    plan = PlanPage.objects.get()
    document = Document(io.BytesIO(client.get(f"/tai-ve/{plan.pk}/van-ban.docx").content))
    table = document.tables[-1]
    assert [cell.text for cell in table.rows[0].cells] == ["Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"]
    assert len(table.rows) == plan.tasks.count() + 1


def test_docx_lists_image_credits(client, login, material):
    login("baochi")
    document = Document(io.BytesIO(client.get(f"/tai-ve/{material.pk}/van-ban.docx").content))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Nguồn ảnh và quyền sử dụng" in paragraphs
    assert "Gian hàng sản phẩm OCOP của huyện · Ảnh: Ban Tuyên giáo Huyện ủy · Phải xin phép tác giả" in paragraphs
    assert "Hình thức: Bài viết" in paragraphs


def test_txt_is_utf8_text_with_metadata_body_and_source(client, login):
    login("canbo")
    page = OfficialDocumentPage.objects.get(number="14-TT/QU")
    response = client.get(f"/tai-ve/{page.pk}/van-ban.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].endswith('.txt"')
    assert response["Cache-Control"] == "private, no-store"
    text = response.content.decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == page.title and set(lines[1]) == {"="}
    assert "Số hiệu: 14-TT/QU" in lines and "Loại văn bản: Thông tri" in lines
    assert "<" not in text and "*" not in text
    assert text.rstrip().endswith(f"Nguồn: http://testserver{page.url}")


def test_press_pack_holds_text_print_and_web_images_and_credits(client, login, material):
    login("baochi")
    response = client.get(f"/tai-ve/{material.pk}/bo-tai-lieu-bao-chi.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    filename = response["Content-Disposition"].split('"')[1]
    stem = "duc-tho-uu-tien-hang-viet-san-pham-ocop-trong-dip-tet-nguyen-dan-giap-thin-2024"
    assert filename == f"{stem}-bo-tai-lieu-bao-chi.zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == sorted(
        [
            f"{stem}.txt",
            f"{stem}.docx",
            "anh/ban-in/01-phien-cho-hang-viet-duc-tho.jpg",
            "anh/web/01-phien-cho-hang-viet-duc-tho.jpg",
            "anh/ban-in/02-gian-hang-ocop.jpg",
            "anh/web/02-gian-hang-ocop.jpg",
            "nguon-anh.txt",
        ]
    )
    from PIL import Image

    print_image = Image.open(io.BytesIO(archive.read("anh/ban-in/01-phien-cho-hang-viet-duc-tho.jpg")))
    web_image = Image.open(io.BytesIO(archive.read("anh/web/01-phien-cho-hang-viet-duc-tho.jpg")))
    assert print_image.size == (2400, 1600) and web_image.size == (1200, 800) and web_image.format == "JPEG"
    text = archive.read(f"{stem}.txt").decode("utf-8")
    assert text.startswith(material.title) and "Hình thức: Bài viết" in text
    docx = Document(io.BytesIO(archive.read(f"{stem}.docx")))
    assert docx.paragraphs[0].text == material.title
    credits = archive.read("nguon-anh.txt").decode("utf-8")
    assert "01-phien-cho-hang-viet-duc-tho\n  Tên ảnh: Phiên chợ hàng Việt Đức Thọ" in credits
    assert "Nguồn ảnh / tác giả: Trần Văn Nam / Báo Hà Tĩnh" in credits
    assert "Quyền sử dụng: Được sử dụng tự do, ghi nguồn" in credits
    assert "Quyền sử dụng: Phải xin phép tác giả" in credits


def test_press_pack_of_a_case_marks_internal_only_photos(client, login, case):
    login("canbo")
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/tai-ve/{case.pk}/bo-tai-lieu-bao-chi.zip").content))
    credits = archive.read("nguon-anh.txt").decode("utf-8")
    assert "Báo Hànộimới" in credits and "Quyền sử dụng: Chỉ dùng nội bộ" in credits


def test_press_pack_without_images_says_so(client, login):
    login("baochi")
    page = PropagandaMaterialPage.objects.get(form="khau_hieu")
    page.images = []  # the demo draws pictures for every material: take them off
    page.save_revision().publish()
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/tai-ve/{page.pk}/bo-tai-lieu-bao-chi.zip").content))
    assert "Nội dung này không có ảnh." in archive.read("nguon-anh.txt").decode("utf-8")
    assert not [name for name in archive.namelist() if name.startswith("anh/")]


def test_official_documents_have_no_press_pack(client, login):
    login("baochi")
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    response = client.get(f"/tai-ve/{page.pk}/bo-tai-lieu-bao-chi.zip")
    assert response.status_code == 404 and "Chỉ tài liệu tuyên truyền và gương điển hình" in response.json()["message"]


def test_original_attachment_is_served_through_the_page(client, login):
    login("canbo")
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    attachment = page.attachments.get()
    response = client.get(f"/tai-ve/{page.pk}/tep/{attachment.pk}/")
    assert response.status_code == 200
    assert content(response) == attachment.document.file.open("rb").read()
    assert "attachment" in response["Content-Disposition"]
    other = OfficialDocumentPage.objects.get(number="14-TT/QU")
    assert client.get(f"/tai-ve/{other.pk}/tep/{attachment.pk}/").status_code == 404


@pytest.mark.parametrize("size", ["print", "web", "medium", "social", "thumbnail"])
def test_every_image_size_is_served(client, login, material, size):
    login("baochi")
    image = material.images.first().image
    response = client.get(f"/tai-ve/{material.pk}/anh/{image.pk}/{size}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert content(response)[:2] == b"\xff\xd8"


def test_image_not_on_the_page_or_unknown_size_is_404(client, login, material, case):
    login("baochi")
    image = material.images.first().image
    assert client.get(f"/tai-ve/{case.pk}/anh/{image.pk}/web/").status_code == 404
    response = client.get(f"/tai-ve/{material.pk}/anh/{image.pk}/poster/")
    assert response.status_code == 404 and "Không có cỡ ảnh “poster”" in response.json()["message"]


@pytest.mark.parametrize("suffix", ["van-ban.docx", "van-ban.txt", "bo-tai-lieu-bao-chi.zip"])
def test_unknown_page_ids_are_json_404s(client, login, suffix):
    login("canbo")
    for page_id in (999999, 10**30):
        response = client.get(f"/tai-ve/{page_id}/{suffix}")
        assert response.status_code == 404 and response.json()["code"] == "not_found"
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    assert client.get(f"/tai-ve/{page.pk}/tep/{10**30}/").status_code == 404


def test_downloads_send_anonymous_browsers_to_login_and_accept_keys(client, api_token):
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    response = client.get(f"/tai-ve/{page.pk}/van-ban.txt")
    assert response.status_code == 302 and response.url == f"/dang-nhap/?next=%2Ftai-ve%2F{page.pk}%2Fvan-ban.txt"
    _user, token = api_token
    assert client.get(f"/tai-ve/{page.pk}/van-ban.txt", **bearer(token)).status_code == 200
    assert client.get(f"/tai-ve/{page.pk}/van-ban.txt", {"token": "wagtail_sai"}).status_code == 401


def test_material_page_shows_downloads_copy_text_and_feed_links(client, login, material):
    user = login("baochi")
    response = client.get(material.url)
    html = response.text
    assert f'href="/tai-ve/{material.pk}/van-ban.docx"' in html
    assert f'href="/tai-ve/{material.pk}/van-ban.txt"' in html
    assert f'href="/tai-ve/{material.pk}/bo-tai-lieu-bao-chi.zip"' in html
    assert "Sao chép nội dung" in html and 'data-copy-target="press-copy-text-' in html
    assert "/static/js/press.js" in html
    copy = response.context["copy_text"]
    assert copy.startswith(material.title + "\n\n" + material.summary)
    assert "Ngày 15/01/2024" in copy and "<" not in copy
    assert "- Người dân chọn mua nông sản OCOP · Ảnh: Trần Văn Nam / Báo Hà Tĩnh" in copy
    token = feed_token_for(user)
    assert f"/tin/chu-de/tet/rss.xml?token={token}" in html
    assert f"/tin/dia-ban/ha-tinh-duc-tho/atom.xml?token={token}" in html


def test_document_and_case_pages_show_their_downloads(client, login, case):
    login("canbo")
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    html = client.get(page.url).text
    assert f"/tai-ve/{page.pk}/van-ban.docx" in html and "bo-tai-lieu-bao-chi.zip" not in html
    attachment = page.attachments.get()
    assert f"/tai-ve/{page.pk}/tep/{attachment.pk}/" in html
    assert f"/tai-ve/{case.pk}/bo-tai-lieu-bao-chi.zip" in client.get(case.url).text


def test_users_without_keys_get_feed_links_without_a_key(client, login):
    login("bientap")
    page = OfficialDocumentPage.objects.get(number="1557/UBND-KTN")
    html = client.get(page.url).text
    assert "/tin/chu-de/" in html and "?token=" not in html
