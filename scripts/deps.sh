#!/bin/sh
# Installs the Debian packages pbcheck builds and tests with; a no-op when all are present.
set -eu

packages="gcc make pkg-config libcsv-dev libxml2-dev libzip-dev libcmocka-dev python3 libxml2-utils python3-jsonschema python3-docx python3-openpyxl valgrind time"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing packages:$missing (install them; this is not a Debian system)" >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "deps: missing packages:$missing (run as root to install them)" >&2
		exit 1
	fi
fi
echo "deps: installing$missing" >&2
# A fresh machine has empty package lists: update once before installing.
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
