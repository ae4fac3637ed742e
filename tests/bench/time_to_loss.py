#!/usr/bin/env python3
"""Time to loss: how long each preset takes to reach the seed preset's final loss.

Runs deepart-cli (the real pipeline) on the same inputs and weights once per preset, sequentially,
with --log-json, and reports for each: iterations, forward/backward evaluations, wall seconds and
the final full-size total loss; for fast and fine also the wall time at which the run's total loss,
at the output size, first reached the seed preset's final loss. The goal of the fast preset is to
end at or below the seed's final loss in at most 25% of the seed's time.

Every run's final image (as saved, 8-bit PNG) is judged in fp32: deepart-cli evaluates it once
with --precision fp32 (one iteration from --init-image; the first log line holds the loss of the
image as given), so a run in bf16 is compared on the same scale as the seed's fp32 run.

usage: time_to_loss.py --cli build/release/app/deepart-cli --weights W.h5 --content C --style S
                       --size 256 [--presets seed,fast,fine] [--threads 2] [--out DIR]
                       [--extra NAME='--flag value ...']   (more runs to compare, by name)
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time


def run(cli, name, args, common, out_dir):
    log = os.path.join(out_dir, f"{name}.jsonl")
    output = os.path.join(out_dir, f"{name}.png")
    cmd = [cli, *common, "--output", output, "--log-json", log, "--save-every", "0", "--quiet",
           *args]
    start = time.monotonic()
    done = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"{name}: deepart-cli failed ({done.returncode}): {done.stderr.strip()}")
    lines = timed([json.loads(line) for line in open(log)])
    return {"name": name, "seconds": seconds, "lines": lines, "loop": lines[-1]["at"],
            "image": output}


def fp32_loss(cli, image, common, out_dir, name):
    """The total loss of `image` under the seed preset's objective, evaluated in fp32."""
    log = os.path.join(out_dir, f"{name}-judged.jsonl")
    cmd = [cli, *common, "--preset", "seed", "--precision", "fp32", "--init-image", image,
           "--iterations", "1", "--output", os.path.join(out_dir, f"{name}-judged.png"),
           "--log-json", log, "--save-every", "0", "--quiet"]
    done = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"{name}: judging in fp32 failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(open(log).readline())["total"]


def timed(lines):
    # Each line's losses are those of the image before that iteration's update, and its "ms" the
    # iteration's own time; the time at which a loss was known is the sum of the ms up to it.
    elapsed = 0.0
    for line in lines:
        elapsed += line["ms"] / 1000.0
        line["at"] = elapsed
    return lines


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True)
    p.add_argument("--weights", required=True)
    p.add_argument("--content", required=True)
    p.add_argument("--style", required=True)
    p.add_argument("--size", type=int, default=256)
    p.add_argument("--presets", default="seed,fast,fine")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--out", default=None)
    p.add_argument("--extra", action="append", default=[])
    p.add_argument("--seed-log", default=None,
                   help="reuse the seed preset's log and seconds of an earlier run (LOG:SECONDS)")
    a = p.parse_args()
    out_dir = a.out or tempfile.mkdtemp(prefix="deepart-ttl-")
    os.makedirs(out_dir, exist_ok=True)
    common = ["--weights", a.weights, "--content", a.content, "--style", a.style, "--size",
              str(a.size), "--threads", str(a.threads), "--device", "cpu"]
    runs = []
    if a.seed_log:
        log, _, seconds = a.seed_log.rpartition(":")
        lines = timed([json.loads(line) for line in open(log)])
        runs.append({"name": "seed", "seconds": float(seconds), "lines": lines,
                     "loop": lines[-1]["at"]})
    for preset in filter(None, a.presets.split(",")):
        runs.append(run(a.cli, preset, ["--preset", preset], common, out_dir))
    for extra in a.extra:
        name, _, flags = extra.partition("=")
        runs.append(run(a.cli, name, shlex.split(flags), common, out_dir))

    for r in runs:
        r["judged"] = (fp32_loss(a.cli, r["image"], common, out_dir, r["name"])
                       if "image" in r else float("nan"))
    seed = next((r for r in runs if r["name"] == "seed"), None)
    target = seed["lines"][-1]["total"] if seed else None
    judged_target = seed["judged"] if seed else float("nan")
    print(f"size {a.size} px, {a.threads} threads; seed's final total loss: {target} "
          f"(its saved image judged in fp32: {judged_target:.6g})")
    # Wall seconds include loading and anything else the machine did meanwhile; the median
    # iteration time times the iterations is the same cost without the noise.
    def steady(r):
        ms = sorted(line["ms"] for line in r["lines"])
        return ms[len(ms) // 2] * len(ms) / 1000.0
    print(f"{'run':>10} {'iterations':>10} {'evaluations':>11} {'seconds':>8} {'median ms':>9}"
          f" {'final total':>13} {'vs seed time':>12} {'(by median)':>11}"
          f" {'reached seed loss at':>21} {'judged fp32':>12} {'vs seed':>8}")
    for r in runs:
        last = r["lines"][-1]
        ratio = r["seconds"] / seed["seconds"] if seed else float("nan")
        reached = "-"
        if target is not None:
            hit = next((l for l in r["lines"] if l["size"] == a.size and l["total"] <= target),
                       None)
            if hit:
                reached = f"{hit['at']:.0f} s (it {hit['iteration']})"
            else:
                reached = "never"
        ms = sorted(line["ms"] for line in r["lines"])[len(r["lines"]) // 2]
        steady_ratio = steady(r) / steady(seed) if seed else float("nan")
        print(f"{r['name']:>10} {last['iteration']:>10} {last['evaluations']:>11} "
              f"{r['seconds']:>8.1f} {ms:>9.1f} {last['total']:>13.6g} {ratio:>12.3f}"
              f" {steady_ratio:>11.3f} {reached:>21} {r['judged']:>12.6g}"
              f" {r['judged'] / judged_target - 1:>+8.2%}")
    print(f"logs and images in {out_dir}")


if __name__ == "__main__":
    main()
