#!/usr/bin/env bash
# Make sure Debian's chromium is at /usr/bin/chromium for the browser test (Playwright drives it;
# no browser is downloaded by Playwright). Installs it with apt-get when it is missing.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
    echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo present) at $CHROMIUM"
    exit 0
fi
echo "chromium is not installed at $CHROMIUM; installing Debian's 'chromium' package with apt-get ..."
if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get is not available on this system. Install Chromium so that $CHROMIUM exists" >&2
    echo "       (Debian/Ubuntu: 'sudo apt-get install chromium'), then run 'make test-browser' again." >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "error: installing chromium needs root. Run 'sudo apt-get install chromium' (Debian's package," >&2
        echo "       which puts the browser at $CHROMIUM), then run 'make test-browser' again." >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq || ! $SUDO apt-get install -y -qq --no-install-recommends chromium; then
    echo "error: 'apt-get install chromium' failed (no network, or no 'chromium' package in the configured" >&2
    echo "       sources). Install Debian's chromium package by hand so that $CHROMIUM exists." >&2
    exit 1
fi
if [ ! -x "$CHROMIUM" ]; then
    echo "error: the chromium package installed, but $CHROMIUM is missing; the browser test needs it there." >&2
    exit 1
fi
echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo installed) at $CHROMIUM"
