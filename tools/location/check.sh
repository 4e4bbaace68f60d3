#!/usr/bin/env bash
# Checks CallGuard's caller locations against the pinned phonenumbers package's own API
# (tools/location/check.py): installs the package into a private venv, builds the CLI, compares.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/location/venv.sh
cargo build --locked -q -p callguard-cli
"$LOCATION_VENV/bin/python" tools/location/check.py "${CARGO_TARGET_DIR:-target}/debug/callguard"
