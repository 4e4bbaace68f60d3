"""CallGuard's reading of Chinese numbers against libphonenumber's (issue 12).

Draws random plan-valid numbers — mobiles from every allocated range, landlines under every area
code CallGuard knows, 400 and 800 numbers — keeps those the pinned libphonenumber also calls
valid, writes each in every form a network or dialer presents (national, +86, 0086, bare 86,
with separators, tel: URIs, full-width digits, IP-dialling prefixes, dialling suffixes), screens
them all with `callguard screen-batch`, and checks that CallGuard's kind and carrier hint agree
with libphonenumber's number type and carrier for every form.

Usage: compare.py CALLGUARD_BINARY [--count N] [--seed S]
Prints one line per disagreement and closes with "N passed, N failed"; exits 1 on any failure.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import phonenumbers
from phonenumbers import PhoneNumberType, carrier

# Three-digit area codes, read from the Rust table so both sides use the same plan.
AREAS_RS = os.path.join(os.path.dirname(__file__), "..", "..", "rust-core", "core", "src", "areas.rs")

# libphonenumber's number type → CallGuard's `number.kind`.
KIND_OF = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "landline",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.TOLL_FREE: "toll_free",
}

# libphonenumber's English carrier name → CallGuard's `carrier_hint`.
CARRIER_OF = {
    "China Mobile": "china_mobile",
    "China Unicom": "china_unicom",
    "China Telecom": "china_telecom",
    "China Broadnet": "china_broadnet",
    "": None,
}

IP_PREFIXES = ["17951", "12593", "17909", "17911", "10193"]


def area_codes():
    """The area codes (without trunk 0) of rust-core/core/src/areas.rs, 0852 excluded: it is
    kept there for old presentations, and libphonenumber no longer knows it."""
    text = open(AREAS_RS, encoding="utf-8").read()
    two = text.split("TWO_DIGIT_AREA_CODES: [u16; 10] = [", 1)[1].split("]", 1)[0]
    three = text.split("THREE_DIGIT_AREA_CODES: [u16; 312] = [", 1)[1].split("]", 1)[0]
    codes = [c.strip() for c in (two + "," + three).split(",") if c.strip()]
    return [c for c in codes if c != "852"]


def candidates(rng, areas):
    """An endless stream of (national significant number, kind family) drawn from the plan."""
    while True:
        family = rng.choice(["mobile", "mobile", "landline", "landline", "landline", "inbound"])
        if family == "mobile":
            yield "1%d%08d" % (rng.randint(30, 99), rng.randrange(10**8)), family
        elif family == "landline":
            area = rng.choice(areas)
            length = 8 if len(area) == 2 else rng.choice([7, 8])
            local = str(rng.randint(2, 8)) + "".join(str(rng.randrange(10)) for _ in range(length - 1))
            yield area + local, family
        else:
            yield rng.choice(["400", "800"]) + "%07d" % rng.randrange(10**7), family


def forms(nsn, family, rng):
    """The same number as networks, dialers and ROMs present it."""
    national = nsn if family != "landline" else "0" + nsn
    if family == "landline":
        area = nsn[:2] if nsn[:2] in ("10", "20", "21", "22", "23", "24", "25", "27", "28", "29") else nsn[:3]
        local = nsn[len(area):]
        spaced_national = "(0%s) %s-%s" % (area, local[:-4], local[-4:])
        spaced_intl = "+86 %s %s %s" % (area, local[:-4], local[-4:])
    else:
        spaced_national = "%s %s %s" % (nsn[:3], nsn[3:7], nsn[7:])
        spaced_intl = "+86 %s" % spaced_national
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in national)
    return [
        national,
        spaced_national,
        "+86" + nsn,
        spaced_intl,
        "0086" + nsn,
        "86" + nsn,
        "tel:+86-" + nsn,
        "tel:%2B86" + nsn + ";verstat=TN-Validation-Passed",
        fullwidth,
        rng.choice(IP_PREFIXES) + " " + national,
        national + ",1",
        "\u200e" + spaced_intl,
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("callguard")
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20251201)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    areas = area_codes()
    numbers, seen, dropped = [], set(), 0
    stream = candidates(rng, areas)
    while len(numbers) < args.count:
        nsn, family = next(stream)
        if nsn in seen:
            continue
        seen.add(nsn)
        parsed = phonenumbers.parse("+86" + nsn, None)
        if not phonenumbers.is_valid_number(parsed):
            dropped += 1  # CallGuard's plan allows it; libphonenumber's finer ranges do not.
            continue
        kind = KIND_OF.get(phonenumbers.number_type(parsed))
        hint = CARRIER_OF[carrier.name_for_number(parsed, "en")]
        numbers.append((nsn, family, kind, hint))

    rows = []
    for nsn, family, kind, hint in numbers:
        for form in forms(nsn, family, rng):
            rows.append((form, nsn, kind, hint))

    with tempfile.TemporaryDirectory() as tmp:
        batch = os.path.join(tmp, "numbers.txt")
        with open(batch, "w", encoding="utf-8") as f:
            f.writelines(form + "\n" for form, *_ in rows)
        out = subprocess.run(
            [args.callguard, "--db", os.path.join(tmp, "cg.db"), "--lang", "en", "screen-batch", batch],
            check=True, capture_output=True, text=True,
        ).stdout.splitlines()
    if len(out) != len(rows):
        print("compare: %d decisions for %d numbers" % (len(out), len(rows)))
        return 1

    passed = failed = 0
    families = {}
    for _, _, kind, _ in numbers:
        families[kind] = families.get(kind, 0) + 1
    for (form, nsn, kind, hint), line in zip(rows, out):
        number = json.loads(line)["number"]
        got = (number["kind"], number["carrier_hint"])
        if got == (kind, hint):
            passed += 1
        else:
            failed += 1
            print("DISAGREE %r: callguard %s / %s, libphonenumber %s / %s" % (form, got[0], got[1], kind, hint))

    print(
        "libphonenumber %s, seed %d: %d numbers in %d forms each (%s); %d plan-shaped numbers "
        "libphonenumber does not hold were skipped"
        % (phonenumbers.__version__, args.seed, len(numbers), len(rows) // len(numbers),
           ", ".join("%s %d" % kv for kv in sorted(families.items())), dropped)
    )
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
