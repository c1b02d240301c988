#!/usr/bin/python3
"""A stand-in for pbcheck in tests/layouts.sh's self-test: `-f json FILE`
prints FILE.expect.json as a report (the expected projects and findings,
with the extra keys a real report has). With LAYOUT_MUTATE=1 it gets one
indicator value, one goal and one finding wrong per file, so the
comparison must fail each file's first project and its findings."""

import json
import os
import sys

path = sys.argv[-1]
want = json.load(open(path + ".expect.json", encoding="utf-8"))
projects = []
for n, p in enumerate(want["projects"], 1):
    p = dict(p, file=path, line=n, errors=0, warnings=0, infos=0)
    p["indicators"] = [dict(i, line=k, value=dict(i["value"], kind="x"))
                       for k, i in enumerate(p["indicators"], 1)]
    projects.append(p)
findings = [dict(f, severity="info", message="m", file=path, line=1,
                 column=1) for f in want["findings"]]
if os.environ.get("LAYOUT_MUTATE") == "1":
    projects[0]["indicators"][-1]["value"]["raw"] += "x"
    projects[0]["goals"] = projects[0]["goals"][1:]
    findings.append({"rule": "PB999", "project": None})
files = [{"path": path, "format": want["format"],
          "encoding": want.get("encoding")}]
json.dump({"files": files, "projects": projects, "findings": findings},
          sys.stdout,
          ensure_ascii=False)
