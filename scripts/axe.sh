#!/usr/bin/env bash
# Install the test-only JavaScript (axe-core, pinned in package-lock.json) into
# node_modules/ for the browser tests, which inject it into each page.
# Installs Debian's nodejs and npm when missing.
set -euo pipefail
. "$(dirname "$0")/apt.sh"
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
    apt_install "Node.js và npm" nodejs npm
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error >&2
fi
