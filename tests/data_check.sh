#!/bin/bash
# Checks that data/chengde-2021/ is exactly what scripts/seed2csv.py makes of
# the seed, and checks the committed CSV independently of the generator.
#
# Usage: tests/data_check.sh   (SEED=path, relative to the repo root, and
# PYTHON=interpreter may be set in the environment)
set -eu

cd "$(dirname "$0")/.."
SEED=${SEED:-../shared/seeds/000_95ede21d7572d968.txt}
PYTHON=${PYTHON:-python3}
DATA=data/chengde-2021

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "data_check: FAIL: $*" >&2; }
show() {
	if [ -s "$1" ]; then
		sed 's/^/    /' "$1" >&2
	else
		echo "    (no message)" >&2
	fi
}

if [ ! -r "$SEED" ]; then
	echo "data_check: seed $SEED not readable (set SEED=...)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. The generator reproduces the committed files byte for byte.
if "$PYTHON" scripts/seed2csv.py "$SEED" "$tmp/out" 2>"$tmp/gen.err"; then
	ok
	for f in targets.csv targets-gb18030.csv targets.txt; do
		if cmp -s "$tmp/out/$f" "$DATA/$f"; then
			ok
		else
			bad "$DATA/$f differs from what scripts/seed2csv.py makes of" \
			    "$SEED; rerun: $PYTHON scripts/seed2csv.py $SEED $DATA"
		fi
	done
else
	bad "scripts/seed2csv.py failed on $SEED:"
	show "$tmp/gen.err"
fi

# 2. Independent of the generator: the copy of the seed is the seed.
if cmp -s "$SEED" "$DATA/targets.txt"; then
	ok
else
	bad "$DATA/targets.txt is not a byte copy of $SEED"
fi

# 3. Independent of the generator: targets.csv parses as RFC 4180 with the
# canonical header, 119 records of 20 fields and 13 distinct project codes,
# in UTF-8 without BOM and without CR.
if "$PYTHON" - "$DATA/targets.csv" >"$tmp/csv.err" 2>&1 <<'EOF'
import csv, io, sys
path = sys.argv[1]
want_header = ("项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,"
               "10月底,12月底,目标1,目标2,目标3,目标4,一级指标,二级指标,三级指标,"
               "绩效指标描述,指标值,指标值确定依据").split(",")
raw = open(path, "rb").read()
problems = []
if raw.startswith(b"\xef\xbb\xbf"):
    problems.append("starts with a UTF-8 BOM")
if b"\r" in raw:
    problems.append("contains CR bytes")
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""),
                       strict=True))
if not rows or rows[0] != want_header:
    problems.append("header is %r" % (rows[0] if rows else None))
recs = rows[1:]
if len(recs) != 119:
    problems.append("%d records, expected 119" % len(recs))
widths = sorted(set(len(r) for r in recs))
if widths != [20]:
    problems.append("record widths %r, expected [20]" % widths)
codes = set(r[0] for r in recs)
if len(codes) != 13:
    problems.append("%d distinct 项目编码, expected 13" % len(codes))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
then
	ok
else
	bad "$DATA/targets.csv:"
	show "$tmp/csv.err"
fi

# 4. Independent of the generator: the GB18030 copy is targets.csv with
# CRLF record ends (120 of them: the header and 119 records; line breaks
# inside quoted cells stay LF).
if iconv -f GB18030 -t UTF-8 "$DATA/targets-gb18030.csv" >"$tmp/gb.utf8" &&
    sed 's/\r$//' "$tmp/gb.utf8" | cmp -s - "$DATA/targets.csv" &&
    [ "$(grep -c $'\r$' "$DATA/targets-gb18030.csv")" -eq 120 ]; then
	ok
else
	bad "$DATA/targets-gb18030.csv converted from GB18030 with CRLF->LF" \
	    "is not $DATA/targets.csv"
fi

echo "data_check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
