#!/bin/sh
# Tests make install/uninstall into a DESTDIR, and that the manual page and the bash completion keep up with the program.
# Usage: sh tests/install.sh
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
bin=$dest/usr/bin/pbcheck
man1=$dest/usr/share/man/man1/pbcheck.1
comp=$dest/usr/share/bash-completion/completions/pbcheck
page=doc/pbcheck.1
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# check NAME CMD...: CMD must succeed.
check() {
	name=$1; shift
	if "$@" >"$tmp/out" 2>&1; then ok; else
		bad "$name"; sed 's/^/  | /' "$tmp/out" | head -10; fi
}

# mode FILE PERM: FILE exists with exactly the permissions PERM.
mode() {
	if [ -f "$1" ] && [ -n "$(find "$1" -perm "$2")" ]; then ok; else
		bad "$1: missing or not mode $2"; fi
}

# install
check "make install" make --no-print-directory install DESTDIR="$dest" \
    PREFIX=/usr
mode "$bin" 0755
mode "$man1" 0644
mode "$comp" 0644
mode "$dest/usr/share/pbcheck/report.schema.json" 0644
if [ -x "$bin" ] && "$bin" -V >"$tmp/out" 2>&1 &&
    grep -q '^pbcheck [0-9]' "$tmp/out"; then ok; else
	bad "$bin -V"; sed 's/^/  | /' "$tmp/out" | head -5; fi

# The manual page renders without warnings (with each renderer present).
if command -v mandoc >/dev/null 2>&1; then
	check "mandoc -Tlint -Wwarning $man1" mandoc -Tlint -Wwarning "$man1"
fi
if command -v groff >/dev/null 2>&1; then
	if groff -k -mandoc -Tutf8 -ww -z "$man1" >"$tmp/out" 2>&1 &&
	    [ ! -s "$tmp/out" ]; then ok; else
		bad "groff warns on $man1"; sed 's/^/  | /' "$tmp/out" | head -5
	fi
fi

# Every long option of --help has an entry in the manual's option list
# (".It ... Fl -NAME", which renders as --NAME).
./pbcheck --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/longopts"
[ -s "$tmp/longopts" ] || bad "no long option in ./pbcheck --help"
while read -r opt; do
	if grep -Eq "^\.It (.* )?Fl ${opt#-}([^a-z-]|\$)" "$page"; then ok; else
		bad "$page does not document $opt"; fi
done <"$tmp/longopts"

# Every rule is listed with its default severity, and no other rule is.
./pbcheck --config=/dev/null --list-rules |
    awk '{ print $1, $2 }' >"$tmp/rules"
[ -s "$tmp/rules" ] || bad "no rule in ./pbcheck --list-rules"
while read -r id sev; do
	if grep -q "^\.It $id Pq $sev\$" "$page"; then ok; else
		bad "$page does not list '.It $id Pq $sev'"; fi
done <"$tmp/rules"
sed -n 's/^\.It \(PB[0-9][0-9][0-9]\) .*/\1/p' "$page" >"$tmp/listed"
while read -r id; do
	if grep -q "^$id " "$tmp/rules"; then ok; else
		bad "$page lists $id, which --list-rules does not"; fi
done <"$tmp/listed"

# The completion parses, and completes as readline would call it: words
# split at "=", the cursor in the last word.
if command -v bash >/dev/null 2>&1; then
	check "bash -n $comp" bash -n "$comp"
	mkdir "$tmp/work" "$tmp/work/sub" "$tmp/work/.hidden"
	touch "$tmp/work/a.csv" "$tmp/work/b.XLSX" "$tmp/work/c.pdf"
	cat >"$tmp/complete.bash" <<'EOF'
. "$1"
bin=$2
# want WORDS...: COMPREPLY, sorted and joined by "|", is $want.
t() {
	COMP_WORDS=("$bin" "$@")
	COMP_CWORD=$#
	_pbcheck
	got=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd'|')
	if [[ $got == "$want" ]]; then echo ok; else
		echo "FAIL: complete [$*]: '$got', want '$want'"; fi
}
want='--format='; t --form
want='csv|github|gitlab|html|json|junit|sarif|text'; t --format =
want='json|junit'; t -f j
want='error|info|never|warning'; t --fail-on =
want='zh'; t --lang = z
want='gb18030|gb2312|gbk'; t --encoding = g
want='always|auto'; t --color = a
want='PB501|PB502'; t --explain = PB50
want='PB101,PB5|PB101,PB501|PB101,PB502'; t --disable = PB101,PB5
want='warning'; t --severity = PB204 = w
want='sub'; t --config = s
want='sub'; t --baseline = s
want='github|gitlab'; t -f g
want='a.csv|b.XLSX|sub'; t ''
want='.hidden'; t .h
EOF
	(cd "$tmp/work" && bash "$tmp/complete.bash" "$comp" "$bin") \
	    >"$tmp/out" 2>&1 || true
	# Each case prints "ok" or a failure; anything else fails too.
	n=$(grep -c '^ok$' "$tmp/out" || true)
	pass=$((pass + n))
	grep -v '^ok$' "$tmp/out" >"$tmp/bad" || true
	if [ -s "$tmp/bad" ]; then
		fail=$((fail + $(wc -l <"$tmp/bad")))
		sed 's/^/  | /' "$tmp/bad"
	fi
	cases=$(grep -c '^want=' "$tmp/complete.bash")
	[ "$n" -eq "$cases" ] || bad "$n of $cases completion cases passed"
fi

# uninstall
check "make uninstall" make --no-print-directory uninstall \
    DESTDIR="$dest" PREFIX=/usr
for f in "$bin" "$man1" "$comp" "$dest/usr/share/pbcheck"; do
	if [ -e "$f" ]; then bad "make uninstall left $f"; else ok; fi
done

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
