#!/usr/bin/env bash
# Regenerates rust-core/core/data/location.txt and location-mobile.bin from the pinned
# phonenumbers package (the one command; needs PyPI once, for the venv).
set -euo pipefail
cd "$(dirname "$0")"
source ./venv.sh
"$LOCATION_VENV/bin/python" generate.py
