#!/usr/bin/env bash
# The CI smoke run of the fuzz targets (docs/RELIABILITY.md): builds them with libFuzzer on stable
# Rust, replays the committed seeds and every input that ever crashed a target
# (fuzz/regressions/TARGET), then fuzzes each target for FUZZ_SMOKE_SECONDS (default 15) seconds.
# Any crash fails the run. Skips, saying why, only when no C++ compiler for libFuzzer can be had.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SMOKE_SECONDS:-15}"
targets=(number screen_json import_csv import_txt import_json sms)

if ! command -v c++ >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq g++ >/dev/null 2>&1 || true
fi
if ! command -v c++ >/dev/null 2>&1; then
    echo "fuzz smoke SKIPPED: no C++ compiler to build libFuzzer with, and apt-get could not install g++"
    exit 0
fi

started=$(date +%s)
./run.sh build
echo "fuzz smoke: built in $(($(date +%s) - started)) s"
for t in "${targets[@]}"; do
    replay=(seeds/"$t"/*)
    if [ -d "regressions/$t" ]; then
        replay+=(regressions/"$t"/*)
    fi
    log="$(mktemp)"
    if ! ./run.sh "$t" -- "${replay[@]}" >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz smoke FAILED: $t crashes on a committed seed or regression input" >&2
        exit 1
    fi
    echo "fuzz smoke: $t replayed ${#replay[@]} seed and regression inputs"
    if ! ./run.sh "$t" "$seconds" -seed=1 >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz smoke FAILED: $t crashed; the input is in fuzz/artifacts/$t" >&2
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz smoke: $t ran $runs inputs in ${seconds} s, no crash"
    rm -f "$log"
done
echo "fuzz smoke: passed in $(($(date +%s) - started)) s"
