#!/usr/bin/env python3
"""Checks that the functions the page's scripts call into the app are listed once and agree.

The list is app/platform/exports.cpp: each EMSCRIPTEN_KEEPALIVE function there, with a
comment above it ending "Called by: FILE, FILE" (paths from the repository root). Fails
(exit 1, one line a problem) when:
  - a named file does not call the function, or a function names no file;
  - a page script (web/*.js), a platform shim (app/platform/*.cpp) or a browser test
    (tests/e2e/*.mjs) calls a trialmatch_ function exports.cpp does not define;
  - another file under app/ exports with EMSCRIPTEN_KEEPALIVE, or the link line
    (app/web_targets/CMakeLists.txt) lists a trialmatch_ function as well.
And that the window.trialmatch functions the platform's shims call (app/platform/*.cpp) are
exactly those listed in browser_page.cpp's tm_missing_page_functions, each defined by a page
script (web/*.js), and written quoted in the shims (window["trialmatch"]["name"], which
Closure Compiler does not rename).
Usage: check_exports.py [REPO_ROOT]
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
# Three lists: the app's (exports.cpp), the studio's (studio_exports.cpp, its own page), and
# the studio's checks worker's (studio_checks_worker.cpp).
export_files = [root / "app/platform/exports.cpp", root / "app/platform/studio_exports.cpp",
                root / "app/platform/studio_checks_worker.cpp"]
exports_file = export_files[0]
problems = []

exported = {}  # name -> files named in its "Called by:" comment
for list_file in export_files:
    text = list_file.read_text()
    found = 0
    for match in re.finditer(r"((?:^//.*\n)+)EMSCRIPTEN_KEEPALIVE\b[^(]*?\b(trialmatch_\w+)\s*\(", text, re.M):
        comment, name = match.group(1), match.group(2)
        called_by = re.search(r"Called by:(.*)", comment.replace("\n//", " "), re.S)
        files = re.findall(r"[\w./-]+\.(?:js|mjs|cpp)", called_by.group(1)) if called_by else []
        if not files:
            problems.append(f"{list_file.relative_to(root)}: {name} names no caller (a comment 'Called by: FILE')")
        exported[name] = files
        found += 1
    if found != len(re.findall(r"EMSCRIPTEN_KEEPALIVE\b[^(]*?\btrialmatch_\w+\s*\(", text)):
        problems.append(f"{list_file.relative_to(root)}: an exported function has no comment above it")

# A call from JavaScript: Module._trialmatch_x, Module["_trialmatch_x"] or ccall("trialmatch_x").
call = re.compile(r"""(?:\b_|["'])(trialmatch_[a-z_]+)\b""")
callers = sorted(root.glob("web/*.js")) + sorted(root.glob("tests/e2e/*.mjs")) + [
    p for p in sorted(root.glob("app/platform/*.cpp")) if p not in export_files]
calls = {}  # file -> names it calls
for path in callers:
    calls[path.relative_to(root).as_posix()] = set(call.findall(path.read_text()))

for name, files in exported.items():
    for f in files:
        if f not in calls:
            problems.append(f"app/platform: {name}: {f} is not a page script, shim or browser test")
        elif name not in calls[f]:
            problems.append(f"app/platform: {name}: {f} does not call it")
for f, names in calls.items():
    for name in sorted(names - exported.keys()):
        problems.append(f"{f}: calls {name}, which none of app/platform/exports.cpp, studio_exports.cpp and studio_checks_worker.cpp exports")

for path in sorted(root.glob("app/**/*.cpp")) + sorted(root.glob("app/**/*.h")):
    if path not in export_files and re.search(r"EMSCRIPTEN_KEEPALIVE\s", path.read_text()):
        problems.append(f"{path.relative_to(root)}: exports a function: the list is app/platform/exports.cpp")
cmake = root / "app/web_targets/CMakeLists.txt"
if re.search(r"EXPORTED_FUNCTIONS=[^\s]*trialmatch_", cmake.read_text()):
    problems.append(f"{cmake.relative_to(root)}: EXPORTED_FUNCTIONS lists a trialmatch_ function: exports.cpp already does")

# The other way: the window.trialmatch functions the platform's shims call. They are listed
# once, in tm_missing_page_functions (app/platform/browser_page.cpp), which the app runs at
# load to say which are missing; the list must be exactly the functions called, and the
# page's scripts (web/*.js) must define each one.
page_file = root / "app/platform/browser_page.cpp"
listed = re.search(r"var needed = \[([^\]]*)\]", page_file.read_text())
needed = set(re.findall(r'"(\w+)"', listed.group(1))) if listed else set()
if not listed:
    problems.append(f"{page_file.relative_to(root)}: no list of the page's functions (var needed = [...])")
# app.js goes through Closure Compiler, which renames a dotted name (window.trialmatch.openLink,
# Module._trialmatch_x) in the app's shims but not in the page's scripts: the shims write each
# name they share with the page quoted. (The studio's shims, studio_*.cpp, are not compiled so.)
def code_without_comments(text):
    """The text with // comments removed, but not a // inside a string ("https://...")."""
    literal_or_comment = r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|//[^\n]*"""
    return re.sub(literal_or_comment, lambda m: m.group(1) or "", text)


dotted = re.compile(r'\.trialmatch\b|\btrialmatch\.\w+|\["trialmatch"\]\.\w+|\bModule\.\w+|\bearly\.\w+')
called = set()
for path in sorted(root.glob("app/platform/*.cpp")):
    text = path.read_text()
    called |= set(re.findall(r'window\["trialmatch"\]\["(\w+)"\]\s*\(', text))
    if path.name.startswith("studio"):
        continue
    for name in sorted(set(dotted.findall(code_without_comments(text)))):
        problems.append(f"{path.relative_to(root)}: {name}: write it quoted (window[\"trialmatch\"][\"name\"], "
                        f"Module[\"name\"]); Closure renames dotted names")
for name in sorted(called - needed):
    problems.append(f"{page_file.relative_to(root)}: the shims call window[\"trialmatch\"][\"{name}\"], which the list of needed functions leaves out")
for name in sorted(needed - called):
    problems.append(f"{page_file.relative_to(root)}: the list of needed functions names {name}, which no shim calls")
scripts = "\n".join(p.read_text() for p in sorted(root.glob("web/*.js")))
for name in sorted(needed):
    if not re.search(rf"(?:trialmatch\.{name}\s*=|^\s*{name}\s*:)\s*function\b|trialmatch\.{name}\s*=\s*\w+;", scripts, re.M):
        problems.append(f"web/*.js: no script defines window.trialmatch.{name}, which the app calls")

for p in problems:
    print(p)
if problems:
    sys.exit(1)
print(f"exports: {len(exported)} functions, each called by the files it names; "
      f"the page's scripts define the {len(needed)} functions the app calls")
