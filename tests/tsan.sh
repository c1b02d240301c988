#!/bin/sh
# ThreadSanitizer over the runs that use threads: one input parsed in one
# thread and checked in another (src/rowpipe.c) in every format, from a
# file and from standard input; the split UTF-8 check of a big file
# (src/run.c); a batch read by workers (src/parallel.c). Any report of
# ThreadSanitizer fails, but the ones tests/tsan.supp names (glibc's time
# zone set-up, locked inside glibc where ThreadSanitizer cannot see it).
# Usage: sh tests/tsan.sh build/tsan/pbcheck
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-build/tsan/pbcheck}
PY=${PYTHON:-/usr/bin/python3}
S=data/chengde-2021/targets.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset CI PBCHECK_PROGRESS_DELAY_MS
export TSAN_OPTIONS="suppressions=$(pwd)/tests/tsan.supp halt_on_error=0 exitcode=66"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# run NAME ARGS...: exit 0 or 1, nothing from ThreadSanitizer.
run() {
	name=$1
	shift
	"$PBCHECK" "$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if grep -q ThreadSanitizer "$tmp/err"; then
		bad "$name: ThreadSanitizer reported"
		grep -A8 'WARNING: ThreadSanitizer' "$tmp/err" | head -20
	elif [ "$st" -gt 1 ]; then
		bad "$name: exit $st"
		head -5 "$tmp/err"
	else
		ok
	fi
}

"$PY" scripts/make_bench.py "$S" city 1500 "$tmp/one.csv" || bad make_bench
for f in text json junit sarif csv html github gitlab; do
	run "one file -f $f" -j 2 -f "$f" "$tmp/one.csv"
	run "standard input -f $f" -j 2 -f "$f" - <"$tmp/one.csv"
done
run "one file -v --statistics" -j 2 -v --statistics "$tmp/one.csv"
for c in valid bad-second; do
	"$PY" scripts/make_split.py "$S" "$c" "$tmp/split.csv" ||
	    bad "make_split $c"
	run "split check $c" -j 2 -q "$tmp/split.csv"
done
run "batch -j 2" -j 2 -q data
run "batch -j 8 json" -j 8 -f json data "$tmp/one.csv"
run "batch with standard input" -j 2 -q data - <"$tmp/one.csv"

echo "tsan: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
