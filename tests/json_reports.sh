# Sourced by the suites that write JSON reports (issue 14 item 6): every
# `-f json` report the suite's pbcheck writes, to standard output or to
# -o FILE, is kept (tests/json_tap.sh stands in for PBCHECK) and at the
# end validated against doc/report.schema.json by one python process,
# each report counted as a check.
# Source after PBCHECK (absolute), tmp, ok and bad are set; call
# json_reports_check before the suite's summary line.
JSON_REAL=$PBCHECK
JSON_DIR=$tmp/json-reports
mkdir -p "$JSON_DIR"
export JSON_REAL JSON_DIR
PBCHECK=$(pwd)/tests/json_tap.sh

# json_reports_check [MIN]: validates the reports kept; fewer than MIN
# (default 1) is a failure too, so a suite that stops writing any is seen.
json_reports_check() {
	min=${1:-1}
	n=$(find "$JSON_DIR" -name '*.json' | wc -l)
	if [ "$n" -lt "$min" ]; then
		bad "$n JSON reports kept, want $min at least"
		return
	fi
	[ "$n" -gt 0 ] || return
	echo "$n JSON reports checked against doc/report.schema.json"
	find "$JSON_DIR" -name '*.json' | sort >"$JSON_DIR/list"
	xargs "${PYTHON:-/usr/bin/python3}" tests/validate_json.py --each \
	    doc/report.schema.json <"$JSON_DIR/list" >"$JSON_DIR/log" 2>&1
	while read -r verdict path; do
		case $verdict in
		valid) ok ;;
		invalid)
			bad "JSON report does not validate: pbcheck $(cat \
			    "$path.args")"
			grep -F "$path:" "$JSON_DIR/log" | head -5 |
			    sed 's/^/  | /' ;;
		esac
	done <<EOT
$(grep -E '^(valid|invalid) ' "$JSON_DIR/log")
EOT
	if [ "$(grep -c -E '^(valid|invalid) ' "$JSON_DIR/log")" -ne "$n" ]; then
		bad "the schema validator did not judge every report"
		sed 's/^/  | /' "$JSON_DIR/log" | tail -5
	fi
}
