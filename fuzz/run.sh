#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer on *stable* Rust and runs one of them.
#
#   fuzz/run.sh build                   build every target
#   fuzz/run.sh TARGET SECONDS [ARGS]   fuzz TARGET for SECONDS (extra libFuzzer ARGS allowed)
#   fuzz/run.sh TARGET -- FILE...       replay inputs (a crash file, a corpus) once each
#
# Coverage comes from LLVM's SanitizerCoverage passes (`-C passes=sancov-module`), which stable
# rustc accepts; libfuzzer-sys builds libFuzzer itself with the C++ compiler. No nightly, no
# AddressSanitizer (the Rust is memory-safe; SQLite is C we do not instrument). With a nightly
# toolchain and cargo-fuzz installed, `cargo +nightly fuzz run TARGET` uses the same files.
#
# The growing corpus lives in fuzz/corpus/TARGET (not committed), seeded from the committed
# fuzz/seeds/TARGET; crashes land in fuzz/artifacts/TARGET.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
caller="$PWD"
cd "$here"
targets=(number screen_json import_csv import_txt import_json sms)
triple="$(rustc -vV | sed -n 's/^host: //p')"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/target}"
bin_dir="$CARGO_TARGET_DIR/$triple/release"

build() {
    # --target keeps RUSTFLAGS off build scripts and proc macros, as cargo-fuzz does.
    RUSTFLAGS="--cfg fuzzing -C passes=sancov-module -C llvm-args=-sanitizer-coverage-level=4 \
-C llvm-args=-sanitizer-coverage-inline-8bit-counters -C llvm-args=-sanitizer-coverage-pc-table \
-C llvm-args=-sanitizer-coverage-trace-compares -C debug-assertions -C overflow-checks" \
        cargo build --release --target "$triple" -j"${FUZZ_JOBS:-1}" --bins
}

case "${1:-}" in
build)
    build
    exit 0
    ;;
"" | -h | --help)
    sed -n '2,14p' "$0"
    exit 2
    ;;
esac

target="$1"
shift
[[ " ${targets[*]} " == *" $target "* ]] || {
    echo "unknown target $target; one of: ${targets[*]}" >&2
    exit 2
}
[ -x "$bin_dir/$target" ] && [ -z "${FUZZ_REBUILD:-}" ] || build

if [ "${1:-}" = "--" ]; then
    shift
    # Files named relative to where the script was called from.
    files=()
    for f in "$@"; do
        case "$f" in
        /* | -*) files+=("$f") ;;
        *) if [ -e "$caller/$f" ]; then files+=("$caller/$f"); else files+=("$f"); fi ;;
        esac
    done
    exec "$bin_dir/$target" "${files[@]}"
fi

seconds="${1:?how many seconds}"
shift
mkdir -p "corpus/$target" "artifacts/$target"
dict=()
if [ -f "dicts/$target.dict" ]; then
    dict=(-dict="dicts/$target.dict")
fi
exec "$bin_dir/$target" "corpus/$target" "seeds/$target" "${dict[@]}" \
    -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="artifacts/$target/" -print_final_stats=1 "$@"
