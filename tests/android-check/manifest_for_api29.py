#!/usr/bin/env python3
"""Prepares android/app's manifest for linking against Debian's framework-res.apk (Android 10).

Two things Gradle does, or a newer platform has, that Debian's aapt2 2.19 and the API 29
framework lack:

1. The manifest has no package attribute: AGP's manifest merger inserts it from `namespace`
   in app/build.gradle.kts. We insert the same value, read from that file.
2. Attributes newer than API 29 are unknown to the API 29 framework, so aapt2 rejects them
   ("attribute android:X not found"). Each one we remove is listed in NEWER_ATTRIBUTES with its
   API level; any other unknown attribute still fails the link. The removed ones are checked
   instead by ResourceAttributesTest against android.R.attr of android-all (API 35).

Usage: manifest_for_api29.py MANIFEST BUILD_GRADLE_KTS OUT_MANIFEST
Prints one line per attribute removed.
"""

import re
import sys
import xml.etree.ElementTree as ET

ANDROID = "http://schemas.android.com/apk/res/android"

# Attribute name -> the API level that introduced it.
NEWER_ATTRIBUTES = {
    "dataExtractionRules": 31,
}


def main(manifest_path: str, gradle_path: str, out_path: str) -> int:
    gradle = open(gradle_path, encoding="utf-8").read()
    match = re.search(r'^\s*namespace\s*=\s*"([^"]+)"', gradle, re.MULTILINE)
    if not match:
        print(f"error: no namespace = \"...\" in {gradle_path}", file=sys.stderr)
        return 1
    namespace = match.group(1)

    ET.register_namespace("android", ANDROID)
    ET.register_namespace("tools", "http://schemas.android.com/tools")
    tree = ET.parse(manifest_path)
    root = tree.getroot()
    if "package" in root.attrib:
        print("error: the manifest sets package=; use namespace in build.gradle.kts", file=sys.stderr)
        return 1
    root.set("package", namespace)

    for element in root.iter():
        for name, api in NEWER_ATTRIBUTES.items():
            key = f"{{{ANDROID}}}{name}"
            if key in element.attrib:
                del element.attrib[key]
                print(f"removed android:{name} (API {api}) from <{element.tag}> for the API 29 link")

    tree.write(out_path, encoding="utf-8", xml_declaration=True)
    print(f"package=\"{namespace}\" inserted (from namespace in {gradle_path.split('/')[-2]}/build.gradle.kts)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
