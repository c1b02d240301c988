#!/bin/sh
# Replays each fuzz target (built by gcc under ASan + UBSan with
# tests/fuzz/replay.c) over its committed corpus tests/fuzz/corpus/NAME/
# and its regression inputs tests/fuzz/regress/NAME/ (each an input that
# once crashed, leaked or hung). Usage: sh tests/fuzz/replay.sh NAME...
set -u
cd "$(dirname "$0")/../.." || exit 2
pass=0
fail=0
for name in "$@"; do
	if timeout 300 ./build/asan/fuzz/"$name" tests/fuzz/corpus/"$name" \
	    tests/fuzz/regress/"$name" >build/asan/fuzz/"$name".log 2>&1; then
		pass=$((pass + 1))
		echo "fuzz-replay $name: $(tail -n 1 build/asan/fuzz/"$name".log)"
	else
		fail=$((fail + 1))
		echo "FAIL: fuzz-replay $name"
		sed 's/^/  | /' build/asan/fuzz/"$name".log | tail -n 20
	fi
done
echo "fuzz_replay: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
