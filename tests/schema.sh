#!/bin/sh
# The JSON report against its schema (doc/report.schema.json): every sample, every test document, every option that changes the report.
# Usage: sh tests/schema.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
SCHEMA=doc/report.schema.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR CI

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# valid NAME ARGS...: pbcheck -f json ARGS validates against the schema.
n=0
valid() {
	name=$1; shift
	n=$((n + 1))
	"$PBCHECK" -f json "$@" >"$tmp/r$n.json" 2>"$tmp/err"
	st=$?
	if [ "$st" -gt 2 ]; then bad "$name: exit $st"; return; fi
	if "$PYTHON" tests/validate_json.py "$SCHEMA" "$tmp/r$n.json" >"$tmp/log" 2>&1
	then ok; else bad "$name does not validate"; sed 's/^/  | /' "$tmp/log" | head -8; fi
}

# The schema rejects what it must: it is not a blank check.
printf '{"tool": {"name": "pbcheck", "version": "1"}, "files": [], "projects": [], "findings": [{"rule": "PB9999"}], "summary": {}}\n' >"$tmp/wrong.json"
if "$PYTHON" tests/validate_json.py "$SCHEMA" "$tmp/wrong.json" >/dev/null 2>&1; then
	bad "the schema accepts a broken report"; else ok; fi

# The golden reports, both languages.
for g in tests/golden/*.out_json*; do
	if "$PYTHON" tests/validate_json.py "$SCHEMA" "$g" >"$tmp/log" 2>&1; then ok; else
		bad "$g does not validate"; sed 's/^/  | /' "$tmp/log" | head -8; fi
done

# Every sample and test document, one at a time, then all in one batch.
for f in data/*/*.csv data/*/*.txt data/*/*.docx data/*/*.xlsx \
    data/layouts/*/*.docx data/layouts/*/*.csv tests/docx/*.docx; do
	[ -f "$f" ] && valid "$f" --no-config "$f"
done
valid "the whole data/ directory" --lang=zh data/
# Options that add to the report, unreadable inputs, standard input.
valid statistics --statistics data/chengde-2021/targets.csv
"$PBCHECK" -f json --baseline-write="$tmp/base.json" data/chengde-2021/targets.csv >/dev/null 2>&1
valid baseline --baseline="$tmp/base.json" data/chengde-2021/targets.csv
valid unreadable data/chengde-2021/targets.csv "$tmp/missing.csv" "$tmp"
valid stdin - <data/chengde-2021/targets.csv
printf '%%PDF-1.4\n' >"$tmp/scan.csv"
valid "not a table" "$tmp/scan.csv"
head -1 data/chengde-2021/targets.csv >"$tmp/header.csv"
valid "a header alone" "$tmp/header.csv"

echo "schema: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
