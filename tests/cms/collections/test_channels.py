"""A collection's feeds (RSS, Atom) and exports (CSV, .xlsx) hold the pages the
collection lists, for the reader who asks, on every engine."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cms.press.tokens import feed_token_for
from wagtail.models import Page

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def one_page(settings):
    settings.SEARCH_PAGE_SIZE = 100


def listed_urls(client, page):
    response = client.get(page.url)
    return [hit.url for hit in response.context["results"].hits]


def path_of(url):
    return "/" + url.split("://", 1)[-1].split("/", 1)[1] if "://" in url else url


@pytest.mark.parametrize("fields", [{"theme": "ocop"}, {"query": "hàng giả", "region": "ha-noi"}, {"content": "tai_lieu"}])
def test_feeds_and_exports_hold_the_collection_s_pages(client, login, engine, make_collection, fields):
    page = make_collection(**fields)
    login("baochi")
    urls = listed_urls(client, page)
    assert urls
    rss = client.get(reverse("collections:rss", args=[page.pk]))
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    items = [path_of(item.findtext("link")) for item in ET.fromstring(rss.content).iter("item")]
    assert sorted(items) == sorted(urls)
    atom = client.get(reverse("collections:atom", args=[page.pk]))
    entries = [path_of(e.find(f"{ATOM}link").get("href")) for e in ET.fromstring(atom.content).iter(f"{ATOM}entry")]
    assert sorted(entries) == sorted(urls)

    exported = client.get(reverse("collections:csv", args=[page.pk]))
    assert exported.status_code == 200 and exported["Content-Disposition"].endswith('.csv"')
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert table[0][:3] == ["STT", "Tiêu đề", "Số hiệu"]
    assert [path_of(row[-1]) for row in table[1:]] == urls  # in the collection's order

    workbook = client.get(reverse("collections:xlsx", args=[page.pk]))
    assert workbook.status_code == 200 and workbook["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == "Tiêu đề"
    assert [path_of(row[-1]) for row in rows[1:]] == urls
    assert [row[1] for row in rows[1:]] == [row[1] for row in table[1:]]


def test_a_feed_reader_uses_the_feed_key(client, make_collection, django_user_model):
    page = make_collection(theme="ocop")
    user = django_user_model.objects.get(username="baochi")
    token = feed_token_for(user)
    assert client.get(reverse("collections:rss", args=[page.pk])).status_code == 401
    response = client.get(reverse("collections:rss", args=[page.pk]), {"token": token})
    assert response.status_code == 200 and b"<item>" in response.content


def test_downloads_without_a_session_go_to_the_login_page(client, make_collection):
    page = make_collection(theme="ocop")
    response = client.get(reverse("collections:xlsx", args=[page.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_an_unknown_or_draft_collection_is_a_vietnamese_404(client, login, make_collection):
    login("canbo")
    page = make_collection(theme="ocop")
    page.unpublish()
    for pk in (page.pk, 10**6, 2**70):
        response = client.get(f"/tin/bo-suu-tap/{pk}/rss.xml")
        assert response.status_code == 404
        assert "bộ sưu tập" in response.json()["message"]
    other = Page.objects.filter(depth=3).first()
    assert client.get(reverse("collections:csv", args=[other.pk])).status_code == 404
