#!/usr/bin/env bash
# Installs the Debian 12 packages that Deep Art Gallery needs to build, test and run, and only
# those that are missing. Safe to run again. Uses sudo when not root.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-qpa-plugins libqt6network6
    libtorch-dev libopenblas0-pthread
    libopencv-dev libhdf5-dev zlib1g-dev libjpeg-dev libpng-dev libquazip1-qt6-dev
    # animated WebP time-lapses (libwebpmux's animation encoder); ffprobe checks the videos
    libwebp-dev ffmpeg
    # the Python reference implementation used by the cross-check test and the benchmark
    python3-torch python3-h5py python3-numpy
    # headless GUI tests and the screenshot script (which draws a mask and clicks a button)
    xvfb xauth fonts-dejavu-core imagemagick xdotool
    # the package and its checks: icons rendered from the SVG, man pages from --help, the
    # menu entry, AppStream data and MIME type validated, Depends computed, binaries searched
    librsvg2-bin help2man desktop-file-utils appstream shared-mime-info dpkg-dev binutils
    # the libFuzzer harnesses (packaging/fuzz.sh)
    clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
