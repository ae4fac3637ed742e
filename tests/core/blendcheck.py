"""The style term of blended, scaled and masked styles, computed independently of the engine.

usage: blendcheck.py WEIGHTS.h5 SPEC.json
SPEC (written by tst_styleblend):
  {"content": {"path": P, "h": H, "w": W}, "beta": B,
   "cases": [{"styles": [{"path": P, "h": H, "w": W, "weight": X, "scale": S, "mask": P or ""}]}]}
Images are raw float32 1x3xHxW in [0,1], masks raw float32 1x1xHxW at the content's size.
Prints, per case, the style term (beta times the layer-weighted sum) at the content image, which
is what the engine reports for iteration 1 of a run that starts from the content.

The formulas, written from the issue's specification (not from the engine's code):
  - blend weights are normalized to sum 1 over all styles; styles with the same mask (or none)
    form a region, and within it the weights are normalized again; styles of weight 0 take no
    part;
  - per style layer, N_k = positions of style k's activation, common = sum_k w_k N_k / s_k^2,
    target = sum_k w_k gram(A_k) common / N_k;
  - without a mask: cost = sum((gram(G) - target)^2) / (4 C^2 N_G^2);
  - with a mask m (area-resampled to the layer), E = sum(m^2): G is multiplied by m, the target
    by E / N_G, and E replaces N_G in the denominator; the cost is weighted by mean(m);
  - with several regions, each region's cost is also weighted by its total blend weight times
    the number of regions.
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bench"))
import nst_reference as ref  # noqa: E402


def raw(path, channels, h, w):
    return torch.from_numpy(
        np.fromfile(path, dtype=np.float32).reshape(1, channels, int(h), int(w)))


def gram64(a):
    a = a.double().reshape(a.shape[1], -1)
    return a @ a.t()


def style_term(weights, content, styles, beta):
    layers = [name for name, _ in ref.STYLE_LAYERS]
    with torch.no_grad():
        generated = ref.features(weights, ref.preprocess(content), layers)
        style_features = [ref.features(weights, ref.preprocess(raw(s["path"], 3, s["h"], s["w"])),
                                       layers) for s in styles]
        total_weight = sum(s["weight"] for s in styles)
        regions = {}  # mask path ("" for none) -> indices of its styles, in order of appearance
        for k, s in enumerate(styles):
            if s["weight"] > 0:  # a style of weight 0 takes no part
                regions.setdefault(s["mask"], []).append(k)
        j = 0.0
        for name, layer_weight in ref.STYLE_LAYERS:
            a_g = generated[name]
            _, c, h, w = a_g.shape
            n_g = h * w
            for mask_path, members in regions.items():
                region_weight = sum(styles[k]["weight"] for k in members)
                within = {k: styles[k]["weight"] / region_weight for k in members}
                sizes = {k: style_features[k][name].shape[2] * style_features[k][name].shape[3]
                         for k in members}
                common = sum(within[k] * sizes[k] / styles[k]["scale"] ** 2 for k in members)
                target = sum(within[k] * gram64(style_features[k][name]) * common / sizes[k]
                             for k in members)
                weight = 1.0 if len(regions) == 1 else \
                    region_weight / total_weight * len(regions)
                if mask_path:
                    m = F.interpolate(raw(mask_path, 1, content.shape[2], content.shape[3]),
                                      size=(h, w), mode="area")
                    energy = (m.double() ** 2).sum().item()
                    if energy <= 0.0:
                        continue
                    target = target * energy / n_g
                    weight *= m.double().sum().item() / n_g
                    g = gram64(a_g * m)
                    positions = energy
                else:
                    g = gram64(a_g)
                    positions = n_g
                cost = ((g - target) ** 2).sum().item() / (4.0 * c * c * positions ** 2)
                j += layer_weight * weight * cost
        return beta * j


def main():
    weights_path, spec_path = sys.argv[1:]
    torch.set_num_threads(2)
    with open(spec_path) as f:
        spec = json.load(f)
    weights = ref.load_keras_h5(weights_path)
    c = spec["content"]
    content = raw(c["path"], 3, c["h"], c["w"])
    for case in spec["cases"]:
        print(repr(style_term(weights, content, case["styles"], spec["beta"])))


if __name__ == "__main__":
    main()
