#!/usr/bin/env bash
# Starts the real app under Xvfb with the bundled samples, runs short jobs and saves screenshots
# of the window:
#   OUT (default resources/screenshot.png): one style;
#   OUT-styles.png (resources/screenshot-styles.png): two styles, the second painted into a region
#     (a mask that this script draws over the photo), passed in with `deepart --settings`;
#   OUT-region.png (resources/screenshot-region.png): the mask editor showing that region: it
#     clicks the second style's Region… button (xdotool), and says so and skips it if the editor
#     did not open (a changed layout moves the button).
# The VGG-19 weights are random (written by deepart-test-weights), since nothing may be downloaded
# here: the window, the gallery and the chart are real, the picture is not art.
# usage: packaging/screenshot.sh [OUT.png] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-resources/screenshot.png}")"
styles_out="${out%.*}-styles.png"
region_out="${out%.*}-region.png"
build="${2:-build/release}"
# The mask for the two-style picture is drawn with ImageMagick; xdotool clicks in the window.
if ! command -v convert >/dev/null || ! command -v xdotool >/dev/null; then
    ./packaging/install-deps.sh
fi
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

# Two styles, the second (Kandinsky) only on the lime and the lemon: a white ellipse with a soft
# edge on black, of the photo's size, as the mask editor would save it. Style weight 100 rather
# than the seed's 0.01: with random weights and 40 iterations the seed's barely moves the photo,
# and the two regions would not show.
samples="$PWD/resources/samples"
read -r w h < <(identify -format '%w %h\n' "$samples/fruits.jpg")
convert -size "${w}x${h}" xc:black -fill white \
    -draw "ellipse $((w * 80 / 100)),$((h * 62 / 100)) $((w * 27 / 100)),$((h * 45 / 100)) 0,360" \
    -blur 0x4 -colorspace Gray "$work/region.png"
cat > "$work/styles.json" <<EOF
{
    "format": "deepart-settings",
    "version": 2,
    "inputs": {
        "content": "$samples/fruits.jpg",
        "styles": [
            {"path": "$samples/starry_night.jpg", "weight": 0.6},
            {"path": "$samples/composition_vii.jpg", "weight": 0.4, "mask": "$work/region.png"}
        ]
    },
    "loss": {"style_weight": 100}
}
EOF

have_xdotool=0
if command -v xdotool >/dev/null; then
    have_xdotool=1
fi
have_import=0
if command -v import >/dev/null; then
    have_import=1
fi
export have_xdotool have_import

# Scrolls the inputs past the photo so that both style cards show, down to the second one's
# region. The wheel turns over the photo's well: over a spin box, slider or list it would change
# that value instead.
scroll_to_styles() {
    local window
    window="$(timeout 60 xdotool search --sync --onlyvisible --limit 1 --name 'Deep Art Gallery$')"
    xdotool mousemove --window "$window" 200 160
    xdotool click --repeat 3 --delay 150 5
    sleep 0.5
    echo "$window"
}

# $1 deepart, $2 weights, $3 settings file, $4 screenshot
styles_shot() {
    "$1" --weights "$2" --settings "$3" --size 256 --iterations 40 --screenshot "$4" &
    local app=$!
    if [ "$have_xdotool" = 1 ]; then
        scroll_to_styles >/dev/null || echo "screenshot: could not scroll to the style cards" >&2
    fi
    wait "$app"
}

# $1 deepart, $2 weights, $3 settings file, $4 screenshot. Opens the second style's mask editor
# and saves a picture of it; without it, says why and leaves $4 alone.
region_shot() {
    "$1" --weights "$2" --settings "$3" --size 256 &
    local app=$! window dialog status=0
    if window="$(scroll_to_styles)"; then
        # The second card's Region… button, once scrolled (1440x900, DejaVu fonts).
        xdotool mousemove --window "$window" 316 663 click 1
        if dialog="$(timeout 20 xdotool search --sync --onlyvisible --limit 1 \
            --name '^Region for style 2 ')"; then
            # The brush's outline on the painted region, as a painter sees it.
            xdotool mousemove --window "$dialog" 600 380
            sleep 1
            import -window "$dialog" "$4"
            echo "deepart: screenshot saved to $4" >&2
        else
            echo "screenshot: the mask editor did not open (has the layout moved the second" \
                "style's Region… button?); $4 not written" >&2
            status=1
        fi
    else
        echo "screenshot: the window did not show; $4 not written" >&2
        status=1
    fi
    kill "$app"
    wait "$app" || true
    return "$status"
}
# xvfb-run is a POSIX sh script, which drops exported bash functions: they travel as text.
functions="$(declare -f scroll_to_styles styles_shot region_shot)"

XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime" \
    xvfb-run -a -s "-screen 0 1440x900x24" \
    bash -c "$functions"'; styles_shot "$@"' styles_shot \
    "$build/app/deepart" "$work/vgg19-random.h5" "$work/styles.json" "$styles_out"

if [ "$have_xdotool" = 1 ] && [ "$have_import" = 1 ]; then
    XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime" \
        xvfb-run -a -s "-screen 0 1440x900x24" \
        bash -c "$functions"'; region_shot "$@"' region_shot \
        "$build/app/deepart" "$work/vgg19-random.h5" "$work/styles.json" "$region_out"
else
    echo "screenshot: $region_out not written: it needs xdotool and ImageMagick's import" \
        "(apt-get install xdotool imagemagick)" >&2
fi
