#!/usr/bin/env python3
"""Write the small .docx files that tests/test_read_docx.c reads.

Usage: python3 scripts/make_test_docx.py [OUTDIR]     (default tests/docx)

Each file is a minimal valid Word document ([Content_Types].xml,
_rels/.rels, word/document.xml) built from a template, or a damaged one:

  merge.docx        a title paragraph and a table with gridSpan, vMerge
                    (restart, continue, and without w:val) and gridBefore;
                    a row of spans that are 0, not numbers, or too large
  sdt.docx          a table in a block-level content control; runs that
                    split a word, w:tab, w:br, w:cr, two paragraphs in a
                    cell; w:sdt and w:customXml around rows, cells and
                    tables; smart tags, hyperlinks, fields, deleted text
  nested.docx       tables nested in cells, two levels deep
  two_tables.docx   two tables back to back; elements of a foreign
                    namespace that only look like w:tbl, w:tr, w:p
  strict.docx       a table in the Strict OOXML namespace
  xxe.docx          a DOCTYPE declaring an external entity file:///etc/passwd
                    and an internal one, both used in w:t
  huge.docx         word/document.xml of 65 MiB (spaces), deflated small
  overrun.docx      word/document.xml whose zip headers announce fewer
                    bytes than it holds
  not_zip.docx      plain text
  no_document.docx  a zip without word/document.xml
  broken.docx       word/document.xml that is not well-formed (line 3)
  main_part.docx    the main part is word/main.xml, as _rels/.rels says;
                    a word/document.xml beside it is not the document

Entries are dated 1980-01-01 and written in a fixed order, so that running
the script again gives identical bytes. Python 3 standard library only.
"""

import os
import struct
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types">'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>\n')

RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '</Relationships>\n')

HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def document(body, ns=W, prolog=""):
    """word/document.xml around body (WordprocessingML with prefix w)."""
    return (HEAD + prolog + '<w:document xmlns:w="' + ns + '">\n<w:body>\n'
            + body + '\n<w:sectPr/></w:body>\n</w:document>\n')


def run(text, space=False):
    attr = ' xml:space="preserve"' if space else ""
    return "<w:r><w:t" + attr + ">" + text + "</w:t></w:r>"


def para(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"


def p(text):
    """A paragraph of one run, or an empty paragraph."""
    return para(run(text)) if text else "<w:p/>"


def tc(text, pr=""):
    """A cell of one paragraph; pr is the content of w:tcPr."""
    tcpr = "<w:tcPr>" + pr + "</w:tcPr>" if pr else ""
    return "<w:tc>" + tcpr + p(text) + "</w:tc>"


def tr(*cells, pr=""):
    trpr = "<w:trPr>" + pr + "</w:trPr>" if pr else ""
    return "<w:tr>" + trpr + "".join(cells) + "</w:tr>"


def tbl(*rows, cols=2):
    grid = "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * cols + "</w:tblGrid>"
    return "<w:tbl><w:tblPr/>" + grid + "".join(rows) + "</w:tbl>"


def span(n):
    return '<w:gridSpan w:val="%d"/>' % n


MERGE = document("\n".join([
    p("1. 合并单元格项目绩效目标表"),
    tbl(tr(tc("项目编码"), tc("571-0101-ABC-0001", span(3))),
        tr(tc("一级指标", '<w:vMerge w:val="restart"/>'), tc("二级指标"),
           tc("三级指标"), tc("指标值")),
        tr(tc("不读", "<w:vMerge/>"), tc("B"), tc("C"), tc("D")),
        tr(tc("也不读", '<w:vMerge w:val="continue"/>'),
           tc("BC", span(2)), tc("D2")),
        tr(tc("X"), tc("YZ", span(2)), pr='<w:gridBefore w:val="1"/>'),
        tr(tc("零", span(0)), tc("坏", '<w:gridSpan w:val="2x"/>'),
           tc("大", '<w:gridSpan w:val="99999999999"/>'), tc("后"),
           pr='<w:gridBefore w:val="-2"/>'),
        cols=4),
    p(""),
]))

# Runs inside the last row's cell: what is shown counts, the rest not.
FIELD_RUNS = "".join([
    run("前"),
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    run("结果"),
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    '<w:del w:id="1" w:author="a" w:date="2021-01-01T00:00:00Z"><w:r>'
    "<w:delText>删除</w:delText></w:r></w:del>",
    '<w:moveFrom w:id="2" w:author="a"><w:r><w:t>移走</w:t></w:r>'
    "</w:moveFrom>",
    '<w:ins w:id="3" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>',
    '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:cr/></w:r>',
    '<w:smartTag w:uri="urn:x" w:element="place">' + run("智能")
    + "</w:smartTag>",
    '<w:hyperlink w:anchor="x">' + run("链接") + "</w:hyperlink>",
    '<w:fldSimple w:instr=" DATE ">' + run("日期") + "</w:fldSimple>",
    '<w:sdt><w:sdtPr><w:alias w:val="控件"/></w:sdtPr><w:sdtContent>'
    + run("控件") + "</w:sdtContent></w:sdt>",
    run("  空格  ", space=True),
])

SDT = document("\n".join([
    p("标题"),
    '<w:sdt><w:sdtPr><w:alias w:val="表格"/></w:sdtPr><w:sdtContent>',
    p("2. 内容控件项目绩效目标表"),
    tbl(tr("<w:tc>" + para(run("项"), '<w:r><w:rPr><w:b/></w:rPr>'
                           "<w:t>目编码</w:t></w:r>") + "</w:tc>",
           "<w:tc>" + para('<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/>'
                           "<w:t>C</w:t></w:r>") + "</w:tc>"),
        tr("<w:tc>" + p("第一段") + p("第二段") + "</w:tc>",
           "<w:sdt><w:sdtContent>" + tc("控件中的单元格")
           + "</w:sdtContent></w:sdt>"),
        "<w:sdt><w:sdtPr/><w:sdtContent>" + tr(tc("R1"), tc("R2"))
        + "</w:sdtContent></w:sdt>",
        '<w:customXml w:element="row">' + tr(tc("X1"), tc("X2"))
        + "</w:customXml>",
        tr("<w:tc>" + para(FIELD_RUNS) + "</w:tc>")),
    "</w:sdtContent></w:sdt>",
    '<w:customXml w:element="t">' + tbl(tr(tc("自定义"))) + "</w:customXml>",
]))

NESTED = document("\n".join([
    tbl(tr(tc("外1"),
           "<w:tc>" + p("外2")
           + tbl(tr(tc("内1"), tc("内2")),
                 tr("<w:tc>" + tbl(tr(tc("深")), cols=1) + p("")
                    + "</w:tc>"))
           + p("后") + "</w:tc>"),
        tr(tc("外3"),
           "<w:tc>" + tbl(tr(tc("内B")), cols=1) + p("") + "</w:tc>")),
    p("尾"),
    tbl(tr(tc("后表")), cols=1),
]))

# The foreign elements carry the prefix w of another namespace.
FOREIGN = ('<w:tbl xmlns:w="urn:not-word"><w:tr><w:tc><w:p><w:r><w:t>'
           "假</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")

TWO_TABLES = document("\n".join([
    p("4. 两个表"),
    tbl(tr(tc("甲1"), tc("甲2")), tr(tc("甲3"), tc("甲4"))),
    tbl(tr(tc("乙1"))),
    FOREIGN,
    '<x:p xmlns:x="urn:not-word">' + run("假") + "</x:p>",
]))

STRICT = document("\n".join([
    p("严格"),
    tbl(tr(tc("项目编码"), tc("S", span(2))), cols=3),
]), ns=W_STRICT)

XXE = document(
    tbl(tr(tc("前&xxe;后"), tc("内&lol;部"))),
    prolog='<!DOCTYPE w:document [\n'
           '<!ENTITY xxe SYSTEM "file:///etc/passwd">\n'
           '<!ENTITY lol "LOL">\n'
           ']>\n')

BROKEN = (HEAD + '<w:document xmlns:w="' + W + '">\n'
          "<w:body><w:p><w:r><w:t>坏</w:r></w:t></w:p>\n"
          "</w:body></w:document>\n")

NO_DOCUMENT_TYPES = CONTENT_TYPES.replace("document.xml", "other.xml")

MAIN_PART_TYPES = CONTENT_TYPES.replace("/word/document.xml", "/word/main.xml")
MAIN_PART_RELS = RELS.replace('Target="word/document.xml"',
                              'Target="/word/main.xml"')

HUGE_SIZE = 65 * 1024 * 1024
MAX_COMMITTED = 200 * 1024


def write_zip(path, entries):
    """Writes entries [(name, bytes)] deflated, dated 1980-01-01."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def write_docx(path, doc):
    if isinstance(doc, str):
        doc = doc.encode("utf-8")
    write_zip(path, [("[Content_Types].xml", CONTENT_TYPES.encode()),
                     ("_rels/.rels", RELS.encode()),
                     ("word/document.xml", doc)])


def huge_document():
    head = document(p("大")).encode("utf-8")
    pad = HUGE_SIZE - len(head)
    return head.replace(b"<w:body>", b"<w:body>" + b" " * pad, 1)


def announce_less(path, name, announced):
    """Rewrites the uncompressed size of entry name in both zip headers
    (local header and central directory) to announced, a smaller number.
    """
    with open(path, "rb") as f:
        data = bytearray(f.read())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    local = info.header_offset
    assert data[local:local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, announced)
    cd = data.find(b"PK\x01\x02")
    while cd >= 0:
        nlen = struct.unpack_from("<H", data, cd + 28)[0]
        if data[cd + 46:cd + 46 + nlen] == name.encode():
            struct.pack_into("<I", data, cd + 24, announced)
            break
        cd = data.find(b"PK\x01\x02", cd + 4)
    else:
        raise SystemExit("make_test_docx: no central entry for " + name)
    with open(path, "wb") as f:
        f.write(data)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join("tests", "docx")
    os.makedirs(out, exist_ok=True)

    def at(name):
        return os.path.join(out, name)

    write_docx(at("merge.docx"), MERGE)
    write_docx(at("sdt.docx"), SDT)
    write_docx(at("nested.docx"), NESTED)
    write_docx(at("two_tables.docx"), TWO_TABLES)
    write_docx(at("strict.docx"), STRICT)
    write_docx(at("xxe.docx"), XXE)
    write_docx(at("huge.docx"), huge_document())
    if os.path.getsize(at("huge.docx")) >= MAX_COMMITTED:
        raise SystemExit("make_test_docx: huge.docx is too large to keep")
    overrun = document(p("多出来的字节") * 20)
    write_docx(at("overrun.docx"), overrun)
    announce_less(at("overrun.docx"), "word/document.xml",
                  len(overrun.encode("utf-8")) // 2)
    with open(at("not_zip.docx"), "wb") as f:
        f.write(b"This is not a Word document, just text.\n")
    write_zip(at("no_document.docx"),
              [("[Content_Types].xml", NO_DOCUMENT_TYPES.encode()),
               ("word/other.xml", document(p("x")).encode("utf-8"))])
    write_docx(at("broken.docx"), BROKEN)
    write_zip(at("main_part.docx"),
              [("[Content_Types].xml", MAIN_PART_TYPES.encode()),
               ("_rels/.rels", MAIN_PART_RELS.encode()),
               ("word/document.xml", document(p("诱饵")).encode("utf-8")),
               ("word/main.xml", document(p("主文档")).encode("utf-8"))])


if __name__ == "__main__":
    main()
