"""Times tests/bench/nst_reference.py (the Python baseline) per iteration, like deepart-bench."""
import argparse
import statistics
import time

import torch

import nst_reference as ref


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="256")
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--threads", type=int, default=0)
    args = p.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    weights, inputs = {}, 3
    widths = [64, 64, 128, 128] + [256] * 4 + [512] * 8
    for name, out in zip(ref.LAYERS, widths):
        scale = (2.0 / (9 * inputs)) ** 0.5
        weights[name] = (torch.randn(out, inputs, 3, 3) * scale, torch.randn(out) * 0.01)
        inputs = out
    print(f"python baseline: torch {torch.__version__}, {torch.get_num_threads()} threads")
    for size in (int(s) for s in args.sizes.split(",")):
        content, style = torch.rand(1, 3, size, size), torch.rand(1, 3, size, size)
        stamps = []
        ref.run(weights, content, style, args.warmup + args.iterations,
                on_iteration=lambda k, _: stamps.append(time.perf_counter()))
        # The first stamp closes warm-up iteration 1; differences of later stamps time one
        # iteration each, including the loss read-back, as deepart-bench does.
        times = [(b - a) * 1000 for a, b in zip(stamps[args.warmup - 1:], stamps[args.warmup:])]
        print(f"  {size:4d}   median {statistics.median(times):8.1f} ms/it   "
              f"mean {statistics.mean(times):8.1f} ms/it")


if __name__ == "__main__":
    main()
