#!/bin/sh
# Black-box tests of rule selection, settings comments, settings errors in both languages and the sample's pbcheck.conf.
# Usage: sh tests/settings.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
SAMPLE=data/chengde-2021/targets.csv
CONF=data/chengde-2021/pbcheck.conf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_status() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "exit $got, want $want: $*"; sed 's/^/  | /' "$tmp/err" | head -5; fi
}
has() {
	if grep -q -- "$1" "$2"; then ok; else
		bad "no '$1' in $(basename "$2")"; sed 's/^/  | /' "$2" | head -5; fi
}
hasnt() {
	if grep -q -- "$1" "$2"; then bad "'$1' in $(basename "$2")"; else ok; fi
}

# 1. A prefix shorter than a family, or an empty item, is a usage error
# naming it, in --disable, --enable, --severity and the settings file.
for opt in --disable=P --disable=PB --enable=pb --disable=PB4,P \
    --enable=PB4，PB; do
	expect_status 2 "$PBCHECK" --lang=en "$opt" "$SAMPLE"
	has "is shorter than a rule family" "$tmp/err"
	hasnt "^data/" "$tmp/out"
done
expect_status 2 "$PBCHECK" --lang=en --severity=PB=off "$SAMPLE"
has "^pbcheck: --severity: 'PB' is shorter" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=en --disable= "$SAMPLE"
has "^pbcheck: --disable: no rule id given" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=en --disable=PB4,,PB5 "$SAMPLE"
has "'PB4,,PB5': item 2 is empty" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=en --enable=PB4, "$SAMPLE"
has "'PB4,': item 2 is empty" "$tmp/err"
printf '[rules]\ndisable = PB\n' >"$tmp/p.conf"
expect_status 2 "$PBCHECK" --lang=en --config="$tmp/p.conf" "$SAMPLE"
has "p.conf:2: 'PB' is shorter than a rule family" "$tmp/err"
printf '[rules]\n\ndisable =\n' >"$tmp/p.conf"
expect_status 2 "$PBCHECK" --lang=en --config="$tmp/p.conf" "$SAMPLE"
has "p.conf:3: no rule id given" "$tmp/err"
# Full-width comma and 、 still separate; a family of three characters is enough.
expect_status 0 "$PBCHECK" --lang=en -q --disable=PB309，PB4、PB5 "$SAMPLE"
hasnt "PB309\|PB4[01]\|PB5[0-9]" "$tmp/out"
expect_status 0 "$PBCHECK" --lang=en -q --disable=pb3 "$SAMPLE"

# 2. --enable switches a rule on at its default severity, also after a
# --severity; a later --severity still wins.
expect_status 1 "$PBCHECK" --lang=en -q --severity=PB309=warning \
    --enable=PB309 "$SAMPLE"
has "error: .*\[PB309\]" "$tmp/out"
expect_status 0 "$PBCHECK" --lang=en -q --enable=PB309 \
    --severity=PB309=warning "$SAMPLE"
has "warning: .*\[PB309\]" "$tmp/out"
expect_status 0 "$PBCHECK" --lang=en --disable=PB4 --enable=PB401 --list-rules
has "^PB401  error    on " "$tmp/out"
has "^PB402  error    off " "$tmp/out"
has "^PB409  warning  off " "$tmp/out"
printf '[rules]\nseverity.PB309 = info\n' >"$tmp/s.conf"
expect_status 1 "$PBCHECK" --lang=en -q --config="$tmp/s.conf" --enable=PB3 \
    "$SAMPLE"
has "error: .*\[PB309\]" "$tmp/out"

# 3. Comments: a whole line, or from a ; or # after white space; a # with
# no space before it stays in a regular expression.
cat >"$tmp/c.conf" <<'CONF'
  # settings with comments
[rules] ; rule selection
disable = PB308 ; old rule
severity.PB309 = info	# tab before the comment
[thresholds]
code_pattern = ^[0-9]#x$
CONF
expect_status 0 "$PBCHECK" --lang=en -q --config="$tmp/c.conf" "$SAMPLE"
hasnt "PB308" "$tmp/out"
has "info: .*\[PB309\]" "$tmp/out"
has "code pattern \^\[0-9\]#x\$ \[PB102\]" "$tmp/out"

# 4. Settings errors follow the message language (--lang, then LANG).
printf '[rules]\nfoo = 1\n' >"$tmp/bad.conf"
expect_status 2 "$PBCHECK" --lang=en --config="$tmp/bad.conf" "$SAMPLE"
has "bad.conf:2: unknown key 'foo' in \[rules\]" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh --config="$tmp/bad.conf" "$SAMPLE"
has "bad.conf:2: 未知的键“foo”（在 \[rules\] 中）" "$tmp/err"
expect_status 2 env LANG=zh_CN.UTF-8 "$PBCHECK" --config="$tmp/bad.conf" \
    "$SAMPLE"
has "未知的键" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh --disable=PB9 "$SAMPLE"
has "“PB9”不是任何规则" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh --severity=PB204=loud "$SAMPLE"
has "PB204：“loud”不是严重程度" "$tmp/err"

# 5. PB102: the default pattern takes any province's code; the sample's
# pbcheck.conf gives this city's exact shape.
sed 's/^571-0101-YBN-NFOY,/571-101-YBN-NFOY,/' "$SAMPLE" >"$tmp/code.csv"
if grep -q '^571-101-YBN-NFOY,' "$tmp/code.csv"; then ok; else
	bad "could not make a code of another shape"; fi
expect_status 1 "$PBCHECK" --lang=en -q "$tmp/code.csv"
hasnt "PB102" "$tmp/out"
expect_status 1 "$PBCHECK" --lang=en -q --config="$CONF" "$tmp/code.csv"
has "warning: .*'571-101-YBN-NFOY'.*\[PB102\]" "$tmp/out"
expect_status 1 "$PBCHECK" --lang=en -q --config="$CONF" "$SAMPLE"
hasnt "PB102" "$tmp/out"
has "1 error, 1 warning, 65 infos" "$tmp/out"

echo "settings: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
