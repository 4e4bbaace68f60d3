#!/usr/bin/env bash
# Every test CallGuard has, in the order a failure is cheapest to see: formatting and lints,
# the Rust core and CLI (and the JNI crate's own tests), the Rust type-checked for Android, the
# JNI bridge on a host JVM under -Xcheck:jni, the Android app's link and compile checks with its
# JVM tests, the app running on Robolectric (SDK 29, 35, 36) against the real engine, and the
# benchmarks' quick mode as a smoke test (no timing assertions). Any failure stops the run,
# non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "clippy (-D warnings)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests: core, CLI, JNI crate, benchmarks' generator"
cargo test --workspace --locked

step "label truth: CallGuard against libphonenumber on 3,000 numbers in 12 forms each"
bash tests/libphonenumber/run.sh

step "caller location: 10,000 mobile prefixes and every area code against the pinned phonenumbers (tools/location)"
bash tools/location/check.sh

step "soak: 8 screening threads and a writer for 5 s (docs/RELIABILITY.md has the 60 s run)"
cargo run --locked -q -p callguard-core --example soak -- --seconds 5

step "fuzz smoke: replay seeds and past crashes, 15 s of fuzzing per target (stable Rust, libFuzzer)"
bash fuzz/smoke.sh

step "Rust for Android: cargo check and clippy -D warnings for aarch64/x86_64-linux-android (no link; tests/android-rust)"
bash tests/android-rust/run.sh

step "JNI bridge on a host JVM (tests/jvm-bridge)"
bash tests/jvm-bridge/run.sh

step "Android app: aapt2 link, compile against android-all, JVM tests (tests/android-check)"
bash tests/android-check/run.sh

step "Android app, running: Robolectric on SDK 29, 35 and 36 with the real engine (tests/android-robolectric)"
bash tests/android-robolectric/run.sh

step "benchmarks, quick mode (smoke test: figures are printed, not asserted)"
cargo build --release --locked -q -p callguard-bench -p callguard-cli
"${CARGO_TARGET_DIR:-target}/release/bench-report" --quick --dir "${TMPDIR:-/tmp}/callguard-bench-ci"
"${CARGO_TARGET_DIR:-target}/release/import-time" --quick --runs 1 --dir "${TMPDIR:-/tmp}/callguard-import-ci"
bash tests/jvm-bridge/bench.sh --quick

step "all tests passed"
