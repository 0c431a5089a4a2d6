"""Personal API keys and feed keys: created, shown once, revoked, refused."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import APIToken

from cms.press.models import FeedToken
from cms.press.wagtail_hooks import register_tokens_menu_item
from cms.press.tokens import authenticate_token, feed_token_for, InvalidToken

from .conftest import bearer

pytestmark = pytest.mark.django_db

TOKENS = "/tai-khoan/khoa-api/"
API = "/api/v2/pages/"


def create(client, name="Máy tính toà soạn"):
    response = client.post(TOKENS, {"action": "create", "name": name})
    assert response.status_code == 200
    return response.context["new_token"]


@pytest.mark.parametrize("username", ["baochi", "canbo", "quantri"])
def test_press_readers_and_admins_create_a_key_shown_once_and_stored_hashed(client, login, username):
    user = login(username)
    token = create(client)
    assert re.fullmatch(r"wagtail_[0-9A-Za-z]+", token)
    record = APIToken.objects.get(user=user)
    assert record.name == "Máy tính toà soạn" and token not in (record.key_hash, record.prefix)
    assert token.startswith(record.prefix)
    # The secret is in the creation response only; the list shows the prefix.
    listing = client.get(TOKENS)
    assert token not in listing.text and record.prefix in listing.text and "Còn hiệu lực" in listing.text
    assert listing["Cache-Control"].startswith("max-age=0") or "no-cache" in listing["Cache-Control"]
    client.logout()
    assert client.get(API, **bearer(token)).status_code == 200
    record.refresh_from_db()
    assert record.last_used_at is not None


def test_revoked_key_is_refused_with_a_json_401(client, login):
    user = login("baochi")
    token = create(client)
    record = APIToken.objects.get(user=user)
    response = client.post(TOKENS, {"action": "revoke", "token_id": record.pk}, follow=True)
    assert "Đã thu hồi khoá" in response.text and "Đã thu hồi" in response.text
    record.refresh_from_db()
    assert record.revoked_at is not None
    client.logout()
    for request in ({"HTTP_AUTHORIZATION": f"Bearer {token}"}, {"QUERY_STRING": f"token={token}"}):
        response = client.get(API, **request)
        assert response.status_code == 401
        assert response.json()["code"] == "invalid_token"
    assert client.get(f"/tin/tim-kiem/rss.xml?token={token}").status_code == 401


def test_a_user_cannot_revoke_someone_elses_key(client, login):
    other = get_user_model().objects.get(username="canbo")
    record, token = APIToken.create_token(user=other, name="Của cán bộ")
    login("baochi")
    response = client.post(TOKENS, {"action": "revoke", "token_id": record.pk}, follow=True)
    assert "Không tìm thấy khoá này" in response.text
    record.refresh_from_db()
    assert record.revoked_at is None
    assert authenticate_token(token) == other


def test_a_key_needs_a_name_and_bad_actions_are_refused(client, login):
    login("baochi")
    response = client.post(TOKENS, {"action": "create", "name": "   "})
    assert response.status_code == 200 and "Hãy đặt tên cho khoá" in response.text
    assert not APIToken.objects.exists()
    response = client.post(TOKENS, {"action": "xoa-het"}, follow=True)
    assert "Thao tác không hợp lệ" in response.text
    for bad in ("abc", "²", str(10**30)):
        response = client.post(TOKENS, {"action": "revoke", "token_id": bad}, follow=True)
        assert "Không tìm thấy khoá này" in response.text


def test_editors_have_no_keys_page_and_their_keys_are_refused(client, login):
    editor = login("bientap")
    response = client.get(TOKENS)
    assert response.status_code == 403 and "nhóm Báo chí và Cán bộ" in response.text
    assert client.post(TOKENS, {"action": "create", "name": "x"}).status_code == 403
    # A key made for them some other way (e.g. the management command) does not open the API.
    _record, token = APIToken.create_token(user=editor, name="ngoài")
    client.logout()
    response = client.get(API, **bearer(token))
    assert response.status_code == 403 and response.json()["code"] == "not_allowed"


def test_leaving_the_press_group_disables_the_key(client, api_token):
    user, token = api_token
    assert client.get(API, **bearer(token)).status_code == 200
    user.groups.remove(Group.objects.get(name="Báo chí"))
    user = get_user_model().objects.get(pk=user.pk)  # drop the permission cache
    response = client.get(API, **bearer(token))
    assert response.status_code == 403


def test_inactive_users_keys_are_refused(client, api_token):
    user, token = api_token
    user.is_active = False
    user.save()
    assert client.get(API, **bearer(token)).status_code == 403


def test_keys_page_needs_login(client):
    response = client.get(TOKENS)
    assert response.status_code == 302 and response.url.startswith("/dang-nhap/")


def test_feed_key_is_created_on_demand_shown_on_the_keys_page_and_rotated(client, login):
    user = login("canbo")
    assert not FeedToken.objects.filter(user=user).exists()
    page = client.get(TOKENS)
    token = feed_token_for(user)
    assert FeedToken.objects.filter(user=user).count() == 1
    assert f"/tin/tim-kiem/rss.xml?token={token}" in page.text
    assert f"/tin/chu-de/tet/atom.xml?token={token}" in page.text
    assert f"/tin/dia-ban/ha-tinh/rss.xml?token={token}" in page.text
    assert feed_token_for(user) == token  # stable: the same link on every page

    client.logout()
    assert client.get(f"/tin/tim-kiem/rss.xml?token={token}").status_code == 200
    login("canbo")
    response = client.post(TOKENS, {"action": "rotate_feed"}, follow=True)
    assert "Đã đổi mã nhận tin RSS" in response.text
    new = feed_token_for(user)
    assert new != token and new in response.text
    client.logout()
    assert client.get(f"/tin/tim-kiem/rss.xml?token={token}").status_code == 401
    assert client.get(f"/tin/tim-kiem/rss.xml?token={new}").status_code == 200


def test_feed_keys_cannot_be_forged_for_another_user(client):
    canbo = get_user_model().objects.get(username="canbo")
    baochi = get_user_model().objects.get(username="baochi")
    token = feed_token_for(canbo)
    digest = token.rsplit("_", 1)[1]
    with pytest.raises(InvalidToken):
        authenticate_token(f"rss_{baochi.pk}_{digest}")
    assert authenticate_token(token) == canbo


def test_admin_menu_links_to_the_keys_page_for_users_with_keys(client, login):
    login("quantri")
    response = client.get("/admin/")
    # The sidebar menu is JSON inside the page: look for the link, and the label through the hook.
    assert response.status_code == 200 and TOKENS in response.text
    login("bientap")
    assert TOKENS not in client.get("/admin/").text
    item = register_tokens_menu_item()
    assert item.label == "Khoá API của tôi" and item.url == TOKENS
