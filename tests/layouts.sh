#!/bin/sh
# Each layout sample (data/layouts/*/*) is read as the model a careful
# reader expects of it (<file>.expect.json), field by field, with the
# findings a reviewer agrees with. First, independently of the form
# reader, the expected findings are checked against the rules run on the
# expected model written as canonical CSV (layouts_model).
# Usage: sh tests/layouts.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
unset LC_ALL LC_MESSAGES LANG

set -- data/layouts/*/*.expect.json
if [ ! -e "$1" ]; then
	echo "layouts: no data/layouts/*/*.expect.json"
	echo "layouts: 0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" tests/compare_layout.py --model "$PBCHECK" "$@" >"$tmp/model"
model=$?
sed 's/^layouts: /layouts_model: /' "$tmp/model"
"$PYTHON" tests/compare_layout.py "$PBCHECK" "$@"
st=$?
[ $st -eq 0 ] || exit $st
exit $model
