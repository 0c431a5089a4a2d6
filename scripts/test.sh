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
echo "Chạy kiểm thử trên cơ sở dữ liệu: $database" >&2
exec .venv/bin/python -m pytest "$@"
