"""A collection lists exactly what /tim-kiem/ returns for the same query and filters,
for every kind of user and on every engine; its facets narrow it, its paging and
notices work, and a bad saved filter says so in Vietnamese."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from cms.taxonomy.models import Theme
from home.models import SectionPage

pytestmark = pytest.mark.django_db

# Saved queries (model fields) that cover each kind of filter, with text and without.
QUERIES = [
    {"theme": "ocop"},
    {"query": "hàng giả"},
    {"query": "03-CT/TW"},
    {"content": "van_ban", "region": "ha-noi"},
    {"region": "bac-ninh"},  # today's Bắc Ninh holds the old Bắc Giang's letter
    {"query": "uu tien dung hang viet", "content": "tai_lieu"},
    {"kind": "cong_van", "level": "tinh"},
]
USERS = ["canbo", "bientap", "quantri"]


def search_params(page):
    return page.saved_params()


def listed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    results = response.context["results"]
    return results.total, [hit.page_id for hit in results.hits], response


def every_page(client, url, **params):
    """(total, ids of every page of results in order)."""
    total, ids, response = listed(client, url, **params)
    pages = response.context["results"].pages
    for number in range(2, pages + 1):
        ids += listed(client, url, page=number, **params)[1]
    return total, ids


@pytest.fixture
def small_pages(settings):
    settings.SEARCH_PAGE_SIZE = 3  # several pages of results from the small demo


@pytest.mark.parametrize("username", USERS)
@pytest.mark.parametrize("fields", QUERIES, ids=lambda f: "-".join(f"{k}={v}" for k, v in f.items()))
def test_a_collection_lists_what_the_search_page_returns(client, login, engine, make_collection, small_pages, username, fields):
    page = make_collection(**fields)
    login(username)
    total, ids = every_page(client, page.url)
    assert (total, ids) == every_page(client, reverse("search"), **search_params(page))
    assert len(ids) == total == len(set(ids))
    response = client.get(page.url)
    assert response.context["results"].engine == engine, response.context["messages_search"]


def test_the_comparison_is_not_empty(client, login, make_collection):
    # A positive control for the test above: the demo gives results for these queries.
    login("canbo")
    for number, fields in enumerate(QUERIES):
        page = make_collection(slug=f"bo-{number}", **fields)
        assert listed(client, page.url)[0] > 0, fields


def test_anonymous_readers_are_sent_to_the_login_page(client, make_collection):
    page = make_collection(theme="ocop")
    response = client.get(page.url)
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_page_privacy_gives_each_reader_what_the_search_page_gives_them(client, login, engine, make_collection, indexed, request):
    if engine == "elasticsearch":
        request.getfixturevalue("es_fresh")  # the restriction is written to an index of this test's own
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
    indexed(restriction.groups.set, [Group.objects.get(name="Biên tập – Hà Nội")])
    indexed(restriction.save)
    page = make_collection(content="van_ban")
    seen = {}
    for username in ("canbo", "bientap"):
        login(username)
        total, ids = every_page(client, page.url)
        assert (total, ids) == every_page(client, reverse("search"), **search_params(page))
        seen[username] = set(ids)
    hidden = set(section.get_descendants().values_list("pk", flat=True))
    assert hidden and not hidden & seen["canbo"] and hidden <= seen["bientap"]


def test_facets_narrow_the_collection_and_leave_the_saved_filters_alone(client, login, make_collection):
    page = make_collection(theme="ocop")
    login("canbo")
    response = client.get(page.url)
    names = [group["name"] for group in response.context["facets"]]
    assert "theme" not in names and "content" in names
    content = next(group for group in response.context["facets"] if group["name"] == "content")
    first = content["items"][0]
    narrowed = client.get(page.url + first["url"])
    assert narrowed.context["results"].total == first["count"] < response.context["results"].total
    assert [c["label"] for c in narrowed.context["chips"]] == [f"Loại nội dung: {first['label']}"]
    # The same narrowing on /tim-kiem/ gives the same pages.
    same = client.get(reverse("search") + first["url"] + "&theme=ocop")
    assert [h.page_id for h in same.context["results"].hits] == [h.page_id for h in narrowed.context["results"].hits]
    # A reader cannot undo a saved filter through the address.
    widened = client.get(page.url, {"theme": "tet"})
    assert widened.context["results"].total == response.context["results"].total


def test_a_bad_saved_filter_gives_a_vietnamese_notice(client, login, make_collection):
    page = make_collection(theme="ocop", year="20x4")
    Theme.objects.filter(slug="ocop").update(slug="ocop-cu")
    login("canbo")
    response = client.get(page.url)
    assert response.status_code == 200
    notices = response.context["messages_search"]
    assert any("không còn hợp lệ" in n and "chủ đề “ocop”" in n for n in notices), notices
    assert any("Năm “20x4” không hợp lệ" in n for n in notices), notices
    assert "không còn hợp lệ" in response.text


def test_bad_reader_input_is_a_notice(client, login, make_collection):
    page = make_collection(theme="ocop")
    login("canbo")
    for params in ({"page": "abc"}, {"page": "999"}, {"region": "khong-co"}, {"from": "31/02/2024"}):
        response = client.get(page.url, params)
        assert response.status_code == 200
        assert response.context["messages_search"], params


def test_the_page_shows_its_query_and_channels(client, login, make_collection):
    page = make_collection(theme="ocop", query="sản phẩm")
    login("baochi")
    response = client.get(page.url)
    text = response.text
    assert "Chủ đề: OCOP" in text and "“sản phẩm”" in text
    for name in ("rss", "atom", "csv", "xlsx"):
        assert reverse(f"collections:{name}", args=[page.pk]) in text
    assert "?token=rss_" in text  # a feed reader has no session: the feed links carry the key
