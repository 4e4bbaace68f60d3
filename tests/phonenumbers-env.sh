#!/usr/bin/env bash
# Prints the path of a Python that has the pinned `phonenumbers` (tests/phonenumbers.txt),
# creating a virtual environment under the cargo target directory on first use. Needs python3
# with venv and pip, and PyPI (once).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${CARGO_TARGET_DIR:-$repo/target}/pyenv-phonenumbers"
stamp="$venv/.installed-$(sha256sum "$repo/tests/phonenumbers.txt" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv" >&2 || { apt-get install -y -qq python3-venv >&2 && python3 -m venv "$venv" >&2; }
    "$venv/bin/pip" install -q --disable-pip-version-check --require-hashes \
        -r "$repo/tests/phonenumbers.txt" >&2
    touch "$stamp"
fi
echo "$venv/bin/python"
