#!/bin/sh
# Times pbcheck on two large .docx files and prints their peak RSS (issue 11); bench.sh may call it.
# (a) the sample's 13 project tables repeated 300 times: 3,900 projects,
#     about 46 MB of word/document.xml;
# (b) 22,000 small tables: 60 MB of XML in a zip of about 380 KB.
set -eu
cd "$(dirname "$0")/.."
PBCHECK=${PBCHECK:-./pbcheck}
PYTHON=${PYTHON:-/usr/bin/python3}
dir=build/bench
mkdir -p "$dir"
[ -f "$dir/projects.docx" ] ||
	"$PYTHON" scripts/make_big_docx.py projects "$dir/projects.docx" 300
[ -f "$dir/tables.docx" ] ||
	"$PYTHON" scripts/make_big_docx.py tables "$dir/tables.docx" 22000
for f in projects tables; do
	xml=$(unzip -l "$dir/$f.docx" 2>/dev/null |
	    awk '$4 == "word/document.xml" { print $1 }')
	# Peak RSS and wall time of one run, through python's rusage.
	"$PYTHON" - "$PBCHECK" "$dir/$f.docx" "${xml:-?}" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
subprocess.run([sys.argv[1], "-q", sys.argv[2]], stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL)
t = time.monotonic() - t
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("bench_docx: %s (%s bytes of document.xml): %.2f s, %d KB peak RSS"
      % (sys.argv[2], sys.argv[3], t, kb))
PY
done
