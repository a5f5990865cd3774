#!/usr/bin/env bash
# Starts the kiosk on the demo pack: installs what is missing (Debian packages only),
# builds, compiles the demo pack from content/ and opens the kiosk in a window.
# Extra arguments go to the kiosk, e.g. --lang ar or --route topic/health.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
[ -f build/CMakeCache.txt ] || cmake --preset default
cmake --build --preset default
build/kiosk/pack/passerelle-pack build content build/demo-pack --audio-cache .cache/passerelle-audio

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: no display. Run it inside a desktop session, or under Xvfb:" >&2
    echo "  xvfb-run -s '-screen 0 1920x1080x24' deploy/demo.sh" >&2
    echo "or render one screen to a file:" >&2
    echo "  build/kiosk/app/passerelle --pack build/demo-pack --screenshot home.png" >&2
    exit 1
fi
exec build/kiosk/app/passerelle --pack build/demo-pack --windowed "$@"
