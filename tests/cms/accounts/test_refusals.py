"""A logged-in user refused a page gets one Vietnamese 403 page, never a redirect loop."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from cms.directives.models import OfficialDocumentPage

pytestmark = pytest.mark.django_db


def _follow(client, url, limit=10):
    """Follow redirects by hand; the chain of (url, status) until a non-redirect."""
    chain = []
    for _ in range(limit):
        response = client.get(url)
        chain.append((url, response.status_code))
        if response.status_code not in (301, 302):
            return chain, response
        url = response["Location"]
    raise AssertionError(f"redirect loop: {chain}")


def _client(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _assert_refused(response):
    text = response.content.decode()
    assert response.status_code == 403
    assert "Bạn không có quyền xem trang này" in text
    assert "permission" not in text.lower()


@pytest.mark.parametrize("username", ["canbo", "baochi"])
def test_a_reader_opening_the_admin_gets_a_403_page(username):
    client = _client(username)
    for _ in range(3):  # again and again: no stacked messages
        chain, response = _follow(client, "/admin/")
        _assert_refused(response)
    assert len(chain) == 2


def test_a_page_restricted_to_another_group_gets_a_403_page_and_its_group_gets_the_page():
    page = OfficialDocumentPage.objects.live().first()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Duyệt")])
    chain, response = _follow(_client("canbo"), page.url)
    _assert_refused(response)
    _chain, allowed = _follow(_client("duyet"), page.url)
    assert allowed.status_code == 200 and page.title in allowed.content.decode()


def test_an_editor_still_reaches_the_admin():
    _chain, response = _follow(_client("bientap"), "/admin/")
    assert response.status_code == 200


def test_a_logged_in_user_opening_the_login_page_without_next_goes_home():
    response = _client("canbo").get("/dang-nhap/")
    assert response.status_code == 302 and response["Location"] == "/"


def test_anonymous_users_still_get_the_login_form():
    chain, response = _follow(Client(), "/admin/")
    assert response.status_code == 200 and "Đăng nhập" in response.content.decode()
