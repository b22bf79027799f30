#!/usr/bin/env python3
"""The command-line tool on hostile input (issue 24): a crafted QR code, study record or
file must not put a control character on the terminal raw, must not print without end,
and `import-ctgov --out` must never write through a symbolic link.

  test_hostile_input.py TRIALMATCH SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

CLI, ROOT = sys.argv[1], sys.argv[2]
SEED = os.path.join(ROOT, "assets", "trials", "NCT04979910.json")
RECORD = os.path.join(ROOT, "tests", "data", "ctgov", "recruiting-study.json")
CONTROLS = [b"\x1b", b"\x07", b"\r", b"\x9b", b"\xc2\x9b", "\u202e".encode()]


def run(*args, stdin=b""):
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


class HostileInput(unittest.TestCase):
    def assert_no_raw_controls(self, *outputs):
        for out in outputs:
            for c in CONTROLS:
                self.assertNotIn(c, out, f"{c!r} reached the terminal raw in {out[:300]!r}")

    def test_a_crafted_code_cannot_set_the_terminal_title(self):
        # "ESC ] 0; ... BEL" sets a terminal's title; from a code read off someone's screen.
        code = "TM1 NCT\x1b]0;owned\x07\u202e\r 2026-11-29 FC2BF978 L 0:34"
        status, out, err = run("decode", SEED, code)
        self.assertEqual(status, 1)
        self.assert_no_raw_controls(out, err)
        self.assertIn(b"\\x1B]0;owned\\x07\\u202E", err, "shown as visible escapes instead")

    def test_a_code_with_every_answer_wrong_prints_a_capped_list(self):
        code = "TM1 NCT04979910 2026-11-29 FC2BF978 L " + " ".join(f"{i}:1" for i in range(200000))
        status, out, err = run("decode", SEED, "-", stdin=code.encode())
        self.assertEqual(status, 1)
        lines = err.decode().splitlines()
        self.assertLessEqual(len(lines), 51, f"{len(lines)} lines")
        self.assertRegex(lines[-1], r"\.\.\. and \d+ more not shown$")

    def test_a_record_with_control_characters_is_drafted_without_them_raw(self):
        with open(RECORD) as f:
            record = json.load(f)
        ident = record["protocolSection"]["identificationModule"]
        ident["briefTitle"] = "Study \x1b[2J\x1b]0;owned\x07 title\r"
        elig = record["protocolSection"]["eligibilityModule"]
        elig["eligibilityCriteria"] = "Inclusion Criteria:\n\n* Age \x1b[31m18\x1b[0m or older\u202e\n"
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "record.json")
            with open(path, "w") as f:
                json.dump(record, f)
            status, out, err = run("import-ctgov", path)
            self.assert_no_raw_controls(out, err)

    def test_import_never_writes_through_a_symbolic_link(self):
        with tempfile.TemporaryDirectory() as folder:
            outside = os.path.join(folder, "outside")
            os.mkdir(outside)
            out_dir = os.path.join(folder, "drafts")
            os.mkdir(out_dir)
            target = os.path.join(out_dir, "NCT09990001.json")
            # A link pointing nowhere: following it would create the file it names.
            victim = os.path.join(outside, "created.json")
            os.symlink(victim, target)
            status, out, err = run("import-ctgov", RECORD, "--out", out_dir)
            self.assertEqual(status, 1, err)
            self.assertFalse(os.path.exists(victim), "written through the link")
            self.assertTrue(os.path.islink(target))
            # A link to a file that is there: left as it is.
            os.unlink(target)
            kept = os.path.join(outside, "kept.json")
            with open(kept, "w") as f:
                f.write("mine")
            os.symlink(kept, target)
            status, out, err = run("import-ctgov", RECORD, "--out", out_dir)
            self.assertEqual(status, 1, err)
            with open(kept) as f:
                self.assertEqual(f.read(), "mine")
            # No link: written.
            os.unlink(target)
            status, out, err = run("import-ctgov", RECORD, "--out", out_dir)
            self.assertTrue(os.path.isfile(target) and not os.path.islink(target), err)


if __name__ == "__main__":
    result = unittest.main(argv=sys.argv[:1], exit=False, verbosity=2).result
    sys.exit(0 if result.wasSuccessful() else 1)
