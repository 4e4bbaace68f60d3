#!/usr/bin/env bash
# The Android app, running (DESIGN §10): Robolectric runs android/app's real Activities, its
# screening service, notifier and receivers on the real Android framework of SDK 29 (minSdk),
# 35 and 36 (targetSdk), with the app's own manifest and resources, and the app calls the real
# Rust engine (libcallguard_jni.so built here by cargo) on a real database in its files dir.
#
#   1. link     — aapt2 links android/app's manifest and resources (as tests/android-check);
#   2. library  — cargo builds libcallguard_jni.so for this host;
#   3. fetch    — Maven fetches everything once (Robolectric, the framework jars) and compiles
#                 the app and the tests; from here on Maven runs offline (-o) and Robolectric
#                 too (robolectric.offline, robolectric.dependency.dir);
#   4. run      — one JVM per SDK: 29 and 35 on JDK 17, 36 on Java 21+ (its framework jar
#                 needs it). The flows run on every SDK; the screenshots on SDK 36 only.
#
# Usage: run.sh [--update-screenshots]
#   --update-screenshots  also copies the rendered screens into fastlane/metadata/android/
#                         (the store listing and the README's pictures).
# Needs JDK 17 and a Java 21+ (Temurin 25 on these machines, or $JAVA21_HOME), Maven, cargo,
# Python 3; installs Debian's aapt and android-framework-res when missing. Exits non-zero when
# any test fails.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../debian-packages.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
app="$repo/android/app"
out="$here/target"
framework=/usr/share/android-framework-res/framework-res.apk

step() { printf '\n== android-robolectric: %s\n' "$*"; }
fail() { printf 'android-robolectric: FAILED: %s\n' "$*" >&2; exit 1; }
usage() { printf 'usage: %s [--update-screenshots]\n' "$(basename "$0")" >&2; exit 2; }

update_screenshots=false
case "${1:-}" in
    "") ;;
    --update-screenshots) update_screenshots=true ;;
    *) usage ;;
esac
[ "$#" -le 1 ] || usage

# shellcheck source=../jvm-bridge/jdk.sh
source "$repo/tests/jvm-bridge/jdk.sh"
java21="${JAVA21_HOME:-}"
if [ -z "$java21" ]; then
    for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]-openjdk*; do
        if [ -x "$jdk/bin/java" ]; then
            java21="$jdk"
            break
        fi
    done
fi
[ -n "$java21" ] || fail "SDK 36 needs Java 21+: none in /usr/lib/jvm; set JAVA21_HOME"

for tool in mvn python3 cargo; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done

if ! command -v aapt2 >/dev/null || [ ! -f "$framework" ]; then
    step "installing Debian's aapt (aapt2) and android-framework-res"
    debian_install aapt android-framework-res
fi

started=$SECONDS
# From scratch each time (the downloaded jars stay): no class or report of an earlier run counts.
rm -rf "$out/aapt2" "$out/generated-sources/r" "$out/test-config" "$out/screenshots" "$out"/reports-* \
    "$out/classes" "$out/test-classes" "$out/kotlin-ic"
mkdir -p "$out/aapt2" "$out/generated-sources/r" "$out/test-config/com/android/tools" "$out/lib"

# minSdk and targetSdk as the version catalog sets them.
catalog="$repo/android/gradle/libs.versions.toml"
min_sdk="$(sed -n 's/^minSdk = "\([0-9]*\)"/\1/p' "$catalog")"
target_sdk="$(sed -n 's/^targetSdk = "\([0-9]*\)"/\1/p' "$catalog")"
[ -n "$min_sdk" ] && [ -n "$target_sdk" ] || fail "no minSdk / targetSdk in $catalog"

step "1/4 link: aapt2, framework-res (API 29), minSdk $min_sdk, targetSdk $target_sdk"
python3 "$repo/tests/android-check/manifest_for_api29.py" \
    "$app/src/main/AndroidManifest.xml" "$app/build.gradle.kts" "$out/aapt2/AndroidManifest.xml"
# The merged manifest AGP would write has <uses-sdk>; Robolectric reads targetSdk from it.
python3 - "$out/aapt2/AndroidManifest.xml" "$min_sdk" "$target_sdk" <<'PY'
import sys, xml.etree.ElementTree as ET
ANDROID = "http://schemas.android.com/apk/res/android"
ET.register_namespace("android", ANDROID)
path, min_sdk, target_sdk = sys.argv[1:]
tree = ET.parse(path)
uses_sdk = ET.Element("uses-sdk", {f"{{{ANDROID}}}minSdkVersion": min_sdk, f"{{{ANDROID}}}targetSdkVersion": target_sdk})
tree.getroot().insert(0, uses_sdk)
tree.write(path, encoding="utf-8", xml_declaration=True)
PY
aapt2 compile --dir "$app/src/main/res" -o "$out/aapt2/resources.zip"
aapt2 link \
    -I "$framework" \
    --manifest "$out/aapt2/AndroidManifest.xml" \
    --version-code 1 \
    --version-name 0.1.0 \
    --java "$out/generated-sources/r" \
    -o "$out/aapt2/resources.apk" \
    "$out/aapt2/resources.zip"
[ -f "$out/generated-sources/r/org/callguard/app/R.java" ] || fail "aapt2 wrote no R.java"
# Where Robolectric finds the app's binary resources and manifest (as AGP writes it for
# unit tests with includeAndroidResources).
cat >"$out/test-config/com/android/tools/test_config.properties" <<PROPS
android_resource_apk=$out/aapt2/resources.apk
android_merged_manifest=$out/aapt2/AndroidManifest.xml
android_custom_package=org.callguard.app
PROPS

step "2/4 library: cargo build -p callguard-jni"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
cargo build --manifest-path "$repo/Cargo.toml" --locked -p callguard-jni -j "${CARGO_BUILD_JOBS:-2}"
# A copy of its own, so another suite's build of the same crate cannot swap it mid-run.
cp "$CARGO_TARGET_DIR/debug/libcallguard_jni.so" "$out/lib/libcallguard_jni.so"
lib="$out/lib/libcallguard_jni.so"

step "3/4 fetch and compile: Maven (Robolectric, android-all-instrumented 29/35/36, Kotlin)"
log="$out/maven-compile.log"
if ! (cd "$here" && mvn -B -ntp -Dr.dir="$out/generated-sources/r" test-compile \
        dependency:copy@android-all-instrumented dependency:copy@androidx-test-monitor \
        dependency:get -Dartifact=org.apache.maven.surefire:surefire-junit4:3.5.4) >"$log" 2>&1; then
    grep -E "^\[ERROR\]|^e: " "$log" | head -n 40 || true
    fail "Maven could not fetch or compile (see $log)"
fi
python3 - "$out/androidx-test-monitor" <<'PY'
import sys, zipfile
folder = sys.argv[1]
with zipfile.ZipFile(f"{folder}/monitor.aar") as aar, open(f"{folder}/classes.jar", "wb") as jar:
    jar.write(aar.read("classes.jar"))
PY
echo "compiled in $((SECONDS - started)) s"

step "4/4 run: one JVM per SDK, offline"
status=0
summary=""
run_sdk() { # sdk java_home
    local sdk="$1" jhome="$2" t0=$SECONDS rc=0
    printf -- '-- SDK %s on %s\n' "$sdk" "$("$jhome/bin/java" -version 2>&1 | head -n 1)"
    (cd "$here" && mvn -B -o -ntp -Dr.dir="$out/generated-sources/r" surefire:test \
        -Drobolectric.enabledSdks="$sdk" \
        -Dtest.jvm="$jhome/bin/java" \
        -Dreports.dir="$out/reports-$sdk" \
        -Dcallguard.lib="$lib" \
        -Dtest.config.dir="$out/test-config" \
        -Dscreenshots.dir="$out/screenshots") >"$out/maven-sdk$sdk.log" 2>&1 || rc=$?
    grep -E "Tests run:|FAIL|ERROR\]" "$out/maven-sdk$sdk.log" | grep -v "^\[INFO\] *$" | head -n 40 || true
    [ "$rc" -eq 0 ] || status=1
    summary+="$sdk $rc $((SECONDS - t0))"$'\n'
}
run_sdk 29 "$JAVA_HOME"
run_sdk 35 "$JAVA_HOME"
run_sdk 36 "$java21"

# Counts from the Surefire reports, per SDK and in all.
python3 - "$out" "$summary" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
out, summary = sys.argv[1], sys.argv[2]
total = [0, 0, 0]
for line in summary.split("\n"):
    if not line.strip():
        continue
    sdk, rc, seconds = line.split()
    tests = failed = skipped = 0
    for path in glob.glob(f"{out}/reports-{sdk}/TEST-*.xml"):
        suite = ET.parse(path).getroot()
        tests += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    passed = tests - failed - skipped
    note = "" if rc == "0" else f" (Maven exited {rc})"
    if tests == 0:
        failed += 1
        note += " (no test ran)"
    print(f"SDK {sdk}: {passed} passed, {failed} failed, {skipped} skipped in {seconds} s{note}")
    total[0] += passed; total[1] += failed; total[2] += skipped
print(f"android-robolectric: {total[0]} passed, {total[1]} failed, {total[2]} skipped")
sys.exit(1 if total[1] else 0)
PY

if [ "$status" -eq 0 ] && [ "$update_screenshots" = true ]; then
    step "screenshots → fastlane/metadata/android"
    for locale in en-US zh-CN; do
        dest="$repo/fastlane/metadata/android/$locale/images/phoneScreenshots"
        [ -d "$out/screenshots/$locale" ] || fail "no screenshots were rendered for $locale"
        rm -rf "$dest"
        mkdir -p "$dest"
        cp "$out/screenshots/$locale"/*.png "$dest/"
        echo "$locale: $(ls "$dest" | wc -l) screenshots"
    done
fi
echo "android-robolectric: $((SECONDS - started)) s in all"
[ "$status" -eq 0 ] || fail "a test failed (logs: $out/maven-sdk*.log, reports: $out/reports-*)"
echo "android-robolectric: OK"
