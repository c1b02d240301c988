#!/usr/bin/env python3
"""Convert the tab-indented Word dump of the project target tables into the
sample data of data/chengde-2021/.

Usage: python3 scripts/seed2csv.py SEED.txt OUTDIR

Writes OUTDIR/targets.csv (canonical CSV, UTF-8, LF), OUTDIR/targets-gb18030.csv
(the same content as Excel on Chinese Windows saves it: GB18030, CRLF record
ends) and OUTDIR/targets.txt (a byte-identical copy of the seed).

The dump format: every table cell is a line starting with a TAB; table rows
are separated by blank lines; a cell that held a line break continues on the
next line without a TAB, after one blank line. Each table follows a title line
"N. XXX项目绩效目标表". Anything unexpected in a table stops the script with a
message naming the seed line, so that a changed seed cannot silently produce
different sample data.

Python 3 standard library only; no f-strings, so that any python3 runs it.
"""

import os
import re
import shutil
import sys

PROG = "seed2csv"

# Leading/trailing white space removed from every physical line of a cell:
# ASCII white space and the ideographic space U+3000.
STRIP = " \t\n\r\x0b\x0c\u3000"

TITLE_RE = re.compile(r"^(\d+)\.\s*(.*)项目绩效目标表$")

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                    "指标值确定依据"]
PLAN_LABELS = ["3月底", "6月底", "10月底", "12月底"]


class SeedError(Exception):
    def __init__(self, line, message):
        Exception.__init__(self, message)
        self.line = line
        self.message = message


def clean(text):
    return text.strip(STRIP)


def label(text):
    """A label cell compared without any white space (line breaks included)."""
    return re.sub(r"[\s\u3000]+", "", text)


class Cell(object):
    def __init__(self, line, text):
        self.line = line
        self.parts = [clean(text)]

    @property
    def text(self):
        return clean("\n".join(self.parts))


class Row(object):
    def __init__(self, line):
        self.line = line
        self.cells = []

    def texts(self):
        return [c.text for c in self.cells]


class Table(object):
    def __init__(self, line, number, title_name):
        self.line = line
        self.number = number
        self.title_name = title_name
        self.rows = []


def read_tables(path, lines):
    """Split the dump into tables of rows of cells (no interpretation yet)."""
    tables = []
    table = None
    row = None
    blanks = 0  # blank lines since the last non-blank line
    for i, raw in enumerate(lines, 1):
        if raw.startswith("\t"):
            if table is None:
                raise SeedError(i, "table cell before any title line "
                                "'N. XXX项目绩效目标表'")
            if row is None or blanks > 0:
                row = Row(i)
                table.rows.append(row)
            row.cells.append(Cell(i, raw[1:]))
            blanks = 0
            continue
        if clean(raw) == "":
            blanks += 1
            continue
        m = TITLE_RE.match(clean(raw))
        if m:
            table = Table(i, int(m.group(1)), clean(m.group(2)))
            tables.append(table)
            row = None
        elif table is not None:
            if row is None:
                raise SeedError(i, "text line after the title, before the "
                                "table's first cell: %r" % raw)
            if blanks != 1:
                raise SeedError(i, "line without a leading TAB after %d blank "
                                "lines inside table %d (a cell continuation "
                                "follows exactly one blank line): %r"
                                % (blanks, table.number, raw))
            row.cells[-1].parts.append(clean(raw))
        # Else: free prose before the first table (part one), ignored.
        blanks = 0
    return tables


def expect_cells(row, n, what):
    if len(row.cells) != n:
        raise SeedError(row.line, "%s: expected %d cells, found %d: %r"
                        % (what, n, len(row.cells), row.texts()))


def expect_label(row, index, want, what):
    got = row.cells[index].text
    if label(got) != label(want):
        raise SeedError(row.cells[index].line, "%s: expected label %r, found %r"
                        % (what, want, got))


def expect_blank(row, index, what):
    got = row.cells[index].text
    if got != "":
        raise SeedError(row.cells[index].line, "%s: expected a blank cell, "
                        "found %r" % (what, got))


def parse_table(t):
    """Interpret one table's rows as a project dict; raise on any surprise."""
    rows = t.rows
    pos = [0]

    def take(what):
        if pos[0] >= len(rows):
            last = rows[-1].line if rows else t.line
            raise SeedError(last, "table %d ends early: missing %s"
                            % (t.number, what))
        r = rows[pos[0]]
        pos[0] += 1
        return r

    what = "table %d row 项目编码" % t.number
    r = take(what)
    expect_cells(r, 4, what)
    expect_label(r, 0, "项目编码", what)
    expect_label(r, 2, "项目名称", what)
    code, name = r.cells[1].text, r.cells[3].text
    if code == "" or name == "":
        raise SeedError(r.line, "%s: blank 项目编码 or 项目名称" % what)
    if name != t.title_name:
        raise SeedError(r.cells[3].line, "%s: 项目名称 %r differs from the "
                        "title's %r (line %d)" % (what, name, t.title_name,
                                                  t.line))

    what = "table %d row 预算规模及资金用途" % t.number
    r = take(what)
    expect_cells(r, 7, what)
    for idx, lab in ((0, "预算规模及资金用途"), (1, "预算数"),
                     (3, "其中：财政资金"), (5, "其他资金")):
        expect_label(r, idx, lab, what)
    budget, fiscal, other = r.cells[2].text, r.cells[4].text, r.cells[6].text

    what = "table %d row 资金用途" % t.number
    r = take(what)
    expect_cells(r, 2, what)
    expect_blank(r, 0, what)
    purpose = r.cells[1].text

    what = "table %d row 资金支出计划（%%）" % t.number
    r = take(what)
    expect_cells(r, 5, what)
    expect_label(r, 0, "资金支出计划（%）", what)
    for k, lab in enumerate(PLAN_LABELS):
        expect_label(r, k + 1, lab, what)

    what = "table %d row of milestone values" % t.number
    r = take(what)
    expect_cells(r, 5, what)
    expect_blank(r, 0, what)
    plan = [c.text for c in r.cells[1:]]

    goals = []
    while pos[0] < len(rows) and len(rows[pos[0]].cells) == 3:
        what = "table %d row 目标%d" % (t.number, len(goals) + 1)
        r = take(what)
        if goals:
            expect_blank(r, 0, what)
        else:
            expect_label(r, 0, "绩效目标", what)
        expect_label(r, 1, "目标%d" % (len(goals) + 1), what)
        goals.append(r.cells[2].text)
    if not goals:
        r = rows[pos[0]] if pos[0] < len(rows) else rows[-1]
        raise SeedError(r.line, "table %d: no 绩效目标 row after the "
                        "milestones" % t.number)

    what = "table %d indicator header" % t.number
    r = take(what)
    expect_cells(r, 6, what)
    for k, lab in enumerate(INDICATOR_HEADER):
        expect_label(r, k, lab, what)

    what = "table %d blank row under the indicator header" % t.number
    r = take(what)
    expect_cells(r, 6, what)
    for k in range(6):
        expect_blank(r, k, what)

    indicators = []
    level1 = ""
    while pos[0] < len(rows):
        what = "table %d indicator %d" % (t.number, len(indicators) + 1)
        r = take(what)
        expect_cells(r, 6, what)
        cells = r.texts()
        if cells[0] != "":
            level1 = cells[0]
        elif level1 == "":
            raise SeedError(r.line, "%s: blank 一级指标 on the first "
                            "indicator row" % what)
        if cells[2] == "":
            raise SeedError(r.cells[2].line, "%s: blank 三级指标" % what)
        indicators.append([level1] + cells[1:])
    if not indicators:
        raise SeedError(rows[-1].line, "table %d has no indicator row"
                        % t.number)

    return {"line": t.line, "code": code, "name": name, "budget": budget,
            "fiscal": fiscal, "other": other, "purpose": purpose,
            "plan": plan, "goals": goals, "indicators": indicators}


def csv_field(s):
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def build_records(projects):
    ngoals = max(len(p["goals"]) for p in projects)
    header = (["项目编码", "项目名称", "预算数", "财政资金", "其他资金", "资金用途"]
              + PLAN_LABELS + ["目标%d" % (k + 1) for k in range(ngoals)]
              + INDICATOR_HEADER)
    records = [header]
    for p in projects:
        goals = p["goals"] + [""] * (ngoals - len(p["goals"]))
        head = ([p["code"], p["name"], p["budget"], p["fiscal"], p["other"],
                 p["purpose"]] + p["plan"] + goals)
        for ind in p["indicators"]:
            records.append(head + ind)
    return [",".join(csv_field(f) for f in rec) for rec in records]


def write_bytes(path, data):
    """Writes data to path whole (temporary file, then rename), making its folder."""
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        os.makedirs(folder)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s SEED.txt OUTDIR\n" % PROG)
        return 2
    seed, outdir = argv[1], argv[2]
    try:
        with open(seed, "rb") as f:
            raw = f.read()
    except OSError as e:
        sys.stderr.write("%s: %s: %s\n" % (PROG, seed, e.strerror or e))
        return 1
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        sys.stderr.write("%s: %s:%d: not valid UTF-8\n" % (PROG, seed, line))
        return 1

    try:
        tables = read_tables(seed, text.split("\n"))
        if not tables:
            raise SeedError(1, "no title line 'N. XXX项目绩效目标表' found")
        for k, t in enumerate(tables, 1):
            if t.number != k:
                raise SeedError(t.line, "table numbered %d, expected %d"
                                % (t.number, k))
        projects = [parse_table(t) for t in tables]
    except SeedError as e:
        sys.stderr.write("%s: %s:%d: %s\n" % (PROG, seed, e.line, e.message))
        return 1

    seen = {}
    for p in projects:
        if p["code"] in seen:
            sys.stderr.write("%s: %s:%d: 项目编码 %s already used by the table "
                             "at line %d\n" % (PROG, seed, p["line"],
                                               p["code"], seen[p["code"]]))
            return 1
        seen[p["code"]] = p["line"]

    records = build_records(projects)
    utf8 = ("\n".join(records) + "\n").encode("utf-8")
    try:
        gb = ("\r\n".join(records) + "\r\n").encode("gb18030")
    except UnicodeEncodeError as e:
        sys.stderr.write("%s: cannot encode %r in GB18030\n"
                         % (PROG, e.object[e.start:e.end]))
        return 1

    write_bytes(os.path.join(outdir, "targets.csv"), utf8)
    write_bytes(os.path.join(outdir, "targets-gb18030.csv"), gb)
    copy = os.path.join(outdir, "targets.txt")
    shutil.copyfile(seed, copy + ".tmp")
    os.replace(copy + ".tmp", copy)

    nind = sum(len(p["indicators"]) for p in projects)
    sys.stderr.write("%s: %d projects, %d indicators\n"
                     % (PROG, len(projects), nind))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
