#!/usr/bin/env python3
"""What each part of app.wasm costs: its code and data bytes, raw and in brotli.

    python3 build-scripts/wasm_parts.py build/wasm-profile/site/app.wasm [--budget]

Needs a build that keeps function names (configure with -DTRIALMATCH_PROFILING_FUNCS=ON, as
README "Speed and size" says): it reads the WebAssembly sections itself (the binary format's
own layout: section ids and LEB128 sizes), the function bodies of the code section, their
names from the "name" section, and the data segments. Each function goes to a part by its
name (PARTS, first match wins); the data segments are one part of their own, since the fonts
and the tables are there. A part's brotli figure is its bytes compressed alone (by Node's zlib,
quality 11), so the parts do not add up to the file's brotli size (compression finds more across parts); the file's
own figure is printed too. With --budget, each part is compared with BUDGET_KIB and the exit
status is 1 if any part is over its budget (a benchmark check, not a test).
"""
import re
import subprocess
import sys

# A function's part, by its name as the names section gives it (demangled C++).
PARTS = [
    ("Dear ImGui", re.compile(r"^(ImGui|Im[A-Z]\w*|ImGui_Impl\w*|stb\w*|Stb\w*|ImStb)")),
    ("nlohmann/json", re.compile(r"nlohmann::")),
    ("QR codes (qrcodegen)", re.compile(r"^qrcodegen::")),
    ("the app: flow", re.compile(r"^trialmatch::flow::")),
    ("the app: screens (ui)", re.compile(r"^trialmatch::ui::")),
    ("the app: platform", re.compile(r"^(trialmatch::platform::|trialmatch_|tm_|\(anonymous namespace\)::(frame|app_pass)\b|main$)")),
    ("the core", re.compile(r"^trialmatch::")),
    # Dear ImGui's file-local helpers have no namespace; their parameters name its types.
    ("Dear ImGui", re.compile(r"^[A-Za-z_]\w*\(.*\bIm(Gui|Draw|Font)\w*")),
    ("C++ library", re.compile(r"^(std::|\w+ std::|__cxx|__cxa|operator new|operator delete|__gxx|__dynamic_cast|__class_type_info|__si_class|__vmi_class|__base_class|__fundamental_type|__pointer_type|__pbase)")),
    # C functions (no namespace): the C library, Emscripten's GLFW and runtime.
    ("C library and Emscripten", re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")),
]
DATA = "data (fonts, tables, texts)"
OTHER = "other"

# Budgets (KiB of brotli, each part compressed alone) for --budget: the figures below plus
# about 7%, so that growth is seen (README "Speed and size").
# Figures at 822d893: C++ library 18.6 (32.7 at 8ec153c: qrcodegen's one ostringstream had
# pulled iostreams and the locale facets in), data 49.9, the core 34.2, Dear ImGui 37.6,
# platform 34.0 (the frame, with the screens inlined into it), C library 19.3, flow 19.3,
# nlohmann/json 15.9 (12.9 at 8ec153c: the loader's steps, which the tool counts here by their
# json parameters, grew when each problem became a sentence with its words, problem.h),
# screens 5.8, other 2.3, qrcodegen 0.9. Inlining moves code between parts: a part's figure is
# where its code ended up, by the name of the function it ended up in. At 640ea34: data 38.7
# (ImGui's own font gone, smaller font tables), C library 17.3 (scanf gone), Dear ImGui 38.9,
# the platform 31.6 (the frame is now inlined into app_pass, which counts there).
BUDGET_KIB = {
    "Dear ImGui": 42, "nlohmann/json": 17, "QR codes (qrcodegen)": 1.5, "the app: flow": 21,
    "the app: screens (ui)": 7, "the app: platform": 34, "the core": 37, "C++ library": 20,
    "C library and Emscripten": 19, DATA: 41.5, OTHER: 3,
}


def leb(data, at):
    """Reads an unsigned LEB128 number; returns (value, next position)."""
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def sections(data):
    if data[:4] != b"\0asm":
        raise SystemExit("not a WebAssembly file")
    at = 8
    while at < len(data):
        kind = data[at]
        size, at = leb(data, at + 1)
        yield kind, data[at:at + size]
        at += size


def name_of(payload):
    length, at = leb(payload, 0)
    return payload[at:at + length].decode("utf-8", "replace"), at + length


def imported_functions(payload):
    count, at = leb(payload, 0)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module, field
            length, at = leb(payload, at)
            at += length
        kind = payload[at]
        at += 1
        if kind == 0:  # function: type index
            _, at = leb(payload, at)
            functions += 1
        elif kind == 1:  # table: element type, limits
            at += 1
            flags, at = leb(payload, at)
            _, at = leb(payload, at)
            if flags & 1:
                _, at = leb(payload, at)
        elif kind == 2:  # memory: limits
            flags, at = leb(payload, at)
            _, at = leb(payload, at)
            if flags & 1:
                _, at = leb(payload, at)
        elif kind == 3:  # global: value type, mutability
            at += 2
        else:
            raise SystemExit(f"unknown import kind {kind}")
    return functions


def function_bodies(payload):
    count, at = leb(payload, 0)
    for _ in range(count):
        size, start = leb(payload, at)
        yield payload[start:start + size]
        at = start + size


def function_names(payload):
    names = {}
    at = 0
    while at < len(payload):
        sub = payload[at]
        size, at = leb(payload, at + 1)
        if sub == 1:
            count, p = leb(payload, at)
            for _ in range(count):
                index, p = leb(payload, p)
                length, p = leb(payload, p)
                names[index] = payload[p:p + length].decode("utf-8", "replace")
                p += length
        at += size
    return names


def part_of(name):
    for part, pattern in PARTS:
        if pattern.search(name):
            return part
    return OTHER


def packed(data):
    """Brotli bytes at quality 11, by Node's zlib (Node is already a dependency)."""
    script = ("const z=require('zlib');const b=require('fs').readFileSync(0);"
              "process.stdout.write(String(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))")
    return int(subprocess.run(["node", "-e", script], input=bytes(data), capture_output=True, check=True).stdout)


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    data = open(sys.argv[1], "rb").read()
    imports, bodies, names, segments = 0, [], {}, bytearray()
    for kind, payload in sections(data):
        if kind == 2:
            imports = imported_functions(payload)
        elif kind == 10:
            bodies = list(function_bodies(payload))
        elif kind == 11:
            segments += payload
        elif kind == 0:
            custom, at = name_of(payload)
            if custom == "name":
                names = function_names(payload[at:])
    if not names:
        raise SystemExit("no function names: build with -DTRIALMATCH_PROFILING_FUNCS=ON")
    parts, largest = {}, {}
    for i, body in enumerate(bodies):
        name = names.get(imports + i, f"function {imports + i}")
        part = part_of(name)
        parts.setdefault(part, bytearray()).extend(body)
        largest.setdefault(part, []).append((len(body), name))
    parts[DATA] = segments
    print(f"{sys.argv[1]}: {len(data):,} bytes, {packed(data):,} brotli; {len(bodies):,} functions")
    print("\n| part | raw | brotli (alone) | budget | largest functions |\n|---|---:|---:|---:|---|")
    over = []
    for part in sorted(parts, key=lambda p: -len(parts[p])):
        raw, small = len(parts[part]), packed(parts[part])
        budget = BUDGET_KIB.get(part)
        top = ", ".join(f"{n[:60]} ({s:,})" for s, n in sorted(largest.get(part, []), reverse=True)[:3])
        if budget is not None and small > budget * 1024:
            over.append(part)
        print(f"| {part} | {raw / 1024:.1f} KiB | {small / 1024:.1f} KiB | {budget if budget is not None else '-'} KiB | {top} |")
    if "--budget" in sys.argv[2:]:
        if over:
            print("over budget: " + ", ".join(over))
            return 1
        print("every part within its budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
