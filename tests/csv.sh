#!/bin/sh
# Canonical CSV as people save it: title rows, units, a header alone, broken quotes, bad bytes.
# Usage: sh tests/csv.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
D=data/chengde-2021
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
. tests/json_reports.sh
# expect STATUS FILE PATTERN: the last run's status, and a line of its output.
expect() {
	if [ "$st" -ne "$1" ]; then bad "$2: exit $st, want $1"; sed 's/^/  | /' "$tmp/out"; return; fi
	if grep -q -- "$3" "$tmp/out"; then ok; else bad "$2: no line '$3'"; sed 's/^/  | /' "$tmp/out"; fi
}
H='项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,10月底,12月底,目标1,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据'
P1='P1,项目一,10,10,0,用途,25,50,75,100,目标'
IND='产出指标,数量指标,完成数量,完成次数,=1次,工作计划'

# Title rows and bracketed units, as Excel saves a titled sheet: the
# sample reads the same, two lines down.
{
	printf '2021年度预算项目绩效目标表,,,,\r\n单位：万元,,,,\r\n'
	sed '1s/预算数/预算数（万元）/; 1s/财政资金/财政资金(万元)/; 1s/其他资金/其他资金[万元]/' "$D/targets.csv"
} >"$tmp/titled.csv"
"$PBCHECK" -q "$D/targets.csv" | sed 's/^[^ ]* //' | tail -n 1 >"$tmp/want"
"$PBCHECK" -q "$tmp/titled.csv" >"$tmp/out"; st=$?
expect 1 titled "$(cat "$tmp/want")"
"$PBCHECK" -q "$D/targets.csv" | awk -F: 'NF > 3 { print $2 + 2 ":" $3 ":" $4 ":" $5 }' >"$tmp/want"
awk -F: 'NF > 3 { print $2 ":" $3 ":" $4 ":" $5 }' "$tmp/out" | cmp -s - "$tmp/want" && ok ||
    bad "titled: findings differ from the sample's, two lines down"

# A header and nothing else is PB009 at the header, column 1.
printf '\n%s\n,,,\n\n' "$H" >"$tmp/empty.csv"
"$PBCHECK" -q "$tmp/empty.csv" >"$tmp/out"; st=$?
expect 1 PB009 "^$tmp/empty.csv:2:1: error: .*\[PB009\]$"

# No header and no form label: PB001 says what a header is.
printf '名称,金额\n项目一,10\n' >"$tmp/neither.csv"
"$PBCHECK" -q "$tmp/neither.csv" >"$tmp/out"; st=$?
expect 1 "no header" "^$tmp/neither.csv:1:1: error: .*at least five column names .*项目编码 (code).*\[PB001\]$"

# A broken quote in P2's second record (lines 4-5): PB001 where that record
# starts; P1 is checked, P2 (cut short) is not.
{
	printf '%s\n%s,%s\n' "$H" "$P1" "$IND"
	printf 'P2,项目二,5,5,0,用途,25,50,75,100,目标,%s\n' "$IND"
	printf ',,,,,,,,,,,产出指标,"质量\n指标"x,合格率,合格率,=100%%,工作计划\n'
	printf ',,,,,,,,,,,满意度指标,满意度指标,满意度,满意度,>=90%%,工作计划\n'
} >"$tmp/broken.csv"
"$PBCHECK" "$tmp/broken.csv" >"$tmp/out"; st=$?
expect 1 "broken quote" "^$tmp/broken.csv:4:13: error: .*not checked.*\[PB001\]$"
grep -q 'P1' "$tmp/out" && ok || bad "broken quote: P1 not checked"
if grep -q 'P2' "$tmp/out"; then bad "broken quote: P2 was checked"; sed 's/^/  | /' "$tmp/out"; else ok; fi

# A project dropped by a broken quote after a PB006 in its rows: that
# finding stays a file-level one and is not counted for the next file's
# first project.
{
	printf '%s\n%s,%s\n' "$H" "$P1" "$IND"
	printf ',,11,,,,,,,,,%s\n' "$IND"
	printf ',,,,,,,,,,,产出指标,"质量\n指标"x,合格率,合格率,=100%%,工作计划\n'
} >"$tmp/orphan.csv"
printf '%s\n%s,%s\n' "$H" "$(echo "$P1" | sed 's/^P1/P9/')" "$IND" >"$tmp/next.csv"
"$PBCHECK" -f json "$tmp/next.csv" | grep '"errors":' | head -1 >"$tmp/want"
"$PBCHECK" -f json "$tmp/orphan.csv" "$tmp/next.csv" >"$tmp/out"; st=$?
expect 1 "orphan" '"rule": "PB006"'
grep '"errors":' "$tmp/out" | head -1 | cmp -s - "$tmp/want" && ok ||
    { bad "orphan: the next file's first project counts the dropped project's PB006"; grep '"errors":' "$tmp/out" "$tmp/want"; }

# An invalid byte (GB18030 工 read as UTF-8) in line 4's third field is
# PB008 at 4:3, the field's number as for every CSV finding.
{
	printf '%s\n%s,%s\n,,,,,,,,,,,%s\n' "$H" "$P1" "$IND" "$IND"
	printf 'P2,项目二,5\271\244,5,0,用途,25,50,75,100,目标,%s\n' "$IND"
} >"$tmp/bytes.csv"
"$PBCHECK" -q --encoding=utf-8 "$tmp/bytes.csv" >"$tmp/out"; st=$?
expect 1 PB008 "^$tmp/bytes.csv:4:3: error: invalid UTF-8 byte 0xB9.*\[PB008\]$"

json_reports_check
echo "csv: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
