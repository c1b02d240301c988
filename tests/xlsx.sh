#!/bin/sh
# Excel workbooks: the sample workbooks and a LibreOffice-saved copy give the model and findings of targets.csv, with sheet locations.
# Usage: sh tests/xlsx.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
SCHEMAS=${SCHEMAS:-tests/schemas}	# copies in the repo: see tests/schemas/README.md
DATA=data/chengde-2021
SAMPLE=$DATA/targets.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
. tests/json_reports.sh
check() { if "$@" >"$tmp/log" 2>&1; then ok; else bad "$*"; sed 's/^/  | /' "$tmp/log" | head -8; fi; }
has() { if grep -q -- "$1" "$2"; then ok; else bad "no '$1' in $(basename "$2")"; fi; }
status() { "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }

# The JSON reports of two inputs hold the same projects (file, lines and
# table aside) and the same findings by rule, project and message (the line
# a PB502 message quotes follows the input; SPEC 2.3).
same_model() {
	"$PYTHON" - "$1" "$2" <<'EOF'
import json, re, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
def projects(d):
    out = []
    for p in d["projects"]:
        p = {k: v for k, v in p.items() if k not in ("file", "line", "table")}
        p["indicators"] = [{k: v for k, v in i.items() if k != "line"}
                           for i in p["indicators"]]
        out.append(p)
    return out
def findings(d):
    return sorted((f["rule"], f["project"] or "",
                   re.sub(r", line \d+\)", ")", f["message"]))
                  for f in d["findings"])
problems = []
if a["summary"] != b["summary"] | {"files": a["summary"]["files"]}:
    problems.append("summary %r != %r" % (a["summary"], b["summary"]))
if projects(a) != projects(b):
    problems.append("projects differ")
if findings(a) != findings(b):
    problems.append("findings differ: %r" % sorted(set(findings(a)) ^ set(findings(b)))[:3])
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
}

"$PBCHECK" -f json --lang=en "$SAMPLE" >"$tmp/csv.json"

# 1. Both layouts give targets.csv's 13 projects and 119 indicators, with
# the same findings.
for f in targets.xlsx targets-form.xlsx; do
	s=$(status "$PBCHECK" -f json --lang=en "$DATA/$f")
	if [ "$s" -eq 1 ]; then ok; else bad "$f: exit $s"; fi
	cp "$tmp/out" "$tmp/$f.json"
	check same_model "$tmp/csv.json" "$tmp/$f.json"
	has '"projects": 13, "indicators": 119' "$tmp/$f.json"
done

# 2. Locations name the sheet: text as file[sheet]:row:COLUMN, JSON with
# "sheet" in findings and "sheets" in files[].
"$PBCHECK" --lang=en "$DATA/targets.xlsx" >"$tmp/t.txt"
has '^data/chengde-2021/targets.xlsx\[绩效目标\]:16:S: info: project 571-0101-YBN-1G80: unit cost' "$tmp/t.txt"
has '^data/chengde-2021/targets.xlsx\[绩效目标\]:13:G: info: .*3月底' "$tmp/t.txt"
has '"line": 16, "column": 19, "table": 1, "sheet": "绩效目标"' "$tmp/targets.xlsx.json"
has '"format": "xlsx", .*"sheets": \["绩效目标"\]' "$tmp/targets.xlsx.json"
"$PBCHECK" --lang=en "$DATA/targets-form.xlsx" >"$tmp/f.txt"
has '^data/chengde-2021/targets-form.xlsx\[2\. 国家地表水水质自动监测站运维经费\]:6:B: ' "$tmp/f.txt"
has '"sheet": "13\. ' "$tmp/targets-form.xlsx.json"

# 3. JUnit and SARIF stay valid for a workbook.
if [ -r "$SCHEMAS/junit-10.xsd" ]; then
	"$PBCHECK" -f junit "$DATA/targets-form.xlsx" >"$tmp/j.xml"
	check xmllint --noout --schema "$SCHEMAS/junit-10.xsd" "$tmp/j.xml"
	"$PBCHECK" -f sarif "$DATA/targets.xlsx" >"$tmp/s.sarif"
	check "$PYTHON" tests/validate_json.py "$SCHEMAS/sarif-schema-2.1.0.json" "$tmp/s.sarif"
else
	echo "xlsx: skipping schema checks ($SCHEMAS not readable)"
fi

# 4. -f csv converts a workbook: the CSV reads back as the same model.
for f in targets.xlsx targets-form.xlsx; do
	"$PBCHECK" -f csv "$DATA/$f" >"$tmp/conv.csv"
	"$PBCHECK" -f json --lang=en "$tmp/conv.csv" >"$tmp/conv.json"
	check same_model "$tmp/csv.json" "$tmp/conv.json"
done

# 5. Sheets without a table are PB011; a workbook without any is PB001;
# a workbook that is not a zip is PB001, exit 1.
"$PYTHON" - "$tmp/notes.xlsx" <<'EOF'
import sys, zipfile
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
z = zipfile.ZipFile(sys.argv[1], "w")
z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="%sofficeDocument" Target="xl/workbook.xml"/></Relationships>' % T)
z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="说明" r:id="a"/></sheets></workbook>' % (S, T[:-1]))
z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="%sworksheet" Target="s.xml"/></Relationships>' % T)
z.writestr("xl/s.xml", '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>填表说明</t></is></c></row></sheetData></worksheet>' % S)
z.close()
EOF
s=$(status "$PBCHECK" --lang=en "$tmp/notes.xlsx")
if [ "$s" -eq 1 ]; then ok; else bad "notes.xlsx: exit $s"; fi
has 'notes.xlsx\[说明\]:1:A: info: sheet .说明. holds no project table .*\[PB011\]' "$tmp/out"
has 'notes.xlsx:1:1: error: cannot parse the file: no sheet of the workbook holds a project table \[PB001\]' "$tmp/out"
printf 'not a zip' >"$tmp/bad.xlsx"
s=$(status "$PBCHECK" --lang=en "$tmp/bad.xlsx")
if [ "$s" -eq 1 ]; then ok; else bad "bad.xlsx: exit $s"; fi
# Text named .xlsx is read by its bytes (as CSV): no header, PB001.
has 'bad.xlsx:1:1: error: cannot parse the file: no header row found.*\[PB001\]' "$tmp/out"

# 6. A second producer: LibreOffice converts targets.csv to .xlsx (text
# cells as text, formulas not evaluated: 指标值 "=1次" is text), and saves
# the sample workbooks again; each gives the same model. The package is
# installed when missing and apt-get can; otherwise the check is skipped.
if ! command -v soffice >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 &&
    [ "$(id -u)" -eq 0 ]; then
	echo "xlsx: installing libreoffice-calc-nogui for the LibreOffice check"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends libreoffice-calc-nogui >"$tmp/apt.log" 2>&1 ||
	    sed 's/^/  | /' "$tmp/apt.log" | tail -3
fi
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$tmp/lo/home" "$tmp/lo/in" "$tmp/lo/out"
	cp "$SAMPLE" "$tmp/lo/in/targets.csv"
	cp "$DATA/targets.xlsx" "$tmp/lo/in/canonical.xlsx"
	cp "$DATA/targets-form.xlsx" "$tmp/lo/in/form.xlsx"
	HOME=$tmp/lo/home timeout 300 soffice --headless \
	    --infilter="CSV:44,34,76,1,,1033,true,false,false,false,false,-1,false" \
	    --convert-to xlsx --outdir "$tmp/lo/out" "$tmp/lo/in/targets.csv" \
	    >"$tmp/lo/log" 2>&1
	HOME=$tmp/lo/home timeout 300 soffice --headless --convert-to xlsx \
	    --outdir "$tmp/lo/out" "$tmp/lo/in/canonical.xlsx" \
	    "$tmp/lo/in/form.xlsx" >>"$tmp/lo/log" 2>&1
	for f in targets canonical form; do
		if [ ! -s "$tmp/lo/out/$f.xlsx" ]; then
			bad "LibreOffice did not write $f.xlsx"
			sed 's/^/  | /' "$tmp/lo/log" | tail -5
			continue
		fi
		"$PBCHECK" -f json --lang=en "$tmp/lo/out/$f.xlsx" >"$tmp/lo/$f.json"
		check same_model "$tmp/csv.json" "$tmp/lo/$f.json"
	done
else
	echo "xlsx: SKIPPED the LibreOffice producer check (soffice missing and not installable here)"
fi

# A workbook (and a .docx) in a regular file is read from the file, not
# into memory: the same report as from standard input (read whole), and a
# sheet ten times longer costs little more memory (the codes seen, for
# PB005). Without the file source, 200,000 rows took 8 MB more than
# 20,000; with it, about 3 MB (sheet rows are streamed either way).
for f in "$DATA/targets.xlsx" "$DATA/targets.docx"; do
	"$PBCHECK" -f json --lang=en --config=/dev/null "$f" >"$tmp/file.json" 2>&1
	"$PBCHECK" -f json --lang=en --config=/dev/null - <"$f" |
	    sed "s#<stdin>#$f#g" >"$tmp/stdin.json" 2>&1
	if cmp -s "$tmp/file.json" "$tmp/stdin.json"; then ok; else
		bad "$f: read from the file and from standard input differ"
		diff "$tmp/file.json" "$tmp/stdin.json" | head -5
	fi
done
case $JSON_REAL in
*asan*) ;;
*)
	rss() { /usr/bin/time -f %M -o "$tmp/rss" "$PBCHECK" -q --disable=PB412 \
	    "$1" >/dev/null 2>&1; tail -n 1 "$tmp/rss"; }
	if "$PYTHON" scripts/make_big_xlsx.py "$SAMPLE" 571-0101-YBN-PLLS 20000 \
	    "$tmp/small.xlsx" >/dev/null &&
	    "$PYTHON" scripts/make_big_xlsx.py "$SAMPLE" 571-0101-YBN-PLLS \
	    200000 "$tmp/big.xlsx" >/dev/null; then
		small=$(rss "$tmp/small.xlsx")
		big=$(rss "$tmp/big.xlsx")
		if [ "$big" -le $((small + 5120)) ]; then ok; else
			bad "200,000 rows: peak RSS $big KB, 20,000 rows: $small KB (want at most 5 MB more)"
		fi
	else
		bad "scripts/make_big_xlsx.py failed"
	fi
	;;
esac

json_reports_check
echo "xlsx: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
