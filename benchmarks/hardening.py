#!/usr/bin/env python3
"""Time bounds for bad and pathological inputs (the tests check correctness, this checks time).

    python benchmarks/hardening.py

For each kind of bad file the shared generator makes (invalid UTF-8, empty, binary, a
50 MiB single line, bidi overrides, NUL bytes) it times `cmvisit validate` and reports the
one-line reason; for each pathological text (a line of quotation marks, dashes, `(@`,
bullets, Devanagari with speech cues and no danda, ...) it times parsing at 0.5, 1 and
2 MB and prints the growth factor per doubling (about 2 means linear).
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BAD = {
    "invalid-utf8": b"Title\n\nValid start " + b"\xff\xfe bad " + "ठीक".encode()[:-1],
    "empty": b"",
    "binary": bytes(random.Random(5).randrange(256) for _ in range(4096)),
    "huge-line (50 MiB)": b"a" * (50 * 2**20),
    "bidi-override": "Title\n\ntext \u202eevil\u202c \u2067iso\u2069\n".encode(),
    "nul-bytes": b"Title\n\nsome\x00text\n",
}
PATHOLOGICAL = {
    "quotation marks “": "“",
    'straight quotes "': '"',
    "dashes —": "—",
    "handles (@": "(@",
    "attribution-like": "— A (@a) ",
    "bullets •": "• ",
    "devanagari, cues, no danda": "राज्य सरकार ने कहा कि ",
    "nested quotes": "He said, “‘",
    "apostrophes": "'a ",
}


def main() -> int:
    from cmvisit_data.parse import parse_text

    print(f"{'bad input':<22} {'seconds':>8}  reason")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in BAD.items():
            path = Path(tmp) / f"{name.split()[0]}.txt"
            path.write_bytes(data)
            started = time.perf_counter()
            done = subprocess.run(["cmvisit", "validate", str(path)], capture_output=True, text=True)
            seconds = time.perf_counter() - started
            reason = done.stdout.strip().split(": ", 2)[-1][:70]
            print(f"{name:<22} {seconds:>8.2f}  exit {done.returncode}: {reason}")
    print(f"\n{'pathological line':<28} {'0.5 MB s':>9} {'1 MB s':>9} {'2 MB s':>9} {'x per doubling':>15}")
    for name, unit in PATHOLOGICAL.items():
        times = []
        for megabytes in (0.5, 1, 2):
            text = "Title\n\n" + unit * int(megabytes * 2**20 / len(unit.encode())) + "\n"
            started = time.perf_counter()
            parse_text(text)
            times.append(time.perf_counter() - started)
        growth = (times[2] / times[1] + times[1] / times[0]) / 2 if times[0] > 0 else 0
        print(f"{name:<28} {times[0]:>9.3f} {times[1]:>9.3f} {times[2]:>9.3f} {growth:>15.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
