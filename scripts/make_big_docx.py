#!/usr/bin/env python3
"""Write large .docx files for measuring the .docx reader (issue 11).

Usage: python3 scripts/make_big_docx.py projects OUT.docx [COPIES]
       python3 scripts/make_big_docx.py tables OUT.docx [TABLES]
       python3 scripts/make_big_docx.py onetable OUT.docx [ROWS]

projects: the body of data/chengde-2021/targets.docx (13 project tables
          and their titles) repeated COPIES times (default 300: 3,900
          projects, about 46 MB of word/document.xml), each copy's codes
          made distinct (571- becomes NNNN-).
tables:   TABLES small tables (default 22,000) of repeated text and no
          labels, about 3 KB of XML each (60 MB in all), which deflate
          compresses to a few hundred KB.
onetable: one table of ROWS rows (default 120,000) of eight short cells,
          about 500 bytes of XML each (60 MB in all).

word/document.xml is written straight into the zip, a piece at a time,
so that the script's memory stays small. Python 3 standard library only.
"""

import re
import sys
import zipfile

SAMPLE = "data/chengde-2021/targets.docx"


def sample_parts():
    with zipfile.ZipFile(SAMPLE) as z:
        names = z.namelist()
        parts = {n: z.read(n) for n in names}
    doc = parts["word/document.xml"].decode("utf-8")
    start = doc.index("<w:body>") + len("<w:body>")
    end = doc.rindex("<w:sectPr")
    return parts, doc[:start], doc[start:end], doc[end:]


def small_table(i):
    cell = ("<w:tc><w:tcPr><w:tcW w:type=\"dxa\" w:w=\"1234\"/></w:tcPr>"
            "<w:p><w:r><w:t>" + "重复的文字" * 8 + "</w:t></w:r></w:p></w:tc>")
    row = "<w:tr>" + cell * 4 + "</w:tr>"
    return ("<w:p><w:r><w:t>说明</w:t></w:r></w:p><w:tbl><w:tblPr>"
            "<w:tblW w:type=\"auto\" w:w=\"0\"/></w:tblPr>" + row * 3 +
            "</w:tbl>")


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("projects", "tables",
                                                  "onetable"):
        sys.exit(__doc__)
    kind, out = sys.argv[1], sys.argv[2]
    parts, head, body, tail = sample_parts()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name != "word/document.xml":
                z.writestr(name, data)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head.encode("utf-8"))
            if kind == "projects":
                n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
                for i in range(1, n + 1):
                    copy = re.sub(r">571-", ">%04d-" % i, body)
                    f.write(copy.encode("utf-8"))
            elif kind == "onetable":
                n = int(sys.argv[3]) if len(sys.argv) > 3 else 120000
                row = ("<w:tr>" + "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>"
                       "</w:tc>" * 8 + "</w:tr>").encode("utf-8")
                f.write(b"<w:tbl>")
                for _ in range(n):
                    f.write(row)
                f.write(b"</w:tbl>")
            else:
                n = int(sys.argv[3]) if len(sys.argv) > 3 else 22000
                t = small_table(0).encode("utf-8")
                for _ in range(n):
                    f.write(t)
            f.write(tail.encode("utf-8"))


if __name__ == "__main__":
    main()
