#!/bin/sh
# Runs what README.md shows: its settings examples, its pbcheck command lines and its git pre-commit hook.
# Usage: sh tests/readme.sh PBCHECK
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
top=$(pwd)
SAMPLE=data/chengde-2021/targets.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset LC_ALL LC_MESSAGES LANG NO_COLOR CI
# No settings file from the user's home or an enclosing directory.
export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home"
mkdir -p "$HOME"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
show() { sed 's/^/  | /' "$1" | head -"${2:-8}"; }

# README's examples call "pbcheck": the binary under test, first in PATH.
mkdir -p "$tmp/bin"
ln -s "$PBCHECK" "$tmp/bin/pbcheck"
PATH="$tmp/bin:$PATH"
export PATH

# Splits README.md into its fenced blocks: $tmp/blocks/N.LANG, N from 1.
mkdir -p "$tmp/blocks"
awk -v dir="$tmp/blocks" '
	/^```/ && !inb { inb = 1; n++; lang = substr($0, 4);
		if (lang == "") lang = "plain";
		f = dir "/" n "." lang; printf "" > f; next }
	/^```$/ && inb { inb = 0; close(f); next }
	inb { print > f }
' README.md
nini=0 ncmd=0 nhook=0

# 1. Every ```ini block is a settings file that pbcheck accepts.
for f in "$tmp"/blocks/*.ini; do
	[ -e "$f" ] || continue
	nini=$((nini + 1))
	cp "$f" "$tmp/pbcheck.conf"
	"$PBCHECK" --lang=en -q --config="$tmp/pbcheck.conf" "$SAMPLE" \
	    >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ $st -le 1 ] && [ ! -s "$tmp/err" ]; then ok; else
		bad "README settings example $(basename "$f") (exit $st):"
		show "$tmp/err"
	fi
done
if [ "$nini" -ge 2 ]; then ok; else bad "README has $nini ini blocks"; fi

# 2. Every pbcheck command line of the sh, YAML and Groovy blocks runs in a
# scratch directory holding what the examples name, and exits as they
# imply: 0 or 1 (findings), never 2; --explain and --list-rules exit 0.
work=$tmp/work
mkdir -p "$work/budgets" "$work/data"
cp -R data/chengde-2021 "$work/data/"
cp "$SAMPLE" "$work/targets.csv"
cp "$SAMPLE" "$work/a.csv"
sed 's/^571-/572-/' "$SAMPLE" >"$work/b.csv"
cp "$SAMPLE" "$work/budgets/targets.csv"
for f in "$tmp"/blocks/*.sh "$tmp"/blocks/*.yaml "$tmp"/blocks/*.yml \
    "$tmp"/blocks/*.groovy "$tmp"/blocks/*.console; do
	[ -e "$f" ] || continue
	# The hook is a script, run in 3 below.
	[ "$(head -n 1 "$f")" = "#!/bin/sh" ] && continue
	sed -e 's/^[[:space:]]*//' -e 's/^\$ //' -e 's/^- //' -e 's/^run: //' \
	    -e "s/^sh '\\(.*\\)'\$/\\1/" "$f" |
	    grep -E '^pbcheck |\| *pbcheck ' >"$tmp/cmds" || continue
	while IFS= read -r cmd; do
		ncmd=$((ncmd + 1))
		(cd "$work" && sh -c "$cmd") </dev/null >"$tmp/out" 2>"$tmp/err"
		st=$?
		case $cmd in
		*--explain*|*--list-rules*|*"|| test"*) want=0 ;;
		*) want=01 ;;
		esac
		case $want in *$st*) ok ;; *)
			bad "README command exits $st, want $want: $cmd"
			show "$tmp/err" ;;
		esac
	done <"$tmp/cmds"
done
if [ "$ncmd" -ge 8 ]; then ok; else bad "only $ncmd pbcheck commands in README"; fi
# What the commands wrote is well-formed.
for out in report.json pbcheck.xml pbcheck.sarif; do
	if [ -s "$work/$out" ]; then ok; else bad "README command left no $out"; fi
done
if xmllint --noout --schema tests/schemas/junit-10.xsd "$work/pbcheck.xml" \
    >/dev/null 2>&1; then ok; else bad "pbcheck.xml of README is not valid JUnit"; fi

# 3. The pre-commit hook, exactly as README shows it (and contrib/ holds
# the same text), in a real repository with file names that have a space
# and Chinese characters.
for f in "$tmp"/blocks/*.sh; do
	if [ "$(head -n 1 "$f")" = "#!/bin/sh" ]; then
		nhook=$((nhook + 1))
		hook=$f
	fi
done
if [ "$nhook" -eq 1 ]; then ok; else bad "README has $nhook hook blocks, want 1"; fi
if [ "$nhook" -eq 1 ]; then
	if cmp -s "$hook" contrib/pre-commit; then ok; else
		bad "contrib/pre-commit differs from README's hook"; fi
	repo=$tmp/repo
	git init -q "$repo" && git -C "$repo" config user.name test &&
	    git -C "$repo" config user.email test@localhost &&
	    git -C "$repo" config commit.gpgsign false || bad "git init"
	cp "$hook" "$repo/.git/hooks/pre-commit"
	chmod +x "$repo/.git/hooks/pre-commit"
	# Two copies of the sample (one error, PB309 at line 78), codes apart.
	cp "$SAMPLE" "$repo/绩效目标.csv"
	sed 's/^571-/572-/' "$SAMPLE" >"$repo/my targets.csv"
	echo notes >"$repo/notes.md"
	commit() { (cd "$repo" && git add -A && git commit -q -m "$1") \
	    >"$tmp/out" 2>&1; }
	if commit "tables with an error"; then
		bad "the hook accepted tables with an error"; show "$tmp/out"
	else ok; fi
	for name in "绩效目标.csv:78:20: error" "my targets.csv:78:20: error"; do
		if grep -qF "$name" "$tmp/out"; then ok; else
			bad "the hook's report does not name '$name'"
			show "$tmp/out"
		fi
	done
	if git -C "$repo" rev-parse -q --verify HEAD >/dev/null; then
		bad "a commit was made"; else ok; fi
	# Fixed: the indicator gets its basis; both files are accepted.
	for f in "绩效目标.csv" "my targets.csv"; do
		sed '79s/持续增加,$/持续增加,年度工作计划/' "$repo/$f" >"$tmp/fixed"
		cp "$tmp/fixed" "$repo/$f"
	done
	if commit "tables fixed"; then ok; else
		bad "the hook refused the fixed tables"; show "$tmp/out"; fi
	if [ "$(git -C "$repo" ls-files | wc -l)" -eq 3 ]; then ok; else
		bad "the commit does not hold the three files"; fi
	# A commit of no table runs nothing and passes.
	echo more >>"$repo/notes.md"
	if commit "notes only"; then ok; else
		bad "the hook refused a commit without tables"; show "$tmp/out"; fi
	# A workbook is checked too: the sample's, with its PB309 at row 48.
	cp data/chengde-2021/targets.xlsx "$repo/预算 表.xlsx"
	if commit "a workbook with an error"; then
		bad "the hook accepted a workbook with an error"; show "$tmp/out"
	else ok; fi
	if grep -qF "预算 表.xlsx[绩效目标]:48:T: error" "$tmp/out"; then ok; else
		bad "the hook's report does not name the workbook's row 48"
		show "$tmp/out"
	fi
fi

echo "readme: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
