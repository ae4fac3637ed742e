#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, then styles the bundled sample
# photo with The Starry Night using deepart-cli (extra arguments are passed on).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh release
exec ./build/release/app/deepart-cli \
    --content resources/samples/fruits.jpg --style resources/samples/starry_night.jpg \
    --output deepart-fruits.png "$@"
