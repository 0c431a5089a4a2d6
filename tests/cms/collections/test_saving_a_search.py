"""Any search on /tim-kiem/ can be saved as a collection by an editor: a button for
those who may add one, which makes a draft holding the search and opens its editor."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from cms.collections.models import CollectionPage
from home.models import HomePage, SectionPage

pytestmark = pytest.mark.django_db

BUTTON = "Lưu thành bộ sưu tập"


def drafts():
    """Collections saved by the test (the demo has a published one)."""
    return CollectionPage.objects.filter(live=False)


def button_form(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    form = BeautifulSoup(response.text, "html.parser").select_one("form.save-collection")
    return form, response


@pytest.mark.parametrize("username", ["canbo", "baochi"])
def test_readers_see_no_button_and_may_not_post(client, login, username):
    login(username)
    form, response = button_form(client, q="hàng giả")
    assert form is None and BUTTON not in response.text
    response = client.post(reverse("collections:save_search"), {"q": "hàng giả"})
    assert response.status_code == 403
    assert not drafts().exists()


@pytest.mark.parametrize(("username", "parent"), [("quantri", "home"), ("duyet", "home"), ("bientap", "ha-noi")])
def test_an_editor_saves_the_search_as_a_draft_and_lands_in_its_editor(client, login, username, parent):
    user = login(username)
    params = {"q": "hàng giả", "content": "van_ban", "region": "ha-noi", "year": "2024", "sort": "newest", "page": "2"}
    form, _response = button_form(client, **params)
    assert form is not None and BUTTON in form.text
    posted = {i["name"]: i["value"] for i in form.select("input")}
    assert "page" not in posted and posted["region"] == "ha-noi"
    response = client.post(form["action"], posted)
    page = drafts().get()
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.owner == user and page.get_latest_revision() is not None
    assert (page.query, page.content, page.region, page.year, page.sort) == ("hàng giả", "van_ban", "ha-noi", "2024", "newest")
    assert page.title == "“hàng giả”, Văn bản chỉ đạo, Hà Nội, 2024"
    expected = HomePage.objects.get() if parent == "home" else SectionPage.objects.filter(slug="ha-noi").order_by("path").first()
    assert page.get_parent().specific == expected
    editor = client.get(response["Location"])
    assert editor.status_code == 200 and "Đã lưu tìm kiếm thành bản nháp bộ sưu tập" in editor.text
    # The saved collection asks what the search asked: same query string, page and all but the page number.
    assert page.saved_params() == {k: v for k, v in params.items() if k != "page"}


def test_bad_values_are_left_out_of_the_draft(client, login):
    login("quantri")
    client.post(reverse("collections:save_search"), {"q": "x" * 2000, "theme": "khong-co", "year": "abc", "sort": "?"})
    page = drafts().get()
    assert len(page.query) == 1000 and (page.theme, page.year, page.sort) == ("", "", "")


def test_saving_twice_gives_two_drafts_with_their_own_slugs(client, login):
    login("quantri")
    for _ in range(2):
        client.post(reverse("collections:save_search"), {"theme": "ocop"})
    # The demo's collection under the home page has "bo-suu-tap-ocop" already.
    assert sorted(drafts().values_list("slug", flat=True)) == ["bo-suu-tap-ocop-2", "bo-suu-tap-ocop-3"]


def test_a_search_with_nothing_in_it_is_a_new_collection(client, login):
    login("quantri")
    client.post(reverse("collections:save_search"), {"year": "abc"})
    page = drafts().get()
    assert (page.title, page.slug) == ("Bộ sưu tập mới", "bo-suu-tap-moi")
