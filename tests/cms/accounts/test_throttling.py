"""Login throttling: a lockout after repeated failures per username and address,
in Vietnamese, lifted by an administrator, written to Wagtail's audit log."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from wagtail.models import ModelLogEntry

from cms.accounts.throttling import LOCKED_OUT, UNLOCKED
from cms.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _client(address):
    return Client(REMOTE_ADDR=address)


def _fail(client, username, times):
    return [client.post("/dang-nhap/", {"username": username, "password": "sai-mat-khau"}) for _ in range(times)]


def test_repeated_failures_lock_the_account_from_that_address_even_with_the_right_password():
    client = _client("10.0.0.7")
    answers = _fail(client, "canbo", settings.AXES_FAILURE_LIMIT)
    assert [a.status_code for a in answers[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert answers[-1].status_code == 429
    right = client.post("/dang-nhap/", {"username": "canbo", "password": DEMO_PASSWORD})
    assert right.status_code == 429
    text = right.content.decode()
    assert "Tạm khoá đăng nhập" in text and "canbo" in text and f"{settings.AXES_FAILURE_LIMIT} lần" in text
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_username_and_address():
    _fail(_client("10.0.0.8"), "canbo", settings.AXES_FAILURE_LIMIT)
    # Another account from the same address, and the same account from another address, still log in.
    assert _client("10.0.0.8").post("/dang-nhap/", {"username": "baochi", "password": DEMO_PASSWORD}).status_code == 302
    assert _client("10.0.0.9").post("/dang-nhap/", {"username": "canbo", "password": DEMO_PASSWORD}).status_code == 302


def test_a_success_before_the_limit_clears_the_count():
    client = _client("10.0.0.10")
    _fail(client, "canbo", settings.AXES_FAILURE_LIMIT - 1)
    assert client.post("/dang-nhap/", {"username": "canbo", "password": DEMO_PASSWORD}).status_code == 302
    client.post("/dang-xuat/")
    answers = _fail(client, "canbo", settings.AXES_FAILURE_LIMIT - 1)
    assert {a.status_code for a in answers} == {200}


def test_an_administrator_unlocks_and_both_steps_are_in_the_audit_log(capsys):
    client = _client("10.0.0.11")
    _fail(client, "canbo", settings.AXES_FAILURE_LIMIT)
    locked = ModelLogEntry.objects.filter(action=LOCKED_OUT, object_id=str(_user_id("canbo")))
    assert locked.count() == 1 and locked.get().data["ip_address"] == "10.0.0.11"
    assert locked.get().message == "Tạm khoá đăng nhập sau nhiều lần nhập sai mật khẩu"

    call_command("unlock_login", "canbo", "--by", "quantri")
    assert "Đã mở khoá" in capsys.readouterr().out
    unlocked = ModelLogEntry.objects.get(action=UNLOCKED, object_id=str(_user_id("canbo")))
    assert unlocked.user.username == "quantri"
    assert client.post("/dang-nhap/", {"username": "canbo", "password": DEMO_PASSWORD}).status_code == 302


def test_unlocking_nobody_says_so(capsys):
    call_command("unlock_login", "khong-ai")
    assert "Không có khoá nào" in capsys.readouterr().out


def _user_id(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username).pk
