#!/usr/bin/env python3
"""Keeps app/ in small parts: no file over 450 lines and no function over 80 lines, unless a
comment says why. A file says so in a comment line starting "// Long file:" in its first 15
lines; a function in a comment line starting "// Long function:" just above it. Functions are
found as the code is written here: a definition starts at the line's start and ends at the
next line that is a lone "}" (a lambda or a class body inside counts toward its function).

Usage: check_sizes.py [ROOT]   (ROOT: the repository, default: this script's parent's parent)
Prints each part over its limit and ends with "N files checked, M too long"; fails if M > 0.
       check_sizes.py --self-test   checks that the function finder sees what it must
"""
import pathlib
import re
import sys

MAX_FILE_LINES = 450
MAX_FUNCTION_LINES = 80
OPENS = re.compile(r'\)\s*(const\s*)?(override\s*)?(noexcept\s*)?(->\s*[\w:<>]+\s*)?\{\s*(//.*)?$')
NOT_FUNCTIONS = ('namespace', 'extern', 'struct', 'class', 'enum', 'union', 'template', '#', '//', 'using')


def definition_at(lines, i):
    """Whether a function definition starts at line i: a line at the line's start that opens
    a body, maybe after a signature continued over up to three more lines."""
    line = lines[i]
    if not line or not (line[0].isalpha() or line[0] == '_') or line.startswith(NOT_FUNCTIONS) or '(' not in line:
        return False
    for j in range(i, min(i + 4, len(lines))):
        if ';' in lines[j].split('//')[0]:
            return False
        if OPENS.search(lines[j]):
            return True
    return False


def long_functions(lines):
    """(name line number, length) of each function over the limit without a reason."""
    out = []
    start = None
    for i, line in enumerate(lines):
        if start is None:
            if definition_at(lines, i):
                start = i
        elif line.rstrip() == '}':
            length = i - start + 1
            reason = start > 0 and lines[start - 1].lstrip().startswith('// Long function:')
            if length > MAX_FUNCTION_LINES and not reason:
                out.append((start + 1, length))
            start = None
    return out


def self_test():
    """The finder on made-up code: a long function with its signature over two lines and a
    lambda inside is found; the same with a reason above it, a declaration, and a short
    function are not."""
    body = ['  int x = 0;'] * (MAX_FUNCTION_LINES + 1)
    lam = ['  auto f = [&](int a) {', '    return a;', '  };']
    code = (['int long_one(int a,', '             int b) {'] + lam + body + ['}', '']
            + ['// Long function: one table of every case.', 'void excused() {'] + body + ['}', '']
            + ['int declared(int a);', 'int short_one() {', '  return 1;', '}'])
    found = long_functions(code)
    ok = found == [(1, len(lam) + len(body) + 3)]
    print('self-test: ' + ('1 passed, 0 failed' if ok else f'0 passed, 1 failed (found {found})'))
    return 0 if ok else 1


def main():
    if sys.argv[1:] == ['--self-test']:
        return self_test()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    files = sorted(p for p in (root / 'app').rglob('*') if p.suffix in ('.cpp', '.h'))
    problems = 0
    for path in files:
        lines = path.read_text(encoding='utf-8').splitlines()
        name = path.relative_to(root)
        file_reason = any(l.lstrip().startswith('// Long file:') for l in lines[:15])
        if len(lines) > MAX_FILE_LINES and not file_reason:
            print(f'{name}: {len(lines)} lines (at most {MAX_FILE_LINES}, or a "// Long file:" comment saying why)')
            problems += 1
        for line_number, length in long_functions(lines):
            print(f'{name}:{line_number}: a function of {length} lines (at most {MAX_FUNCTION_LINES}, '
                  f'or a "// Long function:" comment above it saying why)')
            problems += 1
    print(f'{len(files)} files checked, {problems} too long')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
