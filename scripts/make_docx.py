#!/usr/bin/python3
"""Draw the 13 project target tables of the seed as a Word document, with
merged cells the way people draw the form.

Usage: /usr/bin/python3 scripts/make_docx.py SEED.txt OUTFILE

Needs python-docx (Debian package python3-docx, visible to Debian's
/usr/bin/python3). The seed is read and checked by scripts/seed2form.py and
scripts/seed2csv.py (standard library, imported from this directory).

The document: a heading paragraph "预算项目绩效目标"; then per project its
title paragraph ("1.  辐射环境监测工作经费项目绩效目标表") and a "Table Grid"
table on a 7-column grid (the budget row has 7 cells):

  项目编码 | code (cols 2-3)          | 项目名称 | name (cols 5-7)
  预算规模及资金用途 (vMerge, 2 rows) | 预算数 | v | 其中：财政资金 | v | 其他资金 | v
                                     | fund use (cols 2-7)
  资金支出计划（%） (vMerge, 2 rows)   | 3月底 | 6月底 | 10月底 | 12月底 (cols 5-7)
                                     | v     | v     | v      | v      (same columns)
  绩效目标 (vMerge over the goal rows) | 目标N | text (cols 3-7)
  一级指标 | 二级指标 | 三级指标 | 绩效指标描述 (cols 4-5) | 指标值 | 指标值确定依据
  (the seed's all-blank row under the header, same columns, kept)
  一级指标 (vMerge over its group) | 二级 | 三级 | 描述 (cols 4-5) | 值 | 依据

Cell text is the seed's, each line trimmed; a cell that held a line break
becomes one paragraph per line. The zip is rewritten with every entry dated
2021-01-01 00:00:00 in a fixed order ([Content_Types].xml first, then by
name), so that regenerating gives identical bytes.
"""

import datetime
import io
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed2csv  # noqa: E402  (same directory)
import seed2form  # noqa: E402

PROG = "make_docx"
NCOLS = 7
ZIP_DATE = (2021, 1, 1, 0, 0, 0)
FIXED_TIME = datetime.datetime(2021, 1, 1, 0, 0, 0)

# Grid spans of the seed's cells, by row kind (they must add up to NCOLS).
SPANS = {
    "code": [1, 2, 1, 3],
    "budget": [1, 1, 1, 1, 1, 1, 1],
    "purpose": [1, 6],
    "plan": [1, 1, 1, 1, 3],
    "goal": [1, 1, 5],
    "indicator": [1, 1, 1, 2, 1, 1],
}


def row_kinds(form):
    """The kind of each seed row (the layout seed2csv.parse_table checked)."""
    ngoals = len(form.project["goals"])
    kinds = ["code", "budget", "purpose", "plan", "plan"]
    kinds += ["goal"] * ngoals
    kinds += ["indicator"] * (len(form.table.rows) - len(kinds))
    return kinds


def first_column_groups(form):
    """Row ranges (first, last) whose first cell is merged vertically: a
    non-blank label followed by the blank cells that continue it."""
    n5 = 5 + len(form.project["goals"])
    groups = [(1, 2), (3, 4)]          # 预算规模及资金用途, 资金支出计划（%）
    if n5 - 5 > 1:
        groups.append((5, n5 - 1))     # 绩效目标
    rows = form.table.rows
    # Indicator rows start after the header and its blank row.
    r = n5 + 2
    while r < len(rows):
        end = r
        while end + 1 < len(rows) and rows[end + 1].cells[0].text == "":
            end += 1
        if end > r:
            groups.append((r, end))
        r = end + 1
    return groups


def set_cell_text(cell, text):
    lines = text.split("\n") if text != "" else []
    for k, line in enumerate(lines):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        if line != "":
            p.add_run(line)


def add_form_table(doc, form):
    rows = form.table.rows
    kinds = row_kinds(form)
    table = doc.add_table(rows=len(rows), cols=NCOLS)
    table.style = doc.styles["Table Grid"]

    # Grid column where each seed cell starts.
    starts = []
    for r, row in enumerate(rows):
        spans = SPANS[kinds[r]]
        if len(spans) != len(row.cells) or sum(spans) != NCOLS:
            raise seed2csv.SeedError(row.line, "table %d: row of %d cells "
                                     "does not fit the %s layout"
                                     % (form.table.number, len(row.cells),
                                        kinds[r]))
        col = 0
        cols = []
        for s in spans:
            cols.append(col)
            if s > 1:
                table.cell(r, col).merge(table.cell(r, col + s - 1))
            col += s
        starts.append(cols)

    continued = set()
    for first, last in first_column_groups(form):
        table.cell(first, 0).merge(table.cell(last, 0))
        for r in range(first + 1, last + 1):
            continued.add(r)

    for r, row in enumerate(rows):
        for i, c in enumerate(row.cells):
            if i == 0 and r in continued:
                if c.text != "":
                    raise seed2csv.SeedError(c.line, "table %d: text %r in a "
                                             "cell merged with the one above"
                                             % (form.table.number, c.text))
                continue
            set_cell_text(table.cell(r, starts[r][i]), c.text)
    return table


def fixed_zip(data):
    """The zip in data rewritten with fixed dates, attributes and order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    first = [n for n in names if n == "[Content_Types].xml"]
    names = first + sorted(n for n in names if n != "[Content_Types].xml")
    out = io.BytesIO()
    dst = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    for n in names:
        info = zipfile.ZipInfo(n, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3
        info.external_attr = 0o644 << 16
        dst.writestr(info, src.read(n), compress_type=zipfile.ZIP_DEFLATED,
                     compresslevel=6)
    dst.close()
    src.close()
    return out.getvalue()


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s SEED.txt OUTFILE\n" % PROG)
        return 2
    seed, out = argv[1], argv[2]
    try:
        import docx
    except ImportError:
        sys.stderr.write("%s: python-docx is not importable by %s (install "
                         "the Debian package python3-docx and run "
                         "/usr/bin/python3)\n" % (PROG, sys.executable))
        return 1

    try:
        forms = seed2form.load_seed(seed)
        doc = docx.Document()
        props = doc.core_properties
        props.title = "预算项目绩效目标"
        props.author = ""
        props.last_modified_by = ""
        props.revision = 1
        props.created = FIXED_TIME
        props.modified = FIXED_TIME
        doc.add_heading("预算项目绩效目标", level=1)
        for f in forms:
            doc.add_paragraph(f.title)
            add_form_table(doc, f)
    except OSError as e:
        sys.stderr.write("%s: %s: %s\n" % (PROG, seed, e.strerror or e))
        return 1
    except seed2csv.SeedError as e:
        sys.stderr.write("%s: %s:%d: %s\n" % (PROG, seed, e.line, e.message))
        return 1

    buf = io.BytesIO()
    doc.save(buf)
    data = fixed_zip(buf.getvalue())
    seed2csv.write_bytes(out, data)

    nind = sum(len(f.project["indicators"]) for f in forms)
    sys.stderr.write("%s: %d projects, %d indicators\n"
                     % (PROG, len(forms), nind))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
