#!/usr/bin/env bash
# Install the test-only JavaScript (axe-core, pinned in package-lock.json) into
# node_modules/ for the browser tests, which inject it into each page.
# Installs Debian's nodejs and npm when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" != "0" ]; then
        sudo="sudo"
    fi
    echo "Cài đặt Node.js và npm từ gói Debian ..." >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >&2
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error >&2
fi
