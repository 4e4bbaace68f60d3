#!/usr/bin/env python3
"""Turns the pinned phonenumbers package's +86 data into CallGuard's caller-location table.

Reads `phonenumbers.geodata` (zh and en place names by number prefix) and
`phonenumbers.carrierdata` (the operator each mobile block was issued to) and writes:

  rust-core/core/data/location.txt         header, place names, area codes, range operators
  rust-core/core/data/location-mobile.bin  one place id per 7-digit mobile prefix 1300000-1999999

Run it through tools/location/regenerate.sh, which installs the pinned package (hash-checked)
into a private venv first. Decisions (README "Caller location"): the catch-all line 173 -> Beijing
is dropped; stale names are corrected by tools/location/overrides.tsv; an area code or prefix the
data does not place gets no entry (null), never the country name.
"""

import hashlib
import os
import sys
import zlib
from collections import Counter

import phonenumbers
from phonenumbers import PhoneNumberType
from phonenumbers.carrierdata import CARRIER_DATA
from phonenumbers.geodata import GEOCODE_DATA

PINNED = "9.0.43"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT_DIR = os.path.join(ROOT, "rust-core", "core", "data")

FIRST_PREFIX = 1300000
LAST_PREFIX = 1999999
CHUNK = 10_000  # prefixes per three-digit block
# Prefix keys of the data (national digits) that are catch-alls, not locations: every 173 number
# not listed more precisely would be "Beijing", and so would every 1349 satellite phone.
DROPPED_KEYS = {"173", "1349"}
MUNICIPALITIES = {"Beijing", "Shanghai", "Tianjin", "Chongqing"}
# Carrier keys that are too wide to be a hint: "15" would say China Mobile for the unallocated 154.
DROPPED_CARRIER_KEYS = {"15"}
CARRIER_CODES = {
    "China Mobile": "china_mobile",
    "China Unicom": "china_unicom",
    "China Telecom": "china_telecom",
    "China Broadnet": "china_broadnet",
}


def wheel_sha256():
    """The sha256 pip verified the package against (requirements.txt pins it)."""
    with open(os.path.join(HERE, "requirements.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("--hash=sha256:"):
                return line.split(":", 1)[1]
    sys.exit("requirements.txt has no sha256 pin")


def load_overrides():
    """(lang, old, new) rows of overrides.tsv."""
    rows = []
    with open(os.path.join(HERE, "overrides.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            lang, old, new, _why = line.rstrip("\n").split("\t")
            rows.append((lang, old, new))
    return rows


def corrected(name, lang, overrides):
    for o_lang, old, new in overrides:
        if o_lang == lang:
            name = name.replace(old, new)
    return name


def national_keys(data):
    """The +86 entries of a prefix table, keyed by national digits."""
    return {k[2:]: v for k, v in data.items() if k.startswith("86")}


def longest(keys, digits, lang):
    """The longest key that `digits` starts with and that has a name in `lang` (the package's rule)."""
    for n in range(len(digits), 0, -1):
        entry = keys.get(digits[:n])
        if entry is not None and lang in entry:
            return digits[:n]
    return None


def area_codes():
    """Area codes (without the trunk 0) that the package's metadata accepts for fixed lines."""
    candidates = ["10"] + [str(c) for c in range(20, 30)] + [str(c) for c in range(300, 1000)]
    found = []
    for code in candidates:
        for local in ("2345678", "23456789", "62345678", "5234567", "82345678", "3456789"):
            n = phonenumbers.parse("0" + code + local, "CN")
            if phonenumbers.is_valid_number(n) and phonenumbers.number_type(n) in (
                PhoneNumberType.FIXED_LINE,
                PhoneNumberType.FIXED_LINE_OR_MOBILE,
            ):
                found.append(code)
                break
    return found


def main():
    if phonenumbers.__version__ != PINNED:
        sys.exit(f"phonenumbers {phonenumbers.__version__} installed, {PINNED} pinned")
    overrides = load_overrides()
    geo = national_keys(GEOCODE_DATA)
    carriers = national_keys(CARRIER_DATA)

    names = []  # (zh, en), id = index + 1
    ids = {}

    def place_id(key):
        entry = geo[key]
        pair = (corrected(entry["zh"], "zh", overrides), corrected(entry["en"], "en", overrides))
        if pair not in ids:
            names.append(pair)
            ids[pair] = len(names)
        return ids[pair]

    # Landlines: the area code's own entry (local numbers start 2-8, so the data's longer keys
    # behind an area code - 100/123/95/96 service codes - never apply to a landline).
    codes = area_codes()
    area_rows = []
    no_area_name = []
    for code in codes:
        key_zh = longest(geo, code, "zh")
        key_en = longest(geo, code, "en")
        if key_zh is None or key_en is None:
            no_area_name.append(code)
            continue
        if key_zh != key_en:
            sys.exit(f"area code 0{code}: zh and en names come from different keys")
        area_rows.append((code, place_id(key_zh)))

    # Mobiles: one id per 7-digit prefix, by the longest key, without the dropped catch-alls.
    mobile_geo = {k: v for k, v in geo.items() if k[0] == "1" and k not in DROPPED_KEYS}
    table = [0] * (LAST_PREFIX - FIRST_PREFIX + 1)
    key_use = Counter()
    for i in range(len(table)):
        digits = str(FIRST_PREFIX + i)
        key = longest(mobile_geo, digits, "zh")
        if key is None:
            continue
        if longest(mobile_geo, digits, "en") != key:
            sys.exit(f"prefix {digits}: zh and en names come from different keys")
        key_use[key] += 1
        table[i] = place_id(key)
    if len(names) >= 1 << 16:
        sys.exit("too many place names for a u16 id")

    # Range operators: block-level, at most 4 national digits (130, 1340 …).
    range_rows = sorted(
        (k, CARRIER_CODES[v["en"]])
        for k, v in carriers.items()
        if k.startswith("1") and k not in DROPPED_CARRIER_KEYS
    )
    if any(len(k) > 4 for k, _ in range_rows):
        sys.exit("a carrier block longer than 4 digits: the range table indexes by 4 digits")

    def level(place):
        zh, en = names[place - 1]
        return "city" if ("," in en or en in MUNICIPALITIES) else "province"

    covered = Counter(level(p) if p else "none" for p in table)

    # One zlib stream per three-digit block (130, 131 … 199), so a lookup inflates only the
    # block it needs; within a block, the low bytes of its 10,000 ids, then the high bytes
    # (planes compress better than interleaved u16s).
    packed = b""
    chunks = []
    for start in range(0, len(table), CHUNK):
        ids = table[start : start + CHUNK]
        stream = zlib.compress(bytes(v & 0xFF for v in ids) + bytes(v >> 8 for v in ids), 9)
        chunks.append((str((FIRST_PREFIX + start) // CHUNK), len(packed), len(stream)))
        packed += stream
    raw_len = 2 * len(table)
    with open(os.path.join(OUT_DIR, "location-mobile.bin"), "wb") as f:
        f.write(packed)

    short_keys = sorted((k, n) for k, n in key_use.items() if len(k) <= 4)
    lines = [
        "# CallGuard caller-location table (号段归属地 and area codes). Generated by",
        "# tools/location/generate.py via tools/location/regenerate.sh: do not edit by hand.",
        "# Tab-separated. `name ID ZH EN` places; `area CODE ID` area codes (with the trunk 0);",
        "# `range PREFIX CARRIER` the operator a mobile block was issued to (a hint: numbers port).",
        "# location-mobile.bin: one u16 place id (0 = unknown) per 7-digit mobile prefix",
        f"# {FIRST_PREFIX}-{LAST_PREFIX}, as one zlib stream per 3-digit block (`block BLOCK OFFSET LENGTH`)",
        "# holding the block's 10,000 low bytes, then its 10,000 high bytes.",
        f"source\tphonenumbers {PINNED} (PyPI; Google libphonenumber data, geocoding zh/en and carrier for +86)",
        f"sha256\t{wheel_sha256()}  phonenumbers-{PINNED}-py2.py3-none-any.whl",
        "licence\tApache-2.0 (libphonenumber authors; see rust-core/core/data/NOTICE)",
        f"dropped\t{' '.join(sorted(DROPPED_KEYS))} (catch-all place keys); "
        f"{' '.join(sorted(DROPPED_CARRIER_KEYS))} (catch-all carrier keys)",
        "overrides\ttools/location/overrides.tsv",
        f"mobile\t{raw_len}\t{hashlib.sha256(packed).hexdigest()}",
        f"coverage\tmobile prefixes: {covered['city']} city, {covered['province']} province only, "
        f"{covered['none']} none of {len(table)}; area codes: {len(area_rows)} named of {len(codes)}"
        + (f" (no name: {' '.join('0' + c for c in no_area_name)})" if no_area_name else ""),
    ]
    lines += [f"name\t{i}\t{zh}\t{en}" for i, (zh, en) in enumerate(names, start=1)]
    lines += [f"area\t0{code}\t{place}" for code, place in area_rows]
    lines += [f"range\t{prefix}\t{carrier}" for prefix, carrier in range_rows]
    lines += [f"block\t{block}\t{offset}\t{length}" for block, offset, length in chunks]
    with open(os.path.join(OUT_DIR, "location.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    print(f"{len(names)} places; {len(area_rows)}/{len(codes)} area codes named "
          f"(no name: {no_area_name})")
    print(f"mobile prefixes: {dict(covered)}")
    print(f"short keys (prefixes they place): {short_keys}")
    print(f"location-mobile.bin: {len(packed)} bytes ({raw_len} inflated) in {len(chunks)} blocks")


if __name__ == "__main__":
    main()
