# Sourced by regenerate.sh and check.sh: a private venv with the pinned, hash-checked
# phonenumbers package (tools/location/requirements.txt), created on first use.
LOCATION_VENV="${CALLGUARD_LOCATION_VENV:-${TMPDIR:-/tmp}/callguard-location-venv}"
if ! "$LOCATION_VENV/bin/python" -c 'import phonenumbers, sys; sys.exit(phonenumbers.__version__ != "9.0.43")' 2>/dev/null; then
    python3 -m venv "$LOCATION_VENV"
    "$LOCATION_VENV/bin/pip" install -q --disable-pip-version-check --require-hashes \
        -r "$(dirname "${BASH_SOURCE[0]}")/requirements.txt"
fi
