#!/usr/bin/env bash
# CallGuard's kind and carrier hint against the pinned libphonenumber (tests/phonenumbers.txt)
# on 3,000 random plan-valid numbers in 12 forms each (issue 12). Installs the pinned package
# into a virtual environment on first use; exits non-zero on any disagreement.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
cargo build -q --locked -p callguard-cli
python="$(bash tests/phonenumbers-env.sh)"
exec "$python" "$here/compare.py" "${CARGO_TARGET_DIR:-target}/debug/callguard" "$@"
