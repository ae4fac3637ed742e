#!/usr/bin/env bash
# packaging/fuzz.sh [SECONDS]: builds the libFuzzer harnesses (the `fuzz` preset: clang,
# AddressSanitizer + UBSan) and runs each for SECONDS (default 30) on its seed corpus
# (tests/fuzz/corpus/<name>, left untouched; what the fuzzer adds goes to build/fuzz/corpus/).
# A crash, leak, sanitizer report, timeout or out-of-memory is saved under
# build/fuzz/findings/<name>/ and replayed alone: one that reproduces makes the script exit 1 and
# is printed with its input (to reproduce a CI finding from CI's log), unless it is libhdf5's own
# (the weights harness; see owner_of_report). FUZZ_JOBS=N runs the harnesses side by side
# (default: one after the other); FUZZ_HARNESSES="weights" runs only those named.
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
# libhdf5 asks malloc for sizes it reads from the file (gigabytes to terabytes, in a damaged one)
# and copes with a NULL answer. ASan answers NULL above 2 GiB, as malloc does on a machine without
# that much memory, instead of reporting; below, it hands the memory out. Without that limit a
# 16 GiB request libhdf5 never touches cost 2 GiB of ASan's shadow (an eighth of it): an
# out-of-memory under ASan only (the release build's peak on that file: 172 MB). Full stacks for
# the suppressions of libhdf5's own leaks (tests/fuzz/lsan.supp).
weights_asan="allocator_may_return_null=1:max_allocation_size_mb=2048:fast_unwind_on_malloc=0"
asan_options() {
    if [ "$1" = weights ]; then echo "$weights_asan"; fi
}
# Runs one input by itself: replay_alone ASAN_OPTIONS NAME INPUT [libFuzzer flags, overriding].
replay_alone() {
    local asan="$1" name="$2" artifact="$3"
    shift 3
    ASAN_OPTIONS="$asan" \
        LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" timeout 120 \
        "build/fuzz/tests/fuzz/fuzz_$name" -rss_limit_mb=2048 -malloc_limit_mb=1048576 \
        -timeout=10 "$@" "$artifact" 2>&1 || true
}
run_one() {
    local name="$1"
    local work="build/fuzz/corpus/$name" findings="build/fuzz/findings/$name"
    mkdir -p "$work" "$findings"
    local extra=()
    if [ "$name" = weights ]; then
        # libFuzzer must not count libhdf5's huge requests as findings (memory really used
        # still is one: -rss_limit_mb). libhdf5 1.10.8 also reads out of bounds on some damaged
        # files (a crash under ASan, inside the library): fork mode keeps fuzzing past those,
        # and each finding is classified below.
        extra=(-malloc_limit_mb=1048576 -fork=1 -ignore_crashes=1)
    fi
    # -rss_limit_mb: the harnesses' own limits keep memory far below it, so reaching it is a
    # finding; -timeout: one input taking 10 s is one too (e.g. a JPEG with thousands of scans).
    ASAN_OPTIONS="$(asan_options "$name")" LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" \
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
# Whose fault a report is, for the weights harness (libhdf5 1.10.8 has faults of its own on
# damaged files). The stacks that decide: the report's first stack, the one that allocated the
# memory of a heap error, each leak's, and for an out-of-memory the largest live allocation's
# (libFuzzer prints the heap profile). Each belongs to its first frame inside libhdf5 or inside
# our sources; frames of the sanitizers, libc, libstdc++ and libFuzzer are skipped, so a memcpy
# the library calls is the library's and a vector we size from the file is ours. Prints
# "libhdf5" only when every deciding stack leads into libhdf5, "ours" otherwise (unknown too).
owner_of_report() {
    awk '
        function frame(line) {
            if (stack == "") return
            seen[stack] = 1
            if (owner[stack] != "") return
            if (line ~ /libhdf5/) owner[stack] = "libhdf5"
            else if (line ~ /\/(core|tests\/fuzz)\/[^ ]*\.(cpp|h):[0-9]+/) owner[stack] = "ours"
        }
        /Live Heap Allocations/ { profile = 1; stack = ""; next }
        profile { if ($0 ~ /^ +#/) { stack = "profile"; frame($0) }
                  else if (stack != "") exit
                  next }
        /ERROR: / && !report { report = 1; stack = "first"; next }
        !report { next }
        /allocated by thread|leak of .* allocated from/ { stack = "s" NR; next }
        /^ +#/ { frame($0); next }
        /^$/ { stack = "" }
        END {
            verdict = "libhdf5"; any = 0
            for (s in seen) { any = 1; if (owner[s] != "libhdf5") verdict = "ours" }
            print (any ? verdict : "ours")
        }'
}
# A finding of ours is printed in full enough to reproduce it from CI's log alone: the report's
# key lines and the input, gzip + base64 (inputs are small; a larger one is named only).
print_finding() {
    local name="$1" artifact="$2" replay="$3"
    echo "fuzz: $name: finding $artifact"
    grep -E 'ERROR|runtime error|SUMMARY|^ +#[0-9]+ ' <<<"$replay" | head -16 | cut -c1-200 |
        sed 's/^/    /'
    local encoded
    encoded=$(gzip -9c "$artifact" | base64 -w 100)
    if [ "${#encoded}" -le 65536 ]; then
        echo "    the input (base64 -d | gunzip > input), $(stat -c %s "$artifact") bytes:"
        sed 's/^/    /' <<<"$encoded"
    else
        echo "    the input is $(stat -c %s "$artifact") bytes: too large to print"
    fi
}
for name in "${names[@]}"; do
    log="build/fuzz/$name.log"
    # Executions: the final statistics, or in fork mode the last progress line.
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' |
        tail -1 || true)
    [ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    ours=0 library=0 alone=0
    for artifact in "build/fuzz/findings/$name"/*; do
        [ -e "$artifact" ] || continue
        # Each finding is replayed alone: what it does by itself decides whose it is.
        # An out-of-memory is found by libFuzzer's once-a-second check of the peak: the replay
        # repeats the input so that a quick one is still running when the check comes.
        runs=1
        case "$(basename "$artifact")" in oom-*) runs=100 ;; esac
        replay=$(replay_alone "$(asan_options "$name")" "$name" "$artifact" -runs="$runs")
        if ! grep -qE 'ERROR|runtime error' <<<"$replay"; then
            # Not reproducible alone (e.g. memory that earlier inputs of a long run left behind).
            alone=$((alone + 1))
            continue
        fi
        if [ "$name" = weights ]; then
            evidence="$replay"
            if grep -q 'ERROR: libFuzzer: out-of-memory' <<<"$replay"; then
                # Memory freed before libFuzzer's check is in no heap profile: then the first
                # request of 256 MiB or more decides, which ASan reports with its stack.
                big=$(replay_alone "allocator_may_return_null=0:max_allocation_size_mb=256:fast_unwind_on_malloc=0" \
                    "$name" "$artifact" -runs=1 -rss_limit_mb=8192)
                if grep -q 'requested allocation size' <<<"$big"; then evidence="$big"; fi
            fi
            if [ "$(owner_of_report <<<"$evidence")" = libhdf5 ]; then
                library=$((library + 1))
                continue
            fi
        fi
        ours=$((ours + 1))
        print_finding "$name" "$artifact" "$replay"
    done
    if [ "$ours" -eq 0 ] && [ "$library" -eq 0 ] && [ "$alone" -eq 0 ] &&
        grep -qE '^SUMMARY: |runtime error:' "$log"; then
        ours=1 # a report that left no input behind
        grep -E 'ERROR|runtime error|SUMMARY' "$log" | head -5
    fi
    note=""
    [ "$library" -eq 0 ] || note+=" ($library inside libhdf5, kept in build/fuzz/findings/$name/)"
    [ "$alone" -eq 0 ] || note+=" ($alone not reproducible alone, kept in build/fuzz/findings/$name/)"
    if [ "$ours" -gt 0 ]; then
        echo "fuzz: $name: FOUND A PROBLEM after ${execs:-?} executions$note; see $log and build/fuzz/findings/$name/"
        failed=1
    else
        echo "fuzz: $name: ${execs:-?} executions in ${seconds} s, nothing found in our code$note"
    fi
done
exit "$failed"
