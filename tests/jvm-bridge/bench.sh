#!/usr/bin/env bash
# The JNI round trip benchmark (issue 6; DESIGN §9: p50 ≤ 30 µs): times a Kotlin call
# `CallGuard.screen(request)` to its decoded `Decision`, call by call, over the data set and call
# mix of the native benchmarks, and splits the cost into encode, native call (JNI + engine),
# decode and a bare JNI call. Prints p50, p99, p99.9, max and mean in microseconds.
#
#   tests/jvm-bridge/bench.sh [--quick] [--calls N] [--warmup N]
#
# Builds the release libcallguard_jni (never the test-panic debug build run.sh uses) and the
# `dataset` binary of callguard-bench, builds the data set and the mix in a temporary directory
# (removed afterwards), compiles the harness (src/test/kotlin/.../bench/JniRoundTrip.kt) with
# `mvn -Pbench` into that directory, and runs it on a JDK 17 WITHOUT -Xcheck:jni, which would
# distort the timings (the correctness suite, run.sh, keeps it on).
#
# --quick: the small data set (a hundredth) and 5,000 calls, well under a minute; CI runs it as a
# smoke test. Nothing here asserts a timing: the script fails only when a step errors.
# Full mode (1M exact rules, 100k calls) takes a few minutes, most of it building the data set.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

usage() { echo "usage: bench.sh [--quick] [--calls N] [--warmup N]" >&2; exit 2; }
quick=0
calls=""
warmup=20000
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1; shift ;;
        --calls) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || usage; calls="$2"; shift 2 ;;
        --warmup) [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || usage; warmup="$2"; shift 2 ;;
        *) usage ;;
    esac
done
if [[ -z "$calls" ]]; then
    if [[ "$quick" -eq 1 ]]; then calls=5000; else calls=100000; fi
fi

# shellcheck source=jdk.sh
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
jobs="${CARGO_BUILD_JOBS:-1}"
# Two separate builds, so that neither package's features leak into the other's artifacts.
cargo build --manifest-path "$root/Cargo.toml" --release -p callguard-jni -j "$jobs"
cargo build --manifest-path "$root/Cargo.toml" --release -p callguard-bench --bin dataset -j "$jobs"

work="$(mktemp -d "${TMPDIR:-/tmp}/callguard-jni-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# A private copy: a concurrent cargo build may replace target/release/libcallguard_jni.so.
lib="$work/libcallguard_jni.so"
cp "$CARGO_TARGET_DIR/release/libcallguard_jni.so" "$lib"
if nm -D --defined-only "$lib" | grep -q 'NativeBridge_panicForTest'; then
    echo "bench.sh: $lib exports panicForTest: a test-panic build, not the release one" >&2
    exit 1
fi

if [[ "$quick" -eq 1 ]]; then mode=quick; else mode=full; fi
dataset_args=(--db "$work/bench.db" --calls "$calls" --mix-out "$work/mix.txt")
[[ "$quick" -eq 1 ]] && dataset_args+=(--quick)
"$CARGO_TARGET_DIR/release/dataset" "${dataset_args[@]}"

cd "$here"
if ! mvn -B -q -Dstyle.color=never -Pbench -Dbench.buildDir="$work/build" test-compile >"$work/mvn.log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$work/mvn.log" >&2
    echo "bench.sh: compiling the harness failed" >&2
    exit 1
fi
classpath="$work/build/test-classes:$work/build/classes:$(cat "$work/build/classpath.txt")"

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load:$(uptime | sed 's/.*load average://')"
# A fixed heap, so the heap does not resize during the timed passes; no -Xcheck:jni (see above).
java -Xms1g -Xmx1g -Dcallguard.lib="$lib" -cp "$classpath" org.callguard.bridge.bench.JniRoundTrip \
    --db "$work/bench.db" --mix "$work/mix.txt" --warmup "$warmup" --name "$mode data set"
echo "load after the run:$(uptime | sed 's/.*load average://')"
