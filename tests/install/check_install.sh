#!/usr/bin/env bash
# tst_install: installs the build into a temporary prefix (cmake --install) and checks it as a
# desktop would see it: every file in its place, the menu entry, AppStream data and MIME type
# valid, the installed deepart-cli and deepart running with the installed samples, the man pages
# listing every flag of --help, and no path of the source or build tree in the (stripped)
# programs.
# usage: check_install.sh BUILD_DIR SOURCE_DIR VERSION APP_ID TEST_WEIGHTS_TOOL
set -euo pipefail
build="$1" source="$2" version="$3" id="$4" make_weights="$5"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
for tool in desktop-file-validate appstreamcli update-mime-database strings; do
    command -v "$tool" >/dev/null ||
        fail "$tool is missing; packaging/install-deps.sh installs it"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
# --strip, as distributions install: the debug information of a Debug build (the asan preset)
# names the build tree, and rightly; what is checked below is what the programs carry.
cmake --install "$build" --prefix "$prefix" --strip >"$work/install.log" ||
    { cat "$work/install.log" >&2; fail "cmake --install"; }
share="$prefix/share"
samples="$share/deepart/samples"

for file in bin/deepart bin/deepart-cli \
    share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/mime/packages/$id.xml share/icons/hicolor/scalable/apps/$id.svg \
    share/icons/hicolor/256x256/apps/$id.png share/icons/hicolor/48x48/apps/$id.png \
    share/man/man1/deepart.1.gz share/man/man1/deepart-cli.1.gz \
    share/deepart/samples/ATTRIBUTION.md share/deepart/samples/fruits.jpg \
    share/deepart/samples/starry_night.jpg share/deepart/samples/composition_vii.jpg; do
    [ -f "$prefix/$file" ] || fail "$file is not installed"
done
[ ! -e "$prefix/bin/deepart-bench" ] || fail "deepart-bench is installed (a developer's tool)"
echo "installed: $(cd "$prefix" && find . -type f | wc -l) files"

desktop-file-validate "$share/applications/$id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
# The MIME package compiles, and *.deepart is known as a project afterwards.
update-mime-database "$share/mime" 2>"$work/mime.log" ||
    { cat "$work/mime.log" >&2; fail "update-mime-database"; }
grep -q '^[0-9]*:application/x-deepart-project:\*\.deepart' "$share/mime/globs2" ||
    fail "*.deepart is not in the compiled MIME database"

# The installed programs run from their own folder, with a private home.
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
got="$("$prefix/bin/deepart-cli" --version)"
[ "$got" = "deepart-cli $version" ] || fail "deepart-cli --version said '$got'"
"$make_weights" "$work/vgg19.h5"
"$prefix/bin/deepart-cli" --weights "$work/vgg19.h5" --content "$samples/fruits.jpg" \
    --style "$samples/starry_night.jpg" --size 48 --iterations 2 --save-every 0 --quiet \
    --output "$work/art.png" || fail "the installed deepart-cli's 2-iteration run"
[ -s "$work/art.png" ] || fail "the installed deepart-cli wrote no image"

# The window finds the samples beside itself: with no images named and no earlier session it
# loads them, and a run starts and ends (without them the run never starts and this times out).
run_window() {
    QT_QPA_PLATFORM=offscreen timeout 120 "$1" --weights "$work/vgg19.h5" --size 48 \
        --iterations 2 --screenshot "$2" || fail "$1 with the bundled samples (status $?)"
    [ -s "$2" ] || fail "$1 saved no screenshot"
    rm -rf "$XDG_CONFIG_HOME"
}
run_window "$prefix/bin/deepart" "$work/installed.png"
run_window "$build/app/deepart" "$work/build-tree.png"

# The man pages are help2man's, from --help: each flag of --help is in its page.
for program in deepart deepart-cli; do
    page="$(gzip -dc "$share/man/man1/$program.1.gz" | sed 's/\\-/-/g')"
    flags="$(QT_QPA_PLATFORM=offscreen "$prefix/bin/$program" --help | grep -o -- '--[a-z][a-z-]*' |
        sort -u)"
    [ -n "$flags" ] || fail "$program --help lists no flags"
    for flag in $flags; do
        grep -qF -- "$flag" <<<"$page" || fail "man $program lacks $flag"
    done
done

# No path of the trees the programs were built from.
for tree in "$(realpath "$source")" "$(realpath "$build")"; do
    if strings -a "$prefix"/bin/* | grep -F "$tree"; then
        fail "the installed programs name $tree (above)"
    fi
done
echo "tst_install: passed"
