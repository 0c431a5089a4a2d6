#!/usr/bin/env bash
# Install everything the tests need and run them.
#   scripts/test.sh               on the embedded default (SQLite)
#   scripts/test.sh --postgres    on PostgreSQL (installed and started by scripts/postgres.sh)
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
database="sqlite"
if [ "${1:-}" = "--postgres" ]; then
    database="postgres"
    shift
fi
bash scripts/venv.sh requirements-dev.txt
bash scripts/chromium.sh
bash scripts/axe.sh
bash scripts/locale.sh
if [ "$database" = "postgres" ]; then
    DATABASE_URL="$(bash scripts/postgres.sh start)"
    export DATABASE_URL
else
    unset DATABASE_URL
fi
# The browser test must run here, not skip; so must the Elasticsearch tests,
# against a real node (scripts/elasticsearch.sh, started by the tests' fixture).
export REQUIRE_BROWSER=1
export REQUIRE_ELASTICSEARCH=1
# The tests' fixture starts an Elasticsearch node when none answers (it needs
# Java); stop it afterwards only if this run started it, never one already running.
es_was_running=0
if bash scripts/elasticsearch.sh status >/dev/null 2>&1; then
    es_was_running=1
fi
echo "Chạy kiểm thử trên cơ sở dữ liệu: $database" >&2
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$es_was_running" = "0" ] && bash scripts/elasticsearch.sh status >/dev/null 2>&1; then
    echo "Dừng nút Elasticsearch do lần chạy này khởi động ..." >&2
    bash scripts/elasticsearch.sh stop >/dev/null 2>&1 || true
fi
exit $status
