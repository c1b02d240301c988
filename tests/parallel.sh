#!/bin/sh
# -j N checks a batch's files in parallel and reports exactly what -j 1
# does: every format byte for byte, standard error, the exit status; and
# the progress line appears on a terminal only (a pseudo-terminal here).
# Usage: sh tests/parallel.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PY=${PYTHON:-/usr/bin/python3}
PTY="$PY $(pwd)/tests/pty_stderr.py"
S=data/chengde-2021/targets.csv
FORMATS="text json junit sarif csv html github gitlab"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG CI PBCHECK_PROGRESS_DELAY_MS
case $PBCHECK in *asan*) asan=1 ;; *) asan=0 ;; esac

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# same NAME ARGS...: pbcheck ARGS with -j 1, -j 2 and -j 8 in each format:
# the same standard output, standard error and exit status.
same() {
	name=$1
	shift
	for f in $FORMATS; do
		"$PBCHECK" -j 1 -f "$f" "$@" >"$tmp/1.out" 2>"$tmp/1.err" \
		    </dev/null
		want=$?
		if [ "$want" -gt 2 ]; then
			bad "$name -f $f -j 1: exit $want"
			sed 's/^/  | /' "$tmp/1.err" | head -5
			continue
		fi
		for j in 2 8; do
			"$PBCHECK" -j "$j" -f "$f" "$@" >"$tmp/j.out" \
			    2>"$tmp/j.err" </dev/null
			got=$?
			if [ "$got" -ne "$want" ]; then
				bad "$name -f $f -j $j: exit $got, -j 1 $want"
			elif ! cmp -s "$tmp/1.out" "$tmp/j.out"; then
				bad "$name -f $f -j $j: report differs from -j 1"
				diff "$tmp/1.out" "$tmp/j.out" | head -5
			elif ! cmp -s "$tmp/1.err" "$tmp/j.err"; then
				bad "$name -f $f -j $j: stderr differs from -j 1"
				diff "$tmp/1.err" "$tmp/j.err" | head -5
			else
				ok
			fi
		done
	done
}

# status WANT ARGS...: the exit status and a message naming --jobs.
usage_error() {
	"$PBCHECK" "$@" "$S" >"$tmp/u.out" 2>"$tmp/u.err"
	st=$?
	if [ "$st" -eq 2 ] && grep -q -- "--jobs: '.*' is not a number from 1" \
	    "$tmp/u.err" && [ ! -s "$tmp/u.out" ]; then ok; else
		bad "pbcheck $*: exit $st, want 2 and a message about --jobs"
		sed 's/^/  | /' "$tmp/u.err" | head -3
	fi
}

# -j takes a whole number from 1 to 1024.
usage_error -j 0
usage_error -j abc
usage_error --jobs=-1
usage_error --jobs=
usage_error -j 1025
usage_error -j 2x
"$PBCHECK" --jobs=3 "$S" >/dev/null 2>&1
[ $? -eq 1 ] && ok || bad "--jobs=3 on the sample is not exit 1"

# The bundled data in all its formats, as a directory (settings files
# found per directory) and without settings; files named one by one, in
# an order that is not the walk's.
same data data
same "data --no-config" --no-config data
same "files" data/chengde-2021/targets.xlsx data/layouts \
    data/chengde-2021/targets.txt "$S" data/chengde-2021/targets.docx \
    data/chengde-2021/targets-gb18030.csv data/chengde-2021/targets-form.csv
same "data zh -q --statistics" --lang=zh -q --statistics data
same "data --fail-on=warning -v" --fail-on=warning -v data

# One input, a file or standard input: from -j 2 on, its rows are read
# and checked in a second thread while the next ones are parsed
# (src/rowpipe.c), in many batches here; the report is what -j 1 gives.
"$PY" scripts/make_bench.py "$S" city 1500 "$tmp/one.csv" || bad make_bench
same "one file" "$tmp/one.csv"
same "one file -v --statistics" -v --statistics "$tmp/one.csv"
for f in text json junit; do
	"$PBCHECK" -j 1 -f $f - <"$tmp/one.csv" >"$tmp/s1.out" 2>&1
	"$PBCHECK" -j 2 -f $f - <"$tmp/one.csv" >"$tmp/s2.out" 2>&1
	cmp -s "$tmp/s1.out" "$tmp/s2.out" && ok ||
	    bad "standard input -f $f: -j 2 differs from -j 1"
done

# --encoding=auto on a big file: from -j 2 on, its second half is checked
# for UTF-8 in a thread of its own (src/run.c); bytes at and around the
# split decide the encoding as one check of the whole file does.
for c in valid:UTF-8 straddle:UTF-8 bad-first:GB18030 bad-second:GB18030 \
    cut:GB18030 four-cont:GB18030 lone-cont:GB18030; do
	"$PY" scripts/make_split.py "$S" "${c%%:*}" "$tmp/split.csv" ||
	    bad "make_split ${c%%:*}"
	"$PBCHECK" -j 1 -f json "$tmp/split.csv" >"$tmp/sp1.json" 2>&1
	"$PBCHECK" -j 2 -f json "$tmp/split.csv" >"$tmp/sp2.json" 2>&1
	if ! cmp -s "$tmp/sp1.json" "$tmp/sp2.json"; then
		bad "split check ${c%%:*}: -j 2 differs from -j 1"
	elif ! grep -q "\"encoding\": \"${c#*:}\"" "$tmp/sp2.json"; then
		bad "split check ${c%%:*}: not read as ${c#*:}"
	else
		ok
	fi
done
rm -f "$tmp/split.csv" "$tmp/sp1.json" "$tmp/sp2.json"

# A batch with the same codes in several files (PB005 names the first file
# in argument order), and bad files among good ones: missing, empty, a
# broken zip, a PDF, GB18030 bytes, an unterminated quote, an empty
# directory.
mkdir -p "$tmp/dup/a" "$tmp/dup/b" "$tmp/bad/empty-dir"
cp "$S" "$tmp/dup/a/one.csv"
cp "$S" "$tmp/dup/b/one.csv"
cp data/chengde-2021/targets.xlsx "$tmp/dup/b/two.xlsx"
cp data/chengde-2021/targets.docx "$tmp/dup/a/three.docx"
same dup "$tmp/dup" "$S" "$tmp/dup/b"
: >"$tmp/bad/empty.csv"
printf 'PK\003\004broken' >"$tmp/bad/broken.docx"
printf '%%PDF-1.4\n' >"$tmp/bad/scan.csv"
cp data/chengde-2021/targets-gb18030.csv "$tmp/bad/gb.csv"
head -c 3000 "$S" >"$tmp/bad/cut.csv"
printf '"unterminated\n' >>"$tmp/bad/cut.csv"
same bad "$tmp/bad" "$tmp/missing.csv" "$S" "$tmp/bad/empty-dir" \
    "$tmp/bad/empty.csv"

# Standard input in a batch is read in its turn by the main thread.
for j in 1 2; do
	"$PBCHECK" -j $j -f json "$tmp/dup/a" - "$tmp/bad" <"$S" \
	    >"$tmp/stdin$j.out" 2>"$tmp/stdin$j.err"
	echo $? >>"$tmp/stdin$j.err"
done
cmp -s "$tmp/stdin1.out" "$tmp/stdin2.out" &&
    cmp -s "$tmp/stdin1.err" "$tmp/stdin2.err" && ok ||
    bad "a batch with - differs between -j 1 and -j 2"

# Cross-file settings: [ignore] entries that matched nothing (PB012 at the
# end), a baseline written by -j 1 and read by -j 2, -o a file.
mkdir -p "$tmp/conf"
cp "$S" "$tmp/conf/a.csv"
cp data/chengde-2021/targets.xlsx "$tmp/conf/b.xlsx"
cat >"$tmp/conf/pbcheck.conf" <<'EOF'
[ignore]
571-0101-YBN-VYAO = PB309
no-such-project = PB101
EOF
same "ignore" "$tmp/conf" "$tmp/dup"
# Settings that differ by input: [path:GLOB] keys (rules, thresholds, a
# code pattern) and a directory of its own, with the command line over
# them — the workers check each file under its settings.
mkdir -p "$tmp/paths/2020" "$tmp/paths/2021" "$tmp/paths/other"
cp "$S" "$tmp/paths/2020/a.csv"
cp data/chengde-2021/targets.xlsx "$tmp/paths/2020/b.xlsx"
sed 's/^571-/572-/' "$S" >"$tmp/paths/2021/a.csv"
sed 's/^571-/573-/' "$S" >"$tmp/paths/other/c.csv"
cat >"$tmp/paths/pbcheck.conf" <<'EOF'
[ignore]
571-0101-YBN-VYAO = PB309
[path:*2020/*.xlsx]
disable = PB3
midyear_min = 80
[path:*2021/*]
code_pattern = ^[0-9]{3}-[0-9]{4}-[A-Z]{3}-[0-9A-Z]{4}$
severity.PB407 = error
EOF
cat >"$tmp/paths/other/pbcheck.conf" <<'EOF'
[rules]
disable = PB5
[thresholds]
satisfaction_min = 95
EOF
same "[path:] and per-directory settings" "$tmp/paths"
same "[path:] with the command line" --severity=PB308=warning --disable=PB41 \
    "$tmp/paths"
"$PBCHECK" -j 1 --baseline-write="$tmp/base.txt" "$tmp/dup" >/dev/null 2>&1
"$PBCHECK" -j 2 --baseline-write="$tmp/base2.txt" "$tmp/dup" >/dev/null 2>&1
cmp -s "$tmp/base.txt" "$tmp/base2.txt" && ok ||
    bad "--baseline-write records another baseline with -j 2"
cp "$S" "$tmp/dup/a/four.csv"
same "baseline" --baseline="$tmp/base.txt" "$tmp/dup"
"$PBCHECK" -j 1 -o "$tmp/o1.json" -f json "$tmp/dup" "$tmp/conf" 2>/dev/null
"$PBCHECK" -j 4 -o "$tmp/o4.json" -f json "$tmp/dup" "$tmp/conf" 2>/dev/null
cmp -s "$tmp/o1.json" "$tmp/o4.json" && ok || bad "-o differs with -j 4"

# Two hundred small files: each one project of the sample under a code of
# its own, every 17th reusing an earlier file's code (PB005), every 23rd
# cut short in a quoted cell, every 29th saved as GB18030.
"$PY" - "$S" "$tmp/many" <<'EOF'
import csv, io, os, sys
sample, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
with open(sample, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
header, groups = rows[0], []
for r in rows[1:]:
    if groups and groups[-1][0][0] == r[0]:
        groups[-1].append(r)
    else:
        groups.append([r])
for k in range(200):
    code = "T-%04d" % (k - 10 if k % 17 == 16 else k)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in groups[k % len(groups)]:
        w.writerow([code] + r[1:])
    text = buf.getvalue()
    if k % 23 == 22:
        text = text[: len(text) // 2] + '"cut'
    data = text.encode("gb18030" if k % 29 == 28 else "utf-8")
    with open(os.path.join(out, "f-%03d.csv" % k), "wb") as f:
        f.write(data)
EOF
same "200 files" "$tmp/many"
same "200 files, -q" -q "$tmp/many" "$tmp/bad"

# The progress line: with standard error a terminal it is drawn (the test
# hook makes it appear at once) and cleared at the end; never with CI
# set, with --no-progress, or when standard error is not a terminal; the
# report is the same in every case.
# Big enough for several redraws (every 250 ms) after the first, which
# may come before any byte is read and so without an ETA.
if [ "$asan" = 1 ]; then n=5000; else n=30000; fi
"$PY" scripts/make_bench.py "$S" city "$n" "$tmp/big.csv" || bad make_bench
"$PBCHECK" -q "$tmp/big.csv" >"$tmp/plain.out" 2>"$tmp/plain.err"
want=$?
big_want=$want
plain=$tmp/plain.out
CLEAR=$(printf '\r\033[K')
# tty NAME ARGS...: pbcheck ARGS, standard error a terminal; the report
# must be $plain; $tmp/NAME.err holds what the terminal got.
tty() {
	name=$1
	shift
	$PTY "$tmp/$name.out" "$tmp/$name.err" "$@"
	st=$?
	if [ "$st" -ne "$want" ]; then bad "$name: exit $st, want $want"
	elif ! cmp -s "$plain" "$tmp/$name.out"; then
		bad "$name: the report differs with a terminal"
	else ok; fi
}
tty drawn env PBCHECK_PROGRESS_DELAY_MS=0 "$PBCHECK" -q "$tmp/big.csv"
if grep -q "${CLEAR}pbcheck: 0/1 files, [0-9]* projects, [0-9.]* MB/s" \
    "$tmp/drawn.err"; then ok; else
	bad "no progress line on a terminal"; od -c "$tmp/drawn.err" | head -5
fi
# The last thing on the terminal is the line cleared.
if [ "$(tail -c 4 "$tmp/drawn.err" | od -An -c | tr -d ' ')" = '\r033[K' ]
then ok; else bad "the progress line is not cleared at the end"; fi
grep -q "ETA [0-9]*:[0-9][0-9]" "$tmp/drawn.err" && ok ||
    bad "no ETA for a file of known size"
"$PBCHECK" -q --lang=zh "$tmp/big.csv" >"$tmp/plain-zh.out" 2>/dev/null
plain=$tmp/plain-zh.out
tty zh env PBCHECK_PROGRESS_DELAY_MS=0 "$PBCHECK" -q --lang=zh "$tmp/big.csv"
grep -q "pbcheck：文件 0/1，项目 [0-9]*" "$tmp/zh.err" && ok ||
    bad "no progress line in Chinese"
plain=$tmp/plain.out
tty ci env CI=1 PBCHECK_PROGRESS_DELAY_MS=0 "$PBCHECK" -q "$tmp/big.csv"
[ ! -s "$tmp/ci.err" ] && ok || bad "a progress line with CI set"
tty ci-empty env CI= PBCHECK_PROGRESS_DELAY_MS=0 "$PBCHECK" -q "$tmp/big.csv"
[ ! -s "$tmp/ci-empty.err" ] && ok || bad "a progress line with CI set empty"
tty off env PBCHECK_PROGRESS_DELAY_MS=0 "$PBCHECK" -q --no-progress \
    "$tmp/big.csv"
[ ! -s "$tmp/off.err" ] && ok || bad "a progress line with --no-progress"
# Without the hook a short run (the sample, milliseconds) says nothing:
# the line waits two seconds.
"$PBCHECK" -q "$S" >"$tmp/plain-short.out" 2>/dev/null
want=$?
plain=$tmp/plain-short.out
tty short "$PBCHECK" -q "$S"
[ ! -s "$tmp/short.err" ] && ok || bad "a progress line before two seconds"
want=$big_want
plain=$tmp/plain.out
# Not a terminal: nothing but the report's own standard error.
PBCHECK_PROGRESS_DELAY_MS=0 "$PBCHECK" -q "$tmp/big.csv" >"$tmp/pipe.out" \
    2>"$tmp/pipe.err"
cmp -s "$tmp/plain.err" "$tmp/pipe.err" && [ ! -s "$tmp/pipe.err" ] && ok ||
    bad "a progress line on a file"
# The report on the same terminal: each line of it comes after the
# progress line is cleared, and without the line's bytes the terminal
# shows the report of a plain run.
$PTY - "$tmp/screen.err" env PBCHECK_PROGRESS_DELAY_MS=0 "$PBCHECK" \
    "$tmp/big.csv"
"$PBCHECK" --color=always "$tmp/big.csv" >"$tmp/screen-plain.out" 2>&1
"$PY" - "$tmp/screen.err" "$tmp/screen-plain.out" <<'EOF'
import re, sys
got = open(sys.argv[1], "rb").read()
want = open(sys.argv[2], "rb").read()
line = re.compile(rb"pbcheck: \d+/\d+ files[^\r\n]*")
n = 0
for m in line.finditer(got):
    n += 1
    if got[m.end():m.end() + 4] != b"\r\x1b[K":
        sys.exit("a progress line not cleared before what follows it")
if n == 0:
    sys.exit("no progress line")
left = re.sub(rb"\r\x1b\[K(pbcheck: \d+/\d+ files[^\r\n]*)?", b"", got)
if left.replace(b"\r\n", b"\n") != want:
    sys.exit("the terminal shows another report")
EOF
[ $? -eq 0 ] && ok || bad "progress line and report on one terminal"
# A message on standard error comes on a line of its own: the progress
# line is cleared first; in a batch of -j 2 the files are counted.
want=2
"$PBCHECK" -q "$tmp/big.csv" "$tmp/missing.csv" "$tmp/many" \
    >"$tmp/plain-batch.out" 2>/dev/null
plain=$tmp/plain-batch.out
tty batch env PBCHECK_PROGRESS_DELAY_MS=0 "$PBCHECK" -j 2 -q "$tmp/big.csv" \
    "$tmp/missing.csv" "$tmp/many"
if tr '\r' '\n' <"$tmp/batch.err" | grep -q "^.\[Kpbcheck: .*missing.csv: No such file"; then
	ok; else bad "the progress line is not cleared before a message"
	od -c "$tmp/batch.err" | tail -5; fi
grep -q "pbcheck: [0-9]*/202 files" "$tmp/batch.err" && ok ||
    bad "no count of files in a batch"

echo "parallel: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
