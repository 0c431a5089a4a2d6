#!/usr/bin/env bash
# Install Debian's Chromium and its driver for the browser tests, if missing.
# (Nothing may download a browser build of its own here.)
set -euo pipefail
. "$(dirname "$0")/apt.sh"
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
apt_install "Chromium" chromium chromium-driver
