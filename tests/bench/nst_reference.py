"""A straightforward PyTorch (Python) implementation of the seed's style transfer.

It serves twice: as the independent reference that tests/core/tst_crosscheck compares the C++
engine's losses against, and as the baseline that tests/bench/compare.sh times deepart-bench
against. It follows the formulas of issue 2 directly and shares no code with the engine.
"""
import torch
import torch.nn.functional as F

LAYERS = [
    "block1_conv1", "block1_conv2", "block2_conv1", "block2_conv2",
    "block3_conv1", "block3_conv2", "block3_conv3", "block3_conv4",
    "block4_conv1", "block4_conv2", "block4_conv3", "block4_conv4",
    "block5_conv1", "block5_conv2", "block5_conv3", "block5_conv4",
]
POOL_AFTER = {"block1_conv2", "block2_conv2", "block3_conv4", "block4_conv4"}
CONTENT_LAYER = "block5_conv2"
STYLE_LAYERS = [("block1_conv1", 0.2), ("block2_conv1", 0.2), ("block3_conv1", 0.2),
                ("block4_conv1", 0.2), ("block5_conv1", 0.2)]
MEAN_BGR = torch.tensor([103.939, 116.779, 123.68]).view(1, 3, 1, 1)


def load_keras_h5(path):
    """{layer: (kernel OxIx3x3, bias)} from a Keras notop file, through h5py."""
    import h5py
    weights = {}
    with h5py.File(path, "r") as f:
        for name in LAYERS:
            group = f[name]
            arrays = [group[n.decode() if isinstance(n, bytes) else n][()]
                      for n in group.attrs["weight_names"]]
            kernel = next(a for a in arrays if a.ndim == 4)
            bias = next(a for a in arrays if a.ndim == 1)
            weights[name] = (torch.from_numpy(kernel).permute(3, 2, 0, 1).contiguous(),
                             torch.from_numpy(bias).clone())
    return weights


def preprocess(rgb01):
    return rgb01.flip(1) * 255.0 - MEAN_BGR.to(rgb01.device)


def features(weights, x, wanted, pooling="max"):
    out = {}
    last = max(LAYERS.index(n) for n in wanted)
    for name in LAYERS[:last + 1]:
        kernel, bias = weights[name]
        x = F.relu(F.conv2d(x, kernel, bias, padding=1))
        if name in wanted:
            out[name] = x
        if name in POOL_AFTER:
            x = F.max_pool2d(x, 2, 2) if pooling == "max" else F.avg_pool2d(x, 2, 2)
    return out


def gram(a):
    a = a.reshape(a.shape[1], -1)
    return a @ a.t()


def content_cost(a_c, a_g):
    _, c, h, w = a_g.shape
    return ((a_c - a_g) ** 2).sum() / (4 * h * w * c)


def layer_style_cost(a_s, a_g):
    _, c, h, w = a_g.shape
    return ((gram(a_s) - gram(a_g)) ** 2).sum() / (4 * c * c * (h * w) ** 2)


def total_variation(img):
    return ((img[:, :, 1:, :] - img[:, :, :-1, :]).abs().sum()
            + (img[:, :, :, 1:] - img[:, :, :, :-1]).abs().sum())


def run(weights, content, style, iterations, alpha=1e4, beta=1e-2, gamma=7.5, lr=0.02,
        init=None, pooling="max", on_iteration=None):
    """Optimizes from `init` (default: the content); yields nothing, calls on_iteration(k, terms)."""
    for kernel, bias in weights.values():
        kernel.requires_grad_(False)
        bias.requires_grad_(False)
    wanted = [CONTENT_LAYER] + [n for n, _ in STYLE_LAYERS]
    with torch.no_grad():
        a_c = features(weights, preprocess(content), [CONTENT_LAYER], pooling)[CONTENT_LAYER]
        a_s = features(weights, preprocess(style), [n for n, _ in STYLE_LAYERS], pooling)
    g = (content.clone() if init is None else init.clone()).requires_grad_(True)
    opt = torch.optim.Adam([g], lr=lr, betas=(0.99, 0.999), eps=0.1)
    for k in range(1, iterations + 1):
        opt.zero_grad()
        acts = features(weights, preprocess(g), wanted, pooling)
        j_content = alpha * content_cost(a_c, acts[CONTENT_LAYER])
        j_style = beta * sum(w * layer_style_cost(a_s[n], acts[n]) for n, w in STYLE_LAYERS)
        j_tv = gamma * total_variation(g)
        total = j_content + j_style + j_tv
        total.backward()
        opt.step()
        with torch.no_grad():
            g.clamp_(0.0, 1.0)
        if on_iteration:
            on_iteration(k, [total.item(), j_content.item(), j_style.item(), j_tv.item()])
    return g.detach()
