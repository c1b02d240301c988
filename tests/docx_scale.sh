#!/bin/sh
# The .docx reader streams (issue 11): a document of 60 MB of table XML in a
# zip of a few hundred KB, and one of 1,300 projects, read in flat memory.
# Not a timing test. Usage: sh tests/docx_scale.sh PBCHECK
set -u
PBCHECK=${1:-./pbcheck}
PYTHON=${PYTHON:-/usr/bin/python3}
LIMIT_KB=65536
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "docx_scale: FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Peak RSS of PBCHECK ARGS in KB (python's rusage of its one child), and
# its exit status, as "KB STATUS".
peak() {
	"$PYTHON" - "$@" <<'PY'
import resource, subprocess, sys
with open(sys.argv[-1], "wb") as out:
    rc = subprocess.run(sys.argv[1:-1], stdout=out,
                        stderr=subprocess.STDOUT).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)
PY
}

# ASan's shadow memory makes its RSS no measure of the reader's.
case $PBCHECK in
*asan*) bound=false; tables=4000; copies=20; rows=30000 ;;
*) bound=true; tables=22000; copies=100; rows=120000 ;;
esac

if ! "$PYTHON" scripts/make_big_docx.py tables "$tmp/tables.docx" "$tables" ||
    ! "$PYTHON" scripts/make_big_docx.py projects "$tmp/projects.docx" \
    "$copies" ||
    ! "$PYTHON" scripts/make_big_docx.py onetable "$tmp/onetable.docx" \
    "$rows"; then
	echo "docx_scale: cannot generate the documents"
	echo "docx_scale: 0 passed, 1 failed"
	exit 1
fi

# 22,000 tables without labels: read to the end, one PB001 for no project.
set -- $(peak "$PBCHECK" -q --lang=en "$tmp/tables.docx" "$tmp/tables.out")
[ "$2" = 1 ] && ok || bad "tables.docx: exit $2"
if grep -q "no project table was recognised" "$tmp/tables.out" &&
    [ "$(wc -l <"$tmp/tables.out")" -eq 2 ]; then ok; else
	bad "tables.docx: $(head -c 300 "$tmp/tables.out")"; fi
if $bound; then
	[ "$1" -le "$LIMIT_KB" ] && ok || bad "tables.docx: peak RSS $1 KB > $LIMIT_KB KB"
fi

# One table of 120,000 rows (60 MB of XML): read to PB_MAX_TABLE_ROWS,
# the rest passed with a PB001 naming the limit, in bounded memory.
set -- $(peak "$PBCHECK" -q --lang=en "$tmp/onetable.docx" "$tmp/onetable.out")
[ "$2" = 1 ] && ok || bad "onetable.docx: exit $2"
grep -q "PB_MAX_TABLE_ROWS" "$tmp/onetable.out" && ok ||
	bad "onetable.docx: $(head -c 300 "$tmp/onetable.out")"
if $bound; then
	[ "$1" -le "$LIMIT_KB" ] && ok || bad "onetable.docx: peak RSS $1 KB > $LIMIT_KB KB"
fi

# 1,300 projects (13 x 100 copies): every one read, in flat memory.
set -- $(peak "$PBCHECK" -f json "$tmp/projects.docx" "$tmp/projects.json")
[ "$2" = 1 ] && ok || bad "projects.docx: exit $2"
n=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["projects"])' \
    "$tmp/projects.json" 2>/dev/null)
[ "$n" = $((copies * 13)) ] && ok || bad "projects.docx: $n projects, want $((copies * 13))"
# The report against its schema (issue 14 item 6; not through
# tests/json_reports.sh, whose wrapper would be measured with pbcheck).
"$PYTHON" tests/validate_json.py doc/report.schema.json "$tmp/projects.json" \
    >"$tmp/schema.log" 2>&1 && ok ||
    { bad "projects.json does not validate"; head -5 "$tmp/schema.log"; }
if $bound; then
	[ "$1" -le "$LIMIT_KB" ] && ok || bad "projects.docx: peak RSS $1 KB > $LIMIT_KB KB"
fi

echo "docx_scale: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
