#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace deepart {

// A rectangle of pixels (or of activation positions), half-open.
struct PixelRect {
    int top = 0;
    int left = 0;
    int height = 0;
    int width = 0;

    long long pixels() const { return static_cast<long long>(height) * width; }
    bool operator==(const PixelRect& o) const {
        return top == o.top && left == o.left && height == o.height && width == o.width;
    }
};

// Where a tile's core lies at one VGG-19 layer: in the whole image's activation (to crop targets
// and masks) and in the tile's own activation (to crop what the tile computed).
struct LayerWindow {
    std::int64_t top = 0; // in the whole image's activation
    std::int64_t left = 0;
    std::int64_t height = 0;
    std::int64_t width = 0;
    std::int64_t tileTop = 0; // the same core in the tile's activation
    std::int64_t tileLeft = 0;

    bool empty() const { return height <= 0 || width <= 0; }
};

// How an image is cut for exact tiled evaluation of VGG-19 up to a layer. The cores partition the
// image; each tile is its core grown by a halo (clipped to the image) of at least the deepest
// layer's receptive-field radius, so every activation at a core position is computed from the
// same pixels as in the whole image. Cores and tiles start on multiples of the deepest layer's
// pooling stride (16 in block 5), so the 2x2 poolings group the same pixels as they do in the
// whole image, and a core's positions at each layer are exactly its pixels divided by the
// stride. A tile on the image's border meets the same zero padding as the whole image does.
class TilePlan {
public:
    struct Tile {
        PixelRect core;   // the pixels whose activations this tile owns
        PixelRect region; // core and halo: what the network runs on
    };

    // Cores of at most `coreSize` pixels a side (rounded up to the stride), balanced: an image of
    // 1000 px with cores of 512 gets two of 512 and 488, not 512 and a sliver. `coreSize` must be
    // positive.
    TilePlan(int width, int height, int coreSize, int deepestLayer);

    int width() const { return width_; }
    int height() const { return height_; }
    int coreSize() const { return coreSize_; }
    int halo() const { return halo_; }
    int stride() const { return stride_; }
    const std::vector<Tile>& tiles() const { return tiles_; }
    bool tiled() const { return tiles_.size() > 1; }
    // The largest tile's pixels (what one pass of the network holds at a time).
    long long largestTilePixels() const;
    // All tiles' pixels together (the network's work per pass, halos included).
    long long totalTilePixels() const;

    LayerWindow window(std::size_t tile, int layer) const;

    // Cropping as the tile goes through the network: after `layer`, the later layers (up to the
    // deepest) still reach only that much less far from the core, so the tile's activation can
    // be cut to the core grown by what is left of the receptive-field radius (rounded out to the
    // stride, so that poolings group as before), in positions of the tile's activation. Values
    // near a cut are wrong (zero padding), but only where nothing after needs them: the core's
    // activations at every layer are those of the whole image. Saves a tenth to a sixth of a
    // tile's work, the most in blocks 3 to 5.
    PixelRect neededAt(std::size_t tile, int layer) const;
    // The cut to make at `layer` in the activation as it arrives there: already cut to
    // neededAt() of the layer before (halved by a pooling between them).
    PixelRect cutAt(std::size_t tile, int layer) const;
    // window(), in the activation cut to neededAt().
    LayerWindow windowInNeeded(std::size_t tile, int layer) const;

    // 2x2 poolings before `layer` (0 in block 1, 4 in block 5).
    static int poolingsBefore(int layer);
    // A layer's activation side for an image side (VGG-19's poolings round down).
    static std::int64_t activationSide(int pixels, int layer);
    // The halo for a network up to `deepestLayer`: its receptive-field radius (86 px at
    // block5_conv2, 70 at block5_conv1) rounded up to the stride.
    static int haloFor(int deepestLayer);
    static int strideFor(int deepestLayer);

private:
    int width_;
    int height_;
    int coreSize_;
    int halo_;
    int stride_;
    int deepestLayer_;
    std::vector<Tile> tiles_;
};

} // namespace deepart
