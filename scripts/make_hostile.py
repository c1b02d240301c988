#!/usr/bin/env python3
"""Write the hostile inputs that tests/hostile.sh runs pbcheck on.

Usage: python3 scripts/make_hostile.py OUTDIR

Every file is made here, deterministically, so the repository stays small:
CSV and text cases (empty, BOM only, header only, an unterminated quote,
random and NUL bytes, a 20 MB cell, 200,000 columns, a million blank lines,
a 5 MB row of commas, invalid bytes in each encoding, UTF-16 without a BOM,
CR-only line ends, absurd numbers, a 100,000-character unit), .docx cases
(not a zip, no document part, truncated XML, XXE, nested entities,
100,000-deep nesting, a 1 GiB zip bomb, 20,000 tables, 60 MB of table XML
in a small file), .xlsx cases (a shared-string index out of range, a cell
at XFD1048576, a bad reference, overlapping merges, XXE in sharedStrings,
400,000 rows) and a directory that links to itself; and one case past each
limit of include/pb_limits.h. OUTDIR/cases lists them: NAME<TAB>pbcheck
arguments<TAB>text the output must hold<TAB>text it must not hold (the
last two may be empty). Python 3 standard library only.
"""

import os
import random
import sys
import zipfile
import zlib

HEADER = ("项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,"
          "10月底,12月底,目标1,目标2,目标3,目标4,一级指标,二级指标,三级指标,"
          "绩效指标描述,指标值,指标值确定依据")
ROW = ("571-0101-YBN-NFOY,辐射环境监测工作经费,15,15,,监督性监测,25,50,75,100,"
       "保障辐射环境安全,,,,产出指标,数量指标,监测点位,监测点位数量,"
       "{value},计划标准")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml"'
    ' ContentType="application/xml"/><Override PartName="/word/document.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>\n')
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>\n')

XLSX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml"'
    ' ContentType="application/xml"/><Override PartName="/xl/workbook.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sharedStrings+xml"/></Types>\n')
XLSX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>\n')
XLSX_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
    '</sheets></workbook>\n')
XLSX_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>\n')
SS_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def zipped(path, parts):
    """A zip of (name, bytes-or-str) parts, dated 1980, deflated."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def docx(path, document, extra=()):
    zipped(path, [("[Content_Types].xml", DOCX_TYPES),
                  ("_rels/.rels", DOCX_RELS),
                  ("word/document.xml", document)] + list(extra))


def document(body, prolog=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog +
            '<w:document xmlns:w="' + W + '"><w:body>' + body +
            '</w:body></w:document>\n')


def cell(text):
    return "<w:tc><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>"


def table(rows):
    return ("<w:tbl>" + "".join("<w:tr>" + "".join(cell(c) for c in r) +
                                "</w:tr>" for r in rows) + "</w:tbl>")


FORM = [["项目编码", "571-0101-YBN-NFOY", "项目名称", "监测经费"],
        ["预算数", "15", "财政资金", "15"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "监测点位", "≥10个"]]


def xlsx(path, sheet_rows, shared=(), merges=(), ss_prolog="",
         sheet_raw=None):
    ss = ('<?xml version="1.0" encoding="UTF-8"?>\n' + ss_prolog +
          '<sst xmlns="' + SS_NS + '">' +
          "".join("<si><t>" + s + "</t></si>" for s in shared) + "</sst>\n")
    if sheet_raw is None:
        sheet_raw = "".join(sheet_rows)
    merge = ""
    if merges:
        merge = ('<mergeCells count="%d">' % len(merges) +
                 "".join('<mergeCell ref="%s"/>' % m for m in merges) +
                 "</mergeCells>")
    sheet = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="' +
             SS_NS + '"><sheetData>' + sheet_raw + "</sheetData>" + merge +
             "</worksheet>\n")
    zipped(path, [("[Content_Types].xml", XLSX_TYPES),
                  ("_rels/.rels", XLSX_RELS),
                  ("xl/workbook.xml", XLSX_WORKBOOK),
                  ("xl/_rels/workbook.xml.rels", XLSX_WB_RELS),
                  ("xl/sharedStrings.xml", ss),
                  ("xl/worksheets/sheet1.xml", sheet)])


def col_name(c):
    s = ""
    while c > 0:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def srow(n, cells):
    """A sheet row of inline strings, from column A."""
    return ('<row r="%d">' % n + "".join(
        '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' %
        (col_name(i + 1), n, v) for i, v in enumerate(cells)) + "</row>")


def raw_zip_entry(path, name, size, chunk=b" " * (1 << 20)):
    """A zip of one deflated entry of size bytes of chunk, streamed."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = 0
    out = []
    left = size
    while left > 0:
        piece = chunk[:min(left, len(chunk))]
        crc = zlib.crc32(piece, crc)
        out.append(comp.compress(piece))
        left -= len(piece)
    out.append(comp.flush())
    data = b"".join(out)
    return name, data, crc, size


def zip_raw(path, entries):
    """Writes a zip from (name, deflated bytes, crc, size) entries."""
    import struct
    body = b""
    central = b""
    for name, data, crc, size in entries:
        n = name.encode()
        off = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 8, 0, 0x21,
                            crc, len(data), size, len(n), 0) + n + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0,
                               8, 0, 0x21, crc, len(data), size, len(n), 0,
                               0, 0, 0, 0, off) + n
    end = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries),
                      len(entries), len(central), len(body), 0)
    write(path, body + central + end)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    cases = []

    def case(name, data, args=""):
        write(os.path.join(out, name), data)
        cases.append((name, args))

    # What the output of a case must, and must not, hold.
    must = {"cell_20mb.csv": "PB_MAX_CELL_BYTES",
            "columns_200k.csv": "PB_MAX_COLUMNS",
            "zip_bomb.docx": "PB_MAX_ZIP_ENTRY_BYTES",
            "deep_nesting.docx": "depth",
            "deep_nesting.xlsx": "depth",
            "deep_nesting_sst.xlsx": "depth",
            "tables_20k.docx": "",
            "tables_100k.docx": "PB_MAX_TABLES",
            "table_xml_60mb.docx": "PB_MAX_TABLE_ROWS",
            "ratio_bomb.docx": "PB_MAX_ZIP_RATIO",
            "zip_entries.docx": "PB_MAX_ZIP_ENTRIES",
            "indicators_10k.csv": "PB_MAX_INDICATORS",
            "rows_20k.csv": "PB_MAX_ROWS_PER_PROJECT",
            "sheets_1001.xlsx": "PB_MAX_SHEETS",
            "sheet_ratio.xlsx": "PB_MAX_ZIP_RATIO"}
    must_not = {"xxe.docx": "root:", "xxe_sst.xlsx": "root:",
                "nested_entities.docx": "lollollol"}

    rnd = random.Random(12)
    good = HEADER + "\n" + ROW.format(value="≥10个") + "\n"

    # CSV and text.
    case("empty.csv", b"")
    case("bom_only.csv", b"\xef\xbb\xbf")
    case("header_only.csv", HEADER + "\n")
    case("unterminated_quote.csv", HEADER + '\n571,"名称,15\n' + "x\n" * 3)
    case("random.csv", bytes(rnd.getrandbits(8) for _ in range(65536)))
    case("nul.csv", good.encode().replace(b",", b"\0", 5) + b"\0" * 4096)
    case("cell_20mb.csv", HEADER + "\n" + ROW.format(
        value='"' + "长" * (20 * 1024 * 1024 // 3) + '"') + "\n")
    case("columns_200k.csv", HEADER + "\n" + ",".join(
        ["x"] * 200000) + "\n")
    case("blank_lines_1m.csv", good + "\n" * 1000000)
    case("commas_5mb.csv", HEADER + "\n" + "," * (5 * 1024 * 1024) + "\n")
    bad = ROW.format(value="≥10个")
    case("invalid_utf8.csv", (HEADER + "\n").encode() +
         bad.encode().replace(b"15", b"\xff\xfe\xc3", 1) + b"\n",
         "--encoding=utf-8")
    case("invalid_gb18030.csv", (HEADER + "\n").encode("gb18030") +
         bad.encode("gb18030").replace(b"15", b"\x81\x20\xff", 1) + b"\n",
         "--encoding=gb18030")
    case("invalid_utf16.csv", b"\xff\xfe" + (HEADER + "\n").encode(
        "utf-16-le") + b"\x00\xd8A\x00" + bad.encode("utf-16-le") + b"\x00",
         "--encoding=utf-16")
    case("utf16_nobom.csv", good.encode("utf-16-le"))
    case("cr_only.csv", good.replace("\n", "\r") + "\r" * 10)
    numbers = [ROW.format(value=v).replace(",15,15,", ",%s,%s," % (v, v), 1)
               for v in ["1e308", "NaN", "inf", "-inf", "9" * 400, "0x10",
                         "1e-400", "≥1e308万元", "=NaN%", "≤" + "9" * 400]]
    case("absurd_numbers.csv", HEADER + "\n" + "\n".join(numbers) + "\n")
    case("unit_100k.csv", HEADER + "\n" + ROW.format(
        value="≥10" + "个" * 100000) + "\n")
    case("random.txt", bytes(rnd.getrandbits(8) for _ in range(65536)))
    case("tabs_200k.txt", "1. 项目绩效目标表\n" + "\t项目编码\n" * 200000)

    # .docx
    case("not_zip.docx", "this is not a zip file\n")
    zipped(os.path.join(out, "no_document.docx"),
           [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS)])
    cases.append(("no_document.docx", ""))
    full = document(table(FORM))
    docx(os.path.join(out, "truncated_xml.docx"), full[:len(full) // 2])
    cases.append(("truncated_xml.docx", ""))
    docx(os.path.join(out, "xxe.docx"), document(
        table([["项目编码", "&xxe;"]]),
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'))
    cases.append(("xxe.docx", ""))
    lol = ('<!DOCTYPE w:document [<!ENTITY a0 "lollollollollol">' +
           "".join('<!ENTITY a%d "%s">' % (i, ("&a%d;" % (i - 1)) * 10)
                   for i in range(1, 10)) + "]>")
    docx(os.path.join(out, "nested_entities.docx"),
         document(table([["项目编码", "&a9;"]]), lol))
    cases.append(("nested_entities.docx", ""))
    deep = 100000
    docx(os.path.join(out, "deep_nesting.docx"), document(
        "<w:tbl><w:tr><w:tc>" * deep + "<w:p/>" +
        "</w:tc></w:tr></w:tbl>" * deep))
    cases.append(("deep_nesting.docx", ""))
    # The same depth in a sheet (inside a cell) and in the shared strings.
    xlsx(os.path.join(out, "deep_nesting.xlsx"), None, ["x"],
         sheet_raw='<row r="1"><c r="A1" t="inlineStr"><is>' +
         "<r>" * deep + "</r>" * deep + "</is></c></row>")
    cases.append(("deep_nesting.xlsx", ""))
    xlsx(os.path.join(out, "deep_nesting_sst.xlsx"), None,
         ["<r>" * deep + "x" + "</r>" * deep],
         sheet_raw='<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    cases.append(("deep_nesting_sst.xlsx", ""))
    zip_raw(os.path.join(out, "zip_bomb.docx"), [
        ("[Content_Types].xml", zlib.compress(DOCX_TYPES.encode())[2:-4],
         zlib.crc32(DOCX_TYPES.encode()), len(DOCX_TYPES.encode())),
        raw_zip_entry(None, "word/document.xml", 1 << 30)])
    cases.append(("zip_bomb.docx", ""))
    docx(os.path.join(out, "tables_20k.docx"), document(
        "".join(table([["项目编码", "%d" % i]]) + "<w:p/>"
                for i in range(20000))))
    cases.append(("tables_20k.docx", ""))
    docx(os.path.join(out, "tables_100k.docx"), document(
        "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>" * 100001))
    cases.append(("tables_100k.docx", ""))
    row = "<w:tr>" + cell("x") * 8 + "</w:tr>"
    big = document("<w:tbl>" + row * (60 * 1024 * 1024 // len(row)) +
                   "</w:tbl>")
    docx(os.path.join(out, "table_xml_60mb.docx"), big)
    cases.append(("table_xml_60mb.docx", ""))

    # .xlsx
    xlsx(os.path.join(out, "sst_out_of_range.xlsx"), None, ["项目编码"],
         sheet_raw='<row r="1"><c r="A1" t="s"><v>0</v></c>'
         '<c r="B1" t="s"><v>99999999</v></c>'
         '<c r="C1" t="s"><v>-1</v></c></row>')
    cases.append(("sst_out_of_range.xlsx", ""))
    xlsx(os.path.join(out, "ref_xfd.xlsx"), None, sheet_raw=srow(
        1, ["项目编码"]) + '<row r="1048576"><c r="XFD1048576" '
        't="inlineStr"><is><t>x</t></is></c></row>')
    cases.append(("ref_xfd.xlsx", ""))
    xlsx(os.path.join(out, "bad_ref.xlsx"), None, sheet_raw=
         '<row r="1"><c r="A0" t="inlineStr"><is><t>x</t></is></c>'
         '<c r="XFE1" t="inlineStr"><is><t>y</t></is></c>'
         '<c r="1A" t="inlineStr"><is><t>z</t></is></c></row>'
         '<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>')
    cases.append(("bad_ref.xlsx", ""))
    xlsx(os.path.join(out, "overlapping_merges.xlsx"), None,
         sheet_raw="".join(srow(i + 1, r) for i, r in enumerate(FORM)),
         merges=["A1:D4", "B2:C3", "A1:XFD1048576", "C3:A1", "A1:A1"])
    cases.append(("overlapping_merges.xlsx", ""))
    xlsx(os.path.join(out, "xxe_sst.xlsx"), None, ["&xxe;"],
         ss_prolog='<!DOCTYPE sst [<!ENTITY xxe SYSTEM '
         '"file:///etc/passwd">]>', sheet_raw='<row r="1"><c r="A1" t="s">'
         "<v>0</v></c></row>")
    cases.append(("xxe_sst.xlsx", ""))
    xlsx(os.path.join(out, "rows_400k.xlsx"), None, sheet_raw="".join(
        '<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i)
        for i in range(1, 400001)))
    cases.append(("rows_400k.xlsx", ""))

    # One past each limit (include/pb_limits.h).
    zip_raw(os.path.join(out, "ratio_bomb.docx"), [
        ("[Content_Types].xml", zlib.compress(DOCX_TYPES.encode())[2:-4],
         zlib.crc32(DOCX_TYPES.encode()), len(DOCX_TYPES.encode())),
        raw_zip_entry(None, "word/document.xml", 8 << 20)])
    cases.append(("ratio_bomb.docx", ""))
    zipped(os.path.join(out, "zip_entries.docx"),
           [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS),
            ("word/document.xml", document(table(FORM)))] +
           [("x/%d" % i, "") for i in range(10000)])
    cases.append(("zip_entries.docx", ""))
    case("indicators_10k.csv", HEADER + "\n" + "\n".join(
        ROW.format(value="≥%d个" % i) for i in range(10001)) + "\n")
    case("rows_20k.csv", HEADER + "\n" + ROW.format(value="≥1个") + "\n" +
         "\n".join(ROW.split(",产出指标")[0] for _ in range(20001)) + "\n")
    sheets = 1001
    types = XLSX_TYPES.replace("</Types>", "".join(
        '<Override PartName="/xl/worksheets/s%d.xml" ContentType="'
        'application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/>' % i for i in range(sheets)) + "</Types>")
    book = XLSX_WORKBOOK.replace(
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/>', "".join(
            '<sheet name="S%d" sheetId="%d" r:id="r%d"/>' % (i, i + 1, i)
            for i in range(sheets)))
    rels = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join('<Relationship Id="r%d" Type="http://schemas.'
                      'openxmlformats.org/officeDocument/2006/relationships/'
                      'worksheet" Target="worksheets/s%d.xml"/>' % (i, i)
                      for i in range(sheets)) + "</Relationships>\n")
    sheet = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="' +
             SS_NS + '"><sheetData>' + srow(1, ["x"]) +
             "</sheetData></worksheet>\n")
    zipped(os.path.join(out, "sheets_1001.xlsx"),
           [("[Content_Types].xml", types), ("_rels/.rels", XLSX_RELS),
            ("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", rels)]
           + [("xl/worksheets/s%d.xml" % i, sheet) for i in range(sheets)])
    cases.append(("sheets_1001.xlsx", ""))
    xlsx(os.path.join(out, "sheet_ratio.xlsx"), None,
         sheet_raw=srow(1, ["项目编码"]) + " " * (8 << 20))
    cases.append(("sheet_ratio.xlsx", ""))

    # A directory that links to itself (and a file, so it is not empty).
    loop = os.path.join(out, "loop")
    os.makedirs(loop, exist_ok=True)
    write(os.path.join(loop, "a.csv"), good)
    if not os.path.islink(os.path.join(loop, "self")):
        os.symlink(".", os.path.join(loop, "self"))
    cases.append(("loop", ""))

    with open(os.path.join(out, "cases"), "w") as f:
        for name, args in cases:
            f.write("%s\t%s\t%s\t%s\n" % (name, args, must.get(name, ""),
                                          must_not.get(name, "")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
