#!/usr/bin/env python3
"""Counts the tests of a CTest run from its log (BUILD/Testing/Temporary/LastTest.log): inside
each GoogleTest binary, its own tests (its "[  PASSED  ] N tests" and "[  FAILED  ] N tests"
lines); any other entry (a script) as one test. An entry that failed without saying how many
of its tests failed (it crashed, a sanitizer stopped it) counts as one failure more.

Usage: count_tests.py BUILD_DIR   prints "unit tests: N passed, M failed"
"""
import pathlib
import re
import sys


def count(log_text):
    passed = failed = 0
    for block in re.split(r'(?m)^\d+/\d+ Testing: ', log_text)[1:]:
        ok = re.search(r'(?m)^Test Passed\.$', block) is not None
        gtest_passed = re.search(r'(?m)^\[  PASSED  \] (\d+) tests?\.', block)
        gtest_failed = re.search(r'(?m)^\[  FAILED  \] (\d+) tests?, listed below', block)
        if gtest_passed or gtest_failed:
            passed += int(gtest_passed.group(1)) if gtest_passed else 0
            failed += int(gtest_failed.group(1)) if gtest_failed else 0
            if not ok and not gtest_failed:
                failed += 1
        elif ok:
            passed += 1
        else:
            failed += 1
    return passed, failed


def main():
    log = pathlib.Path(sys.argv[1]) / 'Testing' / 'Temporary' / 'LastTest.log'
    passed, failed = count(log.read_text(encoding='utf-8', errors='replace')) if log.exists() else (0, 1)
    print(f'unit tests: {passed} passed, {failed} failed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
