#!/usr/bin/env bash
# Installs what is missing, then configures and builds one CMake preset (default: release).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
./packaging/install-deps.sh
cmake --preset "$preset"
cmake --build --preset "$preset"
