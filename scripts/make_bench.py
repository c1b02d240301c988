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
           bytes;
  batch    a directory of N canonical CSV files of 100 projects each, the
           city's projects in turn (distinct codes across the files), for
           -j: OUTFILE is the directory;
  docx     a Word document whose word/document.xml is about N bytes: the
           sample's projects as tables of the form, in turn, with distinct
           codes;
  docxbomb a small Word document whose document.xml is about N bytes of
           one table row repeated (it compresses about 200 to 1).
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


def batch(sample, n, path):
    import os
    header, groups = projects(sample)
    os.makedirs(path, exist_ok=True)
    prev = [code(n * 100), code(n * 100)]
    for f in range(n):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        for i in range(f * 100, f * 100 + 100):
            rows = [list(r) for r in groups[i % len(groups)]]
            c = code(i)
            for r in rows:
                r[CODE] = c
            rows = defect(i, rows, prev[0])
            prev = [prev[1], c]
            w.writerows(rows)
        name = os.path.join(path, "city-%03d.csv" % f)
        with open(name + ".tmp", "w", encoding="utf-8", newline="") as out:
            out.write(buf.getvalue())
        os.replace(name + ".tmp", name)


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


DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml"'
    ' ContentType="application/xml"/><Override PartName="/word/document.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')


def xml_escape(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_row(cells):
    return "<w:tr>" + "".join(
        "<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % xml_escape(c)
        for c in cells) + "</w:tr>"


def docx_form(code, rows):
    """One project as a simple form table: labels and values in rows."""
    r0 = rows[0]
    out = [docx_row(["项目编码", code, "项目名称", r0[NAME]]),
           docx_row(["预算数", r0[BUDGET], "财政资金", r0[FISCAL], "其他资金",
                     r0[OTHER] or "0"]),
           docx_row(["资金用途", r0[PURPOSE]]),
           docx_row(["3月底", "6月底", "10月底", "12月底"]),
           docx_row([r0[MAR], r0[JUN], r0[OCT], r0[DEC]]),
           docx_row(["目标1", r0[10]]),
           docx_row(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                     "指标值确定依据"])]
    out += [docx_row(r[L1:BASIS + 1]) for r in rows]
    return ("<w:p><w:r><w:t>%s项目绩效目标表</w:t></w:r></w:p><w:tbl>"
            % xml_escape(r0[NAME]) + "".join(out) + "</w:tbl>")


def write_docx(path, body):
    import zipfile
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/'
           'wordprocessingml/2006/main"><w:body>' + body +
           '</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", DOCX_TYPES),
                           ("_rels/.rels", DOCX_RELS),
                           ("word/document.xml", doc)):
            info = zipfile.ZipInfo(name, (2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def docx(sample, n, path):
    header, groups = projects(sample)
    parts, size, i = [], 0, 0
    while size < n:
        t = docx_form(code(i), groups[i % len(groups)])
        parts.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    write_docx(path, "".join(parts))


def docxbomb(sample, n, path):
    header, groups = projects(sample)
    row = docx_row(groups[0][0][L1:BASIS + 1])
    count = n // len(row.encode("utf-8")) + 1
    write_docx(path, "<w:tbl>" + row * count + "</w:tbl>")


def main():
    kinds = ("city", "batch", "wide", "commas", "cell", "docx", "docxbomb")
    if len(sys.argv) != 5 or sys.argv[2] not in kinds:
        sys.exit("usage: make_bench.py SAMPLE.csv %s N OUT" % "|".join(kinds))
    sample, kind, n, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        sys.argv[4]
    if kind == "batch":
        batch(sample, n, path)
        return
    if kind.startswith("docx"):
        globals()[kind](sample, n, path + ".tmp")
        import os
        os.replace(path + ".tmp", path)
        return
    buf = io.StringIO()
    globals()[kind](sample, n, buf)
    with open(path + ".tmp", "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    import os
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
