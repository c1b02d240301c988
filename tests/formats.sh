#!/bin/sh
# Machine outputs and batches: JUnit and SARIF against the official schemas, CSV round trip, -o, directories.
# Usage: sh tests/formats.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
SCHEMAS=${SCHEMAS:-tests/schemas}	# copies in the repo: see tests/schemas/README.md
SAMPLE=data/chengde-2021/targets.csv
GB=data/chengde-2021/targets-gb18030.csv
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
hasnt() { if grep -q -- "$1" "$2"; then bad "unexpected '$1' in $(basename "$2")"; else ok; fi; }

# An input full of XML and JSON specials and control characters.
head -1 "$SAMPLE" >"$tmp/nasty.csv"
printf '%s\n' \
'"X&<>""1","名称 & <b>粗体</b> ""引号"" ]]> '"$(printf '\001\033\177')"'",10,10,,"用途 ]]> & <",25,50,75,100,"目标 <&>",,,,产出指标,数量指标,"数量 ]]>","描述 '"$(printf '\002')"'",=1次,工作计划' \
>>"$tmp/nasty.csv"

# JUnit: valid against the common schema, for the sample, the nasty input,
# an unreadable input and a run with several files.
for f in "$SAMPLE" "$tmp/nasty.csv"; do
	"$PBCHECK" -f junit "$f" >"$tmp/j.xml" 2>/dev/null
	check xmllint --noout --schema "$SCHEMAS/junit-10.xsd" "$tmp/j.xml"
done
"$PBCHECK" -f junit "$SAMPLE" "$tmp/missing.csv" "$GB" >"$tmp/j.xml" 2>/dev/null
check xmllint --noout --schema "$SCHEMAS/junit-10.xsd" "$tmp/j.xml"
has '<testsuites name="pbcheck" tests="29" failures="14" errors="1">' "$tmp/j.xml"
has '<error message="the file cannot be opened or read: No such file or directory"' "$tmp/j.xml"
"$PBCHECK" -f junit "$SAMPLE" >"$tmp/j.xml"
has 'tests="14" failures="1" errors="0"' "$tmp/j.xml"
has '<testcase classname="data/chengde-2021/targets.csv" name="571-0101-YBN-VYAO 环境监测经费">' "$tmp/j.xml"
has '<failure message="1 finding at or above error" type="pbcheck">' "$tmp/j.xml"
"$PBCHECK" -f junit --fail-on=info "$SAMPLE" >"$tmp/j.xml"
has 'tests="14" failures="13"' "$tmp/j.xml"
"$PBCHECK" -f junit "$tmp/nasty.csv" >"$tmp/j.xml"
has 'name="X&amp;&lt;&gt;&quot;1 名称 &amp; &lt;b&gt;粗体&lt;/b&gt; &quot;引号&quot; ]]&gt; ' "$tmp/j.xml"
hasnt "$(printf '\001')" "$tmp/j.xml"

# SARIF: valid against the 2.1.0 schema; every rule listed; results located.
for f in "$SAMPLE" "$tmp/nasty.csv"; do
	"$PBCHECK" -f sarif "$f" >"$tmp/s$$.sarif" 2>/dev/null
	check "$PYTHON" tests/validate_json.py "$SCHEMAS/sarif-schema-2.1.0.json" "$tmp/s$$.sarif"
done
"$PBCHECK" -f sarif --lang=zh "$SAMPLE" "$tmp/missing.csv" >"$tmp/s.sarif" 2>/dev/null
check "$PYTHON" tests/validate_json.py "$SCHEMAS/sarif-schema-2.1.0.json" "$tmp/s.sarif"
check "$PYTHON" -c '
import json, subprocess, sys
d = json.load(open(sys.argv[1]))
run = d["runs"][0]
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
listed = [l.split()[0] for l in subprocess.check_output([sys.argv[2], "--list-rules"], text=True).splitlines()]
assert ids == listed, (ids, listed)
res = run["results"]
assert len(res) == 67, len(res)
pb309 = [r for r in res if r["ruleId"] == "PB309"]
assert len(pb309) == 1 and pb309[0]["level"] == "error"
loc = pb309[0]["locations"][0]["physicalLocation"]
assert loc["artifactLocation"]["uri"] == "data/chengde-2021/targets.csv"
assert loc["region"] == {"startLine": 78, "startColumn": 20}, loc
assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in res)
assert {r["level"] for r in res} == {"error", "warning", "note"}
assert run["invocations"][0]["executionSuccessful"] is False
' "$tmp/s.sarif" "$PBCHECK"

# CSV: what was read, written back; reading it again gives the same model.
"$PBCHECK" -f csv "$SAMPLE" >"$tmp/back.csv"
check cmp "$tmp/back.csv" "$SAMPLE"
"$PBCHECK" -f csv "$GB" >"$tmp/back-gb.csv"
check cmp "$tmp/back-gb.csv" "$SAMPLE"
"$PBCHECK" -f csv "$tmp/nasty.csv" >"$tmp/nasty-back.csv"
"$PBCHECK" -f json "$tmp/nasty.csv" >"$tmp/m1.json"
"$PBCHECK" -f json "$tmp/nasty-back.csv" >"$tmp/m2.json"
check "$PYTHON" -c '
import json, sys
def projects(path):
    ps = json.load(open(path))["projects"]
    for p in ps:
        del p["file"]
    return ps
a, b = projects(sys.argv[1]), projects(sys.argv[2])
assert a == b and len(a) == 1, (a, b)
assert a[0]["name"] == "名称 & <b>粗体</b> \"引号\" ]]> \x01\x1b\x7f", a[0]["name"]
' "$tmp/m1.json" "$tmp/m2.json"
"$PBCHECK" -f csv "$tmp/nasty-back.csv" >"$tmp/nasty-back2.csv"
check cmp "$tmp/nasty-back.csv" "$tmp/nasty-back2.csv"

# -o: the report appears whole or not at all, never over an input.
check "$PBCHECK" -f json -o "$tmp/report.json" --fail-on=never "$SAMPLE"
check "$PYTHON" -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/report.json"
ls "$tmp" | grep -q 'report.json\.' && bad "-o left a temporary file" || ok
"$PBCHECK" -o "$tmp/no/such/dir/r.txt" "$SAMPLE" 2>"$tmp/err"; st=$?
if [ $st -eq 2 ]; then ok; else bad "-o into a missing directory: exit $st"; fi
cp "$SAMPLE" "$tmp/in.csv"; sum=$(cksum <"$tmp/in.csv")
"$PBCHECK" -o "$tmp/in.csv" "$tmp/in.csv" 2>"$tmp/err"; st=$?
if [ $st -eq 2 ] && [ "$(cksum <"$tmp/in.csv")" = "$sum" ]; then ok; else bad "-o over an input: exit $st"; fi
has "one of the inputs" "$tmp/err"
ln -s "$tmp/in.csv" "$tmp/link.csv"
"$PBCHECK" -o "$tmp/link.csv" "$tmp/in.csv" 2>/dev/null; st=$?
if [ $st -eq 2 ] && [ "$(cksum <"$tmp/in.csv")" = "$sum" ]; then ok; else bad "-o over an input through a link: exit $st"; fi

(cd "$tmp" && "$PBCHECK" -f json -o - "$OLDPWD/$SAMPLE" >"$tmp/dash.json"); st=$?
if [ $st -eq 1 ] && [ ! -e "$tmp/-" ] && grep -q '"summary"' "$tmp/dash.json"; then ok; else bad "-o - is standard output: exit $st"; fi

# Batches: directories recursive, hidden skipped, byte order, one report,
# PB005 across files, a directory linking to itself ends.
mkdir -p "$tmp/batch/b" "$tmp/batch/a" "$tmp/batch/.git"
cp "$SAMPLE" "$tmp/batch/b/x.csv"
cp "$GB" "$tmp/batch/a/y.CSV"
cp "$SAMPLE" "$tmp/batch/.git/z.csv"
cp "$SAMPLE" "$tmp/batch/notes.md"
ln -s .. "$tmp/batch/a/loop"
"$PBCHECK" -f json "$tmp/batch" >"$tmp/b.json"; st=$?
if [ $st -eq 1 ]; then ok; else bad "batch exit $st"; fi
check "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1]))
paths = [f["path"] for f in d["files"]]
assert [p.split("/batch/")[1] for p in paths] == ["a/y.CSV", "b/x.csv"], paths
assert d["summary"]["projects"] == 26
pb005 = [f for f in d["findings"] if f["rule"] == "PB005"]
assert len(pb005) == 13 and all(f["file"].endswith("b/x.csv") for f in pb005)
' "$tmp/b.json"

json_reports_check
echo "formats: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
