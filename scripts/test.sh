#!/usr/bin/env bash
# Install everything the tests need and run them.
#   scripts/test.sh               on the embedded default (SQLite)
#   scripts/test.sh --postgres    on PostgreSQL (installed and started by scripts/postgres.sh)
#   scripts/test.sh --es-cluster  the Elasticsearch engine's tests and the node-failure test on
#                                 a three-node cluster (scripts/elasticsearch.sh cluster), SQLite
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
database="sqlite"
if [ "${1:-}" = "--postgres" ]; then
    database="postgres"
    shift
fi
if [ "${1:-}" = "--es-cluster" ]; then
    shift
    bash scripts/venv.sh requirements-dev.txt
    bash scripts/locale.sh
    unset DATABASE_URL
    export REQUIRE_ELASTICSEARCH=1 ES_TEST_CLUSTER=1
    # Stop the cluster afterwards only if this run started it.
    cluster_was_running=0
    if bash scripts/elasticsearch.sh cluster status >/dev/null 2>&1; then
        cluster_was_running=1
    fi
    begun=$SECONDS
    bash scripts/elasticsearch.sh cluster start >/dev/null
    echo "Cụm Elasticsearch ba nút sẵn sàng sau $((SECONDS - begun)) giây" >&2
    status=0
    .venv/bin/python -m pytest tests/search/engines/elasticsearch/test_elasticsearch.py \
        tests/search/engines/elasticsearch/test_cluster.py "$@" || status=$?
    if [ "$cluster_was_running" = "0" ]; then
        bash scripts/elasticsearch.sh cluster stop >/dev/null 2>&1 || true
    fi
    echo "Kiểm thử trên cụm Elasticsearch: $((SECONDS - begun)) giây" >&2
    exit $status
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
