#!/usr/bin/env bash
# Every test CallGuard has, in the order a failure is cheapest to see: formatting and lints,
# the Rust core and CLI, the JNI bridge on a host JVM, and the Android app's link and compile
# checks. Any failure stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "clippy (-D warnings)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests: core, CLI and JNI crate"
cargo test --workspace --locked

for suite in tests/jvm-bridge/run.sh tests/android-check/run.sh; do
    if [ -x "$suite" ]; then
        step "$suite"
        "$suite"
    fi
done

step "all tests passed"
