#!/usr/bin/python3
"""Writes a 9 MiB CSV whose bytes around the middle of the part after the
first MiB (where pbcheck splits its check of UTF-8 in two, src/run.c) are
given: tests/parallel.sh checks that -j 2 decides the encoding as -j 1.

usage: make_split.py SAMPLE.csv CASE OUT.csv
CASE: valid, bad-first, bad-second, straddle, cut, four-cont, lone-cont
"""
import sys

HEAD = 1 << 20
TOTAL = 9 << 20
MID = HEAD + (TOTAL - HEAD) // 2

sample, case, out = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(sample, "rb").read().splitlines(keepends=True)
header, rows = lines[0], lines[1:]

# (offset of the special bytes, the bytes)
special = {
    "valid": (MID - 1, "中".encode()),                 # valid, across MID
    "bad-first": (HEAD + 1000, b"\xff"),
    "bad-second": (TOTAL - 1000, b"\xff"),
    "straddle": (MID - 2, "文".encode()),              # lead 2 before MID
    "cut": (MID - 1, b"\xe4\xb8" + b"x"),              # 3-byte lead, 1 cont
    "four-cont": (MID, b"\x80\x80\x80\x80"),
    "lone-cont": (MID, b"\x80"),
}[case]


def fill(buf, upto):
    i = 0
    while len(buf) + len(rows[i % len(rows)]) < upto:
        buf += rows[i % len(rows)]
        i += 1
    return buf


buf = fill(bytearray(header), special[0] - 400)
pad = special[0] - len(buf) - len(b"X-1,")
buf += b"X-1," + b"a" * pad + special[1] + b",b\n"
assert buf.find(special[1], special[0]) == special[0]
buf = fill(buf, TOTAL - 400)
buf += b"a" * (TOTAL - len(buf) - 1) + b"\n"
assert len(buf) == TOTAL
open(out, "wb").write(buf)
