#!/bin/sh
# Memory stays flat and every input ends (SPEC 2.1 Streaming): not timing
# tests, bounds on peak memory and on how long a pathological input takes.
# Usage: sh tests/scale.sh PBCHECK (an ASan build is run on small inputs,
# without the memory bounds, which ASan's own memory would break).
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
MEASURE=$(pwd)/build/bench/floor
PY=${PYTHON:-/usr/bin/python3}
S=data/chengde-2021/targets.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
case $PBCHECK in *asan*) asan=1 ;; *) asan=0 ;; esac
if [ "$asan" = 1 ]; then big=2000 small=500; else big=20000 small=5000; fi

gen() { "$PY" scripts/make_bench.py "$S" "$1" "$2" "$3" || bad "make_bench $*"; }
# run NAME SECONDS ARGS...: pbcheck ARGS, output in $tmp/NAME.out; sets
# ms and mb (peak resident size); fails past SECONDS.
run() {
	name=$1 limit=$2
	shift 2
	"$MEASURE" -m "$tmp/m" timeout "$limit" "$PBCHECK" "$@" \
	    >"$tmp/$name.out" 2>"$tmp/$name.err"
	read -r ms kb st _ <"$tmp/m"
	mb=$((kb / 1024))
	if [ "$st" -gt 2 ]; then
		bad "$name: exit $st after $ms ms (limit $limit s)"
		sed 's/^/  | /' "$tmp/$name.err" | head -5
	else
		ok
	fi
}
# under NAME MB: the last run's peak memory is below MB (not under ASan).
under() {
	[ "$asan" = 1 ] && return 0
	if [ "$mb" -lt "$2" ]; then ok; else bad "$1: peak $mb MB, want < $2 MB"; fi
}

gen city "$big" "$tmp/big.csv"
gen city "$small" "$tmp/small.csv"
gen wide 30000 "$tmp/wide.csv"
gen commas 5000000 "$tmp/commas.csv"
gen cell 20000000 "$tmp/cell.csv"

# A city-sized file in little memory, the same for a quarter of it: what
# is held is one project and what the report keeps, not the file.
run small 60 -q "$tmp/small.csv"
small_mb=$mb
run big 60 -q "$tmp/big.csv"
under "-q, $big projects" 32
big_mb=$mb
if [ "$asan" = 0 ] && [ $((mb - small_mb)) -ge 12 ]; then
	bad "-q: $small projects $small_mb MB, $big projects $mb MB: not flat"
else
	ok
fi
grep -q "^1 file, $big projects," "$tmp/big.out" && ok ||
    bad "-q, $big projects: totals line: $(tail -n 1 "$tmp/big.out")"
q_ms=$ms
run text 60 "$tmp/big.csv"
under "text, $big projects" 32
# Findings are spilled and merged back: the same lines, in line order.
grep ': \(error\|warning\|info\): ' "$tmp/big.out" >"$tmp/q.lines"
grep ': \(error\|warning\|info\): ' "$tmp/text.out" >"$tmp/t.lines"
cmp -s "$tmp/q.lines" "$tmp/t.lines" && ok ||
    bad "text and -q list different findings"
sort -t: -k2,2n -k3,3n -s "$tmp/q.lines" | cmp -s - "$tmp/q.lines" && ok ||
    bad "-q findings are not in line order"
[ "$(wc -l <"$tmp/q.lines")" -gt "$big" ] && ok || bad "-q: too few findings"

# JUnit in one pass: about as fast as -q, not projects times findings;
# and in the memory of -q: each testcase is written once its findings
# are passed, not kept (all of them took 67 MB here, -q 17 MB).
q_mb=$big_mb
if [ "$asan" = 0 ]; then
	run junit 120 -f junit "$tmp/big.csv"
	if [ "$ms" -le $((2 * q_ms + 500)) ]; then ok; else
		bad "junit: $ms ms, -q: $q_ms ms"
	fi
	if [ "$mb" -le $((q_mb + 4)) ]; then ok; else
		bad "junit: peak $mb MB, -q $q_mb MB: findings are held"
	fi
	[ "$(grep -c '<testcase ' "$tmp/junit.out")" -eq $((big + 1)) ] && ok ||
	    bad "junit: not $((big + 1)) testcases"
fi

# JSON and SARIF in the memory of -q too: each finding's object is
# spilled as it is passed and copied back at the end, not kept (all of
# them took 58 MB here, -q 20 MB); every finding of -q is in them.
nq=$(wc -l <"$tmp/q.lines")
for f in json sarif; do
	[ "$asan" = 1 ] && break
	run "$f" 120 -f "$f" "$tmp/big.csv"
	if [ "$mb" -le $((q_mb + 4)) ]; then ok; else
		bad "$f: peak $mb MB, -q $q_mb MB: findings are held"
	fi
	[ "$f" = json ] && key='^    {"rule": ' || key='^        {"ruleId": '
	[ "$(grep -c "$key" "$tmp/$f.out")" -eq "$nq" ] && ok ||
	    bad "$f: not the $nq findings of -q"
done

# One project of 30000 indicators: PB311 hashes, no pair of rows compared.
run wide 5 -q "$tmp/wide.csv"
grep -q "PB311" "$tmp/wide.out" && ok || bad "wide: no PB311"

# A 5 MB row of commas and a 20 MB cell end, in bounded memory.
run commas 10 -q "$tmp/commas.csv"
under "a 5 MB row of commas" 64
run cell 10 -q "$tmp/cell.csv"
under "a 20 MB cell" 72
grep -q "1 project" "$tmp/cell.out" && ok || bad "cell: $(tail -n 1 "$tmp/cell.out")"

# Standard input is read as it comes, and reads as the file does.
"$PBCHECK" -q - <"$tmp/small.csv" | sed 's/^<stdin>/F/' >"$tmp/stdin.out"
"$PBCHECK" -q "$tmp/small.csv" | sed "s|^$tmp/small.csv|F|" | cmp -s - "$tmp/stdin.out" &&
    ok || bad "standard input reads differently from the file"

# --encoding=auto on a file checks all of it; a pipe is decided by its
# first MiB (doc/pbcheck.1): an invalid byte past it is PB008 there.
{ cat "$tmp/small.csv"; printf '\377\n'; } >"$tmp/late.csv"
"$PBCHECK" -q "$tmp/late.csv" >"$tmp/late.out"
grep -q "1:1: info: the file is encoded in GB18030" "$tmp/late.out" && ok ||
    bad "a file with an invalid byte at its end is not read as GB18030"
cat "$tmp/late.csv" | "$PBCHECK" -q - >"$tmp/late.out"
grep -q "<stdin>:[0-9]*:1: error: invalid UTF-8 byte 0xFF" "$tmp/late.out" &&
    ! grep -q "PB007" "$tmp/late.out" && ok ||
    bad "a pipe valid UTF-8 for its first MiB is not read as UTF-8"

echo "scale: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
