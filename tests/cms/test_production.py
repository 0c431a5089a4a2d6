"""Production settings: `manage.py check --deploy` is clean, HTTPS by default, plain HTTP by choice."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(code_or_args, **env):
    # The browser tests allow Django's sync calls from their event loop in this process; a
    # deployment never does, and check --deploy says so.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        # check --deploy reads the settings only; nothing connects to this database.
        "DATABASE_URL": "postgres://campaign:secret@127.0.0.1:1/campaign",
        **env,
    }
    return subprocess.run([sys.executable, *code_or_args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("https", ["1", "0"])
def test_check_deploy_is_clean(https):
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], HTTPS=https)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _settings(**env):
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps({k: getattr(s, k) for k in "
        "['DEBUG', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_INCLUDE_SUBDOMAINS']}))"
    )
    result = _run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_is_the_default():
    values = _settings()
    assert values == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 365 * 24 * 3600,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    }


def test_a_plain_http_intranet_switches_it_off():
    values = _settings(HTTPS="0")
    assert not values["SECURE_SSL_REDIRECT"] and values["SECURE_HSTS_SECONDS"] == 0
    assert not values["SESSION_COOKIE_SECURE"] and not values["CSRF_COOKIE_SECURE"]


def test_a_weak_secret_key_fails_the_check():
    # A positive control: the check does fail on a production problem.
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], SECRET_KEY="short")
    assert result.returncode != 0 and "security.W009" in result.stdout + result.stderr


def test_production_refuses_to_start_without_secrets():
    result = _run(["-c", "import django; django.setup()"], SECRET_KEY="")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
