#!/usr/bin/python3
"""Validates JSON documents against a JSON Schema: SARIF 2.1.0, the report, baselines, GitLab (a test helper, not part of pbcheck)."""
import json
import sys

import jsonschema


def main():
    schema_path, *docs = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    bad = 0
    for path in docs:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:5]:
            print("%s: %s at %s" % (path, e.message, "/".join(map(str, e.path))))
        bad += bool(errors)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
