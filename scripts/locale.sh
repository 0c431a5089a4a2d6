#!/usr/bin/env bash
# Compile the project's own translations (cms/locale: the Vietnamese for what
# Wagtail leaves in English). Installs Debian's gettext (msgfmt) when missing.
# The compiled .mo files are generated here, never committed.
set -euo pipefail
. "$(dirname "$0")/apt.sh"
cd "$(dirname "$0")/.."
if ! command -v msgfmt >/dev/null 2>&1; then
    apt_install "gettext" gettext
fi
.venv/bin/python manage.py compilemessages --locale vi --ignore .venv --ignore node_modules --ignore var >/dev/null
