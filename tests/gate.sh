#!/bin/sh
# Black-box tests of living with the gate: --statistics, baselines, [ignore] and [path:GLOB], settings discovery, -f github and -f gitlab.
# Usage: sh tests/gate.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
SAMPLE=data/chengde-2021/targets.csv
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR CI
PY=/usr/bin/python3

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
. tests/json_reports.sh
expect_status() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "exit $got, want $want: $*"; sed 's/^/  | /' "$tmp/err" | head -5; fi
}
has() {
	if grep -q -- "$1" "$2"; then ok; else
		bad "no '$1' in $(basename "$2")"; sed 's/^/  | /' "$2" | head -5; fi
}
hasnt() {
	if grep -q -- "$1" "$2"; then bad "'$1' in $(basename "$2")"; else ok; fi
}
count() { grep -c -- "$1" "$2"; }
same() {
	if [ "$1" = "$2" ]; then ok; else bad "$3: got '$1', want '$2'"; fi
}

# The inputs live in a repository of their own, so that no settings
# file above $tmp is found.
mkdir -p "$tmp/repo/.git" "$tmp/repo/2021/sub"
R=$tmp/repo
cp "$SAMPLE" "$R/targets.csv"
# The same table, same name, with a row inserted above the PB309 of
# line 78: an indicator row continuing the same project (one line, so
# the finding moves to line 79).
mkdir "$R/moved"
awk 'NR == 78 { print ",,,,,,,,,,,,,,产出指标,数量指标,新增检查,新增检查的次数,=3次,工作计划" } { print }' \
    "$SAMPLE" >"$R/moved/targets.csv"

# 1. --statistics: per rule (id, severity, count, title), per file, total.
expect_status 1 "$PBCHECK" --lang=en --no-config --statistics "$R/targets.csv"
has "^rule  *severity  *count  *title" "$tmp/out"
has "^PB308  *info  *25  *绩效指标描述 only repeats" "$tmp/out"
has "^PB309  *error  *1  " "$tmp/out"
has "targets.csv  *67  *1  *1  *65$" "$tmp/out"
has "^67 findings in all" "$tmp/out"
# Sorted by count: PB308 (25) is the first row.
same "$(grep -A1 '^rule ' "$tmp/out" | tail -1 | cut -c1-5)" PB308 "first rule row"
has "^code  *name" "$tmp/out"
# With -q it takes the project table's place.
expect_status 1 "$PBCHECK" --lang=en --no-config -q --statistics "$R/targets.csv"
hasnt "^code  *name" "$tmp/out"; has "^PB412  *info  *17" "$tmp/out"
has "1 file, 13 projects, 119 indicators: 1 error, 1 warning, 65 infos" "$tmp/out"
expect_status 1 "$PBCHECK" --lang=zh --no-config -q --statistics "$R/targets.csv"
has "^规则  *级别  *数量  *标题" "$tmp/out"; has "合计 67 个问题" "$tmp/out"
expect_status 1 "$PBCHECK" --no-config -q "$R/targets.csv"
hasnt "^rule " "$tmp/out"
expect_status 1 "$PBCHECK" --no-config -f json --statistics --disable=PB005 "$R/targets.csv" "$R/moved/targets.csv"
cp "$tmp/out" "$tmp/stats.json"
if $PY - "$tmp/stats.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
st = d["statistics"]
assert st["total"] == len(d["findings"]), st["total"]
r = st["rules"][0]
assert (r["rule"], r["severity"]) == ("PB308", "info"), r
assert r["title"]
counts = [x["count"] for x in st["rules"]]
assert counts == sorted(counts, reverse=True)
assert sum(counts) == st["total"]
assert sorted(f["file"] for f in st["files"]) == sorted(x["path"] for x in d["files"]), st["files"]
assert sum(f["count"] for f in st["files"]) == st["total"]
t = [f for f in st["files"] if f["file"].endswith("repo/targets.csv")][0]
assert (t["count"], t["errors"], t["warnings"], t["infos"]) == (67, 1, 1, 65), t
PYEOF
then ok; else bad "JSON statistics"; fi
expect_status 1 "$PBCHECK" --no-config -f json "$R/targets.csv"
hasnt '"statistics"' "$tmp/out"

# 2. Baselines. The baseline of the table suppresses all its findings.
expect_status 0 "$PBCHECK" --no-config -q --baseline-write="$tmp/base.json" "$R/targets.csv"
if [ -s "$tmp/base.json" ]; then ok; else bad "no baseline written"; fi
if $PY tests/validate_json.py tests/schemas/baseline.schema.json "$tmp/base.json"; then ok; else
	bad "the baseline does not match its schema"; fi
# Readable and diff-friendly: sorted, one entry a line, no line numbers.
same "$(grep -c '^    {"file": ' "$tmp/base.json")" 67 "baseline entries"
grep '^    {' "$tmp/base.json" >"$tmp/entries"
if LC_ALL=C sort -c "$tmp/entries" 2>/dev/null; then ok; else bad "baseline is not sorted"; fi
hasnt '"line"' "$tmp/base.json"
has '{"file": "targets.csv", "project": "571-0101-YBN-VYAO", "rule": "PB309", "field": "指标值确定依据", "value": "改善生态环境质量"}' "$tmp/base.json"
expect_status 0 "$PBCHECK" --no-config --lang=en -q --baseline="$tmp/base.json" "$R/targets.csv"
has "0 errors, 0 warnings, 0 infos" "$tmp/out"
has "baseline .*base.json: 67 findings suppressed, 0 entries no longer occur" "$tmp/err"
# A row inserted above a finding leaves it known (the key has no line):
# only the new row's own findings, if any, are new.
"$PBCHECK" --no-config --lang=en -q "$R/moved/targets.csv" >"$tmp/all"
has "moved/targets.csv:79:20: error: .*\[PB309\]" "$tmp/all"
expect_status 0 "$PBCHECK" --no-config --lang=en -q --baseline="$tmp/base.json" "$R/moved/targets.csv"
hasnt "PB309" "$tmp/out"
grep '^[^:]*:[0-9]*:[0-9]*: ' "$tmp/out" | grep -v ':78:' >"$tmp/left"
if [ -s "$tmp/left" ]; then bad "findings not on the new row"; head -3 "$tmp/left"; else ok; fi
has "67 findings suppressed, 0 entries no longer occur" "$tmp/err"
# A new finding is reported and fails the gate.
mkdir "$R/new"
sed '2s/,工作计划$/,/' "$R/targets.csv" >"$R/new/targets.csv"
"$PBCHECK" --no-config --lang=en -q "$R/new/targets.csv" >"$tmp/all" 2>&1
nall=$(grep -c '\[PB309\]' "$tmp/all")
same "$nall" 2 "PB309 in the table with a new one"
expect_status 1 "$PBCHECK" --no-config --lang=en -q --baseline="$tmp/base.json" "$R/new/targets.csv"
same "$(count '\[PB309\]' "$tmp/out")" 1 "new PB309 after the baseline"
has "new/targets.csv:2:20: error" "$tmp/out"
# A fixed finding is an entry that no longer occurs.
mkdir "$R/fixed"
sed '79s/持续增加,$/持续增加,工作计划/' "$R/targets.csv" >"$R/fixed/targets.csv"
expect_status 0 "$PBCHECK" --no-config --lang=en -q --baseline="$tmp/base.json" "$R/fixed/targets.csv"
has "66 findings suppressed, 1 entries no longer occur" "$tmp/err"
expect_status 0 "$PBCHECK" --no-config -f json --baseline="$tmp/base.json" "$R/fixed/targets.csv"
has '"baseline": {"suppressed": 66, "stale": 1}' "$tmp/out"
# Equal keys are counted: the table twice (two directories) needs two.
mkdir "$R/copy" && sed 's/^571-/572-/' "$R/targets.csv" >"$R/copy/targets.csv"
expect_status 1 "$PBCHECK" --no-config --lang=en -q --disable=PB0 --baseline="$tmp/base.json" "$R/targets.csv" "$R/copy/targets.csv"
has "copy/targets.csv:78:20: error" "$tmp/out"
# Keyed by file name, not path: the same file elsewhere is still known.
cp "$R/targets.csv" "$R/2021/targets.csv"
expect_status 0 "$PBCHECK" --no-config --lang=en -q --baseline="$tmp/base.json" "$R/2021/targets.csv"
# Bad baselines are status 2 naming the file and line.
printf '{\n  "findings": [\n    {"file": 3}\n  ]\n}\n' >"$tmp/bad.json"
expect_status 2 "$PBCHECK" --no-config --baseline="$tmp/bad.json" "$R/targets.csv"
has "bad.json:3: expected '\"'" "$tmp/err"; hasnt "PB309" "$tmp/out"
expect_status 2 "$PBCHECK" --no-config --baseline="$tmp/none.json" "$R/targets.csv"
has "none.json" "$tmp/err"
printf '[' >"$tmp/bad.json"
expect_status 2 "$PBCHECK" --no-config --baseline="$tmp/bad.json" "$R/targets.csv"
# Escapes read back: a baseline of a file with quotes and backslashes.
printf '{"pbcheck_baseline": 1, "x": [1, {"a": null}], "findings": [{"file": "t\\"\\u00e9.csv", "project": "", "rule": "PB001", "field": "", "value": "\\\\"}]}' >"$tmp/esc.json"
expect_status 0 "$PBCHECK" --no-config -q --baseline="$tmp/esc.json" --fail-on=never "$R/targets.csv"
has "0 findings suppressed, 1 entries no longer occur" "$tmp/err"
# Never over an input.
cp "$R/targets.csv" "$tmp/in.csv"
expect_status 2 "$PBCHECK" --no-config -q --baseline-write="$tmp/in.csv" "$tmp/in.csv"
if cmp -s "$tmp/in.csv" "$R/targets.csv"; then ok; else bad "--baseline-write wrote over its input"; fi

# 3. [ignore]: a code (or name) and ids or prefixes remove exactly those
# findings; the counts and the exit status follow.
"$PBCHECK" --no-config --lang=en -q "$R/targets.csv" >"$tmp/plain"
cat >"$tmp/ig.conf" <<'CONF'
[ignore]
571-0101-YBN-VYAO = PB309, PB4   ; the basis is on file since May
环境监测经费 = PB308
571-0101-YBN-XXXX = PB309
CONF
expect_status 0 "$PBCHECK" --config="$tmp/ig.conf" --lang=en -q "$R/targets.csv"
grep -v '571-0101-YBN-VYAO.*\[PB\(309\|4[0-9][0-9]\|308\)\]' "$tmp/plain" |
    grep -v 'files\?, ' >"$tmp/want"
grep -v 'PB012' "$tmp/out" | grep -v 'files\?, ' >"$tmp/got"
if cmp -s "$tmp/want" "$tmp/got"; then ok; else bad "[ignore] removed other findings"; diff "$tmp/want" "$tmp/got" | head -5; fi
# The stale entry is PB012 at its line in the settings file.
has "ig.conf:4:1: info: the exception '571-0101-YBN-XXXX = PB309' in \[ignore\] matched no finding.*\[PB012\]" "$tmp/out"
same "$(count PB012 "$tmp/out")" 1 "PB012 count"
expect_status 0 "$PBCHECK" --config="$tmp/ig.conf" --lang=en -f json "$R/targets.csv"
if $PY - "$tmp/out" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
p = [x for x in d["projects"] if x["code"] == "571-0101-YBN-VYAO"][0]
assert p["errors"] == 0, p["errors"]
assert d["summary"]["errors"] == 0
PYEOF
then ok; else bad "[ignore] is applied before the counts"; fi
expect_status 0 "$PBCHECK" --config="$tmp/ig.conf" --disable=PB012 -q "$R/targets.csv"
hasnt PB012 "$tmp/out"
printf '[ignore]\n571-0101-YBN-VYAO = PX9\n' >"$tmp/bad.conf"
expect_status 2 "$PBCHECK" --config="$tmp/bad.conf" --lang=en "$R/targets.csv"
has "bad.conf:2: 'PX9' names no rule" "$tmp/err"

# [path:GLOB]: its keys apply to matching inputs only, before the
# command line.
cp "$R/targets.csv" "$R/2021/sub/t.csv"
cat >"$R/pbcheck.conf" <<'CONF'
[path:2021/*]
disable = PB3
midyear_min = 0
CONF
expect_status 1 "$PBCHECK" --lang=en -q "$R/targets.csv" "$R/2021/sub/t.csv"
has "repo/targets.csv:.*\[PB308\]" "$tmp/out"
hasnt "2021/sub/t.csv:.*\[PB3" "$tmp/out"; hasnt "2021/sub/t.csv:.*\[PB207\]" "$tmp/out"
has "repo/targets.csv:.*\[PB207\]" "$tmp/out"
(cd "$R" && "$PBCHECK" --lang=en -q 2021/sub/t.csv) >"$tmp/out" 2>&1
hasnt "\[PB3" "$tmp/out"
expect_status 1 "$PBCHECK" --lang=en -q --enable=PB309 "$R/2021/sub/t.csv"
has "\[PB309\]" "$tmp/out"
printf '[path:2021/*]\naccept = x\n' >"$tmp/bad.conf"
expect_status 2 "$PBCHECK" --config="$tmp/bad.conf" --lang=en "$R/targets.csv"
has "bad.conf:2: unknown key 'accept' in \[path:2021/\*\]" "$tmp/err"
printf '[path:*]\nmidyear_min = lots\n' >"$tmp/bad.conf"
expect_status 2 "$PBCHECK" --config="$tmp/bad.conf" --lang=en "$R/targets.csv"
has "bad.conf:2: midyear_min: 'lots' is not a number" "$tmp/err"
rm "$R/pbcheck.conf"

# 4. Discovery: the nearest pbcheck.conf, not above the repository.
printf '[rules]\ndisable = PB3\n' >"$tmp/pbcheck.conf"
printf '[rules]\ndisable = PB4\n' >"$R/pbcheck.conf"
printf '[rules]\ndisable = PB2\n' >"$R/2021/pbcheck.conf"
expect_status 1 "$PBCHECK" --lang=en -q -v "$R/targets.csv" "$R/2021/sub/t.csv"
has "repo/targets.csv: settings from .*repo/pbcheck.conf" "$tmp/err"
has "sub/t.csv: settings from .*repo/2021/pbcheck.conf" "$tmp/err"
hasnt "repo/targets.csv:.*\[PB4" "$tmp/out"; has "repo/targets.csv:.*\[PB3" "$tmp/out"
hasnt "t.csv:.*\[PB2" "$tmp/out"; has "t.csv:.*\[PB4" "$tmp/out"
expect_status 1 "$PBCHECK" -f json "$R/targets.csv" "$R/2021/sub/t.csv"
if $PY - "$tmp/out" "$R" <<'PYEOF'
import json, os, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
got = [os.path.realpath(f["config"]) for f in d["files"]]
r = os.path.realpath(sys.argv[2])
assert got == [r + "/pbcheck.conf", r + "/2021/pbcheck.conf"], got
PYEOF
then ok; else bad "JSON files[].config"; fi
# Named relative to the current directory when under it.
(cd "$R" && "$PBCHECK" -v -q 2021/sub/t.csv) >"$tmp/out" 2>"$tmp/err"
has "^pbcheck: 2021/sub/t.csv: settings from 2021/pbcheck.conf$" "$tmp/err"
# Standard input: from the current directory upward.
(cd "$R/2021/sub" && "$PBCHECK" -v -q - <"$top/$SAMPLE") >"$tmp/out" 2>"$tmp/err"
has "settings from .*repo/2021/pbcheck.conf" "$tmp/err"
# --no-config reads none; --config names one for all.
expect_status 1 "$PBCHECK" --lang=en -q -v --no-config "$R/targets.csv"
has "no settings file" "$tmp/err"; has "\[PB4" "$tmp/out"
expect_status 1 "$PBCHECK" -f json --no-config "$R/targets.csv"
has '"config": null' "$tmp/out"
expect_status 1 "$PBCHECK" --lang=en -q -v --config="$R/2021/pbcheck.conf" "$R/targets.csv"
has "settings from .*2021/pbcheck.conf" "$tmp/err"; hasnt "\[PB2" "$tmp/out"
expect_status 2 "$PBCHECK" --config="$R/pbcheck.conf" --no-config "$R/targets.csv"
# Without .git the search goes on up to the directory above.
rmdir "$R/.git"
expect_status 1 "$PBCHECK" -q -v --lang=en "$R/2021/sub/t.csv"
has "settings from .*repo/2021/pbcheck.conf" "$tmp/err"
rm "$R/pbcheck.conf" "$R/2021/pbcheck.conf"
expect_status 0 "$PBCHECK" -q -v --lang=en "$R/2021/sub/t.csv"
has "settings from .*$(basename "$tmp")/pbcheck.conf" "$tmp/err"
mkdir "$R/.git"
expect_status 1 "$PBCHECK" -q -v --lang=en "$R/2021/sub/t.csv"
has "no settings file" "$tmp/err"
# A mistake in a discovered file is status 2 before anything is checked.
printf '[rules]\nfoo = 1\n' >"$R/pbcheck.conf"
expect_status 2 "$PBCHECK" "$R/targets.csv"
has "repo/pbcheck.conf:2: unknown key 'foo'" "$tmp/err"
[ -s "$tmp/out" ] && bad "a report despite a bad settings file" || ok
rm "$R/pbcheck.conf"

# 5. -f github: one workflow command per finding, escaped as GitHub says.
printf '项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,10月底,12月底,目标1,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\nA-1,"n,a:m%%e",10,10,,用途,25,50,75,100,目标,产出指标,数量指标,完成数量,完成数量达标,=5次,\n' >"$R/a,b:c%.csv"
expect_status 1 "$PBCHECK" --no-config --lang=en -f github "$R/a,b:c%.csv"
grep '^::error ' "$tmp/out" | grep 'PB309' | head -1 >"$tmp/line"
if $PY - "$tmp/line" "$R" <<'PYEOF'
import re, sys
line = open(sys.argv[1], encoding="utf-8").read().rstrip("\n")
m = re.match(r"^::(error|warning|notice) (.*?)::(.*)$", line)
assert m, line
props = dict(p.split("=", 1) for p in m.group(2).split(","))
assert props["file"] == (sys.argv[2] + "/a%2Cb%3Ac%25.csv").replace(":", "%3A").replace("a%3Ab", "a:b") or True
assert props["file"].endswith("/a%2Cb%3Ac%25.csv"), props["file"]
assert props["line"] == "2" and props["col"] == "17", props
assert props["title"] == "PB309", props
assert "%" not in m.group(3).replace("%25", ""), m.group(3)
PYEOF
then ok; else bad "github line fields"; cat "$tmp/line"; fi
# Severities: error, warning, notice; the message keeps ':' and ','.
expect_status 1 "$PBCHECK" --no-config --lang=en -f github "$R/targets.csv"
same "$(grep -c '^::error ' "$tmp/out")" 1 "github errors"
same "$(grep -c '^::warning ' "$tmp/out")" 1 "github warnings"
same "$(grep -c '^::notice ' "$tmp/out")" 65 "github notices"
has "^::error file=.*targets.csv,line=78,col=20,title=PB309::project 571-0101-YBN-VYAO: indicator" "$tmp/out"
has "read as 0%25 \[\|read as 0%25$" "$tmp/out"
# A line break in a cell is %0A, never a new command.
printf '项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,10月底,12月底,目标1,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\nA-1,n,10,10,,用途,25,50,75,100,目标,产出指标,数量指标,"x\r\ny",完成,=5次,\n' >"$R/nl.csv"
expect_status 1 "$PBCHECK" --no-config --lang=en -f github "$R/nl.csv"
hasnt "^y" "$tmp/out"; has "x%0D%0Ay" "$tmp/out"
same "$(grep -vc '^::' "$tmp/out")" 0 "lines that are not commands"

# 6. -f gitlab: Code Quality issues, valid against the schema written
# from GitLab's documented fields, checked field by field.
expect_status 1 "$PBCHECK" --no-config --lang=en -f gitlab "$R/targets.csv" "$R/moved/targets.csv"
cp "$tmp/out" "$tmp/gl.json"
if $PY tests/validate_json.py tests/schemas/gitlab-codequality.schema.json "$tmp/gl.json"; then ok; else
	bad "-f gitlab does not match the Code Quality schema"; fi
if $PY - "$tmp/gl.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
e = [i for i in d if i["check_name"] == "PB309" and i["location"]["path"].endswith("repo/targets.csv")][0]
assert e["severity"] == "critical", e
assert e["location"]["lines"]["begin"] == 78, e
assert e["description"].startswith("project 571-0101-YBN-VYAO: indicator"), e
m = [i for i in d if i["check_name"] == "PB309" and i["location"]["path"].endswith("moved/targets.csv")][0]
assert m["location"]["lines"]["begin"] == 79, m
w = [i for i in d if i["check_name"] == "PB409"][0]
assert w["severity"] == "minor"
assert [i for i in d if i["check_name"] == "PB308"][0]["severity"] == "info"
t = [i["fingerprint"] for i in d if i["location"]["path"].endswith("repo/targets.csv")]
assert len(set(t)) == len(t), "fingerprints of one file are not unique"
assert e["fingerprint"] != m["fingerprint"], "two files share fingerprints"
PYEOF
then ok; else bad "gitlab fields"; fi
# Stable under the baseline key: a row inserted above a finding leaves
# its fingerprint as it was; every other finding keeps its own too.
mkdir "$R/g" && cp "$R/targets.csv" "$R/g/targets.csv"
expect_status 1 "$PBCHECK" --no-config -f gitlab "$R/g/targets.csv"; cp "$tmp/out" "$tmp/gl1.json"
cp "$R/moved/targets.csv" "$R/g/targets.csv"
expect_status 1 "$PBCHECK" --no-config -f gitlab "$R/g/targets.csv"; cp "$tmp/out" "$tmp/gl2.json"
if $PY - "$tmp/gl1.json" "$tmp/gl2.json" <<'PYEOF'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
b = json.load(open(sys.argv[2], encoding="utf-8"))
fa = {i["fingerprint"]: i for i in a}
fb = {i["fingerprint"]: i for i in b}
assert len(fa) == len(a), "fingerprints not unique"
e = [i for i in a if i["check_name"] == "PB309"][0]
m = [i for i in b if i["check_name"] == "PB309"][0]
assert e["fingerprint"] == m["fingerprint"], (e, m)
assert (e["location"]["lines"]["begin"], m["location"]["lines"]["begin"]) == (78, 79)
assert set(fa) <= set(fb), set(fa) - set(fb)
PYEOF
then ok; else bad "gitlab fingerprints do not survive an inserted row"; fi
expect_status 0 "$PBCHECK" --no-config -f gitlab --disable=PB0,PB1,PB2,PB3,PB4,PB5 "$R/targets.csv"
same "$(cat "$tmp/out")" "[]" "an empty Code Quality report"
expect_status 2 "$PBCHECK" --no-config -f gitlab "$R/missing.csv"
has '"severity": "blocker"' "$tmp/out"

# 7. The pre-commit hook definition: id, types and file names.
if $PY - .pre-commit-hooks.yaml <<'PYEOF'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
assert re.search(r"^- id: pbcheck$", t, re.M), "id"
assert re.search(r"^  entry: pbcheck$", t, re.M), "entry"
assert re.search(r"^  types_or: \[csv, text, binary\]$", t, re.M), "types_or"
m = re.search(r"^  files: (.*)$", t, re.M)
assert m and m.group(1) == r"\.(csv|txt|docx|xlsx)$", "files"
rx = re.compile(m.group(1))
assert all(rx.search(f) for f in ["a.csv", "b/c.txt", "d.docx", "e.xlsx"])
assert not rx.search("a.csv.bak")
try:
    import yaml
    h = yaml.safe_load(t)[0]
    assert h["id"] == "pbcheck" and h["types_or"] == ["csv", "text", "binary"]
    assert h["language"] == "system"
except ImportError:
    pass
PYEOF
then ok; else bad ".pre-commit-hooks.yaml"; fi
grep -q '\.pre-commit-hooks\.yaml' README.md && ok || bad "README does not document .pre-commit-hooks.yaml"

json_reports_check
echo "gate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
