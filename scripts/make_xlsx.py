#!/usr/bin/python3
"""Write the seed's 13 project target tables as Excel workbooks, in both
layouts pbcheck reads.

Usage: /usr/bin/python3 scripts/make_xlsx.py SEED.txt OUTDIR

Needs openpyxl (Debian package python3-openpyxl, visible to Debian's
/usr/bin/python3). The seed is read and checked by scripts/seed2form.py and
scripts/seed2csv.py (standard library, imported from this directory).

OUTDIR/targets.xlsx, the canonical layout (SPEC 2.1) on one sheet 绩效目标:
a title row and a unit row above the header row of targets.csv, then one
row per indicator. Money is numbers; the spend plan is numbers formatted as
percentages (25 is 0.25 shown as 25%); the project columns (项目编码 …
目标N) are merged vertically over each project's rows, as people draw them.

OUTDIR/targets-form.xlsx, the form layout (SPEC 2.2): one sheet per project
(named "N. project name", cut to Excel's 31 characters), holding its title
row (merged over the 7 columns) and the rows of targets-form.csv, with the
cells merged as scripts/make_docx.py draws them (the same spans, the same
first-column labels merged down). Numbers are numbers.

Both zips are rewritten with every entry dated 2021-01-01 00:00:00 in a
fixed order, and the document properties fixed, so that regenerating gives
identical bytes.
"""

import datetime
import io
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_docx  # noqa: E402  (same directory; python-docx not needed)
import seed2csv  # noqa: E402
import seed2form  # noqa: E402

PROG = "make_xlsx"
FIXED_TIME = datetime.datetime(2021, 1, 1, 0, 0, 0)
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def number(text):
    """A cell's number when the text is a plain decimal, else the text."""
    if NUMBER.match(text):
        return int(text) if "." not in text else float(text)
    return text if text != "" else None


def put(ws, row, col, value):
    """Sets a cell; text starting with = (指标值 "=1次") stays text."""
    c = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        c.data_type = "s"
    return c


def fix_properties(wb):
    props = wb.properties
    props.creator = "pbcheck"
    props.lastModifiedBy = "pbcheck"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.title = "预算项目绩效目标"


def save(wb):
    buf = io.BytesIO()
    wb.save(buf)
    return make_docx.fixed_zip(buf.getvalue())


def canonical(projects):
    import openpyxl
    from openpyxl.utils import get_column_letter
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    fix_properties(wb)
    ws = wb.active
    ws.title = "绩效目标"
    records = seed2csv.build_records(projects)
    header = next(iter(__import__("csv").reader([records[0]])))
    ngoals = sum(1 for h in header if h.startswith("目标"))
    nproject = 10 + ngoals          # 项目编码 … 12月底, 目标1 … 目标N
    put(ws, 1, 1, "2021年度预算项目绩效目标表")
    put(ws, 2, 1, "单位：万元")
    for k, h in enumerate(header):
        put(ws, 3, k + 1, h)
    row = 4
    for p in projects:
        goals = p["goals"] + [""] * (ngoals - len(p["goals"]))
        head = ([p["code"], p["name"], number(p["budget"]),
                 number(p["fiscal"]), number(p["other"]), p["purpose"]]
                + [number(v) for v in p["plan"]] + goals)
        first = row
        for ind in p["indicators"]:
            for k, v in enumerate(head + ind):
                put(ws, row, k + 1, None if v == "" else v)
            for k in range(4):
                c = ws.cell(row=row, column=7 + k)
                if isinstance(c.value, (int, float)):
                    c.value = c.value / 100
                    c.number_format = "0%"
            row += 1
        last = row - 1
        if last > first:
            for col in range(1, nproject + 1):
                letter = get_column_letter(col)
                ws.merge_cells("%s%d:%s%d" % (letter, first, letter, last))
                ws.cell(row=first, column=col).alignment = Alignment(
                    vertical="top", wrap_text=True)
    return save(wb)


def form(forms):
    import openpyxl

    wb = openpyxl.Workbook()
    fix_properties(wb)
    wb.remove(wb.active)
    for f in forms:
        name = re.sub(r"[\[\]:*?/\\]", "", "%d. %s" % (f.table.number,
                                                         f.project["name"]))
        ws = wb.create_sheet(name[:31])
        put(ws, 1, 1, f.title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1,
                       end_column=make_docx.NCOLS)
        rows = f.table.rows
        kinds = make_docx.row_kinds(f)
        for r, row in enumerate(rows):
            spans = make_docx.SPANS[kinds[r]]
            col = 1
            for s, c in zip(spans, row.cells):
                value = number(c.text) if kinds[r] in ("budget", "plan") \
                    else (c.text if c.text != "" else None)
                put(ws, r + 2, col, value)
                if s > 1:
                    ws.merge_cells(start_row=r + 2, start_column=col,
                                   end_row=r + 2, end_column=col + s - 1)
                col += s
        for first, last in make_docx.first_column_groups(f):
            ws.merge_cells(start_row=first + 2, start_column=1,
                           end_row=last + 2, end_column=1)
    return save(wb)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s SEED.txt OUTDIR\n" % PROG)
        return 2
    seed, outdir = argv[1], argv[2]
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        sys.stderr.write("%s: openpyxl is not importable by %s (install "
                         "the Debian package python3-openpyxl and run "
                         "/usr/bin/python3)\n" % (PROG, sys.executable))
        return 1
    try:
        forms = seed2form.load_seed(seed)
    except OSError as e:
        sys.stderr.write("%s: %s: %s\n" % (PROG, seed, e.strerror or e))
        return 1
    except seed2csv.SeedError as e:
        sys.stderr.write("%s: %s:%d: %s\n" % (PROG, seed, e.line, e.message))
        return 1
    projects = [f.project for f in forms]
    seed2csv.write_bytes(os.path.join(outdir, "targets.xlsx"),
                         canonical(projects))
    seed2csv.write_bytes(os.path.join(outdir, "targets-form.xlsx"),
                         form(forms))
    nind = sum(len(p["indicators"]) for p in projects)
    sys.stderr.write("%s: %d projects, %d indicators\n"
                     % (PROG, len(projects), nind))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
