#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and opens Deep Art Gallery with the
# bundled sample photo and The Starry Night loaded. Extra arguments go to the app (see
# `deepart --help`). Without a display (a server, CI) it runs the screenshot demo under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh release
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run-app: no display; running the Xvfb screenshot demo instead (packaging/screenshot.sh)"
    exec ./packaging/screenshot.sh "$PWD/deepart-screenshot.png" build/release
fi
exec ./build/release/app/deepart \
    --content resources/samples/fruits.jpg --style resources/samples/starry_night.jpg "$@"
