#!/usr/bin/env bash
# The Android app's checks on a machine without the Android SDK (DESIGN §10):
#   1. link  — Debian's aapt2 links android/app's manifest and resources against Debian's
#              framework-res.apk (Android 10, API 29) and writes R.java;
#   2. compile — every Kotlin source of android/app and android/bridge, with that R.java,
#              compiles against org.robolectric:android-all (API 35) with -Werror;
#   3. tests — JUnit 5 tests of the app's platform-free logic, manifest and resources.
# Needs JDK 17, Maven and Python 3; installs Debian's aapt and android-framework-res when they
# are missing (as root, or through sudo). Exits non-zero on any failure.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../debian-packages.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
app="$repo/android/app"
out="$here/target"
framework=/usr/share/android-framework-res/framework-res.apk

step() { printf '\n== android-check: %s\n' "$*"; }
fail() { printf 'android-check: FAILED: %s\n' "$*" >&2; exit 1; }

for tool in java mvn python3; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done

if ! command -v aapt2 >/dev/null || [ ! -f "$framework" ]; then
    step "installing Debian's aapt (aapt2) and android-framework-res"
    debian_install aapt android-framework-res
fi

rm -rf "$out/aapt2" "$out/generated-sources/r"
mkdir -p "$out/aapt2" "$out/generated-sources/r"

step "1/3 link: aapt2 $(aapt2 version 2>&1 | sed 's/.*) //'), framework-res $(dpkg-query -W -f='${Version}' android-framework-res 2>/dev/null || echo '?') (API 29)"
python3 "$here/manifest_for_api29.py" "$app/src/main/AndroidManifest.xml" "$app/build.gradle.kts" "$out/aapt2/AndroidManifest.xml"
aapt2 compile --dir "$app/src/main/res" -o "$out/aapt2/resources.zip"
# minSdk/targetSdk/version as app/build.gradle.kts and the version catalog set them.
aapt2 link \
    -I "$framework" \
    --manifest "$out/aapt2/AndroidManifest.xml" \
    --min-sdk-version 29 \
    --target-sdk-version 36 \
    --version-code 1 \
    --version-name 0.1.0 \
    --java "$out/generated-sources/r" \
    -o "$out/aapt2/resources.apk" \
    "$out/aapt2/resources.zip"
r_java="$out/generated-sources/r/org/callguard/app/R.java"
[ -f "$r_java" ] || fail "aapt2 wrote no R.java"
if command -v aapt >/dev/null; then
    aapt dump badging "$out/aapt2/resources.apk" | grep -E "^(package|sdkVersion|targetSdkVersion|application-label)" || true
fi
echo "linked: $(grep -c 'public static final int' "$r_java") resource ids in R.java"

step "2/3 compile and 3/3 tests: Maven (kotlin-maven-plugin, android-all API 35, JUnit 5)"
log="$out/maven.log"
set +e
(cd "$here" && mvn -B -ntp test -Dr.dir="$out/generated-sources/r") >"$log" 2>&1
status=$?
set -e
if [ "$status" -eq 0 ]; then
    grep -E "Tests run:|^\[WARNING\] [^ ]" "$log" || true
else
    echo "--- Maven failed; the end of $log: ---"
    grep -E "^\[ERROR\] [^ ]|Tests run:.*(Fail|Err)" "$log" | head -n 60 || true
fi

# Counts from the Surefire reports: every test case, whatever happened to it.
python3 - "$out/surefire-reports" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failures = skipped = 0
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests", 0))
    failures += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
passed = tests - failures - skipped
if tests:
    print(f"android-check: {passed} passed, {failures} failed, {skipped} skipped")
if int(sys.argv[2]) != 0 and failures == 0:
    print("android-check: Maven failed before or outside the tests (see above)")
PY
[ "$status" -eq 0 ] || fail "Maven exited with $status"
echo "android-check: OK"
