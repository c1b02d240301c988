#!/usr/bin/env python3
"""Convert the tab-indented Word dump of the project target tables into a
form-layout CSV: the tables as a person saves the Word form from Excel.

Usage: python3 scripts/seed2form.py SEED.txt OUTFILE

OUTFILE (data/chengde-2021/targets-form.csv) is UTF-8 without BOM, LF record
ends, RFC 4180 quoting. For each table: a title record whose first field is
the title line ("1.  辐射环境监测工作经费项目绩效目标表"), then every table row
as one record, its cells in order (a cell that held a line break keeps it
inside a quoted field); an empty record separates two tables. Every record
is padded with empty fields to the width of the widest table row (7: the
budget row 预算规模及资金用途 | 预算数 | v | 其中：财政资金 | v | 其他资金 | v).
The first record is therefore form text, not the canonical header: pbcheck
reads the file through its form recogniser (SPEC 2.2).

The dump is split and checked by scripts/seed2csv.py (imported from this
script's directory), so a seed whose tables do not have the expected layout
stops this script with the seed line, as it stops seed2csv.py.

Python 3 standard library only; no f-strings, so that any python3 runs it.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed2csv  # noqa: E402  (same directory)

PROG = "seed2form"


class Form(object):
    """One table of the seed: its title, raw rows and checked content."""

    def __init__(self, title, table, project):
        self.title = title      # the title line, trimmed
        self.table = table      # seed2csv.Table: rows of cells as in the dump
        self.project = project  # seed2csv.parse_table() of it


def load_seed(path):
    """Read and check the seed; return its tables as Form objects.

    Raises seed2csv.SeedError (with a seed line) on a layout surprise and
    OSError / UnicodeDecodeError on an unreadable file."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise seed2csv.SeedError(line, "not valid UTF-8")
    lines = text.split("\n")
    tables = seed2csv.read_tables(path, lines)
    if not tables:
        raise seed2csv.SeedError(1, "no title line 'N. XXX项目绩效目标表' found")
    forms = []
    seen = {}
    for k, t in enumerate(tables, 1):
        if t.number != k:
            raise seed2csv.SeedError(t.line, "table numbered %d, expected %d"
                                     % (t.number, k))
        p = seed2csv.parse_table(t)
        if p["code"] in seen:
            raise seed2csv.SeedError(t.line, "项目编码 %s already used by the "
                                     "table at line %d"
                                     % (p["code"], seen[p["code"]]))
        seen[p["code"]] = t.line
        forms.append(Form(seed2csv.clean(lines[t.line - 1]), t, p))
    return forms


def build_records(forms):
    width = max(len(r.cells) for f in forms for r in f.table.rows)
    records = []
    for k, f in enumerate(forms):
        if k > 0:
            records.append([""] * width)
        records.append([f.title] + [""] * (width - 1))
        for r in f.table.rows:
            cells = r.texts()
            records.append(cells + [""] * (width - len(cells)))
    return [",".join(seed2csv.csv_field(c) for c in rec) for rec in records]


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s SEED.txt OUTFILE\n" % PROG)
        return 2
    seed, out = argv[1], argv[2]
    try:
        forms = load_seed(seed)
    except OSError as e:
        sys.stderr.write("%s: %s: %s\n" % (PROG, seed, e.strerror or e))
        return 1
    except seed2csv.SeedError as e:
        sys.stderr.write("%s: %s:%d: %s\n" % (PROG, seed, e.line, e.message))
        return 1

    data = ("\n".join(build_records(forms)) + "\n").encode("utf-8")
    seed2csv.write_bytes(out, data)

    nind = sum(len(f.project["indicators"]) for f in forms)
    sys.stderr.write("%s: %d projects, %d indicators\n"
                     % (PROG, len(forms), nind))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
