#!/usr/bin/env bash
# Runs the host-JVM bridge suite: builds libcallguard_jni (with the test-only panic export),
# runs the Kotlin tests on a JDK 17 under -Xcheck:jni, and fails if a test fails or the JVM
# printed any JNI warning (a test can pass while the VM complains). Needs cargo, mvn and a JDK 17;
# Maven fetches its dependencies from Maven Central on first use.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# shellcheck source=jdk.sh
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --manifest-path "$root/Cargo.toml" -p callguard-jni --features test-panic -j "${CARGO_BUILD_JOBS:-2}"
lib="$CARGO_TARGET_DIR/debug/libcallguard_jni.so"
exports="$(nm -D --defined-only "$lib" | grep -c ' T Java_org_callguard_bridge_NativeBridge_' || true)"
echo "jvm-bridge: $lib exports $exports NativeBridge natives"

cd "$here"
# From scratch each time, so no class or report of an earlier run can count.
rm -rf target
mkdir -p target
status=0
# The deliberate panic prints one line on stderr; its backtrace would only be noise.
RUST_BACKTRACE=0 mvn -B -q -Dstyle.color=never -Dcallguard.lib="$lib" test >target/mvn-test.log 2>&1 || status=$?
sed 's/\x1b\[[0-9;]*m//g' target/mvn-test.log
grep -h -o -E '^ConcurrencyTest: .*' target/surefire-reports/*-output.txt 2>/dev/null | sort -u || true

# -Xcheck:jni reports on the VM's tty; surefire keeps test output in the reports directory.
pattern='WARNING in native method|FATAL ERROR in native method|WARNING: JNI|JNI WARNING|Corrupted (STDOUT|channel)'
warnings="$(grep -E -h "$pattern" target/mvn-test.log target/jvm-tty.log target/surefire-reports/* 2>/dev/null | sort -u || true)"
if [[ -n "$warnings" ]]; then
    echo "jvm-bridge: the JVM printed JNI warnings:" >&2
    echo "$warnings" >&2
    status=1
fi

sum() { # sum of one attribute over the surefire XML reports
    local total=0 n
    for n in $(grep -h -o -E "<testsuite [^>]*" target/surefire-reports/TEST-*.xml 2>/dev/null | grep -o -E " $1=\"[0-9]+\"" | grep -o -E '[0-9]+'); do
        total=$((total + n))
    done
    echo "$total"
}
tests="$(sum tests)"; failures="$(sum failures)"; errors="$(sum errors)"; skipped="$(sum skipped)"
failed=$((failures + errors))
passed=$((tests - failed - skipped))
if [[ "$tests" -eq 0 ]]; then
    echo "jvm-bridge: no test ran" >&2
    status=1
fi
echo "jvm-bridge: $passed passed, $failed failed, $skipped skipped"
exit "$status"
