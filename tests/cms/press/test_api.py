"""The JSON API (/api/v2/pages/): fields, filters, authentication and bad input."""

import pytest
from django.test import override_settings

from cms.directives.models import OfficialDocumentPage, PlanPage
from cms.content.models import ContentPage

from .conftest import bearer

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(response):
    return {item["title"] for item in items(response)}


def test_listing_holds_every_published_content_page_with_metadata(client, login):
    login("baochi")
    response = client.get(API, {"limit": 50})
    data = response.json()
    assert response["Content-Type"].startswith("application/json")
    assert data["meta"]["total_count"] == ContentPage.objects.live().count() == 11
    document = next(item for item in data["items"] if item["title"].startswith("Công văn 06/CV-BCĐ"))
    assert document["kind"] == "van_ban" and document["kind_label"] == "Văn bản chỉ đạo"
    assert document["issued_date"] == "2024-01-15"
    assert {"slug": "tet", "name": "Tết"} in document["themes"]
    assert document["regions"][0]["slug"] == "ha-tinh-duc-tho" and document["regions"][0]["historical"] is True
    assert document["meta"]["type"] == "directives.OfficialDocumentPage"
    assert document["meta"]["html_url"].startswith("http://testserver/van-ban-chi-dao/")
    assert document["meta"]["detail_url"] == f"http://testserver/api/v2/pages/{document['id']}/"
    assert document["downloads"]["docx"].endswith(f"/tai-ve/{document['id']}/van-ban.docx")
    assert "press_pack" not in document["downloads"]  # official documents are cited, not republished
    # The listing stays light: the body comes with the detail (or ?fields=).
    assert "body_html" not in document and "images" not in document


def test_detail_has_clean_html_plain_text_metadata_and_attachments(client, login):
    login("canbo")
    page = OfficialDocumentPage.objects.get(number="06/CV-BCĐ")
    data = client.get(f"{API}{page.pk}/").json()
    assert data["id"] == page.pk and data["title"] == page.title
    meta = {entry["key"]: entry for entry in data["metadata"]}
    assert meta["number"] == {"key": "number", "label": "Số hiệu", "value": "06/CV-BCĐ"}
    assert meta["issuer"]["value"].startswith("Ban Chỉ đạo Cuộc vận động")
    assert meta["issued"]["value"] == "Đức Thọ, 15/01/2024"
    html = data["body_html"]
    assert html.startswith("<p>") and "Chỉ thị số 12-CT/TU" in html
    assert "class=" not in html and "*" not in html and "<script" not in html
    text = data["body_text"]
    assert "Chỉ thị số 12-CT/TU" in text and "<" not in text
    attachment = data["attachments"][0]
    assert attachment["is_original"] is True and attachment["file_extension"] == "txt"
    assert attachment["url"].endswith(f"/tai-ve/{page.pk}/tep/{page.attachments.first().pk}/")
    assert client.get(attachment["url"]).status_code == 200


def test_images_carry_credit_usage_rights_and_renditions_in_standard_sizes(client, login, material):
    login("baochi")
    data = client.get(f"{API}{material.pk}/").json()
    assert data["kind"] == "tai_lieu"
    assert data["downloads"]["press_pack"].endswith(f"/tai-ve/{material.pk}/bo-tai-lieu-bao-chi.zip")
    first, second = data["images"]
    assert first["credit"] == "Trần Văn Nam / Báo Hà Tĩnh"
    assert first["usage_rights"] == "tu_do" and first["usage_rights_label"] == "Được sử dụng tự do, ghi nguồn"
    assert first["credit_line"] == (
        "Người dân chọn mua nông sản OCOP · Ảnh: Trần Văn Nam / Báo Hà Tĩnh · Được sử dụng tự do, ghi nguồn"
    )
    assert second["usage_rights"] == "xin_phep"
    sizes = first["renditions"]
    assert (sizes["print"]["width"], sizes["print"]["height"]) == (2400, 1600)
    assert (sizes["web"]["width"], sizes["web"]["height"]) == (1200, 800)
    assert sizes["medium"]["width"] == 800
    assert (sizes["social"]["width"], sizes["social"]["height"]) == (1200, 630)
    assert (sizes["thumbnail"]["width"], sizes["thumbnail"]["height"]) == (400, 225)
    # A small original is never blown up for the web.
    assert second["renditions"]["web"]["width"] == 900
    response = client.get(sizes["social"]["url"])
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_kind_filter_selects_each_of_the_four_content_kinds(client, login):
    login("baochi")
    counts = {
        kind: client.get(API, {"kind": kind}).json()["meta"]["total_count"]
        for kind in ("van_ban", "ke_hoach", "guong", "tai_lieu")
    }
    assert counts == {"van_ban": 5, "ke_hoach": 1, "guong": 2, "tai_lieu": 3}
    plan = items(client.get(API, {"kind": "ke_hoach"}))[0]
    assert plan["id"] == PlanPage.objects.get().pk and plan["kind"] == "ke_hoach"
    assert {item["kind"] for item in items(client.get(API, {"kind": "guong"}))} == {"guong"}


def test_theme_region_date_year_doc_kind_and_text_filters(client, login):
    login("baochi")
    tet = titles(client.get(API, {"theme": "tet"}))
    assert tet == set(ContentPage.objects.live().filter(theme_items__tag__slug="tet").values_list("title", flat=True))
    assert len(tet) == 2 and any(title.startswith("Công văn 06/CV-BCĐ") for title in tet)
    # Today's Bắc Ninh holds the old Bắc Giang: its letter 610-CV/TU is found by the new province.
    bac_ninh = titles(client.get(API, {"region": "bac-ninh"}))
    assert bac_ninh == {OfficialDocumentPage.objects.get(number="610-CV/TU").title}
    assert titles(client.get(API, {"region": "ha-tinh"})) == titles(client.get(API, {"region": "ha-tinh-duc-tho"}))
    in_2022 = items(client.get(API, {"date_from": "01/01/2022", "date_to": "2022-12-31", "kind": "van_ban"}))
    assert {item["issued_date"][:4] for item in in_2022} == {"2022"} and len(in_2022) == 2
    assert len(items(client.get(API, {"year": "2022", "kind": "van_ban"}))) == 2
    assert titles(client.get(API, {"doc_kind": "thong_tri"})) == {OfficialDocumentPage.objects.get(number="14-TT/QU").title}
    # Free text goes through the archive search: numbers in any spelling, no diacritics needed.
    letter = OfficialDocumentPage.objects.get(number="1557/UBND-KTN").title
    assert letter in titles(client.get(API, {"q": "1557/UBND"}))
    assert letter in titles(client.get(API, {"q": "cong van 1557 ubnd"}))
    # An accented query asks for its spelling; typed without diacritics it matches folded syllables too.
    accented, plain = titles(client.get(API, {"q": "bình thạnh"})), titles(client.get(API, {"q": "BINH THANH"}))
    story = "Quận Bình Thạnh: chuyển biến tích cực trong ưu tiên sử dụng hàng Việt Nam"
    assert story in accented and accented <= plain
    assert items(client.get(API, {"q": "zzqxw không có"})) == []


def test_order_limit_and_offset_page_through_results(client, login):
    login("baochi")
    dated = items(client.get(API, {"kind": "van_ban", "order": "issued_date"}))
    dates = [item["issued_date"] for item in dated if item["issued_date"]]
    assert dates == sorted(dates)
    first = items(client.get(API, {"limit": 4, "offset": 0}))
    second = items(client.get(API, {"limit": 4, "offset": 4}))
    assert len(first) == len(second) == 4
    assert not {item["id"] for item in first} & {item["id"] for item in second}


def test_fields_parameter_adds_body_to_the_listing(client, login):
    login("baochi")
    listed = items(client.get(API, {"kind": "tai_lieu", "fields": "body_text,metadata"}))
    assert all(item["body_text"] for item in listed)
    assert all(item["metadata"][0]["key"] == "content_kind" for item in listed)


@pytest.mark.parametrize(
    "params, fragment",
    [
        ({"kind": "bao_chi"}, "Không có loại nội dung “bao_chi”"),
        ({"doc_kind": "sac_lenh"}, "Không có loại văn bản “sac_lenh”"),
        ({"theme": "khong-co"}, "Không tìm thấy chủ đề “khong-co”"),
        ({"region": "ha-nol"}, "Không tìm thấy địa bàn “ha-nol”"),
        ({"year": "20x1"}, "Năm “20x1” không hợp lệ"),
        ({"date_from": "31/02/2024"}, "không đúng dạng ngày/tháng/năm"),
        ({"date_to": "hôm qua"}, "không đúng dạng ngày/tháng/năm"),
        ({"date_from": "2024-02-01", "date_to": "2024-01-01"}, "Ngày bắt đầu sau ngày kết thúc"),
        ({"order": "random"}, "Không sắp xếp được theo “random”"),
        ({"limit": "abc"}, "Tham số limit phải là số nguyên"),
        ({"offset": "-5"}, "Tham số offset phải là số nguyên"),
        ({"limit": "10000"}, "Tham số limit tối đa là 50"),
        ({"search": "x"}, "Tham số không được hỗ trợ: search"),
        ({"fields": "mat_khau"}, "Trường không có trong API: mat_khau"),
        ({"fields": "title,(("}, "Tham số fields sai cú pháp"),
        ({"q": "x" * 500}, "Từ khoá tìm kiếm quá dài"),
        ({"offset": str(10**30)}, "Tham số offset tối đa là"),
        ({"limit": "²"}, "Tham số limit phải là số nguyên"),
        ({"year": "²"}, "Năm “²” không hợp lệ"),
    ],
)
def test_malformed_parameters_get_a_400_with_a_vietnamese_message(client, login, params, fragment):
    login("baochi")
    response = client.get(API, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert fragment in response.json()["message"]


@override_settings(WAGTAILAPI_LIMIT_MAX=5)
def test_limit_maximum_follows_the_setting(client, login):
    login("baochi")
    assert len(items(client.get(API, {"limit": 5}))) == 5
    response = client.get(API, {"limit": 6})
    assert response.status_code == 400 and "tối đa là 5" in response.json()["message"]


@pytest.mark.parametrize(
    "url", [f"{API}999999/", f"{API}{10**30}/", f"{API}abc/", "/api/v2/images/", "/api/v3/pages/", "/api/"]
)
def test_unknown_ids_and_addresses_are_json_404s(client, login, url):
    login("baochi")
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"].startswith("Không")


def test_a_non_content_page_id_is_not_found(client, login):
    from home.models import SectionPage

    login("baochi")
    section = SectionPage.objects.get(slug="van-ban-chi-dao")
    assert client.get(f"{API}{section.pk}/").status_code == 404


def test_find_by_id_and_by_path(client, login):
    login("baochi")
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    response = client.get(f"{API}find/", {"id": page.pk})
    assert response.status_code == 302 and response.url.startswith(f"http://testserver/api/v2/pages/{page.pk}/")
    response = client.get(f"{API}find/", {"html_path": page.url})
    assert response.status_code == 302 and f"/{page.pk}/" in response.url
    assert client.get(f"{API}find/", {"id": "abc"}).status_code == 400
    assert client.get(f"{API}find/", {"id": str(10**30)}).status_code == 400
    assert client.get(f"{API}find/", {"id": "²"}).status_code == 400
    assert client.get(f"{API}find/", {"html_path": "/khong-co/"}).status_code == 404
    assert client.get(f"{API}find/", {"id": "999999"}).status_code == 404


def test_write_methods_are_refused(client, login):
    login("baochi")
    response = client.post(API, {"title": "x"})
    assert response.status_code in (403, 405)
    assert response["Content-Type"].startswith("application/json")


def test_anonymous_requests_get_a_json_401_not_the_login_page(client):
    response = client.get(API)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "Cần đăng nhập" in response.json()["message"]


def test_key_in_header_or_query_string_authenticates(client, api_token):
    _user, token = api_token
    assert client.get(API, **bearer(token)).json()["meta"]["total_count"] == 11
    assert client.get(API, {"token": token}).json()["meta"]["total_count"] == 11


@pytest.mark.parametrize(
    "header",
    [
        "Bearer wagtail_khongphaikhoa",
        "Bearer " + "wagtail_" + "A" * 34,
        "Bearer rss_1_deadbeef",
        "Bearer rss_abc_x",
        "Bearer rss_²_x",
        f"Bearer rss_{10**30}_x",
        "Bearer " + "x" * 5000,
        "Bearer ",
    ],
)
def test_invalid_keys_get_a_json_401(client, header):
    response = client.get(API, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "invalid_token" and "Khoá API không hợp lệ" in body["message"]


def test_a_wrong_key_is_refused_even_with_a_logged_in_session(client, login):
    login("baochi")
    response = client.get(API, HTTP_AUTHORIZATION="Bearer wagtail_sai")
    assert response.status_code == 401
