#!/bin/sh
# Runs each fuzz target for SECONDS: -timeout=10 -rss_limit_mb=512, on a
# corpus in build/fuzz/NAME/ seeded from tests/fuzz/corpus/NAME/ and the
# sample inputs of data/ and tests/; findings go to
# build/fuzz/NAME-artifacts/. Prints one line per target: minutes,
# executions, final cov/ft and crashes (crash, leak, timeout, oom files).
# The regression inputs of tests/fuzz/regress/NAME/ are replayed first.
# FUZZ_JOBS=2 runs two targets at a time. MERGE=1 then minimises the grown
# corpus back into tests/fuzz/corpus/NAME/ (commit what it writes).
# Usage: sh tests/fuzz/run.sh SECONDS NAME...
set -u
cd "$(dirname "$0")/../.." || exit 2
secs=${1:?seconds}
shift
jobs=${FUZZ_JOBS:-1}

# seed NAME DIR: the sample inputs the target reads, prefixed with the
# selector byte where the target takes one.
seed() {
	d=$2
	mkdir -p "$d"
	cp tests/fuzz/corpus/"$1"/* "$d"/ 2>/dev/null
	case $1 in
	csv)
		for f in data/chengde-2021/*.csv data/layouts/*/*.csv; do
			printf '\000' | cat - "$f" >"$d/data-$(basename "$f")"
			# The same read again with the rows in a second thread.
			printf '\004' | cat - "$f" >"$d/data4-$(basename "$f")"
		done ;;
	report)
		for f in data/chengde-2021/*.csv; do
			printf '\000' | cat - "$f" >"$d/data-$(basename "$f")"
		done
		printf '\001' | cat - data/chengde-2021/targets.txt >"$d/data-txt"
		for f in tests/docx/merge.docx tests/docx/sdt.docx; do
			printf '\002' | cat - "$f" >"$d/data-$(basename "$f")"
		done
		printf '\003' | cat - data/chengde-2021/targets.xlsx \
		    >"$d/data-xlsx" ;;
	text) cp data/chengde-2021/targets.txt "$d"/ ;;
	docx)
		for f in tests/docx/*.docx data/chengde-2021/targets.docx; do
			[ "$(wc -c <"$f")" -lt 65536 ] && cp "$f" "$d"/
		done ;;
	xlsx) cp data/chengde-2021/*.xlsx "$d"/ ;;
	settings) cp data/chengde-2021/pbcheck.conf "$d"/ ;;
	esac
}

maxlen() {
	case $1 in
	value) echo 512 ;;
	settings|form) echo 8192 ;;
	docx|xlsx|report) echo 131072 ;;
	csv|text) echo 16384 ;;
	*) echo 65536 ;;
	esac
}

one() {
	name=$1
	dir=build/fuzz/$name
	art=build/fuzz/$name-artifacts
	log=build/fuzz/$name.log
	mkdir -p "$art"
	seed "$name" "$dir"
	dict=""
	[ -f tests/fuzz/"$name".dict ] && dict="-dict=tests/fuzz/$name.dict"
	# The regression inputs first, under clang's sanitizers too (UBSan
	# there checks more than gcc's, such as NULL + 0).
	if [ -n "$(ls tests/fuzz/regress/"$name" 2>/dev/null)" ] &&
	    ! ./build/fuzz/fuzz_"$name" tests/fuzz/regress/"$name"/* \
	    >"$log.regress" 2>&1; then
		echo "FAIL: fuzz $name: a regression input fails ($log.regress)"
	fi
	start=$(date +%s)
	touch "$art/.start"
	# shellcheck disable=SC2086
	./build/fuzz/fuzz_"$name" -max_total_time="$secs" -timeout=10 \
	    -rss_limit_mb=512 -max_len="$(maxlen "$name")" -print_final_stats=1 \
	    -artifact_prefix="$art/" $dict "$dir" >"$log" 2>&1
	rc=$?
	end=$(date +%s)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	covft=$(grep -E '^#[0-9]+' "$log" | tail -1 |
	    sed -n 's/.*\(cov: [0-9]*\) \(ft: [0-9]*\).*/\1 \2/p')
	found=$(find "$art" -type f ! -name .start -newer "$art/.start" |
	    wc -l)
	if [ "${MERGE:-0}" = 1 ]; then
		mkdir -p tests/fuzz/corpus/"$name"
		./build/fuzz/fuzz_"$name" -merge=1 -max_len="$(maxlen "$name")" \
		    tests/fuzz/corpus/"$name" "$dir" >>"$log" 2>&1
	fi
	printf 'fuzz %-8s %5s min  %10s execs  %-18s crashes: %s  (exit %s, %s)\n' \
	    "$name" "$(awk "BEGIN { printf \"%.1f\", ($end - $start) / 60 }")" \
	    "${execs:-?}" "${covft:-cov: ?}" "$found" "$rc" "$log"
}

running=0
for name in "$@"; do
	one "$name" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait
