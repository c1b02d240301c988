#!/bin/sh
# The repository's .pre-commit-hooks.yaml run by pre-commit itself (try-repo) on Word, Excel and CSV files with Chinese names and spaces.
# Usage: sh tests/precommit.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
ROOT=$(pwd)
D=data/chengde-2021
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

if ! command -v pre-commit >/dev/null 2>&1; then
	echo "precommit: installing pre-commit (Debian package)"
	{ apt-get install -y -qq --no-install-recommends pre-commit ||
	    { apt-get update -qq && apt-get install -y -qq \
	    --no-install-recommends pre-commit; }; } >"$tmp/apt.log" 2>&1
fi
if ! command -v pre-commit >/dev/null 2>&1; then
	echo "precommit: SKIPPED (pre-commit is not installed and could not be)"
	echo "precommit: $pass passed, $fail failed"
	exit 0
fi

# pre-commit runs the pbcheck found on PATH (language: system).
mkdir "$tmp/bin"
ln -s "$PBCHECK" "$tmp/bin/pbcheck"
export PATH="$tmp/bin:$PATH" PRE_COMMIT_HOME="$tmp/home"
repo=$tmp/repo
git init -q "$repo"
git -C "$repo" config user.email test@localhost
git -C "$repo" config user.name test
# The sample in three formats under names pre-commit must pass whole; the
# workbook and the CSV are the same projects, so the batch has PB005.
cp "$D/targets.xlsx" "$repo/my targets.xlsx"
cp "$D/targets.docx" "$repo/绩效目标.docx"
cp "$D/targets.csv" "$repo/绩效 目标.csv"
printf 'notes\n' >"$repo/README.md"
git -C "$repo" add -A
(cd "$repo" && pre-commit try-repo "$ROOT" pbcheck --all-files --verbose) \
    >"$tmp/out" 2>&1
st=$?
if [ "$st" -ne 0 ]; then ok; else bad "try-repo passed tables with errors"; fi
for f in 'my targets.xlsx' '绩效目标.docx' '绩效 目标.csv'; do
	if grep -q "^$f[:[]" "$tmp/out"; then ok; else
		bad "the hook did not check '$f'"; sed 's/^/  | /' "$tmp/out" | tail -5; fi
done
if grep -q '^README.md' "$tmp/out"; then bad "the hook checked README.md"; else ok; fi

# A clean table passes the hook.
rm -f "$repo"/*.xlsx "$repo"/*.docx "$repo"/*.csv
awk -F, 'NR == 1 || $1 ~ /NFOY/' "$D/targets.csv" >"$repo/clean.csv"
git -C "$repo" add -A
(cd "$repo" && pre-commit try-repo "$ROOT" pbcheck --all-files) >"$tmp/out" 2>&1
st=$?
if [ "$st" -eq 0 ]; then ok; else bad "try-repo refused a clean table"; sed 's/^/  | /' "$tmp/out" | tail -5; fi

echo "precommit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
