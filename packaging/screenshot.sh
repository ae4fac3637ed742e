#!/usr/bin/env bash
# Starts the real app under Xvfb with the bundled samples, runs a short job and saves a
# screenshot of the window (default: resources/screenshot.png). The VGG-19 weights are random
# (written by deepart-test-weights), since nothing may be downloaded here: the window, the
# gallery and the chart are real, the picture is not art.
# usage: packaging/screenshot.sh [OUT.png] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-resources/screenshot.png}")"
build="${2:-build/release}"
if [ ! -x "$build/app/deepart" ]; then
    ./packaging/build.sh release
    build=build/release
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$build/tests/deepart-test-weights" "$work/vgg19-random.h5" --full
# A private settings folder, so the user's own settings neither leak in nor get overwritten.
mkdir -m 700 "$work/runtime"
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime" \
    xvfb-run -a -s "-screen 0 1440x900x24" \
    "$build/app/deepart" --weights "$work/vgg19-random.h5" \
    --content resources/samples/fruits.jpg --style resources/samples/starry_night.jpg \
    --size 256 --iterations 40 --screenshot "$out"
