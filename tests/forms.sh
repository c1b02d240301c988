#!/bin/sh
# Form documents give the canonical CSV's model: the text dump, the Word form and the form-layout CSV.
# Usage: sh tests/forms.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
D=data/chengde-2021
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
. tests/json_reports.sh
check() { if "$@" >"$tmp/log" 2>&1; then ok; else bad "$*"; sed 's/^/  | /' "$tmp/log" | head -12; fi; }

"$PBCHECK" -f json "$D/targets.csv" >"$tmp/csv.json"
for f in targets.txt targets.docx targets-form.csv; do
	"$PBCHECK" -f json "$D/$f" >"$tmp/$f.json" 2>"$tmp/err"; st=$?
	if [ $st -eq 1 ]; then ok; else bad "$f: exit $st"; sed 's/^/  | /' "$tmp/err"; fi
	# The same projects (locations aside) and the same findings by rule,
	# project and message; the format is named in files[].
	check "$PYTHON" - "$tmp/csv.json" "$tmp/$f.json" "$f" <<'PY'
import json, sys
from collections import Counter
a, b = (json.load(open(p)) for p in sys.argv[1:3])
name = sys.argv[3]
def model(d):
    out = []
    for p in d["projects"]:
        p = {k: v for k, v in p.items() if k not in ("file", "line", "table")}
        p["indicators"] = [{k: v for k, v in i.items() if k != "line"} for i in p["indicators"]]
        out.append(p)
    return out
ma, mb = model(a), model(b)
assert len(mb) == 13 and sum(len(p["indicators"]) for p in mb) == 119, name
for x, y in zip(ma, mb):
    assert x == y, (x["code"], [k for k in x if x[k] != y.get(k)])
import re
# Messages may cite a line of the input (PB502, PB311): those differ.
key = lambda f: (f["rule"], f["severity"], f["project"], f["field"],
                 re.sub(r"line \d+", "line N", f["message"]))
ka, kb = Counter(map(key, a["findings"])), Counter(map(key, b["findings"]))
assert ka == kb, (ka - kb, kb - ka)
fmt = {"targets.txt": "text", "targets.docx": "docx", "targets-form.csv": "form-csv"}[name]
assert b["files"][0]["format"] == fmt, b["files"]
assert b["summary"]["errors"] == 1 and b["summary"]["warnings"] == 1
PY
done

# Locations follow each format (SPEC 2.3): the PB309 of project 5.
loc() { "$PBCHECK" --lang=en -q "$D/$1" | grep '\[PB309\]' | cut -d: -f1-4; }
got=$(loc targets.txt)
[ "$got" = "$D/targets.txt:666:1: error" ] && ok || bad "text dump PB309 at '$got'"
got=$(loc targets-form.csv)
case $got in "$D/targets-form.csv:"*":6: error") ok ;; *) bad "form CSV PB309 at '$got'" ;; esac
"$PBCHECK" --lang=en -q "$D/targets.docx" | grep '\[PB309\]' >"$tmp/docx309"
if grep -q "^$D/targets.docx:[0-9]*:[0-9]*: error: table 5: " "$tmp/docx309"; then ok; else bad "docx PB309: $(cat "$tmp/docx309")"; fi
"$PBCHECK" --lang=zh -q "$D/targets.docx" | grep -q "error: 表5: " && ok || bad "docx table name in Chinese"

# The five formats in one run: every code is PB005 in the later files.
"$PBCHECK" -f json "$D" >"$tmp/all.json"
check "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [f["format"] for f in d["files"]] == ["form-csv", "xlsx", "csv", "csv", "docx", "text", "xlsx"], d["files"]
assert d["summary"]["projects"] == 91
assert sum(f["rule"] == "PB005" for f in d["findings"]) == 78
' "$tmp/all.json"

json_reports_check
echo "forms: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
