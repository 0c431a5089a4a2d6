"""Load benchmark: the site under gunicorn with the production settings on PostgreSQL,
driven from loopback by wrk (50 connections, 60 s) on a search query mix and on
document pages. Prints requests/s, p50/p95/p99 latency and errors for each.

    DATABASE_URL=postgres://... .venv/bin/python bench/load_site.py [--duration 60] [--connections 50]

The database must hold the site (migrate, load_demo, rebuild_search_index: see
bench/README.md). wrk comes from Debian's package (`apt-get install wrk`; this
script installs it when it is missing and it runs as root). Targets on the
2-core machine: search >= 60 req/s, document pages >= 150 req/s, 0 errors.
"""

import argparse
import http.cookiejar
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
SEARCH_QUERIES = [
    "hàng Việt Nam", "công văn 610-CV/TU", "kế hoạch tuyên truyền", "ưu tiên dùng hàng việt",
    "chỉ thị 03", "gương điển hình", "hà nội", "nông sản OCOP", "tet", "hội chợ",
    "thông tri", "ban chỉ đạo", "kiểm tra giám sát", "hang viet", "610", "tiêu dùng",
]
SEARCH_FILTERS = ["", "&content=van_ban", "&year=2024", "&region=ha-noi", "&sort=newest", "&theme=tet"]
TARGETS = {"search": 60, "documents": 150}

LUA = """
local paths = %(paths)s
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1], {["Cookie"] = "%(cookie)s", ["Host"] = "127.0.0.1"})
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format('RESULT {"requests": %%d, "seconds": %%.3f, "p50_ms": %%.1f, "p95_ms": %%.1f, "p99_ms": %%.1f, "connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
"""


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is missing: apt-get install wrk")
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(static_root):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("DATABASE_URL must point at PostgreSQL (see bench/README.md).")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(60),
        "HTTPS": "0",  # loopback, no TLS in front
        "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
        "STATIC_ROOT": str(static_root),
        # The workers' shared cache (production.py), empty at the start of each run.
        "CACHE_DIR": str(Path(static_root) / "cache"),
    }


def document_paths(env):
    code = (
        "import django, json; django.setup(); from cms.content.models import ContentPage;"
        "from cms.content.visibility import published_filter;"
        "print(json.dumps([p.url for p in ContentPage.objects.filter(published_filter()).specific() if p.url]))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def search_paths():
    return [f"/tim-kiem/?q={quote(q)}{f}" for q in SEARCH_QUERIES for f in SEARCH_FILTERS]


def login(base, username, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/dang-nhap/", timeout=30).read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    data = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token}).encode()
    opener.open(urllib.request.Request(base + "/dang-nhap/", data=data, headers={"Referer": base + "/dang-nhap/"}), timeout=30).read()
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        sys.exit(f"could not log in as {username}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def run_wrk(base, paths, cookie, connections, duration, threads):
    lua = LUA % {"paths": "{" + ", ".join(json.dumps(p) for p in paths) + "}", "cookie": cookie}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    try:
        out = subprocess.run(
            ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s", "-s", script.name, base + "/"],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    result = json.loads(line[len("RESULT "):])
    result["rps"] = result["requests"] / result["seconds"]
    result["errors"] = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1, help="threads per gthread worker")
    parser.add_argument("--user", default="canbo")
    parser.add_argument("--password", default=os.environ.get("DEMO_PASSWORD", "hangviet2026"))
    args = parser.parse_args()
    ensure_wrk()

    with tempfile.TemporaryDirectory() as static_root:
        env = site_environment(static_root)
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        documents = document_paths(env)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "-b", f"127.0.0.1:{port}",
             "-w", str(args.workers), "-k", args.worker_class, "--threads", str(args.threads),
             "--timeout", "60", "--backlog", "2048"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(Path(static_root) / "gunicorn.log").open("w"), start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(150):
                try:
                    urllib.request.urlopen(base + "/dang-nhap/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            cookie = login(base, args.user, args.password)
            # Warm every worker (imports, the embedded index's facet table) before measuring.
            run_wrk(base, search_paths() + documents, cookie, args.workers * 2, 5, 2)
            workers = f"{args.workers} {args.worker_class} workers" + (f" x {args.threads} threads" if args.worker_class == "gthread" else "")
            print(f"gunicorn {workers}, production settings, PostgreSQL; wrk {args.connections} connections, {args.duration} s each")
            print(f"{'mix':<10} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'target':>8}")
            failed = False
            for name, paths in (("search", search_paths()), ("documents", documents)):
                r = run_wrk(base, paths, cookie, args.connections, args.duration, 2)
                ok = r["rps"] >= TARGETS[name] and r["errors"] == 0
                failed |= not ok
                load = "/".join(f"{x:.1f}" for x in os.getloadavg())
                print(f"{name:<10} {r['rps']:>8.1f} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['p99_ms']:>8.1f} {r['errors']:>7} {'>=' + str(TARGETS[name]):>8} {'ok' if ok else 'MISSED'}  (load average {load})")
                if r["errors"]:
                    print(f"           errors: {{connect: {r['connect']}, read: {r['read']}, write: {r['write']}, non-2xx/3xx: {r['status']}, timeout: {r['timeout']}}}")
            print(f"({len(search_paths())} search URLs: {len(SEARCH_QUERIES)} queries x {len(SEARCH_FILTERS)} filter sets; {len(documents)} document pages)")
        finally:
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
