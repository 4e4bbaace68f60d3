# Sourced by run.sh and bench.sh: use $JAVA_HOME, else the machine's JDK 17, and put it first on
# the PATH. Maven and the suites need 17 (the Android toolchain's level).
if [[ -z "${JAVA_HOME:-}" ]]; then
    for jdk in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk* /usr/lib/jvm/*17*; do
        if [[ -x "$jdk/bin/java" ]]; then
            export JAVA_HOME="$jdk"
            break
        fi
    done
fi
[[ -n "${JAVA_HOME:-}" ]] || { echo "$(basename "$0"): no JDK 17 found; set JAVA_HOME" >&2; exit 2; }
export PATH="$JAVA_HOME/bin:$PATH"
