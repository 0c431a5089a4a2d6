"""What every page carries besides its content: discoverable feeds, one "Nhận tin"
control, numbered sections as one block, attachments once, filters that exist."""

import re

import pytest

from cms.directives.models import OfficialDocumentPage
from home.models import HomePage, SectionPage

pytestmark = pytest.mark.django_db


def alternates(response):
    return re.findall(r'<link rel="alternate" type="application/(rss|atom)\+xml" title="([^"]*)" href="([^"]*)">', response.content.decode())


@pytest.fixture
def reader(login):
    return login("baochi")


def test_home_section_theme_region_and_search_pages_announce_their_feeds(client, reader):
    home = alternates(client.get(HomePage.objects.get().url))
    assert ("rss", "Tất cả nội dung mới (RSS)", "/tin/tim-kiem/rss.xml") in home and len(home) == 2
    section = SectionPage.objects.get(slug="van-ban-chi-dao")
    listed = alternates(client.get(section.url, {"theme": "tet", "region": "ha-tinh"}))
    hrefs = {href for _kind, _title, href in listed}
    assert {f"/tin/chuyen-muc/{section.pk}/rss.xml", "/tin/chu-de/tet/atom.xml", "/tin/dia-ban/ha-tinh/rss.xml"} <= hrefs
    found = alternates(client.get("/tim-kiem/", {"q": "OCOP", "page": "2"}))
    assert ("rss", "Tìm kiếm “OCOP” (RSS)", "/tin/tim-kiem/rss.xml?q=OCOP") in found
    for _kind, _title, href in home + listed + found:
        assert client.get(href.replace("&amp;", "&")).status_code == 200, href


def test_a_document_page_has_one_feed_control_and_lists_attachments_once(client, reader):
    page = OfficialDocumentPage.objects.get(number="06/CV-BCĐ")
    text = client.get(page.url).content.decode()
    assert text.count('class="press-feeds"') == 1 and text.count(">Nhận tin<") == 1 and "Nhận tin RSS:" not in text
    for attachment in page.attachments.all():
        name = attachment.caption or attachment.document.title
        assert text.count(f">{name}</a>") == 1, name


def test_a_numbered_section_without_heading_is_one_block(client, reader):
    page = OfficialDocumentPage.objects.get(number="06/CV-BCĐ")
    text = client.get(page.url).content.decode()
    blocks = re.findall(r'<section class="doc-section numbered">\s*<span class="section-number">([^<]+)</span>\s*<div class="section-content">', text)
    assert blocks and blocks[0].strip() == "1."
    assert not re.search(r"<h3><span class=\"section-number\">\d+\.</span> </h3>", text)


def test_filters_only_offer_what_the_section_has(client, reader):
    materials = client.get(SectionPage.objects.get(slug="tai-lieu-tuyen-truyen").url).content.decode()
    assert 'id="f-year"' not in materials  # materials carry no date of issue
    directives = client.get(SectionPage.objects.get(slug="van-ban-chi-dao").url)
    regions = directives.context["filter_options"]["regions"]
    assert all(indent == "— " * (region.depth - 2) for region, indent in regions)
    assert {indent for _region, indent in regions} >= {"", "— "}
