#!/bin/sh
# Each layout sample (data/layouts/*/*) is read as the model a careful
# reader expects of it (<file>.expect.json), field by field, with the
# findings a reviewer agrees with. First, independently of the form
# reader, the expected findings are checked against the rules run on the
# expected model written as canonical CSV (layouts_model).
# Usage: sh tests/layouts.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
unset LC_ALL LC_MESSAGES LANG

# The samples listed in tests/layouts-pending.txt (ones the recogniser
# does not read yet, probes of its generality among them) are left out
# unless PROBES=1; every other sample, data/layouts/probes/ included, runs.
list=
for f in data/layouts/*/*.expect.json; do
	if [ "${PROBES:-0}" != 1 ] &&
	    grep -qxF "${f#data/layouts/}" tests/layouts-pending.txt \
	    2>/dev/null; then
		continue
	fi
	list="$list $f"
done
# shellcheck disable=SC2086 # the paths hold no white space
set -- $list
if [ $# -eq 0 ] || [ ! -e "$1" ]; then
	echo "layouts: no data/layouts/*/*.expect.json"
	echo "layouts: 0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Self-test of the comparison: a stand-in pbcheck that prints the
# expectations passes every check; one that gets a value, a goal and a
# finding wrong fails every file's first project and its findings.
n=$#
fake=tests/fake_layout_pbcheck.py
"$PYTHON" tests/compare_layout.py "$fake" "$@" >"$tmp/same"
same=$?
LAYOUT_MUTATE=1 "$PYTHON" tests/compare_layout.py "$fake" "$@" >"$tmp/mut"
mut=$?
if [ $same -eq 0 ] && [ $mut -eq 1 ] &&
    [ "$(grep -c 'project 1 indicator [0-9]* value.raw: got' "$tmp/mut")" -eq "$n" ] &&
    [ "$(grep -c 'project 1 goals: got' "$tmp/mut")" -eq "$n" ] &&
    [ "$(grep -c 'findings: got PB999 null x1, want none' "$tmp/mut")" -eq "$n" ] &&
    grep -q "^layouts: [0-9]* passed, $((2 * n)) failed$" "$tmp/mut"; then
	selftest=0
	echo "layouts_selftest: 1 passed, 0 failed"
else
	selftest=1
	sed 's/^/  | /' "$tmp/same" "$tmp/mut" | head -20
	echo "layouts_selftest: 0 passed, 1 failed"
fi
# The real pbcheck from here on, through tests/json_reports.sh: each JSON
# report the comparisons read is also validated against the schema.
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
. tests/json_reports.sh
"$PYTHON" tests/compare_layout.py --model "$PBCHECK" "$@" >"$tmp/model"
model=$?
sed 's/^layouts: /layouts_model: /' "$tmp/model"
"$PYTHON" tests/compare_layout.py "$PBCHECK" "$@"
st=$?
json_reports_check $((2 * n))
echo "layouts_schema: $pass passed, $fail failed"
[ $st -eq 0 ] || exit $st
[ "$fail" -eq 0 ] || exit 1
[ $selftest -eq 0 ] || exit 1
exit $model
