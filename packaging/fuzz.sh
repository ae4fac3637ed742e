#!/usr/bin/env bash
# packaging/fuzz.sh [SECONDS]: builds the libFuzzer harnesses (the `fuzz` preset: clang,
# AddressSanitizer + UBSan) and runs each for SECONDS (default 30) on its seed corpus
# (tests/fuzz/corpus/<name>, left untouched; what the fuzzer adds goes to build/fuzz/corpus/).
# A crash, leak, sanitizer report or timeout is saved under build/fuzz/findings/<name>/ and makes
# the script exit 1. FUZZ_JOBS=N runs the harnesses side by side (default: one after the other);
# FUZZ_HARNESSES="weights" runs only those named.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
./packaging/install-deps.sh
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake --preset fuzz "${launcher[@]}" >/dev/null
cmake --build --preset fuzz

# The weights harness writes each input to a file in TMPDIR (one per process): kept here.
export TMPDIR="$PWD/build/fuzz/tmp"
mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT
failed=0
weights_asan="allocator_may_return_null=1:fast_unwind_on_malloc=0"
run_one() {
    local name="$1"
    local work="build/fuzz/corpus/$name" findings="build/fuzz/findings/$name"
    mkdir -p "$work" "$findings"
    local asan="" extra=()
    if [ "$name" = weights ]; then
        # libhdf5 asks malloc for sizes it reads from the file (terabytes, in a damaged one) and
        # copes with a NULL answer, which is what the program gets from malloc: ASan must answer
        # NULL too instead of reporting, and libFuzzer must not count such a request as a
        # finding (memory really used still is one: -rss_limit_mb). Full stacks for the
        # suppressions of libhdf5's own leaks (tests/fuzz/lsan.supp). libhdf5 1.10.8 also reads
        # out of bounds on some damaged files (a crash under ASan, inside the library): fork
        # mode keeps fuzzing past those, and each crash is classified below.
        asan="$weights_asan"
        extra=(-malloc_limit_mb=1048576 -fork=1 -ignore_crashes=1)
    fi
    # -rss_limit_mb: the harnesses' own limits keep memory far below it, so reaching it is a
    # finding; -timeout: one input taking 10 s is one too (e.g. a JPEG with thousands of scans).
    ASAN_OPTIONS="$asan" LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" \
        "build/fuzz/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 "${extra[@]}" -print_final_stats=1 -artifact_prefix="$findings/" \
        "$work" "tests/fuzz/corpus/$name" >"build/fuzz/$name.log" 2>&1
}
read -r -a names <<<"${FUZZ_HARNESSES:-image weights settings manifest}"
pids=()
for name in "${names[@]}"; do
    if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
        run_one "$name" & pids+=($!)
    else
        run_one "$name" || true
    fi
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
for name in "${names[@]}"; do
    log="build/fuzz/$name.log"
    # Executions: the final statistics, or in fork mode the last progress line.
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' |
        tail -1 || true)
    [ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    ours=0 library=0
    for artifact in "build/fuzz/findings/$name"/*; do
        [ -e "$artifact" ] || continue
        if [ "$name" = weights ]; then
            # A crash whose frame #0 is inside libhdf5 is the library's (reported, not failed).
            replay=$(ASAN_OPTIONS="$weights_asan" LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" \
                "build/fuzz/tests/fuzz/fuzz_$name" -malloc_limit_mb=1048576 "$artifact" 2>&1 || true)
            if ! grep -qE 'ERROR|runtime error' <<<"$replay"; then
                continue # not reproducible alone (a leak suppressed on replay, a timeout)
            fi
            if grep -qE '^ +#0 .*libhdf5' <<<"$replay"; then
                library=$((library + 1))
                continue
            fi
        fi
        ours=$((ours + 1))
        echo "fuzz: $name: finding $artifact"
    done
    if [ "$name" != weights ] && grep -qE '^SUMMARY: |runtime error:' "$log"; then
        ours=$((ours + 1))
    fi
    if [ "$ours" -gt 0 ]; then
        echo "fuzz: $name: FOUND A PROBLEM after ${execs:-?} executions; see $log and build/fuzz/findings/$name/"
        grep -E 'ERROR|runtime error|SUMMARY|Test unit written' "$log" | head -5
        failed=1
    else
        note=""
        [ "$library" -eq 0 ] || note=" ($library crash(es) inside libhdf5, kept in build/fuzz/findings/$name/)"
        echo "fuzz: $name: ${execs:-?} executions in ${seconds} s, nothing found in our code$note"
    fi
done
exit "$failed"
