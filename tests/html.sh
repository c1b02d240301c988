#!/bin/sh
# Tests of the HTML report (SPEC 5.6): the page as written, and with
# --browser the page as headless Chromium renders and prints it.
# Usage: sh tests/html.sh [--browser] PBCHECK
# --browser installs chromium and poppler-utils when missing (as root, with
# apt-get) and keeps a screenshot and a PDF in build/html/.
set -u
cd "$(dirname "$0")/.." || exit 2
BROWSER=
if [ "${1:-}" = --browser ]; then BROWSER=1; shift; fi
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
SAMPLE=data/chengde-2021/targets.csv
ART=build/html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if "$@"; then ok; else bad "$*"; fi; }
has() {
	if grep -q -- "$1" "$2"; then ok; else bad "no '$1' in $(basename "$2")"; fi
}
hasnt() {
	if grep -q -- "$1" "$2"; then bad "unexpected '$1' in $(basename "$2")"; else ok; fi
}

# expect_status WANT CMD...
expect_status() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "exit $got, want $want: $*"; sed 's/^/  | /' "$tmp/err" | head -5; fi
}

# A CSV whose cells try to inject markup: a script, an attribute break-out,
# the end of the style element, quotes, an ampersand and ESC.
"$PYTHON" - "$tmp/hostile.csv" <<'EOF'
import csv, sys
head = ("项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,"
        "10月底,12月底,目标1,一级指标,二级指标,三级指标,绩效指标描述,指标值,"
        "指标值确定依据").split(",")
row = ["571-0101-YBN-NFOY", "<script>alert(1)</script>", "15", "15", "",
       '"><img src=x onerror=alert(1)>', "", "50", "75", "100",
       "</style><b>goal</b>", "产出指标", "数量指标", "'q' & \x1b[2J",
       "<a href=\"https://evil.example/\">x</a>", "=1次",
       "<svg onload=alert(1)>"]
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(head)
    w.writerow(row)
EOF

# Rows tall enough that a page break would fall inside some, were rows
# allowed to break: two projects of 16 indicators, the descriptions
# 3 to 17 lines long when printed.
"$PYTHON" - "$tmp/tall.csv" <<'EOF'
import csv, sys
head = ("项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,"
        "10月底,12月底,目标1,一级指标,二级指标,三级指标,绩效指标描述,指标值,"
        "指标值确定依据").split(",")
levels = [("产出指标", "数量指标"), ("产出指标", "质量指标"),
          ("产出指标", "时效指标"), ("效果指标", "社会效益指标"),
          ("满意度指标", "服务对象满意度指标")]
text = "完成全市环境监测任务并按季度报送监测数据保障数据真实准确完整及时"
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(head)
    for p in range(2):
        for r in range(16):
            l1, l2 = levels[r * len(levels) // 16]
            w.writerow(["571-0101-YBN-TAL%d" % p if r == 0 else "",
                        "长行测试%d" % p, "20", "20", "", "用途", "", "50",
                        "75", "100", "目标", l1, l2,
                        "指标%d-%d" % (p + 1, r + 1),
                        "第%d项第%d行：" % (p + 1, r + 1) +
                        text * (2 + (r % 6) * 2), ">=%d次" % (r + 1),
                        "工作计划"])
EOF

# model NAME ARGS...: the page of ARGS agrees with the JSON report of the
# same ARGS (html_check.py model: band, projects table, links, badges,
# charts, findings, rowspans, print stylesheet). Keeps both in $tmp/NAME.*
model() {
	name=$1; shift
	"$PBCHECK" -f json "$@" >"$tmp/$name.json" 2>/dev/null
	"$PBCHECK" -f html "$@" >"$tmp/$name.html" 2>/dev/null
	check "$PYTHON" tests/html_check.py model "$tmp/$name.html" \
	    "$tmp/$name.json"
}
model sample "$SAMPLE"
model sample-zh --lang=zh "$SAMPLE"
model never --fail-on=never "$SAMPLE"
model info --fail-on=info "$SAMPLE"
model data --fail-on=warning data/ "$tmp/missing.csv"
model data-zh --lang=zh --no-config data/layouts
model hostile "$tmp/hostile.csv"
model tall "$tmp/tall.csv"

# The page as written: the sample in both languages, and to stdout.
expect_status 1 "$PBCHECK" -f html -o "$tmp/r.html" "$SAMPLE"
check "$PYTHON" tests/html_check.py sample "$tmp/r.html" 13
hasnt '<script' "$tmp/r.html"
has '<html lang="en">' "$tmp/r.html"
has 'id="result">fail</span>' "$tmp/r.html"
has 'write the basis, such as 计划标准 or 历史数据' "$tmp/r.html"
has '<div id="rule-PB309">' "$tmp/r.html"
expect_status 1 "$PBCHECK" -f html --lang=zh "$SAMPLE"
check "$PYTHON" tests/html_check.py sample "$tmp/out" 13
has '<html lang="zh-CN">' "$tmp/out"
has '填写指标值确定依据，如计划标准或历史数据' "$tmp/out"
# --fail-on decides the verdict the page shows.
expect_status 0 "$PBCHECK" -f html --fail-on=never "$SAMPLE"
has 'id="result">pass</span>' "$tmp/out"
# An unreadable input is named on the page, and the run fails.
expect_status 2 "$PBCHECK" -f html "$tmp/missing.csv"
has 'cannot be read' "$tmp/out"
check "$PYTHON" tests/html_check.py page "$tmp/out"
# The hostile cells are text.
expect_status 1 "$PBCHECK" -f html -o "$tmp/h.html" "$tmp/hostile.csv"
check "$PYTHON" tests/html_check.py hostile "$tmp/h.html"
hasnt '<script' "$tmp/h.html"
hasnt '<img' "$tmp/h.html"
if grep -q "$(printf '\033')" "$tmp/h.html"; then bad "raw ESC"; else ok; fi

# need_tool CMD PACKAGE: installs PACKAGE when CMD is missing.
need_tool() {
	command -v "$1" >/dev/null 2>&1 && return 0
	[ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
	echo "html: installing $2" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y \
	    --no-install-recommends "$2" >"$tmp/apt.log" 2>&1 ||
	    { apt-get update >>"$tmp/apt.log" 2>&1 &&
	    DEBIAN_FRONTEND=noninteractive apt-get install -y \
	    --no-install-recommends "$2" >>"$tmp/apt.log" 2>&1; } ||
	    { tail -3 "$tmp/apt.log" >&2; return 1; }
	command -v "$1" >/dev/null 2>&1
}

# chrome ARGS...: headless Chromium with its own profile.
chrome() {
	timeout 180 chromium --headless --no-sandbox --disable-gpu \
	    --no-first-run --disable-background-networking \
	    --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chrome.err"
}

if [ -n "$BROWSER" ]; then
	if ! need_tool chromium chromium; then
		echo "html: SKIPPED the browser tests: chromium is missing and cannot be installed"
	else
		mkdir -p "$ART"
		cp "$tmp/r.html" "$ART/report.html"
		# The DOM Chromium built: every project, chart and finding.
		chrome --dump-dom "file://$(pwd)/$ART/report.html" >"$tmp/dom.html"
		check "$PYTHON" tests/html_check.py sample "$tmp/dom.html" 13
		has '<svg class="chart"' "$tmp/dom.html"
		chrome --dump-dom "file://$tmp/h.html" >"$tmp/hdom.html"
		check "$PYTHON" tests/html_check.py hostile "$tmp/hdom.html"
		# A screenshot and the printed A4 pages, kept in build/html/.
		rm -f "$ART/report.png" "$ART/report.pdf"
		chrome --hide-scrollbars --window-size=1100,1500 \
		    --screenshot="$(pwd)/$ART/report.png" \
		    "file://$(pwd)/$ART/report.html" >/dev/null
		check test -s "$ART/report.png"
		chrome --no-pdf-header-footer \
		    --print-to-pdf="$(pwd)/$ART/report.pdf" \
		    "file://$(pwd)/$ART/report.html" >/dev/null
		check test -s "$ART/report.pdf"
		# The DOM agrees with the model too.
		check "$PYTHON" tests/html_check.py model "$tmp/dom.html" \
		    "$tmp/sample.json"
		if need_tool pdfinfo poppler-utils; then
			pages=$(pdfinfo "$ART/report.pdf" | awk '/^Pages:/ { print $2 }')
		else
			pages=$(grep -a -c '/Type */Page[^s]' "$ART/report.pdf")
		fi
		echo "html: $ART/report.pdf has ${pages:-0} A4 pages"
		# One project a page at least: a page break before each.
		if [ "${pages:-0}" -ge 13 ]; then ok; else
			bad "the PDF has ${pages:-0} pages, fewer than 13 projects"; fi
		# Per printed page: each project starts a page, no indicator
		# row and no findings row is cut across two pages; the sample,
		# and rows tall enough to be cut if they could be.
		chrome --no-pdf-header-footer \
		    --print-to-pdf="$tmp/tall.pdf" "file://$tmp/tall.html" \
		    >/dev/null
		if command -v pdftotext >/dev/null 2>&1; then
			pdftotext -layout "$ART/report.pdf" "$tmp/report.txt"
			check "$PYTHON" tests/html_check.py pdf "$tmp/report.txt" \
			    "$tmp/sample.json"
			pdftotext -layout "$tmp/tall.pdf" "$tmp/tall.txt"
			check "$PYTHON" tests/html_check.py pdf "$tmp/tall.txt" \
			    "$tmp/tall.json"
		else
			echo "html: SKIPPED the printed-page checks: no pdftotext"
		fi
	fi
fi

echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
