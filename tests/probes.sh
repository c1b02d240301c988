#!/bin/sh
# Probes of the form recogniser's generality: scripts/make_probes.py draws
# each layout the ways an officer's file may differ (columns reordered,
# extra columns, labels spelt otherwise, money with 万元, halves swapped,
# two-row headers, blank rows, repeated 一级, plans in %, LibreOffice
# round trips when soffice is installed) into build/probes/, with the
# model a careful reader takes from each, and prints one line per probe:
# expected and read projects × indicators, then the differences.
# Not in `make check`: the probes are what the recogniser does not read
# yet as well as what it does; the exit status is 1 while any fails.
# Usage: sh tests/probes.sh [PBCHECK]     (PROBES_NO_SOFFICE=1: no soffice)
set -u
cd "$(dirname "$0")/.." || exit 2
PBCHECK=${1:-./pbcheck}
case $PBCHECK in /*) ;; *) PBCHECK=$(pwd)/$PBCHECK ;; esac
PYTHON=${PYTHON:-/usr/bin/python3}
unset LC_ALL LC_MESSAGES LANG
rm -rf build/probes
mkdir -p build/probes || exit 2
"$PYTHON" scripts/make_probes.py build/probes || exit 2
"$PYTHON" scripts/make_probes.py --table "$PBCHECK" build/probes
