#!/bin/sh
# Hostile inputs (issue 12): each must end within 20 s, exit 1 or 2, name
# its file, stay under 256 MB of peak RSS, raise no sanitizer report and
# leave the input as it was. The inputs are written by
# scripts/make_hostile.py into a temporary directory (the repository stays
# small). Usage: sh tests/hostile.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
SECONDS_MAX=20
RSS_MAX_KB=262144
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR
# ASan keeps 256 MB of freed memory in quarantine by default, as much as
# the RSS limit: any input that merely churns through 256 MB would fail it
# under the sanitizer build whatever pbcheck holds. 32 MB keeps
# use-after-free detection while the RSS measured is pbcheck's own.
ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=32}
export ASAN_OPTIONS

if ! python3 scripts/make_hostile.py "$tmp/in" >"$tmp/gen.log" 2>&1; then
	cat "$tmp/gen.log"
	echo "hostile: 0 passed, 1 failed"
	exit 1
fi
for t in /usr/bin/time timeout sha256sum; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "hostile: $t is missing (apt-get install time coreutils)"
		echo "hostile: 0 passed, 1 failed"
		exit 1
	fi
done

# hash PATH: the SHA-256 of a file, or of every file under a directory.
hash() {
	if [ -d "$1" ]; then
		find "$1" -type f | sort | xargs sha256sum | sha256sum
	else
		sha256sum <"$1"
	fi
}

tab=$(printf '\t')
while IFS="$tab" read -r name args want unwanted; do
	in="$tmp/in/$name"
	before=$(hash "$in")
	why=""
	start=$(date +%s)
	# shellcheck disable=SC2086
	timeout -s KILL "$SECONDS_MAX" /usr/bin/time -f '%M' -o "$tmp/rss" \
	    "$PBCHECK" --color=never $args "$in" >"$tmp/out" 2>"$tmp/err"
	st=$?
	end=$(date +%s)
	case $st in
	1|2) ;;
	137|124) why="$why; not done within ${SECONDS_MAX} s" ;;
	*) why="$why; exit $st, want 1 or 2" ;;
	esac
	if ! grep -q -F -- "$name" "$tmp/out" "$tmp/err"; then
		why="$why; no message names $name"
	fi
	if [ -n "$want" ] && ! grep -q -F -- "$want" "$tmp/out" "$tmp/err"
	then
		why="$why; no '$want' in the output"
	fi
	if [ -n "$unwanted" ] && grep -q -F -- "$unwanted" "$tmp/out" "$tmp/err"
	then
		why="$why; '$unwanted' in the output"
	fi
	rss=$(tail -n 1 "$tmp/rss" 2>/dev/null)
	case $rss in
	''|*[!0-9]*) why="$why; peak RSS not measured" ;;
	*) [ "$rss" -lt "$RSS_MAX_KB" ] ||
	    why="$why; peak RSS $((rss / 1024)) MB, limit $((RSS_MAX_KB / 1024)) MB" ;;
	esac
	if grep -q -E 'Sanitizer|runtime error:' "$tmp/err"; then
		why="$why; sanitizer report: $(grep -m 1 -E \
		    'Sanitizer|runtime error:' "$tmp/err")"
	fi
	if [ "$(hash "$in")" != "$before" ]; then
		why="$why; the input changed"
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name ($((end - start)) s)${why#;}"
		sed -n '1,3s/^/  | /p' "$tmp/err"
	fi
done <"$tmp/in/cases"

echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
