"""Runs tests/bench/nst_reference.py on inputs written by tst_crosscheck and prints its losses.

usage: crosscheck.py WEIGHTS.h5 CONTENT.f32 CH CW STYLE.f32 SH SW ITERATIONS OUT_IMAGE.f32
Images are raw float32 1x3xHxW in [0,1]. Prints one line "k total content style tv" per iteration.
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bench"))
import nst_reference as ref  # noqa: E402


def image(path, h, w):
    return torch.from_numpy(np.fromfile(path, dtype=np.float32).reshape(1, 3, int(h), int(w)))


def main():
    weights_path, content_path, ch, cw, style_path, sh, sw, iterations, out_path = sys.argv[1:]
    torch.set_num_threads(2)
    weights = ref.load_keras_h5(weights_path)
    final = ref.run(weights, image(content_path, ch, cw), image(style_path, sh, sw),
                    int(iterations),
                    on_iteration=lambda k, terms: print(k, *(repr(t) for t in terms)))
    final.numpy().astype(np.float32).tofile(out_path)


if __name__ == "__main__":
    main()
