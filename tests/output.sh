#!/bin/sh
# Output guarantees of every format: valid UTF-8 whatever the file names and cells, no raw control characters, and the reason an input could not be read.
# Usage: sh tests/output.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
# The JUnit and SARIF schemas: the repository's copies.
SCHEMAS=${SCHEMAS:-tests/schemas}
SAMPLE=data/chengde-2021/targets.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR CI

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
. tests/json_reports.sh
check() { if "$@" >"$tmp/log" 2>&1; then ok; else bad "$*"; sed 's/^/  | /' "$tmp/log" | head -8; fi; }
has() { if grep -q -- "$1" "$2"; then ok; else bad "no '$1' in $(basename "$2")"; fi; }
# utf8 FILE: the whole file decodes as strict UTF-8.
utf8() { check "$PYTHON" -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8", "strict")' "$1"; }
# nobyte HEX FILE: the byte 0xHEX does not occur in FILE.
nobyte() {
	if "$PYTHON" -c 'import sys; sys.exit(bytes([int(sys.argv[1], 16)]) in open(sys.argv[2], "rb").read())' "$1" "$2"
	then ok; else bad "byte 0x$1 in $(basename "$2")"; fi
}

# A file name in GBK, as a Chinese Windows zip unpacks it: 测试.csv.
GBK=$(printf '%s/\262\342\312\324.csv' "$tmp")
cp "$SAMPLE" "$GBK"
MISSING=$tmp/missing.csv

# JSON: valid for a GBK name; the unreadable file says why.
"$PBCHECK" -f json "$GBK" "$MISSING" "$SAMPLE" >"$tmp/o.json" 2>/dev/null
utf8 "$tmp/o.json"
check "$PYTHON" -m json.tool "$tmp/o.json"
check "$PYTHON" -c '
import json, sys
d = json.loads(open(sys.argv[1], "rb").read().decode("utf-8", "strict"))
f = d["files"]
assert len(f) == 3, f
assert f[0]["path"].endswith("/\ufffd\ufffd\ufffd\ufffd.csv"), f[0]["path"]
assert f[0]["readable"] is True and "error" not in f[0], f[0]
assert f[1]["readable"] is False, f[1]
assert f[1]["error"] == "No such file or directory", f[1]
assert {x["file"] for x in d["findings"]} == {f[0]["path"], f[2]["path"]}
' "$tmp/o.json"

# JUnit: well-formed and valid for a GBK name; <error> carries the reason.
"$PBCHECK" -f junit "$GBK" "$MISSING" "$SAMPLE" >"$tmp/o.xml" 2>/dev/null
check xmllint --noout "$tmp/o.xml"
if [ -n "$SCHEMAS" ]; then
	check xmllint --noout --schema "$SCHEMAS/junit-10.xsd" "$tmp/o.xml"
fi
has '<error message="the file cannot be opened or read: No such file or directory"' "$tmp/o.xml"
has "$(printf 'name="%s/\357\277\275\357\277\275\357\277\275\357\277\275.csv"' "$tmp")" "$tmp/o.xml"

# SARIF: valid; the URI keeps the name's bytes; a notification says why.
"$PBCHECK" -f sarif "$GBK" "$MISSING" "$SAMPLE" >"$tmp/o.sarif" 2>/dev/null
utf8 "$tmp/o.sarif"
if [ -n "$SCHEMAS" ]; then
	check "$PYTHON" tests/validate_json.py "$SCHEMAS/sarif-schema-2.1.0.json" "$tmp/o.sarif"
fi
check "$PYTHON" -c '
import json, sys
d = json.loads(open(sys.argv[1], "rb").read().decode("utf-8", "strict"))
run = d["runs"][0]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
assert any(u.endswith("/%B2%E2%CA%D4.csv") for u in uris), uris
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False
n = inv["toolExecutionNotifications"]
assert len(n) == 1, n
assert n[0]["message"]["text"].endswith("missing.csv: No such file or directory"), n[0]
assert n[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/missing.csv"), n[0]
' "$tmp/o.sarif"

# Text: valid UTF-8; a name that is not UTF-8 keeps its bytes as \xHH;
# the unreadable file has its own line with the reason, also with -q.
"$PBCHECK" --lang=en "$GBK" "$MISSING" "$SAMPLE" >"$tmp/o.txt" 2>/dev/null
utf8 "$tmp/o.txt"
has '/\\xb2\\xe2\\xca\\xd4\.csv:5:18: info: ' "$tmp/o.txt"
has "^$MISSING: error: cannot be read: No such file or directory$" "$tmp/o.txt"
"$PBCHECK" --lang=zh -q "$MISSING" "$SAMPLE" >"$tmp/o.txt" 2>/dev/null
has "^$MISSING: error: 无法读取：No such file or directory$" "$tmp/o.txt"

# Control characters in cells: ESC, BEL, DEL, CR and the C1 NEL in a
# 三级指标 and its description (PB308 quotes it) and in the project name.
"$PYTHON" -c '
import sys
src = open(sys.argv[1], encoding="utf-8").read().split("\n")
bad = "\x1b[2J\r\x07\x7f\u0085"
src[4] = src[4].replace("运行保障成本,运行保障成本", "\"运行保障成本%s\",\"运行保障成本%s\"" % (bad, bad))
src[4] = src[4].replace("辐射环境监测工作经费", "\"辐射环境监测工作经费%s\"" % bad)
open(sys.argv[2], "w", encoding="utf-8", newline="").write("\n".join(src))
' "$SAMPLE" "$tmp/ctl.csv"
"$PBCHECK" --lang=en -q "$tmp/ctl.csv" >"$tmp/q.txt" 2>/dev/null
for b in 1b 07 7f 0d; do nobyte $b "$tmp/q.txt"; done
has "ctl.csv:5:18: info: .*运行保障成本\\\\x1b\[2J\\\\r\\\\x07\\\\x7f\\\\u0085' only repeats" "$tmp/q.txt"
"$PBCHECK" --lang=en "$tmp/ctl.csv" >"$tmp/t.txt" 2>/dev/null
for b in 1b 07 7f 0d; do nobyte $b "$tmp/t.txt"; done
has '辐射环境监测工作经费\\x1b\[2J' "$tmp/t.txt"
check "$PYTHON" -c '
import sys
t = open(sys.argv[1], "rb").read().decode("utf-8", "strict")
assert "\u0085" not in t
' "$tmp/t.txt"
# JSON escapes them all, C1 included, and reads back to the same text.
"$PBCHECK" -f json "$tmp/ctl.csv" >"$tmp/c.json" 2>/dev/null
for b in 1b 07 7f 0d; do nobyte $b "$tmp/c.json"; done
check "$PYTHON" -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
assert b"\xc2\x85" not in raw
d = json.loads(raw.decode("utf-8", "strict"))
ind = d["projects"][0]["indicators"][3]
assert ind["level3"] == "运行保障成本\x1b[2J\r\x07\x7f\u0085", repr(ind["level3"])
' "$tmp/c.json"
# JUnit and SARIF: no raw C0 or DEL either.
"$PBCHECK" -f junit "$tmp/ctl.csv" >"$tmp/c.xml" 2>/dev/null
check xmllint --noout "$tmp/c.xml"
for b in 1b 07 7f; do nobyte $b "$tmp/c.xml"; done
"$PBCHECK" -f sarif "$tmp/ctl.csv" >"$tmp/c.sarif" 2>/dev/null
for b in 1b 07 7f 0d; do nobyte $b "$tmp/c.sarif"; done
check "$PYTHON" -m json.tool "$tmp/c.sarif"

# --statistics only adds to the formats that list statistics (text,
# JSON): every other report is the same with it as without it, on one
# file and on a batch with a missing file (JUnit once lost every finding
# with it: its findings came file by file no more).
for f in junit sarif csv html github gitlab; do
	for args in "$SAMPLE" "data/chengde-2021 $MISSING"; do
		# shellcheck disable=SC2086
		"$PBCHECK" -f "$f" $args >"$tmp/s0.out" 2>&1
		# shellcheck disable=SC2086
		"$PBCHECK" -f "$f" --statistics $args >"$tmp/s1.out" 2>&1
		if cmp -s "$tmp/s0.out" "$tmp/s1.out"; then ok; else
			bad "-f $f --statistics $args differs from -f $f"
			diff "$tmp/s0.out" "$tmp/s1.out" | head -4
		fi
	done
done

json_reports_check
echo "output: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
