#!/bin/bash
# Checks that data/chengde-2021/ is exactly what scripts/seed2csv.py,
# scripts/seed2form.py and scripts/make_docx.py make of the seed, and checks
# the committed files independently of the generators; and that
# data/layouts/ is what scripts/make_layouts.py makes.
#
# Usage: tests/data_check.sh   (SEED=path, relative to the repo root,
# default the in-repo copy data/chengde-2021/targets.txt; ORIGINAL=path of
# the seed as first delivered, compared with that copy when it exists;
# PYTHON=interpreter and PYTHON_DOCX=interpreter with python-docx, default
# /usr/bin/python3, may be set in the environment)
set -eu

cd "$(dirname "$0")/.."
# The repo stands alone: the data is regenerated from its own copy of the
# seed. The original is outside the repo and only compared when present.
SEED=${SEED:-data/chengde-2021/targets.txt}
ORIGINAL=${ORIGINAL:-../shared/seeds/000_95ede21d7572d968.txt}
PYTHON=${PYTHON:-python3}
PYTHON_DOCX=${PYTHON_DOCX:-/usr/bin/python3}
DATA=data/chengde-2021

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "data_check: FAIL: $*" >&2; }
show() {
	if [ -s "$1" ]; then
		sed 's/^/    /' "$1" >&2
	else
		echo "    (no message)" >&2
	fi
}

if [ ! -r "$SEED" ]; then
	echo "data_check: seed $SEED not readable (set SEED=...)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. The generator reproduces the committed files byte for byte.
if "$PYTHON" scripts/seed2csv.py "$SEED" "$tmp/out" 2>"$tmp/gen.err"; then
	ok
	for f in targets.csv targets-gb18030.csv targets.txt; do
		if cmp -s "$tmp/out/$f" "$DATA/$f"; then
			ok
		else
			bad "$DATA/$f differs from what scripts/seed2csv.py makes of" \
			    "$SEED; rerun: $PYTHON scripts/seed2csv.py $SEED $DATA"
		fi
	done
else
	bad "scripts/seed2csv.py failed on $SEED:"
	show "$tmp/gen.err"
fi

# 2. Independent of the generator: the copy of the seed is the seed, when
# the original is at hand (a clone of the repo alone does not have it).
if [ ! -r "$ORIGINAL" ]; then
	echo "data_check: SKIP: $DATA/targets.txt against the original seed" \
	    "($ORIGINAL is not here; set ORIGINAL=... to compare)" >&2
elif cmp -s "$ORIGINAL" "$DATA/targets.txt"; then
	ok
else
	bad "$DATA/targets.txt is not a byte copy of $ORIGINAL"
fi

# 3. Independent of the generator: targets.csv parses as RFC 4180 with the
# canonical header, 119 records of 20 fields and 13 distinct project codes,
# in UTF-8 without BOM and without CR.
if "$PYTHON" - "$DATA/targets.csv" >"$tmp/csv.err" 2>&1 <<'EOF'
import csv, io, sys
path = sys.argv[1]
want_header = ("项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,"
               "10月底,12月底,目标1,目标2,目标3,目标4,一级指标,二级指标,三级指标,"
               "绩效指标描述,指标值,指标值确定依据").split(",")
raw = open(path, "rb").read()
problems = []
if raw.startswith(b"\xef\xbb\xbf"):
    problems.append("starts with a UTF-8 BOM")
if b"\r" in raw:
    problems.append("contains CR bytes")
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""),
                       strict=True))
if not rows or rows[0] != want_header:
    problems.append("header is %r" % (rows[0] if rows else None))
recs = rows[1:]
if len(recs) != 119:
    problems.append("%d records, expected 119" % len(recs))
widths = sorted(set(len(r) for r in recs))
if widths != [20]:
    problems.append("record widths %r, expected [20]" % widths)
codes = set(r[0] for r in recs)
if len(codes) != 13:
    problems.append("%d distinct 项目编码, expected 13" % len(codes))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
then
	ok
else
	bad "$DATA/targets.csv:"
	show "$tmp/csv.err"
fi

# 4. Independent of the generator: the GB18030 copy is targets.csv with
# CRLF record ends (120 of them: the header and 119 records; line breaks
# inside quoted cells stay LF).
if iconv -f GB18030 -t UTF-8 "$DATA/targets-gb18030.csv" >"$tmp/gb.utf8" &&
    sed 's/\r$//' "$tmp/gb.utf8" | cmp -s - "$DATA/targets.csv" &&
    [ "$(grep -c $'\r$' "$DATA/targets-gb18030.csv")" -eq 120 ]; then
	ok
else
	bad "$DATA/targets-gb18030.csv converted from GB18030 with CRLF->LF" \
	    "is not $DATA/targets.csv"
fi

# 5. The form-layout CSV and the Word document are what scripts/seed2form.py
# and scripts/make_docx.py make of the seed, byte for byte (the docx has fixed
# zip dates). make_docx.py needs python-docx: skipped when $PYTHON_DOCX
# cannot import it.
if "$PYTHON" scripts/seed2form.py "$SEED" "$tmp/form/targets-form.csv" \
    2>"$tmp/form.err"; then
	ok
	if cmp -s "$tmp/form/targets-form.csv" "$DATA/targets-form.csv"; then
		ok
	else
		bad "$DATA/targets-form.csv differs from what scripts/seed2form.py" \
		    "makes of $SEED; rerun: $PYTHON scripts/seed2form.py $SEED" \
		    "$DATA/targets-form.csv"
	fi
else
	bad "scripts/seed2form.py failed on $SEED:"
	show "$tmp/form.err"
fi
if "$PYTHON_DOCX" -c 'import openpyxl' >/dev/null 2>&1; then
	if "$PYTHON_DOCX" scripts/make_xlsx.py "$SEED" "$tmp/xlsx" \
	    2>"$tmp/xlsx.err"; then
		ok
		for f in targets.xlsx targets-form.xlsx; do
			if cmp -s "$tmp/xlsx/$f" "$DATA/$f"; then
				ok
			else
				bad "$DATA/$f differs from what scripts/make_xlsx.py" \
				    "makes of $SEED; rerun: $PYTHON_DOCX" \
				    "scripts/make_xlsx.py $SEED $DATA"
			fi
		done
	else
		bad "scripts/make_xlsx.py failed on $SEED:"
		show "$tmp/xlsx.err"
	fi
else
	echo "data_check: skipping the .xlsx regeneration (python3-openpyxl missing)"
fi
if "$PYTHON_DOCX" -c 'import docx' >/dev/null 2>&1; then
	if "$PYTHON_DOCX" scripts/make_docx.py "$SEED" "$tmp/docx/targets.docx" \
	    2>"$tmp/docx.err"; then
		ok
		if cmp -s "$tmp/docx/targets.docx" "$DATA/targets.docx"; then
			ok
		else
			bad "$DATA/targets.docx differs from what scripts/make_docx.py" \
			    "makes of $SEED; rerun: $PYTHON_DOCX scripts/make_docx.py" \
			    "$SEED $DATA/targets.docx"
		fi
	else
		bad "scripts/make_docx.py failed on $SEED:"
		show "$tmp/docx.err"
	fi
else
	echo "data_check: skipping targets.docx regeneration (python3-docx missing)"
fi

# 6. Independent of the generators: targets-form.csv is UTF-8 without BOM or
# CR, RFC 4180, every record 7 fields; 13 tables, each a title record
# "N. XXX项目绩效目标表" then a 项目编码 row, an empty record between two
# tables; 13 distinct codes; 119 indicator rows (those under the 一级指标
# header, less the blank row right under it); project 5 has 11, the others 9.
if "$PYTHON" - "$DATA/targets-form.csv" >"$tmp/formcsv.err" 2>&1 <<'EOF'
import csv, io, re, sys
raw = open(sys.argv[1], "rb").read()
problems = []
if raw.startswith(b"\xef\xbb\xbf"):
    problems.append("starts with a UTF-8 BOM")
if b"\r" in raw:
    problems.append("contains CR bytes")
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""),
                       strict=True))
widths = sorted(set(len(r) for r in rows))
if widths != [7]:
    problems.append("record widths %r, expected [7]" % widths)
lab = lambda s: re.sub(r"\s+", "", s)
title = re.compile(r"^(\d+)\.\s*\S.*项目绩效目标表$")
# (The seed's blank row under the 一级指标 header is an empty record too.)
tables = []
for i, r in enumerate(rows):
    if title.match(r[0]) and not any(r[1:]):
        if i > 0:
            if any(rows[i - 1]):
                problems.append("record %d: title not after an empty record"
                                % (i + 1))
            else:
                tables[-1].pop()
        tables.append([])
    elif not tables:
        problems.append("record %d before the first title" % (i + 1))
    else:
        tables[-1].append(r)
if len(tables) != 13:
    problems.append("%d tables, expected 13" % len(tables))
codes = set()
counts = []
for k, t in enumerate(tables, 1):
    if not t or lab(t[0][0]) != "项目编码" or lab(t[0][2]) != "项目名称":
        problems.append("table %d: first row is not 项目编码 | code | 项目名称 | name" % k)
        continue
    codes.add(t[0][1])
    hdr = [j for j, r in enumerate(t) if lab(r[0]) == "一级指标"]
    if len(hdr) != 1 or any(t[hdr[0] + 1]):
        problems.append("table %d: no single 一级指标 header with a blank row under it" % k)
        continue
    counts.append(len(t) - hdr[0] - 2)
if len(codes) != 13:
    problems.append("%d distinct 项目编码, expected 13" % len(codes))
if counts != [9, 9, 9, 9, 11, 9, 9, 9, 9, 9, 9, 9, 9]:
    problems.append("indicator rows per table %r (total %d), expected project 5 "
                    "11 and the others 9 (119)" % (counts, sum(counts)))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
then
	ok
else
	bad "$DATA/targets-form.csv:"
	show "$tmp/formcsv.err"
fi

# 7. Independent of the generators (standard library only): targets.docx is
# a zip with every entry dated 2021-01-01 00:00; word/document.xml holds the
# heading 预算项目绩效目标, then 13 title paragraphs each followed by a
# "Table Grid" table on a 7-column grid that uses w:gridSpan and w:vMerge;
# each table's rows, read cell by cell (a vMerge continuation as blank,
# padded to 7), are the records of targets-form.csv, and the first-column
# labels (预算规模及资金用途, 资金支出计划（%）, 绩效目标, each 一级指标) are
# merged vertically over the rows whose first cell the CSV has blank.
if "$PYTHON" - "$DATA/targets.docx" "$DATA/targets-form.csv" \
    >"$tmp/docx.check" 2>&1 <<'EOF'
import csv, re, sys, zipfile
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
problems = []
z = zipfile.ZipFile(sys.argv[1])
dates = set(i.date_time for i in z.infolist())
if dates != {(2021, 1, 1, 0, 0, 0)}:
    problems.append("zip entry dates %r" % sorted(dates))
if z.testzip() is not None:
    problems.append("zip entry %s is corrupt" % z.testzip())
body = ET.fromstring(z.read("word/document.xml")).find(W + "body")

def ptext(p):
    out = []
    for e in p.iter():
        if e.tag == W + "t":
            out.append(e.text or "")
        elif e.tag in (W + "br", W + "cr"):
            out.append("\n")
        elif e.tag == W + "tab":
            out.append("\t")
    return "".join(out)

def val(e, name):
    x = e.find(name)
    return None if x is None else x.get(W + "val", "")

with open(sys.argv[2], encoding="utf-8", newline="") as f:
    recs = list(csv.reader(f))
forms = []
for r in recs:
    if re.match(r"^\d+\.\s*\S.*项目绩效目标表$", r[0]) and not any(r[1:]):
        if forms:
            forms[-1][1].pop()      # the empty record between two tables
        forms.append((r[0], []))
    elif forms:
        forms[-1][1].append(r)

items = [e for e in body if e.tag in (W + "p", W + "tbl")]
if not items or items[0].tag != W + "p" or ptext(items[0]) != "预算项目绩效目标":
    problems.append("the first paragraph is not the heading 预算项目绩效目标")
items = items[1:]
tables = [k for k, e in enumerate(items) if e.tag == W + "tbl"]
if len(tables) != 13:
    problems.append("%d tables, expected 13" % len(tables))
nspan = nvm = 0
nind = 0
for n, k in enumerate(tables):
    tbl = items[k]
    name = "table %d" % (n + 1)
    title = ptext(items[k - 1]) if k > 0 and items[k - 1].tag == W + "p" else None
    if n >= len(forms) or title != forms[n][0]:
        problems.append("%s: preceded by %r, not its title" % (name, title))
        continue
    if val(tbl.find(W + "tblPr"), W + "tblStyle") != "TableGrid":
        problems.append("%s: style is not Table Grid" % name)
    if len(tbl.find(W + "tblGrid").findall(W + "gridCol")) != 7:
        problems.append("%s: grid is not 7 columns" % name)
    rows = []
    firstcol = []   # per row: vMerge state of the cell in grid column 0
    for tr in tbl.findall(W + "tr"):
        texts, width = [], 0
        for tc in tr.findall(W + "tc"):
            pr = tc.find(W + "tcPr")
            span = int(val(pr, W + "gridSpan") or 1) if pr is not None else 1
            vm = val(pr, W + "vMerge") if pr is not None else None
            nspan += span > 1
            nvm += vm is not None
            if width == 0:
                firstcol.append(vm)
            width += span
            texts.append("" if vm == "" else
                         "\n".join(ptext(p) for p in tc.findall(W + "p")))
        if width != 7:
            problems.append("%s: a row covers %d grid columns" % (name, width))
        rows.append(texts + [""] * (7 - len(texts)))
    if rows != forms[n][1]:
        problems.append("%s: cells differ from targets-form.csv" % name)
        continue
    hdr = [j for j, r in enumerate(rows) if re.sub(r"\s+", "", r[0]) == "一级指标"]
    nind += len(rows) - hdr[0] - 2
    # Column 0: a blank cell continues the label above (w:vMerge), except
    # in the blank row under the header; a label over such cells restarts.
    cont = [j > 0 and rows[j][0] == "" and j != hdr[0] + 1
            for j in range(len(rows))] + [False]
    for j in range(len(rows)):
        want = "" if cont[j] else ("restart" if cont[j + 1] else None)
        if firstcol[j] != want:
            problems.append("%s row %d: first cell vMerge is %r, expected %r"
                            % (name, j + 1, firstcol[j], want))
if nspan == 0 or nvm == 0:
    problems.append("no w:gridSpan (%d) or no w:vMerge (%d)" % (nspan, nvm))
if nind != 119:
    problems.append("%d indicator rows, expected 119" % nind)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
then
	ok
else
	bad "$DATA/targets.docx:"
	show "$tmp/docx.check"
fi

# 8. data/layouts/ is what scripts/make_layouts.py makes, byte for byte
# (samples and their expect.json; the docx have fixed zip dates), and holds
# no file the generator does not make. Needs python-docx, as 5.
if "$PYTHON_DOCX" -c 'import docx' >/dev/null 2>&1; then
	if "$PYTHON_DOCX" scripts/make_layouts.py "$tmp/layouts" \
	    2>"$tmp/layouts.err"; then
		ok
		for f in $( (cd data/layouts && find . -type f ! -name README.md
		    cd "$tmp/layouts" && find . -type f) | sort -u); do
			if cmp -s "$tmp/layouts/$f" "data/layouts/$f"; then
				ok
			else
				bad "data/layouts/${f#./} differs from what" \
				    "scripts/make_layouts.py makes; rerun:" \
				    "$PYTHON_DOCX scripts/make_layouts.py data/layouts"
			fi
		done
	else
		bad "scripts/make_layouts.py failed:"
		show "$tmp/layouts.err"
	fi
else
	echo "data_check: skipping data/layouts regeneration (python3-docx missing)"
fi

echo "data_check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
