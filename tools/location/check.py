#!/usr/bin/env python3
"""Checks CallGuard's caller locations against the pinned phonenumbers package's own API.

Usage: check.py CALLGUARD_BINARY  (tools/location/check.sh installs the package and builds it)

- 10,000 random mobile prefixes the package places agree with
  phonenumbers.geocoder.description_for_number in zh and en (after tools/location/overrides.tsv),
  and their range operator with phonenumbers.carrier.name_for_number wherever the package names one;
- 2,000 random prefixes it does not place (or places only by a dropped catch-all: 173, 1349 -> Beijing)
  are null in CallGuard, never "China";
- every area code in the table, and the package's other valid area codes, agree the same way;
- location-mobile.bin is the file the table's header describes.
Prints "N passed, N failed"; exits 1 on any failure.
"""

import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile

import phonenumbers
from phonenumbers import carrier, geocoder
from phonenumbers.geodata import GEOCODE_DATA

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402  (shares the pinned version, overrides and dropped keys)

DATA = os.path.join(generate.OUT_DIR)
COUNTRY = {"", "中国", "China"}
CARRIERS = {v: k for k, v in generate.CARRIER_CODES.items()}
COVERED_SAMPLE = 10_000
UNCOVERED_SAMPLE = 2_000


def package_place(number, lang, overrides):
    """What the package says, as CallGuard should show it: None for nothing or the country."""
    digits = number.lstrip("0")
    key = next(
        (digits[:n] for n in range(len(digits), 0, -1) if "86" + digits[:n] in GEOCODE_DATA),
        None,
    )
    if digits.startswith("1") and key in generate.DROPPED_KEYS:
        return None
    name = geocoder.description_for_number(phonenumbers.parse(number, "CN"), lang)
    return None if name in COUNTRY else generate.corrected(name, lang, overrides)


def landline(code):
    """A fixed-line number the package accepts behind area code `code` (no trunk 0)."""
    for local in ("62345678", "2345678", "82345678", "5234567"):
        n = phonenumbers.parse("0" + code + local, "CN")
        if phonenumbers.is_valid_number(n):
            return "0" + code + local
    sys.exit(f"no valid fixed-line number behind 0{code}")


def ours(binary, numbers, lang):
    """CallGuard's decisions for `numbers`, via `callguard screen-batch` on a scratch database."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [binary, "--db", os.path.join(tmp, "check.db"), "--lang", lang, "screen-batch", "-"],
            input="\n".join(numbers) + "\n",
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    decisions = [json.loads(line)["number"] for line in out.splitlines()]
    assert len(decisions) == len(numbers), "screen-batch answered a different number of lines"
    return decisions


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check.py CALLGUARD_BINARY")
    binary = sys.argv[1]
    if phonenumbers.__version__ != generate.PINNED:
        sys.exit(f"phonenumbers {phonenumbers.__version__} installed, {generate.PINNED} pinned")
    overrides = generate.load_overrides()
    failures = []
    passed = 0

    def check(ok, what):
        nonlocal passed
        if ok:
            passed += 1
        else:
            failures.append(what)

    # The compressed mobile table is the one the header describes.
    header = open(os.path.join(DATA, "location.txt"), encoding="utf-8").read()
    packed = open(os.path.join(DATA, "location-mobile.bin"), "rb").read()
    stated = next(l.split("\t") for l in header.splitlines() if l.startswith("mobile\t"))
    check(stated[2] == hashlib.sha256(packed).hexdigest(), "location-mobile.bin sha256 differs from the header")

    rng = random.Random(13)
    covered, uncovered = [], []
    while len(covered) < COVERED_SAMPLE or len(uncovered) < UNCOVERED_SAMPLE:
        number = f"{rng.randrange(generate.FIRST_PREFIX, generate.LAST_PREFIX + 1)}{rng.randrange(10_000):04d}"
        if package_place(number, "zh", overrides) is None:
            if len(uncovered) < UNCOVERED_SAMPLE:
                uncovered.append(number)
        elif len(covered) < COVERED_SAMPLE:
            covered.append(number)
    # One fixed-line number per area code the package accepts: those in the table, and the ones
    # the table leaves out (which must then be null).
    landlines = [landline(c) for c in generate.area_codes()]

    numbers = covered + uncovered + landlines
    answers = {lang: ours(binary, numbers, lang) for lang in ("zh", "en")}
    for lang in ("zh", "en"):
        for number, got in zip(numbers, answers[lang]):
            want = package_place(number, lang, overrides)
            check(got["location"] == want, f"{number} [{lang}]: CallGuard {got['location']!r}, package {want!r}")
            check(got["location"] not in COUNTRY, f"{number} [{lang}]: the country is not a location")
    for number, got in zip(covered + uncovered, answers["zh"]):
        name = carrier.name_for_number(phonenumbers.parse(number, "CN"), "en")
        if name:
            want = generate.CARRIER_CODES[name]
            check(got["carrier_hint"] == want, f"{number}: range {got['carrier_hint']!r}, package {want!r}")

    for f in failures[:30]:
        print("FAIL", f)
    print(f"location check: {len(covered)} covered and {len(uncovered)} uncovered mobile prefixes, "
          f"{len(landlines)} area codes, zh and en")
    print(f"{passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
