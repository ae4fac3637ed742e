#!/usr/bin/env bash
# The GPU path, run: on a machine with an NVIDIA GPU and PyTorch 2.x (no Qt, OpenCV or HDF5
# needed), builds the engine-only preset against that PyTorch's LibTorch, checks CUDA fp32 (TF32
# off) against the CPU in fp32 over the first 3 iterations (relative error < 1e-3), then times
# iterations at 512, 1024 and 2048 px in fp32, tf32, bf16 and fp16 with the GPU's peak memory,
# and prints one table. Meant to finish in under 5 minutes on a current GPU.
#
# usage: tests/bench/gpu-check.sh [PYTHON]     (PYTHON: the python3 that has torch [python3])
# The table is also written to $OUT/gpu-check.txt when OUT is set (else build/engine-only/).
# Exit status: 0 when everything ran and the cross-check passed, 1 otherwise.
# A dry run of the script itself on a machine without a GPU (CPU, small sizes, no memory column):
#   GPU_CHECK_DEVICE=cpu GPU_CHECK_SIZES="32 64" GPU_CHECK_PRECISIONS="fp32 bf16" \
#       tests/bench/gpu-check.sh /usr/bin/python3
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
python="${1:-python3}"
build=build/engine-only
bench="$build/app/deepart-bench"
report="${OUT:-$build}/gpu-check.txt"
device="${GPU_CHECK_DEVICE:-cuda}"
read -r -a sizes <<<"${GPU_CHECK_SIZES:-512 1024 2048}"
read -r -a precisions <<<"${GPU_CHECK_PRECISIONS:-fp32 tf32 bf16 fp16}"
status=0

say() { echo "gpu-check: $*" >&2; }
fail() { say "$*"; exit 1; }

prefix=$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)') ||
    fail "'$python' cannot import torch; pass the python3 that has PyTorch 2.x"
torch_version=$("$python" -c 'import torch; print(torch.__version__)')
if [ "$device" = cuda ]; then
    command -v nvidia-smi >/dev/null || fail "nvidia-smi not found: this check needs an NVIDIA GPU"
    "$python" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' ||
        fail "PyTorch sees no CUDA device"
    gpu=$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader -i 0)
else
    gpu="none (dry run on the $device)"
fi
say "PyTorch $torch_version at $prefix; GPU $gpu"

# The official wheels' CMake files look for the CUDA toolkit (nvcc) when LibTorch is found.
mkdir -p build
start=$(date +%s)
cmake --preset engine-only -DCMAKE_PREFIX_PATH="$prefix" >"$build.configure.log" 2>&1 ||
    { cat "$build.configure.log" >&2; fail "configuring the engine-only preset failed (above)"; }
cmake --build --preset engine-only --target deepart-bench -j "$(nproc)" >"$build.build.log" 2>&1 ||
    { tail -n 60 "$build.build.log" >&2; fail "building deepart-bench failed (above)"; }
say "built in $(( $(date +%s) - start )) s"

# 1. CUDA fp32 against the CPU reference (deepart-bench exits 1 when they disagree).
crosscheck=$("$bench" --device "$device" --precision fp32 --sizes 256 --cross-check 3 \
    --tolerance 1e-3 --threads "$(nproc)" 2>&1)
crosscheck_status=$?
echo "$crosscheck"
[ "$crosscheck_status" -eq 0 ] || status=1

# 2. Time per iteration and peak GPU memory, one process per size and precision so that each
# peak is its own. The peak is nvidia-smi's memory in use on the GPU (sampled every 100 ms)
# minus what was in use before: what the process holds, CUDA context and cached blocks included.
used_mib() {
    if [ "$device" = cuda ]; then
        nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -i 0 | head -n1
    else
        echo 0
    fi
}
idle=$(used_mib)
declare -A ms peak
for size in "${sizes[@]}"; do
    for precision in "${precisions[@]}"; do
        log="$build/bench-$size-$precision.txt"
        "$bench" --device "$device" --precision "$precision" --sizes "$size" --iterations 8 \
            --warmup 3 >"$log" 2>&1 &
        pid=$!
        highest=$idle
        while kill -0 "$pid" 2>/dev/null; do
            now=$(used_mib)
            [ "$now" -gt "$highest" ] && highest=$now
            sleep 0.1
        done
        if wait "$pid"; then
            ms[$size,$precision]=$(awk -v s="$size" '$1 == s { print $2 }' "$log")
            peak[$size,$precision]=$((highest - idle))
        else
            say "$size px $precision failed: $(tail -n 1 "$log")"
            ms[$size,$precision]="failed"
            peak[$size,$precision]="-"
            status=1
        fi
        say "$size px $precision: ${ms[$size,$precision]} ms/it, ${peak[$size,$precision]} MiB"
    done
done

{
    echo "deepart gpu-check: $gpu; PyTorch $torch_version (LibTorch of the same); $(date -u +%F)"
    echo "cross-check ($device fp32, TF32 off, vs CPU fp32, 256 px, iterations 1-3):" \
        "$(echo "$crosscheck" | tail -n 1)"
    echo
    echo "| size | precision | ms / iteration | vs fp32 | peak GPU memory |"
    echo "| --- | --- | --- | --- | --- |"
    for size in "${sizes[@]}"; do
        for precision in "${precisions[@]}"; do
            t=${ms[$size,$precision]}
            base=${ms[$size,fp32]}
            ratio=$(awk -v t="$t" -v b="$base" \
                'BEGIN { if (t + 0 > 0 && b + 0 > 0) printf "%.2f", t / b; else print "-" }')
            echo "| $size px | $precision | $t | $ratio | ${peak[$size,$precision]} MiB |"
        done
    done
} | tee "$report"
say "table written to $report; total $(( $(date +%s) - start )) s"
exit "$status"
