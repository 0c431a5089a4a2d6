#!/usr/bin/env bash
# Compile the project's own translations (cms/locale: the Vietnamese for what
# Wagtail leaves in English). Installs Debian's gettext (msgfmt) when missing.
# The compiled .mo files are generated here, never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v msgfmt >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" != "0" ]; then
        sudo="sudo"
    fi
    echo "Cài đặt gettext từ gói Debian ..." >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gettext >&2
fi
.venv/bin/python manage.py compilemessages --locale vi --ignore .venv --ignore node_modules --ignore var >/dev/null
