#!/usr/bin/python3
"""Write the inputs of make bench: deterministic, standard library only.

Usage: /usr/bin/python3 scripts/make_bench.py SAMPLE.csv KIND N OUTFILE

KIND is one of
  city     N projects of canonical CSV: the sample's 13 projects in turn,
           each with a distinct code, and a few percent of them given a
           defect of every rule family (PB0 input, PB1 project, PB2 spend
           plan, PB3 indicators, PB4 values, PB5 basis);
  wide     one project with N indicators (a few repeated: PB311);
  commas   a header and one row of N commas;
  cell     a header and one row whose description is a quoted cell of N
           bytes.
The same arguments always write the same bytes.
"""

import csv
import io
import sys


def projects(sample):
    with open(sample, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    groups = []
    for row in body:
        if groups and groups[-1][0][0] == row[0]:
            groups[-1].append(row)
        else:
            groups.append([row])
    return header, groups


def code(i):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    tail = ""
    k = i
    for _ in range(4):
        tail = digits[k % 36] + tail
        k //= 36
    return "%03d-%04d-BEN-%s" % (i // 10000 % 1000, i % 10000, tail)


# Columns of the sample's header.
CODE, NAME, BUDGET, FISCAL, OTHER, PURPOSE = 0, 1, 2, 3, 4, 5
MAR, JUN, OCT, DEC = 6, 7, 8, 9
L1, L2, L3, DESC, VALUE, BASIS = 14, 15, 16, 17, 18, 19


def defect(i, rows, prev_code):
    """Gives one project in 25 a defect, a different family each time."""
    k = i % 200
    r0 = rows[0]
    if k == 3:          # PB107: budget is not fiscal + other
        for r in rows:
            r[BUDGET] = str(float(r[BUDGET] or 0) + 1)
    elif k == 11:       # PB203: the plan decreases
        for r in rows:
            r[JUN] = "10"
    elif k == 19:       # PB201: a milestone is not a number
        for r in rows:
            r[OCT] = "七十五"
    elif k == 27:       # PB301: not a level-1 indicator
        rows[-1][L1] = "产出指示"
    elif k == 35:       # PB401: empty target value
        rows[-1][VALUE] = ""
    elif k == 43:       # PB006: a project column differs on a later row
        rows[-1][NAME] = r0[NAME] + "（变更）"
    elif k == 51:       # PB311: the same indicator twice
        rows.append(list(rows[-1]))
    elif k == 59:       # PB409 / PB404: a value out of range
        rows[-1][VALUE] = "=120%"
    elif k == 67:       # PB501: an unknown basis
        rows[-1][BASIS] = "领导要求"
    elif k == 75:       # PB004: the code reappears after another project
        for r in rows:
            r[CODE] = prev_code  # two projects back
    elif k == 83:       # PB102 with the city pattern, PB104 empty purpose
        for r in rows:
            r[PURPOSE] = ""
    elif k == 91:       # PB307: empty description
        rows[-1][DESC] = ""
    return rows


def city(sample, n, out):
    header, groups = projects(sample)
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    prev = [code(n), code(n)]     # the codes two and one projects back
    for i in range(n):
        rows = [list(r) for r in groups[i % len(groups)]]
        c = code(i)
        for r in rows:
            r[CODE] = c
        rows = defect(i, rows, prev[0])
        prev = [prev[1], c]
        w.writerows(rows)


def wide(sample, n, out):
    header, groups = projects(sample)
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    ind = [r for g in groups for r in g]
    first = groups[0][0]
    for i in range(n):
        r = list(first)
        src = ind[i % len(ind)]
        r[L1:BASIS + 1] = src[L1:BASIS + 1]
        # Distinct names, but one in a hundred repeats an earlier one.
        j = i - 50 if i % 100 == 99 else i
        r[L3] = "%s%d" % (src[L3], j)
        r[DESC] = "%s%d" % (src[DESC], j)
        if i % 100 == 99:
            r[L1:BASIS + 1] = ind[j % len(ind)][L1:BASIS + 1]
            r[L3] = "%s%d" % (ind[j % len(ind)][L3], j)
            r[DESC] = "%s%d" % (ind[j % len(ind)][DESC], j)
        w.writerow(r)


def commas(sample, n, out):
    header, _ = projects(sample)
    out.write(",".join(header) + "\n")
    out.write("," * n + "\n")


def cell(sample, n, out):
    header, groups = projects(sample)
    r = list(groups[0][0])
    r[DESC] = "测" * (n // 3)
    w = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    out.write(",".join(header) + "\n")
    w.writerow(r)


def main():
    if len(sys.argv) != 5 or sys.argv[2] not in ("city", "wide", "commas",
                                                   "cell"):
        sys.exit("usage: make_bench.py SAMPLE.csv city|wide|commas|cell N OUT")
    sample, kind, n, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        sys.argv[4]
    buf = io.StringIO()
    globals()[kind](sample, n, buf)
    with open(path + ".tmp", "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    import os
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
