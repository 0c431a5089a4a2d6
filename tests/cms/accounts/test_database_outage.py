"""PostgreSQL restarted under load: requests fail with a Vietnamese 503, the site recovers
without a restart of its own.

Runs in the PostgreSQL pass only (it restarts the cluster with scripts/postgres.sh,
which reads PGDATA_DIR and PGPORT as the pass started it); skipped on SQLite,
which has no server to lose. The site runs under gunicorn on the test database,
with persistent connections (the harder case: each worker holds a connection
the restart breaks), and four threads keep requesting pages and the API
during the restart.
"""

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest
from django.db import connection

from cms.demo.loader import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[3]
URLS = ["/", "/tim-kiem/?q=h%C3%A0ng+Vi%E1%BB%87t", "/api/v2/pages/?limit=5"]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _test_database_url():
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def _opener(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/dang-nhap/", timeout=10).read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    data = urlencode({"username": "canbo", "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token}).encode()
    request = urllib.request.Request(base + "/dang-nhap/", data=data, headers={"Referer": base + "/dang-nhap/"})
    opener.open(request, timeout=10).read()
    assert any(c.name == "sessionid" for c in jar)
    return opener


def _get(opener, url):
    started = time.monotonic()
    try:
        return _fetch(opener, url)
    finally:
        DURATIONS.append((round(started, 1), round(time.monotonic() - started, 2), url))


DURATIONS = []


def _fetch(opener, url):
    try:
        response = opener.open(url, timeout=10)
        return response.status, response.read().decode("utf-8", "replace"), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), error.headers.get("Content-Type", "")
    except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout) as error:
        return 0, repr(error), ""


def _postgres(action):
    subprocess.run(["bash", "scripts/postgres.sh", action], cwd=ROOT, check=True, capture_output=True, timeout=120)


@pytest.fixture
def site(db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (runs in the PostgreSQL pass: scripts/test.sh --postgres)")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _test_database_url(),
        "DATABASE_CONN_MAX_AGE": "60",
    }
    # This process's own connection (in the test's transaction, which wrote nothing) is
    # closed before the restart can break it; the next test opens a new one.
    connection.close()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2", "--timeout", "30"],
        # Its log goes to a file: a pipe nobody reads fills up with the outage's warnings and blocks the workers.
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(tmp_path / "gunicorn.log").open("w"), start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/dang-nhap/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    yield base
    os.killpg(server.pid, signal.SIGINT)  # quick shutdown
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def test_postgres_restart_under_load_gives_503_then_recovers(site):
    opener = _opener(site)
    for url in URLS:
        assert _get(opener, site + url)[0] == 200, url

    answers, stop = [], threading.Event()

    def load():
        while not stop.is_set():
            for url in URLS:
                answers.append((time.monotonic(), url, *_get(opener, site + url)))

    threads = [threading.Thread(target=load) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.5)
        _postgres("stop")
        down_since = time.monotonic()
        time.sleep(3)
        _postgres("start")
        up_since = time.monotonic()
        time.sleep(4)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    statuses = {status for _t, _url, status, _body, _type in answers}
    failed = [(round(t - down_since, 1), url, body[:120]) for t, url, status, body, _ in answers if status not in (200, 503)]
    slow = [(round(t - down_since, 1), d, u) for t, d, u in DURATIONS if d > 2]
    assert statuses <= {200, 503}, (sorted(statuses), failed[:10], round(up_since - down_since, 1), slow)
    outage = [a for a in answers if a[2] == 503]
    assert outage and any(down_since <= a[0] for a in outage), "no request saw the outage"
    for _t, url, _status, body, content_type in outage:
        if url.startswith("/api/"):
            assert content_type.startswith("application/json") and json.loads(body)["code"] == "database_unavailable"
        else:
            assert "Cơ sở dữ liệu" in body and "thử lại" in body
    # Recovered without restarting the site: every URL answers 200 again after the restart.
    late = [a for a in answers if a[0] > up_since + 2]
    assert late and {a[2] for a in late} == {200}, sorted({a[2] for a in late})
    assert re.search("Cổng thông tin", _get(opener, site + "/")[1])
