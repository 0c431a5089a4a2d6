#!/usr/bin/env bash
# Install everything, build the embedded SQLite database with demo content,
# and start the site. Usage: scripts/run.sh [PORT]   (default 8000)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-${PORT:-8000}}"
bash scripts/venv.sh requirements.txt
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.dev}"
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py load_demo
.venv/bin/python manage.py rebuild_search_index --no-progress
echo
echo "Trang web: http://127.0.0.1:${port}/   (quản trị: http://127.0.0.1:${port}/admin/)"
echo
exec .venv/bin/python manage.py runserver "127.0.0.1:${port}"
