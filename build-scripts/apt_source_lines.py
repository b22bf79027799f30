#!/usr/bin/env python3
"""Prints deb-src stanzas (deb822) for the Debian archives this machine already uses.

Reads /etc/apt/sources.list and /etc/apt/sources.list.d/*.sources (or the root given as the
first argument, for tests), keeps the binary (`deb`) entries of Debian's main archive (a URI
whose path ends in /debian), and prints the same URIs, suites and components as `deb-src`.
No mirror host is written anywhere: whatever mirror the machine is set up with is used.
Prints nothing when there is no such entry."""
import glob
import os
import sys


def stanzas_from_deb822(text):
    for block in text.split("\n\n"):
        fields = {}
        for line in block.splitlines():
            if line.startswith("#") or ":" not in line:
                continue
            key, value = line.split(":", 1)
            fields[key.strip().lower()] = value.strip()
        if fields:
            yield fields


def stanzas_from_one_line(text):
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) < 3 or words[0] != "deb":
            continue
        options = ""
        if words[1].startswith("["):  # [signed-by=... arch=...]
            end = next(i for i, w in enumerate(words) if w.endswith("]"))
            options = " ".join(words[1:end + 1]).strip("[]")
            words = [words[0]] + words[end + 1:]
        fields = {"types": "deb", "uris": words[1], "suites": words[2], "components": " ".join(words[3:])}
        for option in options.split():
            if option.startswith("signed-by="):
                fields["signed-by"] = option.split("=", 1)[1]
        yield fields


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/"
    found = []
    one_line = os.path.join(root, "etc/apt/sources.list")
    if os.path.exists(one_line):
        found += stanzas_from_one_line(open(one_line, encoding="utf-8").read())
    for path in sorted(glob.glob(os.path.join(root, "etc/apt/sources.list.d/*.sources"))):
        found += stanzas_from_deb822(open(path, encoding="utf-8").read())
    for path in sorted(glob.glob(os.path.join(root, "etc/apt/sources.list.d/*.list"))):
        found += stanzas_from_one_line(open(path, encoding="utf-8").read())
    seen = set()
    for s in found:
        if "deb" not in s.get("types", "").split() or s.get("enabled", "yes").lower() == "no":
            continue
        uris = [u for u in s.get("uris", "").split() if u.rstrip("/").endswith("/debian")]
        if not uris or not s.get("suites"):
            continue
        key = (" ".join(uris), s["suites"], s.get("components", "main"))
        if key in seen:
            continue
        seen.add(key)
        print("Types: deb-src")
        print("URIs: " + key[0])
        print("Suites: " + key[1])
        print("Components: " + key[2])
        if s.get("signed-by"):
            print("Signed-By: " + s["signed-by"])
        print()


if __name__ == "__main__":
    main()
