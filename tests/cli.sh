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
. tests/json_reports.sh

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

# UTF-16 with a BOM, either byte order: the same model, plus PB007.
for enc in UTF-16LE UTF-16BE; do
	if [ $enc = UTF-16LE ]; then printf '\377\376'; else printf '\376\377'; fi >"$tmp/u16.csv"
	iconv -f UTF-8 -t $enc "$SAMPLE" >>"$tmp/u16.csv"
	expect_status 1 "$PBCHECK" --lang=en -q "$tmp/u16.csv"
	has "u16.csv:1:1: info: the file is encoded in $enc" "$tmp/out"
	has "13 projects, 119 indicators: 1 error, 1 warning, 66 infos" "$tmp/out"
done

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
head -c 4096 "$JSON_REAL" >"$tmp/binary.csv"
"$PBCHECK" -q "$tmp/binary.csv" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 1 ]; then ok; else bad "binary input exit $st"; fi

# The same code in two inputs of one run is PB005.
expect_status 1 "$PBCHECK" --lang=en -q "$SAMPLE" "$GB"
has "targets-gb18030.csv:2:1: error: .*571-0101-YBN-NFOY.*\[PB005\]" "$tmp/out"

# Rule controls: --list-rules, --explain, --disable/--enable/--severity.
expect_status 0 "$PBCHECK" --list-rules --lang=en
# The list is the rule table of src/rules.c and the man page's, exactly.
cut -c1-5 "$tmp/out" >"$tmp/listed"
grep -o '^	\[RULE_PB[0-9]\{3\}\] = { "PB[0-9]\{3\}"' src/rules.c | grep -o 'PB[0-9]*"' | tr -d '"' >"$tmp/table"
grep -o '^\.It PB[0-9]\{3\} ' doc/pbcheck.1 | cut -c5-9 >"$tmp/man"
if [ -s "$tmp/table" ] && cmp -s "$tmp/listed" "$tmp/table"; then ok; else bad "--list-rules differs from src/rules.c"; fi
if [ -s "$tmp/man" ] && cmp -s "$tmp/listed" "$tmp/man"; then ok; else bad "--list-rules differs from doc/pbcheck.1"; fi
for id in PB009 PB010; do grep -q "^$id " "$tmp/out" || bad "--list-rules lacks $id"; done; ok
n=$(wc -l <"$tmp/out"); if [ "$n" -eq 56 ]; then ok; else bad "--list-rules: $n lines"; fi
has "^PB409  warning  on             " "$tmp/out"
expect_status 0 "$PBCHECK" --list-rules --disable=PB4 --severity=PB309=warning
has "^PB401  error    off" "$tmp/out"; has "^PB309  error    on (warning)" "$tmp/out"
expect_status 0 "$PBCHECK" --explain=PB409 --lang=en; has "^PB409 (warning)" "$tmp/out"; has "^Why: " "$tmp/out"; has "^Fixed: " "$tmp/out"
expect_status 0 "$PBCHECK" --explain=pb205 --lang=zh; has "^依据：" "$tmp/out"
expect_status 2 "$PBCHECK" --explain=PB999; has "PB999" "$tmp/err"
expect_status 0 "$PBCHECK" --disable=PB309 -q "$SAMPLE"; hasnt "PB309" "$tmp/out"
expect_status 0 "$PBCHECK" --severity=PB309=warning -q "$SAMPLE"; has "warning: .*\[PB309\]" "$tmp/out"
expect_status 1 "$PBCHECK" --severity=PB309=warning --fail-on=warning -q "$SAMPLE"
expect_status 0 "$PBCHECK" --disable=PB3,PB4,PB5 --lang=en -q "$SAMPLE"; has "0 errors, 0 warnings, 5 infos" "$tmp/out"
expect_status 0 "$PBCHECK" --disable=PB3，PB4、PB5 --enable=PB413 --lang=en -q "$SAMPLE"; has "0 errors, 0 warnings, 6 infos" "$tmp/out"
expect_status 2 "$PBCHECK" --disable=PX1 "$SAMPLE"; has "PX1" "$tmp/err"
expect_status 2 "$PBCHECK" --severity=PB309 "$SAMPLE"; has "ID=LEVEL" "$tmp/err"
expect_status 2 "$PBCHECK" --severity=PB309=loud "$SAMPLE"; has "loud" "$tmp/err"

# pbcheck.conf: found beside the input or given by --config; errors name
# the file and line and are status 2.
cat >"$tmp/pbcheck.conf" <<'CONF'
# Settings of the Chengde review.
[rules]
disable = PB308, PB412
severity.PB309 = warning

[thresholds]
satisfaction_min = 70
midyear_min = 0
budget_tolerance = 0.01
code_pattern = ^571-[0-9]{4}-YBN-[0-9A-Z]{4}$

[bases]
accept = 单位日常工作需要, 工资核定数，发放期限
CONF
# Found beside the input (SPEC 1), kept out of $tmp's other inputs.
mkdir "$tmp/near" && mv "$tmp/pbcheck.conf" "$tmp/near/" && cp "$SAMPLE" "$tmp/near/"
(cd "$tmp" && "$PBCHECK" --lang=en -q near/targets.csv) >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 0 ]; then ok; else bad "conf beside the input: exit $st"; fi
hasnt "PB308\|PB412\|PB407\|PB207" "$tmp/out"; has "warning: .*\[PB309\]" "$tmp/out"
has "0 errors, 2 warnings, 16 infos" "$tmp/out"
expect_status 0 "$PBCHECK" --config="$tmp/near/pbcheck.conf" --enable=PB308 --lang=en -q "$SAMPLE"
has "PB308" "$tmp/out"
printf '[rules]\ndisable = PB308\n[thresholds]\ncode_pattern = ^X$\n' >"$tmp/code.conf"
expect_status 0 "$PBCHECK" --config="$tmp/code.conf" --disable=PB309 --lang=en -q "$SAMPLE"
has "PB102" "$tmp/out"
printf '[rules]\ndisable = PB308\n\n[thresholds]\nsatisfaction = 70\n' >"$tmp/bad.conf"
expect_status 2 "$PBCHECK" --config="$tmp/bad.conf" "$SAMPLE"; has "bad.conf:5: unknown key 'satisfaction'" "$tmp/err"
printf '[limits]\n' >"$tmp/bad.conf"
expect_status 2 "$PBCHECK" --config="$tmp/bad.conf" "$SAMPLE"; has "bad.conf:1: unknown section" "$tmp/err"
printf '[thresholds]\nmidyear_min = half\n' >"$tmp/bad.conf"
expect_status 2 "$PBCHECK" --config="$tmp/bad.conf" "$SAMPLE"; has "bad.conf:2: .*'half' is not a number" "$tmp/err"
printf '[thresholds]\ncode_pattern = [\n' >"$tmp/bad.conf"
expect_status 2 "$PBCHECK" --config="$tmp/bad.conf" "$SAMPLE"; has "bad.conf:2: code_pattern" "$tmp/err"
printf '[rules]\ndisable = PB9\n' >"$tmp/bad.conf"
expect_status 2 "$PBCHECK" --config="$tmp/bad.conf" "$SAMPLE"; has "bad.conf:2: 'PB9' names no rule" "$tmp/err"
expect_status 2 "$PBCHECK" --config="$tmp/none.conf" "$SAMPLE"; has "none.conf" "$tmp/err"

# Colour: never when piped unless asked; NO_COLOR is honoured.
expect_status 1 "$PBCHECK" -q "$SAMPLE"; hasnt "$(printf '\033')" "$tmp/out"
expect_status 1 "$PBCHECK" --color=always -q "$SAMPLE"; has "$(printf '\033')\[1;31merror" "$tmp/out"
expect_status 2 "$PBCHECK" --color=sometimes "$SAMPLE"
if command -v script >/dev/null 2>&1; then
	script -qec "$PBCHECK -q $SAMPLE" /dev/null >"$tmp/tty" 2>&1
	has "$(printf '\033')\[1;31merror" "$tmp/tty"
	NO_COLOR=1 script -qec "$PBCHECK -q $SAMPLE" /dev/null >"$tmp/tty" 2>&1
	hasnt "$(printf '\033')\[1;31m" "$tmp/tty"
fi

# JSON in Chinese: the messages change language, nothing else.
expect_status 1 "$PBCHECK" -f json --lang=zh "$SAMPLE"; golden chengde.out_json_zh

# pbcheck never writes to its inputs.
if [ "$(cat "$SAMPLE" "$GB" | cksum)" = "$sum_before" ]; then ok; else bad "an input changed"; fi

# The repository stands alone: nothing make check runs reads ../shared,
# save data_check.sh's optional comparison with the original seed.
refs=$(grep -rn '\.\./shared' Makefile tests scripts 2>/dev/null |
    grep -v '^tests/data_check.sh:.*ORIGINAL=' | grep -v '^tests/cli.sh:')
if [ -z "$refs" ]; then ok; else
	bad "make check reads ../shared:"; echo "$refs" | head -5; fi

json_reports_check
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
