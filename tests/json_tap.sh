#!/bin/sh
# pbcheck as the suites run it, keeping a copy of each JSON report it
# writes in $JSON_DIR (see tests/json_reports.sh); otherwise the same
# arguments, standard input, output and exit status.
json=
out=
prev=
for a in "$@"; do
	case $prev in
	-f | --format) [ "$a" = json ] && json=1 ;;
	-o | --output) out=$a ;;
	esac
	case $a in
	-fjson | --format=json) json=1 ;;
	--output=*) out=${a#--output=} ;;
	-o?*) out=${a#-o} ;;
	esac
	prev=$a
done
[ -n "$json" ] || exec "$JSON_REAL" "$@"
keep=$(mktemp "$JSON_DIR/r.XXXXXX") || exit 125
printf '%s\n' "$*" >"$keep.json.args"
if [ -n "$out" ] && [ "$out" != - ]; then
	"$JSON_REAL" "$@"
	st=$?
	[ -f "$out" ] && [ -s "$out" ] && cp "$out" "$keep.json"
else
	"$JSON_REAL" "$@" >"$keep"
	st=$?
	cat "$keep"
	[ -s "$keep" ] && cp "$keep" "$keep.json"
fi
rm -f "$keep"
[ -f "$keep.json" ] || rm -f "$keep.json.args"
exit $st
