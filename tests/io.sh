#!/bin/sh
# Trust at the edges: how -o writes, what counts as an input, files known by their bytes, messages in both languages.
# Usage: sh tests/io.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
SAMPLE=data/chengde-2021/targets.csv
DOCX=data/chengde-2021/targets.docx
DUMP=data/chengde-2021/targets.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR CI

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
has() {
	if grep -q -- "$1" "$2"; then ok; else bad "no '$1' in $(basename "$2")"; fi
}
hasnt() {
	if grep -q -- "$1" "$2"; then bad "unexpected '$1' in $(basename "$2")"; else ok; fi
}
# is_mode WANT FILE: the permission bits of FILE.
is_mode() {
	m=$(stat -c %a "$2")
	if [ "$m" = "$1" ]; then ok; else bad "$(basename "$2"): mode $m, want $1"; fi
}

"$PBCHECK" --lang=en -q "$SAMPLE" >"$tmp/want" 2>/dev/null

# -o over a regular file: replaced, its mode kept.
echo old >"$tmp/kept.txt"; chmod 0640 "$tmp/kept.txt"
expect_status 1 "$PBCHECK" --lang=en -q -o "$tmp/kept.txt" "$SAMPLE"
if cmp -s "$tmp/kept.txt" "$tmp/want"; then ok; else bad "-o file: not the report"; fi
is_mode 640 "$tmp/kept.txt"
# A new file gets 0666 & ~umask.
(umask 022; "$PBCHECK" -q -o "$tmp/new022.txt" "$SAMPLE" >/dev/null 2>&1)
is_mode 644 "$tmp/new022.txt"
(umask 077; "$PBCHECK" -q -o "$tmp/new077.txt" "$SAMPLE" >/dev/null 2>&1)
is_mode 600 "$tmp/new077.txt"
# No temporary file is left beside it.
n=$(ls "$tmp" | grep -c 'XXXXXX\|\.txt\.')
if [ "$n" -eq 0 ]; then ok; else bad "-o left a temporary file"; fi

# Through a symlink the file it points to is replaced; the link stays.
echo old >"$tmp/real.txt"; chmod 0604 "$tmp/real.txt"
ln -s real.txt "$tmp/link.txt"
expect_status 1 "$PBCHECK" --lang=en -q -o "$tmp/link.txt" "$SAMPLE"
if [ -L "$tmp/link.txt" ]; then ok; else bad "-o replaced the symlink"; fi
if cmp -s "$tmp/real.txt" "$tmp/want"; then ok; else bad "-o link: target not the report"; fi
is_mode 604 "$tmp/real.txt"
# A dangling link: its target is created.
ln -s made.txt "$tmp/dangling.txt"
expect_status 1 "$PBCHECK" --lang=en -q -o "$tmp/dangling.txt" "$SAMPLE"
if [ -L "$tmp/dangling.txt" ] && cmp -s "$tmp/made.txt" "$tmp/want"; then ok; else
	bad "-o dangling link: target not created"; fi
# Never over an input, also through a link; never over a directory.
ln -s "$(pwd)/$SAMPLE" "$tmp/input-link.csv"
sum=$(cksum <"$SAMPLE")
expect_status 2 "$PBCHECK" -q -o "$tmp/input-link.csv" "$SAMPLE"; has "one of the inputs" "$tmp/err"
if [ -L "$tmp/input-link.csv" ] && [ "$(cksum <"$SAMPLE")" = "$sum" ]; then ok; else bad "-o wrote an input"; fi
mkdir "$tmp/outdir"
expect_status 2 "$PBCHECK" -q -o "$tmp/outdir" "$SAMPLE"; has "outdir: Is a directory" "$tmp/err"
if [ -d "$tmp/outdir" ]; then ok; else bad "-o replaced a directory"; fi

# A FIFO is written, not replaced: its reader gets the report.
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fifo.out" &
reader=$!
expect_status 1 timeout 20 "$PBCHECK" --lang=en -q -o "$tmp/fifo" "$SAMPLE"
# If pbcheck replaced the FIFO, the reader still waits: open it to end it.
if [ -p "$tmp/fifo" ]; then ok; else bad "-o replaced the FIFO"; : >"$tmp/fifo" & fi
( sleep 10; kill "$reader" 2>/dev/null ) & killer=$!
wait "$reader"; kill "$killer" 2>/dev/null
if cmp -s "$tmp/fifo.out" "$tmp/want"; then ok; else bad "-o FIFO: the reader did not get the report"; fi
# A descriptor by name: /dev/fd/N is that descriptor.
expect_status 1 "$PBCHECK" --lang=en -q -o /dev/fd/3 "$SAMPLE" 3>"$tmp/fd3.out"
if cmp -s "$tmp/fd3.out" "$tmp/want"; then ok; else bad "-o /dev/fd/3: not the report"; fi
# A Unix socket is connected to and written.
if "$PYTHON" -c 'import socket' 2>/dev/null; then
	"$PYTHON" - "$tmp/sock" "$tmp/sock.out" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(sys.argv[1]); s.listen(1); s.settimeout(20)
c, _ = s.accept()
with open(sys.argv[2], "wb") as f:
    while True:
        b = c.recv(65536)
        if not b:
            break
        f.write(b)
PY
	server=$!
	i=0; while [ ! -S "$tmp/sock" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	expect_status 1 timeout 20 "$PBCHECK" --lang=en -q -o "$tmp/sock" "$SAMPLE"
	wait "$server"
	if [ -S "$tmp/sock" ] && cmp -s "$tmp/sock.out" "$tmp/want"; then ok; else bad "-o socket: not the report"; fi
fi

# Nothing checked is never a pass: no input file is status 2.
mkdir -p "$tmp/empty" "$tmp/other/sub"; echo x >"$tmp/other/sub/notes.md"
expect_status 2 "$PBCHECK" --lang=en "$tmp/empty"
has "pbcheck: no input file found in $tmp/empty (looked for \*.csv, \*.txt, \*.docx, \*.xlsx)" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=en "$tmp/empty" "$tmp/other"; has "other" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh "$tmp/empty"; has "中没有找到输入文件" "$tmp/err"
# The other inputs are still checked; JSON lists the directory unreadable.
expect_status 2 "$PBCHECK" --lang=en -q "$tmp/empty" "$SAMPLE"; has "2 files, 13 projects" "$tmp/out"
expect_status 2 "$PBCHECK" -f json "$tmp/empty"
has '"path": "'"$tmp"'/empty".*"readable": false' "$tmp/out"

# The same file named twice is read once, not a PB005.
mkdir "$tmp/same"; cp "$SAMPLE" "$tmp/same/a.csv"; ln -s a.csv "$tmp/same/b.csv"
(cd "$tmp/same" && "$PBCHECK" --lang=en -q a.csv ./a.csv) >"$tmp/out" 2>&1
hasnt "PB005" "$tmp/out"; has "^1 file, 13 projects" "$tmp/out"
expect_status 1 "$PBCHECK" --lang=en -q "$tmp/same/a.csv" "$tmp/same"
hasnt "PB005" "$tmp/out"; has "^1 file, 13 projects" "$tmp/out"
expect_status 1 "$PBCHECK" --lang=en -f json "$tmp/same/b.csv" "$tmp/same/a.csv"
hasnt "PB005" "$tmp/out"; has '"path": "'"$tmp"'/same/b.csv"' "$tmp/out"; hasnt '"path": "'"$tmp"'/same/a.csv"' "$tmp/out"
# A real copy is another file: PB005 stays.
cp "$SAMPLE" "$tmp/same/copy.csv"
expect_status 1 "$PBCHECK" --lang=en -q "$tmp/same/a.csv" "$tmp/same/copy.csv"; has "PB005" "$tmp/out"

# Files are known by their bytes: a .docx named .csv is a .docx.
cp "$DOCX" "$tmp/word.csv"
expect_status 1 "$PBCHECK" -f json "$tmp/word.csv"
has '"format": "docx"' "$tmp/out"; has '"projects": 13' "$tmp/out"; hasnt "PB008" "$tmp/out"
# A CSV named .docx is read as CSV, a text dump named .docx as the dump.
cp "$SAMPLE" "$tmp/csv.docx"; cp "$DUMP" "$tmp/dump.docx"
expect_status 1 "$PBCHECK" -f json "$tmp/csv.docx" "$tmp/dump.docx"
has '"format": "csv"' "$tmp/out"; has '"format": "text"' "$tmp/out"
has '"summary": {"files": 2, "projects": 26' "$tmp/out"
# Legacy Office, PDF, images, binaries: PB001 saying what and how; the
# other inputs still checked; no PB008 cascade.
printf '\320\317\021\340\241\261\032\341\0\0W\0o\0r\0k\0b\0o\0o\0k\0\0\0' >"$tmp/budget.csv"
printf '\320\317\021\340\241\261\032\341\0\0W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0' >"$tmp/form.docx"
printf '%%PDF-1.7\n%%\342\343\317\323\n' >"$tmp/scan.docx"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$tmp/photo.csv"
head -c 4096 "$JSON_REAL" >"$tmp/program.csv"
expect_status 1 "$PBCHECK" --lang=en "$tmp/budget.csv" "$tmp/form.docx" "$tmp/scan.docx" "$tmp/photo.csv" "$tmp/program.csv" "$SAMPLE"
has "budget.csv:1:1: error: .*a legacy Excel .xls file (OLE2); open it in Excel or LibreOffice and save it as .xlsx \[PB001\]" "$tmp/out"
has "form.docx:1:1: error: .*a legacy Word .doc file (OLE2); open it in Word or LibreOffice and save it as .docx \[PB001\]" "$tmp/out"
has "scan.docx:1:1: error: .*a PDF document; export the table from the original document as .docx, .xlsx or CSV \[PB001\]" "$tmp/out"
has "photo.csv:1:1: error: .*a PNG image" "$tmp/out"
has "program.csv:1:1: error: .*executable program (ELF)" "$tmp/out"
hasnt "PB008" "$tmp/out"; has "6 files, 13 projects" "$tmp/out"
expect_status 1 "$PBCHECK" --lang=zh "$tmp/budget.csv"; has "旧版 Excel .xls 文件（OLE2 格式）" "$tmp/out"
expect_status 1 "$PBCHECK" -f json "$tmp/budget.csv" "$tmp/scan.docx"
has '"format": "xls"' "$tmp/out"; has '"format": "pdf"' "$tmp/out"
if "$PYTHON" -c 'import zipfile' 2>/dev/null; then
	"$PYTHON" -c 'import sys, zipfile
zipfile.ZipFile(sys.argv[1], "w").writestr("notes.txt", "hello")
zipfile.ZipFile(sys.argv[2], "w").writestr("xl/workbook.xml", "<workbook/>")' \
	    "$tmp/archive.docx" "$tmp/book.docx"
	expect_status 1 "$PBCHECK" --lang=en "$tmp/archive.docx"
	has "archive.docx:1:1: error: .*a zip archive that is neither a Word .docx nor an Excel .xlsx" "$tmp/out"
	# A workbook named .docx goes to the workbook reader (this one has no
	# sheet: PB001 from it, not from the Word reader).
	expect_status 1 "$PBCHECK" --lang=en -f json "$tmp/book.docx"
	has '"format": "xlsx"' "$tmp/out"; has '"rule": "PB001"' "$tmp/out"; hasnt 'word/document.xml' "$tmp/out"
	# The sample workbook named .csv is read as a workbook.
	cp data/chengde-2021/targets.xlsx "$tmp/workbook.csv"
	expect_status 1 "$PBCHECK" --lang=en -q "$tmp/workbook.csv"; has "13 projects, 119 indicators" "$tmp/out"
fi

# Unreadable inputs say why, in the message language.
expect_status 2 "$PBCHECK" --lang=en "$tmp/missing.csv"; has "^pbcheck: $tmp/missing.csv: No such file or directory$" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh "$tmp/missing.csv"; has "^pbcheck: $tmp/missing.csv: 没有该文件或目录$" "$tmp/err"

# Both languages in every message: --help, usage errors, before --lang too.
expect_status 0 "$PBCHECK" --lang=zh --help; has "^用法：pbcheck" "$tmp/out"; has "退出状态" "$tmp/out"
expect_status 0 "$PBCHECK" --lang zh -h; has "^用法：pbcheck" "$tmp/out"
LANG=zh_CN.UTF-8 expect_status 0 "$PBCHECK" --help; has "^用法：pbcheck" "$tmp/out"
expect_status 0 "$PBCHECK" --lang=en --help; has "^usage: pbcheck" "$tmp/out"
LANG=zh_CN.UTF-8 expect_status 2 "$PBCHECK" --bogus "$SAMPLE"
has "^pbcheck: 未知选项 '--bogus'" "$tmp/err"; has "pbcheck --help" "$tmp/err"; hasnt "unrecognized" "$tmp/err"
expect_status 2 "$PBCHECK" --bogus --lang=zh "$SAMPLE"; has "^pbcheck: 未知选项 '--bogus'" "$tmp/err"
expect_status 2 "$PBCHECK" -x --lang zh "$SAMPLE"; has "^pbcheck: 未知选项 '-x'" "$tmp/err"
LANG=zh_CN.UTF-8 expect_status 2 "$PBCHECK" --lang=en --bogus "$SAMPLE"; has "^pbcheck: unknown option '--bogus'" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh --fail-on=sometimes "$SAMPLE"; has "不是 error、warning、info 或 never" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh "$SAMPLE" -o; has "需要一个值" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh; has "没有输入" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh -f yaml "$SAMPLE"; has "'yaml' 不是 text" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh --explain=PB999; has "不是规则编号" "$tmp/err"
expect_status 2 "$PBCHECK" --lang=zh -q -o "$tmp/input-link.csv" "$SAMPLE"; has "是输入文件之一" "$tmp/err"

# A file name with ESC or GBK bytes reaches stderr escaped, never raw.
expect_status 2 "$PBCHECK" --lang=en "$tmp/$(printf 'a\033[2J\262\342')b.csv"
if od -An -tx1 "$tmp/err" | grep -q ' 1b'; then bad "raw ESC on stderr"; else ok; fi
has 'a\\x1b\[2J\\xb2\\xe2b.csv: No such file' "$tmp/err"

json_reports_check
echo "io: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
