#!/bin/sh
# Black-box tests of the pbcheck command: golden reports, exit codes, options, stdin.
# Usage: sh tests/cli.sh PBCHECK   (UPDATE_GOLDEN=1 rewrites the golden files)
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
SAMPLE=data/chengde-2021/targets.csv
GB=data/chengde-2021/targets-gb18030.csv
GOLDEN=tests/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect_status WANT CMD...: runs CMD, output to $tmp/out and $tmp/err.
expect_status() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "exit $got, want $want: $*"; sed 's/^/  | /' "$tmp/err" | head -5; fi
}

# golden NAME: compares $tmp/out with tests/golden/NAME.
golden() {
	if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$tmp/out" "$GOLDEN/$1"; fi
	if cmp -s "$tmp/out" "$GOLDEN/$1"; then ok; else
		bad "output differs from $GOLDEN/$1"
		diff -u "$GOLDEN/$1" "$tmp/out" | head -20; fi
}

# has PATTERN FILE: grep -q with a message.
has() {
	if grep -q -- "$1" "$2"; then ok; else bad "no '$1' in $(basename "$2")"; fi
}
hasnt() {
	if grep -q -- "$1" "$2"; then bad "unexpected '$1' in $(basename "$2")"; else ok; fi
}

sum_before=$(cat "$SAMPLE" "$GB" | cksum)

# The sample: golden text in both languages, quiet, and JSON.
expect_status 1 "$PBCHECK" --lang=en "$SAMPLE"; golden chengde.out_text
expect_status 1 "$PBCHECK" --lang=zh "$SAMPLE"; golden chengde.out_text_zh
expect_status 1 "$PBCHECK" --lang=en -q "$SAMPLE"; golden chengde.out_quiet
expect_status 1 "$PBCHECK" -f json "$SAMPLE"; golden chengde.out_json
# The locale picks the language; --lang wins over it.
LANG=zh_CN.UTF-8 expect_status 1 "$PBCHECK" -q "$SAMPLE"; has "共 1 个文件" "$tmp/out"
LC_ALL=C LANG=zh_CN.UTF-8 expect_status 1 "$PBCHECK" -q "$SAMPLE"; has "1 file, 13 projects" "$tmp/out"
LANG=zh_CN.UTF-8 expect_status 1 "$PBCHECK" --lang=en -q "$SAMPLE"; has "1 file" "$tmp/out"

# The GB18030 copy: the same model, plus PB007.
expect_status 1 "$PBCHECK" --lang=en "$GB"; golden chengde-gb18030.out_text
has "1:1: info: .*GB18030.*\[PB007\]" "$tmp/out"
"$PBCHECK" -f json "$SAMPLE" | sed -n '/"projects": \[/,/"findings": \[/p' >"$tmp/pa"
"$PBCHECK" -f json "$GB" | sed 's/targets-gb18030/targets/' |
	sed -n '/"projects": \[/,/"findings": \[/p' >"$tmp/pb"
if cmp -s "$tmp/pa" "$tmp/pb"; then ok; else bad "GB18030 projects differ from UTF-8"; fi
expect_status 1 "$PBCHECK" --encoding=gb18030 -q "$GB"; has "PB007" "$tmp/out"
# Forcing UTF-8 on GB18030 bytes: invalid bytes are PB008 errors.
expect_status 1 "$PBCHECK" --encoding=utf-8 --lang=en "$GB"; has "error: invalid UTF-8 byte" "$tmp/out"

# Standard input is read as CSV and named <stdin>.
"$PBCHECK" --lang=en <"$SAMPLE" - >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 1 ]; then ok; else bad "stdin exit $st"; fi
has "^<stdin>:185:8: info: .*\[PB207\]" "$tmp/out"
sed 's#data/chengde-2021/targets.csv#<stdin>#' "$GOLDEN/chengde.out_text" >"$tmp/want"
if cmp -s "$tmp/out" "$tmp/want"; then ok; else bad "stdin report differs from the file's"; fi

# --fail-on sets the lowest severity that makes the status 1.
expect_status 1 "$PBCHECK" --fail-on=info -q "$SAMPLE"
expect_status 1 "$PBCHECK" --fail-on=warning -q "$SAMPLE"
# Only the PB309 error fails the default gate: without it the status is 0.
expect_status 0 "$PBCHECK" --disable=PB309 -q "$SAMPLE"
expect_status 1 "$PBCHECK" --disable=PB309 --fail-on=warning -q "$SAMPLE"
expect_status 0 "$PBCHECK" --fail-on=never -q "$SAMPLE"

# Usage errors are status 2 with a message on stderr.
expect_status 2 "$PBCHECK" --no-such-option "$SAMPLE"
expect_status 2 "$PBCHECK" --fail-on=sometimes "$SAMPLE"; has "fail-on" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=fr "$SAMPLE"; has "lang" "$tmp/err"
expect_status 2 "$PBCHECK" --encoding=latin9 "$SAMPLE"; has "encoding" "$tmp/err"
expect_status 2 "$PBCHECK" -f yaml "$SAMPLE"; has "format" "$tmp/err"
expect_status 2 "$PBCHECK"; has "no input" "$tmp/err"
expect_status 0 "$PBCHECK" -h; has "usage: pbcheck" "$tmp/out"
expect_status 0 "$PBCHECK" --help; has "fail-on" "$tmp/out"
expect_status 0 "$PBCHECK" -V; has "^pbcheck [0-9]" "$tmp/out"

# An unreadable input is status 2; the other inputs are still checked.
expect_status 2 "$PBCHECK" --lang=en "$tmp/missing.csv" "$SAMPLE"
has "missing.csv" "$tmp/err"; has "1:1\|PB205" "$tmp/out"; has "2 files, 13 projects" "$tmp/out"
# A directory is searched; a file there that cannot be read is status 2.
mkdir -p "$tmp/dir/sub" "$tmp/dir/.hidden"
cp "$SAMPLE" "$tmp/dir/sub/a.csv"; cp "$SAMPLE" "$tmp/dir/.hidden/b.csv"
expect_status 1 "$PBCHECK" --lang=en -q "$tmp/dir"; has "1 file, 13 projects" "$tmp/out"
expect_status 2 "$PBCHECK" -f json "$tmp/missing.csv"
has '"readable": false' "$tmp/out"

# Malformed CSV is a PB001 finding with line and column, status 1.
head -1 "$SAMPLE" >"$tmp/quote.csv"; printf '571-0101-YBN-NFOY,a"b\n' >>"$tmp/quote.csv"
expect_status 1 "$PBCHECK" --lang=en "$tmp/quote.csv"; has 'quote.csv:2:2: error: .*\[PB001\]' "$tmp/out"
cp "$SAMPLE" "$tmp/open.csv"; printf '571-0601-YBN-GZGQ,"never closed\n' >>"$tmp/open.csv"
expect_status 1 "$PBCHECK" --lang=en "$tmp/open.csv"; has 'PB001' "$tmp/out"
# A missing required column is PB002 at the header, and nothing more.
cut -d, -f1-2,4- "$SAMPLE" >"$tmp/nobudget.csv"
expect_status 1 "$PBCHECK" --lang=en -q "$tmp/nobudget.csv"
has "nobudget.csv:1:1: error: .*预算数.*\[PB002\]" "$tmp/out"; has "0 projects" "$tmp/out"
# Empty and binary input never crash.
: >"$tmp/empty.csv"
expect_status 1 "$PBCHECK" --lang=en "$tmp/empty.csv"; has "PB001" "$tmp/out"
head -c 4096 "$PBCHECK" >"$tmp/binary.csv"
"$PBCHECK" -q "$tmp/binary.csv" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 1 ]; then ok; else bad "binary input exit $st"; fi

# The same code in two inputs of one run is PB005.
expect_status 1 "$PBCHECK" --lang=en -q "$SAMPLE" "$GB"
has "targets-gb18030.csv:2:1: error: .*571-0101-YBN-NFOY.*\[PB005\]" "$tmp/out"

# pbcheck never writes to its inputs.
if [ "$(cat "$SAMPLE" "$GB" | cksum)" = "$sum_before" ]; then ok; else bad "an input changed"; fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
