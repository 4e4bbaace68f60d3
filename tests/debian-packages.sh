# Sourced by the test scripts: `debian_install PACKAGE...` installs Debian packages a fresh
# machine lacks, as root or through sudo, and fails (via the caller's `fail`) when it cannot.
debian_install() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || fail "not root and no sudo: apt-get install $*"
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
