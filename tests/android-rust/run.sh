#!/usr/bin/env bash
# Rust for Android, type-checked (DESIGN §10): `cargo check` and `cargo clippy -D warnings` of
# callguard-core and callguard-jni for aarch64-linux-android (phones) and x86_64-linux-android
# (emulators), so the `cfg(target_os = "android")` code (android_logger in the JNI crate) and
# every dependency compile for Android at least once.
#
# rusqlite's bundled sqlite3.c is compiled by Debian's clang with --target=<triple><minSdk>,
# against glibc headers for the same CPU (the host's for x86_64, Debian's libc6-dev-arm64-cross
# for aarch64) instead of Android's bionic: enough for a compile check, not for a library a
# phone could load. Nothing is linked (no NDK here): this proves the Rust compiles for Android, not that
# the .so links or runs; the NDK build (cargo ndk, android/app's cargoNdk task) does that.
#
# Installs the two rustup targets and, when missing, Debian's clang (as root, or through sudo).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../debian-packages.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
targets=(aarch64-linux-android x86_64-linux-android)

fail() { printf 'android-rust: FAILED: %s\n' "$*" >&2; exit 1; }

min_sdk="$(sed -n 's/^minSdk = "\([0-9]*\)"/\1/p' "$repo/android/gradle/libs.versions.toml")"
[ -n "$min_sdk" ] || fail "no minSdk in android/gradle/libs.versions.toml"

installed="$(rustup target list --installed)"
for target in "${targets[@]}"; do
    grep -qx "$target" <<<"$installed" || rustup target add "$target"
done

# C headers per CPU: aarch64 from Debian's cross package, x86_64 the host's own.
declare -A headers=(
    [aarch64-linux-android]=/usr/aarch64-linux-gnu/include
    [x86_64-linux-android]=/usr/include/x86_64-linux-gnu
)
if ! command -v clang >/dev/null || [ ! -d "${headers[aarch64-linux-android]}" ]; then
    echo "android-rust: installing Debian's clang and libc6-dev-arm64-cross"
    debian_install clang libc6-dev-arm64-cross
fi
archiver="$(command -v llvm-ar || command -v ar)"

cd "$repo"
checked=0
for target in "${targets[@]}"; do
    env="${target//-/_}"
    # The cc crate reads these for sqlite3.c (and any other C a dependency builds).
    export "CC_$env=clang" "AR_$env=$archiver" "CFLAGS_$env=--target=$target$min_sdk -isystem ${headers[$target]}"
    echo "== android-rust: $target (API $min_sdk): cargo check"
    cargo check --locked --target "$target" -p callguard-core -p callguard-jni
    echo "== android-rust: $target: cargo clippy -D warnings"
    cargo clippy --locked --target "$target" -p callguard-core -p callguard-jni -- -D warnings
    checked=$((checked + 1))
done
echo "android-rust: callguard-core and callguard-jni type-check and pass clippy for $checked Android targets (no link: no NDK)"
