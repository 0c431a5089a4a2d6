#!/usr/bin/env bash
# Install everything, build the embedded SQLite database with demo content,
# and start the site. Usage: scripts/run.sh [PORT]   (default 8000)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-${PORT:-8000}}"
mkdir -p var
log="var/setup.log"
: > "$log"
# Quiet until the address and the accounts: the set-up's output goes to the log,
# shown only if a step fails.
step() {
    if ! "$@" >>"$log" 2>&1; then
        echo "Lỗi khi chạy: $* (chi tiết: $log)" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
}
echo "Đang cài đặt và dựng dữ liệu mẫu (nhật ký: $log) ..."
step bash scripts/venv.sh requirements.txt
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.dev}"
step bash scripts/locale.sh
step .venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py load_demo 2>>"$log" > var/accounts.txt || { echo "Lỗi khi nạp dữ liệu mẫu (chi tiết: $log)" >&2; tail -n 40 "$log" >&2; exit 1; }
step .venv/bin/python manage.py rebuild_search_index --no-progress
echo
echo "Trang web: http://127.0.0.1:${port}/   (quản trị: http://127.0.0.1:${port}/admin/)"
cat var/accounts.txt
echo
exec .venv/bin/python manage.py runserver "127.0.0.1:${port}"
