"""RSS 2.0 and Atom feeds: well-formed, full content, enclosures, per-user key links."""

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth import get_user_model

from cms.press.tokens import feed_token_for
from cms.directives.models import OfficialDocumentPage
from home.models import SectionPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss(response):
    """The <channel> of a well-formed RSS 2.0 document."""
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.find(required) is not None and channel.find(required).text
    for item in channel.findall("item"):
        for required in ("title", "link", "description", "guid", "pubDate"):
            assert item.find(required) is not None, required
    return channel


def atom(response):
    """The root <feed> of a well-formed Atom document."""
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("title", "id", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("title", "id", "updated", "summary", "content"):
            assert entry.find(f"{ATOM}{required}") is not None, required
        assert entry.find(f"{ATOM}content").get("type") == "html"
    return root


def rss_titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]


def test_every_section_has_an_rss_and_an_atom_feed(client, login):
    login("canbo")
    for section in SectionPage.objects.live():
        channel = rss(client.get(f"/tin/chuyen-muc/{section.pk}/rss.xml"))
        assert channel.findtext("title").startswith(section.title)
        root = atom(client.get(f"/tin/chuyen-muc/{section.pk}/atom.xml"))
        assert rss_titles(channel) == atom_titles(root)
    top = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    assert len(rss_titles(rss(client.get(f"/tin/chuyen-muc/{top.pk}/rss.xml")))) == 5


def test_theme_and_region_feeds_list_what_is_tagged_beneath_them(client, login):
    login("canbo")
    tet = rss_titles(rss(client.get("/tin/chu-de/tet/rss.xml")))
    assert any("06/CV-BCĐ" in title for title in tet) and any(title.startswith("Đức Thọ") for title in tet)
    # Today's Hà Tĩnh includes the old huyện Đức Thọ.
    ha_tinh = atom_titles(atom(client.get("/tin/dia-ban/ha-tinh/atom.xml")))
    assert sorted(ha_tinh) == sorted(atom_titles(atom(client.get("/tin/dia-ban/ha-tinh-duc-tho/atom.xml"))))
    assert len(ha_tinh) == 2


def test_saved_search_feed_takes_the_listing_query_string(client, login):
    login("canbo")
    channel = rss(client.get("/tin/tim-kiem/rss.xml", {"q": "OCOP", "theme": "tet"}))
    assert "“OCOP”" in channel.findtext("title") and "Tết" in channel.findtext("title")
    assert "Đức Thọ: ưu tiên hàng Việt, sản phẩm OCOP trong dịp Tết Nguyên đán Giáp Thìn 2024" in rss_titles(channel)
    # The archive search: any case, the same feed.
    assert rss_titles(rss(client.get("/tin/tim-kiem/rss.xml", {"q": "ocop", "theme": "tet"}))) == rss_titles(channel)
    in_2024 = rss_titles(rss(client.get("/tin/tim-kiem/rss.xml", {"theme": "tet", "year": "2024"})))
    assert len(in_2024) == 1 and "06/CV-BCĐ" in in_2024[0]
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    filtered = rss_titles(rss(client.get(f"/tin/chuyen-muc/{section.pk}/rss.xml", {"kind": "thong_tri"})))
    assert filtered == [OfficialDocumentPage.objects.get(number="14-TT/QU").title]
    everything = rss_titles(rss(client.get("/tin/tim-kiem/rss.xml")))
    assert len(everything) == 11


def test_items_carry_the_full_clean_content(client, login, material):
    login("baochi")
    channel = rss(client.get("/tin/tim-kiem/rss.xml", {"q": "Đức Thọ: ưu tiên"}))
    item = channel.find("item")
    html = item.findtext("description")
    assert "<p><strong>Ban Chỉ đạo Cuộc vận động huyện Đức Thọ" in html
    assert "Ngày 15/01/2024" in html  # the body, not just the summary
    assert "Ảnh: Trần Văn Nam / Báo Hà Tĩnh · Được sử dụng tự do, ghi nguồn" in html
    assert [c.text for c in item.findall("category")].count("Tết") == 1
    root = atom(client.get("/tin/tim-kiem/atom.xml", {"q": "Đức Thọ: ưu tiên"}))
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}summary").startswith("Ban Chỉ đạo Cuộc vận động huyện Đức Thọ")
    assert "Ngày 15/01/2024" in entry.findtext(f"{ATOM}content")


def test_enclosures_are_fetchable_images_with_length_and_type_and_the_readers_key(client, login, material):
    user = login("baochi")
    token = feed_token_for(user)
    item = rss(client.get("/tin/tim-kiem/rss.xml", {"q": "Đức Thọ: ưu tiên"})).find("item")
    enclosures = item.findall("enclosure")
    assert len(enclosures) == 1  # RSS 2.0 allows one
    enclosure = enclosures[0]
    assert enclosure.get("type") == "image/jpeg" and int(enclosure.get("length")) > 1000
    url = urlparse(enclosure.get("url"))
    assert parse_qs(url.query)["token"] == [token]
    assert f'src="http://testserver{url.path}?token={token}"' in item.findtext("description")
    entry = atom(client.get("/tin/tim-kiem/atom.xml", {"q": "Đức Thọ: ưu tiên"})).find(f"{ATOM}entry")
    links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "enclosure"]
    assert len(links) == 2 and all(link.get("type") == "image/jpeg" for link in links)

    # A feed reader has no session: the key in the URL fetches the image, and its length is right.
    client.logout()
    response = client.get(url.path, {"token": token})
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert len(b"".join(response.streaming_content)) == int(enclosure.get("length"))


def test_feed_reader_authenticates_with_the_key_in_the_url(client):
    user = get_user_model().objects.get(username="baochi")
    token = feed_token_for(user)
    channel = rss(client.get("/tin/chu-de/tet/rss.xml", {"token": token}))
    assert rss_titles(channel)
    # The feed's own address is given without the key: feeds get shared, keys must not be.
    self_link = channel.find("{http://www.w3.org/2005/Atom}link").get("href")
    assert self_link == "http://testserver/tin/chu-de/tet/rss.xml"
    assert channel.findtext("link") == "http://testserver/tim-kiem/?theme=tet"
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    filtered = rss(client.get(f"/tin/chuyen-muc/{section.pk}/rss.xml", {"token": token, "year": "2022"}))
    assert filtered.findtext("link") == "http://testserver/van-ban-chi-dao/?year=2022"


def test_feeds_refuse_anonymous_and_bad_keys_with_json(client):
    response = client.get("/tin/tim-kiem/rss.xml")
    assert response.status_code == 401 and "Cần đăng nhập" in response.json()["message"]
    response = client.get("/tin/tim-kiem/rss.xml", {"token": "rss_1_sai"})
    assert response.status_code == 401 and response.json()["code"] == "invalid_token"


@pytest.mark.parametrize(
    "url, status, fragment",
    [
        ("/tin/tim-kiem/rss.xml?year=abc", 400, "Năm “abc” không hợp lệ"),
        ("/tin/tim-kiem/atom.xml?year=²", 400, "Năm “²” không hợp lệ"),
        ("/tin/tim-kiem/atom.xml?theme=khong-co", 400, "Không tìm thấy chủ đề “khong-co”"),
        ("/tin/tim-kiem/rss.xml?region=ha-nol", 400, "Không tìm thấy địa bàn “ha-nol”"),
        ("/tin/tim-kiem/rss.xml?kind=bao", 400, "Không có loại văn bản “bao”"),
        ("/tin/chu-de/khong-co/rss.xml", 404, "Không tìm thấy chủ đề"),
        ("/tin/dia-ban/khong-co/atom.xml", 404, "Không tìm thấy địa bàn"),
        ("/tin/chuyen-muc/999999/rss.xml", 404, "Không có chuyên mục số 999999"),
        (f"/tin/chuyen-muc/{10**30}/atom.xml", 404, "Không có chuyên mục số"),
    ],
)
def test_bad_feed_addresses_get_json_errors(client, login, url, status, fragment):
    login("canbo")
    response = client.get(url)
    assert response.status_code == status
    assert fragment in response.json()["message"]


def test_a_content_page_is_not_a_section_feed(client, login):
    login("canbo")
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    assert client.get(f"/tin/chuyen-muc/{page.pk}/rss.xml").status_code == 404
