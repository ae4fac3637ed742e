#!/usr/bin/env bash
# Times deepart-bench against the straightforward PyTorch (Python) baseline of the same
# algorithm, on the same LibTorch (Debian's python3-torch) and thread count, and prints the ratio.
# usage: tests/bench/compare.sh [BUILD_DIR] [SIZE] [ITERATIONS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build/release}"
size="${2:-256}"
iterations="${3:-10}"
threads="$(nproc)"

cpp=$("$build/app/deepart-bench" --device cpu --sizes "$size" --iterations "$iterations" \
    --threads "$threads")
echo "$cpp"
py=$(cd "$here" && /usr/bin/python3 baseline.py --sizes "$size" --iterations "$iterations" \
    --threads "$threads")
echo "$py"
cpp_ms=$(echo "$cpp" | awk -v s="$size" '$1 == s { print $2 }')
py_ms=$(echo "$py" | awk -v s="$size" '$1 == s { print $3 }')
awk -v c="$cpp_ms" -v p="$py_ms" -v s="$size" -v t="$threads" \
    'BEGIN { printf "%d px, %d threads: deepart %.1f ms/it, Python %.1f ms/it, ratio %.2f\n", s, t, c, p, c / p }'
