#!/usr/bin/env bash
# Sourced by the set-up scripts: apt_install LABEL PACKAGE... installs Debian's
# packages quietly (through sudo when not root), announcing LABEL in Vietnamese.
apt_install() {
    local label="$1" sudo=""
    shift
    if [ "$(id -u)" != "0" ]; then
        sudo="sudo"
    fi
    echo "Cài đặt $label từ gói Debian ..." >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}
