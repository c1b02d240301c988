#!/usr/bin/python3
"""Validates JSON documents against a JSON Schema: SARIF 2.1.0, the report, baselines, GitLab (a test helper, not part of pbcheck).

Usage: validate_json.py [--each] SCHEMA DOC...
--each also prints "valid DOC" or "invalid DOC" for every document, so
that a suite can count each as a check (tests/json_reports.sh)."""
import json
import sys

import jsonschema


def main():
    args = sys.argv[1:]
    each = args[:1] == ["--each"]
    if each:
        args = args[1:]
    schema_path, *docs = args
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    bad = 0
    for path in docs:
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except ValueError as e:
            print("%s: not JSON: %s" % (path, e))
            errors = [e]
        else:
            errors = sorted(validator.iter_errors(doc),
                            key=lambda e: list(e.path))
            for e in errors[:5]:
                print("%s: %s at %s" % (path, e.message,
                                        "/".join(map(str, e.path))))
        bad += bool(errors)
        if each:
            print("%s %s" % ("invalid" if errors else "valid", path))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
