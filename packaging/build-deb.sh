#!/usr/bin/env bash
# Builds the Debian package: installs what is missing, builds the release preset, runs CPack
# (Depends computed by dpkg-shlibdeps) and prints the package's path as its last line.
# Install it with: apt install ./deep-art-gallery_<version>_<arch>.deb
# usage: packaging/build-deb.sh [OUT_DIR]   (default: build/release/package)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-build/release/package}")"
./packaging/build.sh release
mkdir -p "$out"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cpack --config build/release/CPackConfig.cmake -B "$out" | tee "$log" >&2
deb="$(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' "$log" | tail -n 1)"
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    echo "build-deb: CPack reported no package" >&2
    exit 1
fi
echo "$deb"
