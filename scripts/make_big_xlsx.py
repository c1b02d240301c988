#!/usr/bin/python3
"""Write a canonical-layout workbook of ROWS indicator rows, to measure that
reading a sheet does not grow with its rows.

Usage: python3 scripts/make_big_xlsx.py CSV CODE ROWS OUTFILE

The project CODE of the canonical CSV (e.g. data/chengde-2021/targets.csv,
571-0101-YBN-PLLS) is repeated under new codes until ROWS rows are written
(the last project may be cut short): numbers as numbers, the spend plan
percent-formatted, project columns blank after a project's first row, texts
as shared strings (codes inline, so that the shared strings do not grow
with the rows). Standard library only; the sheet is written as it goes.
"""

import csv
import sys
import zipfile

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P = "http://schemas.openxmlformats.org/package/2006/relationships"
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def col(n):
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def code_of(k):
    s = ""
    for _ in range(4):
        k, r = divmod(k, 36)
        s = DIGITS[r] + s
    return "999-0000-BIG-" + s


def main(argv):
    if len(argv) != 5:
        sys.stderr.write("usage: make_big_xlsx.py CSV CODE ROWS OUTFILE\n")
        return 2
    with open(argv[1], encoding="utf-8", newline="") as f:
        recs = list(csv.reader(f))
    header, rows = recs[0], [r for r in recs[1:] if r[0] == argv[2]]
    nrows = int(argv[3])
    nproject = header.index("一级指标")
    plan = [header.index(h) for h in ("3月底", "6月底", "10月底", "12月底")]
    money = [header.index(h) for h in ("预算数", "财政资金", "其他资金")]
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    def cell(r, c, v):
        ref = "%s%d" % (col(c + 1), r)
        if v == "":
            return ""
        if r == 1:
            return '<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(v))
        if c in plan:
            return '<c r="%s" s="1"><v>%s</v></c>' % (ref, float(v) / 100)
        if c == 0:
            # Codes inline: the shared strings stay the same size.
            return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v)
        if c in money:
            return '<c r="%s"><v>%s</v></c>' % (ref, v)
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(v))

    z = zipfile.ZipFile(argv[4], "w", zipfile.ZIP_DEFLATED)
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
        w.write(('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s">'
                 '<sheetData><row r="1">' % S).encode())
        w.write("".join(cell(1, c, h) for c, h in enumerate(header)).encode())
        w.write(b"</row>")
        r, k = 2, 0
        while r <= nrows + 1:
            for i, rec in enumerate(rows):
                if r > nrows + 1:
                    break
                rec = list(rec)
                if i == 0:
                    rec[0] = code_of(k)
                else:
                    rec[:nproject] = [""] * nproject
                w.write(('<row r="%d">' % r).encode())
                w.write("".join(cell(r, c, v)
                                for c, v in enumerate(rec)).encode())
                w.write(b"</row>")
                r += 1
            k += 1
        w.write(b"</sheetData></worksheet>")
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("_rels/.rels", '<Relationships xmlns="%s"><Relationship '
               'Id="r1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
               '</Relationships>' % (P, R))
    z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets>'
               '<sheet name="big" sheetId="1" r:id="r1"/></sheets></workbook>'
               % (S, R))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="%s">'
               '<Relationship Id="r1" Type="%s/worksheet" '
               'Target="worksheets/sheet1.xml"/><Relationship Id="r2" '
               'Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
               '<Relationship Id="r3" Type="%s/styles" Target="styles.xml"/>'
               '</Relationships>' % (P, R, R, R))
    z.writestr("xl/styles.xml", '<styleSheet xmlns="%s"><cellXfs count="2">'
               '<xf numFmtId="0"/><xf numFmtId="9"/></cellXfs></styleSheet>'
               % S)
    z.writestr("xl/sharedStrings.xml", '<sst xmlns="%s">%s</sst>' % (S, "".join(
        '<si><t xml:space="preserve">%s</t></si>' % esc(s) for s in strings)))
    z.close()
    sys.stderr.write("make_big_xlsx: %d rows, %d projects\n" % (nrows, k))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
