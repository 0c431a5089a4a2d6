#!/usr/bin/env bash
# Install Debian's Chromium and its driver for the browser tests, if missing.
# (Nothing may download a browser build of its own here.)
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
    sudo="sudo"
fi
echo "Cài đặt Chromium từ gói Debian ..." >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >&2
