#!/usr/bin/env bash
# tst_package: builds the Debian package with CPack from the build tree, as
# packaging/build-deb.sh does, and checks its control fields (Depends computed by dpkg-shlibdeps)
# and its contents: programs, icon, menu entry, AppStream data, MIME type, man pages, samples;
# then unpacks it and searches the stripped programs for paths of the trees they were built in.
# usage: check_package.sh BUILD_DIR SOURCE_DIR VERSION APP_ID
set -euo pipefail
build="$1" source="$2" version="$3" id="$4"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
for tool in cpack dpkg-deb dpkg-shlibdeps strings; do
    command -v "$tool" >/dev/null ||
        fail "$tool is missing; packaging/install-deps.sh installs it"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack"; }
deb="$work/deep-art-gallery_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { cat "$work/cpack.log" >&2; fail "no $(basename "$deb")"; }
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

dpkg-deb -I "$deb"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = deep-art-gallery ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Section)" = graphics ] || fail "Section: $(field Section)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Homepage)" ] || fail "no Homepage"
[ "$(field Description | wc -l)" -ge 2 ] || fail "no extended Description"
depends="$(field Depends)"
# From dpkg-shlibdeps (the libraries the programs link), and the one added by hand.
for package in libtorch libqt6widgets6 libqt6charts6 libqt6network6 libopencv-imgcodecs \
    libhdf5 libc6 qt6-qpa-plugins; do
    grep -q "\b$package" <<<"$depends" || fail "Depends lacks $package: $depends"
done

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
for file in /usr/bin/deepart /usr/bin/deepart-cli \
    /usr/share/applications/$id.desktop /usr/share/metainfo/$id.metainfo.xml \
    /usr/share/mime/packages/$id.xml /usr/share/icons/hicolor/scalable/apps/$id.svg \
    /usr/share/icons/hicolor/256x256/apps/$id.png \
    /usr/share/man/man1/deepart.1.gz /usr/share/man/man1/deepart-cli.1.gz \
    /usr/share/deepart/samples/ATTRIBUTION.md /usr/share/deepart/samples/fruits.jpg \
    /usr/share/deepart/samples/starry_night.jpg /usr/share/deepart/samples/composition_vii.jpg; do
    grep -qxF "$file" "$work/contents" || fail "the package lacks $file"
done
! grep -q deepart-bench "$work/contents" || fail "the package holds deepart-bench"

dpkg-deb -x "$deb" "$work/root"
for tree in "$(realpath "$source")" "$(realpath "$build")"; do
    if strings -a "$work/root/usr/bin/"* | grep -F "$tree"; then
        fail "the packaged programs name $tree (above)"
    fi
done
echo "tst_package: passed"
