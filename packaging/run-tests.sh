#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs every test with CTest, then
# each fuzz harness for 30 seconds (FUZZ_SECONDS=0 skips them).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh release
ctest --preset release
if [ "${FUZZ_SECONDS:-30}" -gt 0 ]; then
    ./packaging/fuzz.sh "${FUZZ_SECONDS:-30}"
fi
