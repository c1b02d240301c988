#!/bin/sh
# The CLI under valgrind over every sample input format (canonical CSV in
# UTF-8 and GB18030, form CSV, text dump, .docx, .xlsx in both layouts, a
# directory, standard input) and every report format: no invalid access
# and no leak (--leak-check=full; valgrind's errors exit 99, as pbcheck
# itself exits 0 or 1 on these). Usage: sh tests/memcheck.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
pass=0
fail=0
if ! command -v valgrind >/dev/null 2>&1; then
	echo "memcheck: skipped (valgrind is not installed: make deps)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
D=data/chengde-2021

# vg NAME ARGS...: pbcheck under valgrind; valgrind's own errors exit 99.
vg() {
	name=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    "$PBCHECK" --color=never "$@" >"$tmp/out" 2>"$tmp/err" <"$tmp/stdin"
	st=$?
	if [ "$st" -eq 0 ] || [ "$st" -eq 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: memcheck $name (exit $st)"
		sed 's/^/  | /' "$tmp/err" | head -30
	fi
}

cp "$D/targets.csv" "$tmp/stdin"
vg csv "$D/targets.csv"
vg gb18030 --encoding=gb18030 "$D/targets-gb18030.csv"
vg form-csv "$D/targets-form.csv"
vg text "$D/targets.txt"
vg docx "$D/targets.docx"
vg xlsx "$D/targets.xlsx"
vg form-xlsx "$D/targets-form.xlsx"
vg dir-json -f json "$D"
cp "$tmp/out" "$tmp/dir.json"
vg junit -f junit "$D/targets.csv"
vg sarif -f sarif "$D/targets.docx"
vg report-csv -f csv --lang=zh "$D/targets.xlsx"
vg config --config="$D/pbcheck.conf" -q "$D/targets.csv"
vg stdin -
vg layouts -f json data/layouts
cp "$tmp/out" "$tmp/layouts.json"
# The two JSON reports against the schema (issue 14 item 6), one python.
if "${PYTHON:-/usr/bin/python3}" tests/validate_json.py doc/report.schema.json \
    "$tmp/dir.json" "$tmp/layouts.json" >"$tmp/schema.log" 2>&1; then
	pass=$((pass + 2))
else
	fail=$((fail + 1))
	echo "FAIL: a JSON report under valgrind does not validate"
	sed 's/^/  | /' "$tmp/schema.log" | head -5
fi
echo "memcheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
