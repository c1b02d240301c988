#!/usr/bin/python3
"""Compares what pbcheck reads from each layout sample with the model a
careful reader expects of it (data/layouts/*/*.expect.json).

Usage: /usr/bin/python3 tests/compare_layout.py PBCHECK EXPECT.json ...

For each expectation, runs `PBCHECK -f json FILE` on the sample
beside it and compares its projects[] in order, field by field (code, name,
budget, fiscal, other, purpose, plan, goals, each indicator's levels,
description, basis and value.raw; null = the layout has no such field),
then the findings as multisets of (rule, project) — PB010 by (rule, field),
its field named in English or Chinese — with files[0].format (and
encoding) where the expectation names them. Prints each difference as
`layout/file: project N field: got X, want Y` and at the end
`layouts: N passed, M failed`: one check per expected project and one per
file (its findings and format).
"""

import csv
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

PROJECT_FIELDS = ("code", "name", "budget", "fiscal", "other", "purpose",
                  "plan", "goals")
INDICATOR_FIELDS = ("level1", "level2", "level3", "description", "basis")

# PB010's field, however the reader names it.
FIELD_NAMES = {
    "code": "code", "项目编码": "code",
    "purpose": "purpose", "资金用途": "purpose",
    "plan": "plan", "资金支出计划": "plan", "3月底": "plan",
    "plan_mar": "plan",
    "description": "description", "绩效指标描述": "description",
    "basis": "basis", "指标值确定依据": "basis",
}


def show(x):
    return json.dumps(x, ensure_ascii=False)


def same(got, want):
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return (isinstance(got, (int, float)) and not isinstance(got, bool)
                and abs(got - want) < 1e-9)
    if isinstance(want, list):
        return (isinstance(got, list) and len(got) == len(want)
                and all(same(g, w) for g, w in zip(got, want)))
    return got == want


def compare_project(got, want):
    """The differences as (field, got, want)."""
    diffs = []
    for f in PROJECT_FIELDS:
        g = got.get(f, "(missing)")
        if not same(g, want[f]):
            diffs.append((f, g, want[f]))
    gi, wi = got.get("indicators") or [], want["indicators"]
    if len(gi) != len(wi):
        diffs.append(("indicators", "%d indicators" % len(gi),
                      "%d indicators" % len(wi)))
    for k, (g, w) in enumerate(zip(gi, wi), 1):
        for f in INDICATOR_FIELDS:
            if not same(g.get(f, "(missing)"), w[f]):
                diffs.append(("indicator %d %s" % (k, f), g.get(f), w[f]))
        gv = (g.get("value") or {}).get("raw", "(missing)")
        if gv != w["value"]["raw"]:
            diffs.append(("indicator %d value.raw" % k, gv,
                          w["value"]["raw"]))
    return diffs


def finding_key(f):
    if f.get("rule") == "PB010":
        field = f.get("field")
        return ("PB010", FIELD_NAMES.get(field, field))
    return (f.get("rule"), f.get("project"))


def check_file(pbcheck, path):
    """(passed, failed) for one expectation file."""
    want = json.load(open(path, encoding="utf-8"))
    folder = os.path.dirname(path)
    sample = os.path.join(folder, want["file"])
    label = "%s/%s" % (os.path.basename(folder), want["file"])
    npass = nfail = 0
    r = subprocess.run([pbcheck, "-f", "json", sample],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        got = json.loads(r.stdout.decode("utf-8"))
    except ValueError:
        print("%s: no JSON report (exit %d): %s"
              % (label, r.returncode,
                 r.stderr.decode("utf-8", "replace").strip()[:300]))
        return 0, len(want["projects"]) + 1
    gp = got.get("projects") or []
    for n, w in enumerate(want["projects"], 1):
        if n > len(gp):
            print("%s: project %d: missing (want %s, %d indicators; read %d "
                  "projects)" % (label, n, show(w["name"]),
                                 len(w["indicators"]), len(gp)))
            nfail += 1
            continue
        diffs = compare_project(gp[n - 1], w)
        for f, g, x in diffs:
            print("%s: project %d %s: got %s, want %s"
                  % (label, n, f, show(g), show(x)))
        if diffs:
            nfail += 1
        else:
            npass += 1
    for n in range(len(want["projects"]) + 1, len(gp) + 1):
        print("%s: project %d: not expected (got %s, %d indicators)"
              % (label, n, show(gp[n - 1].get("name")),
                 len(gp[n - 1].get("indicators") or [])))
    gf = Counter(finding_key(f) for f in got.get("findings") or [])
    wf = Counter(finding_key(f) for f in want["findings"])
    extra, missing = gf - wf, wf - gf
    for k in sorted(extra, key=show):
        print("%s: findings: got %s %s x%d, want none"
              % (label, k[0], show(k[1]), extra[k]))
    for k in sorted(missing, key=show):
        print("%s: findings: got none, want %s %s x%d"
              % (label, k[0], show(k[1]), missing[k]))
    gfile = (got.get("files") or [{}])[0]
    wrong = False
    for k in ("format", "encoding"):
        if k in want and gfile.get(k) != want[k]:
            print("%s: files[0].%s: got %s, want %s"
                  % (label, k, show(gfile.get(k)), show(want[k])))
            wrong = True
    if extra or missing or wrong or len(gp) > len(want["projects"]):
        nfail += 1
    else:
        npass += 1
    return npass, nfail


# --model: the expectation's findings against pbcheck's rules on the
# expected model itself, written as canonical CSV. A field the layout lacks
# gets a neutral stand-in and the findings of the rules on it are dropped
# (they are PB010's); 百分比 is written % (the issue's alias).
STAND_IN = {"purpose": "说明", "description": "说明", "basis": "工作计划"}
ABSENT_RULES = {"code": ("PB101", "PB102"), "purpose": ("PB104",),
                "plan": ("PB2",), "description": ("PB307", "PB308"),
                "basis": ("PB309", "PB501")}
FILE_RULES = ("PB007", "PB010")


def canonical_csv(want, path):
    ngoals = max([len(p["goals"]) for p in want["projects"]] + [1])
    head = ["项目编码", "项目名称", "预算数", "财政资金", "其他资金", "资金用途",
            "3月底", "6月底", "10月底", "12月底"]
    head += ["目标%d" % k for k in range(1, ngoals + 1)]
    head += ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
             "指标值确定依据"]
    names = {}
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(head)
        for n, p in enumerate(want["projects"], 1):
            code = p["code"]
            if code is None:
                code = "LAYOUT-%d" % n
                names[code] = p["name"]
            plan = p["plan"] if p["plan"] is not None else [25, 50, 75, 100]
            goals = p["goals"] + [""] * (ngoals - len(p["goals"]))
            proj = [code, p["name"], p["budget"], p["fiscal"], p["other"],
                    p["purpose"] if p["purpose"] is not None
                    else STAND_IN["purpose"]]
            proj += ["" if x is None else x for x in plan] + goals
            for i in p["indicators"]:
                w.writerow(proj + [
                    i["level1"], i["level2"], i["level3"],
                    i["description"] if i["description"] is not None
                    else STAND_IN["description"],
                    i["value"]["raw"].replace("百分比", "%"),
                    i["basis"] if i["basis"] is not None
                    else STAND_IN["basis"]])
    return names


def check_model(pbcheck, path):
    """(passed, failed): the expected findings are the rules' on the
    expected model."""
    want = json.load(open(path, encoding="utf-8"))
    label = "%s/%s (model)" % (os.path.basename(os.path.dirname(path)),
                               want["file"])
    absent = set()
    for p in want["projects"]:
        for f in ("code", "purpose", "plan"):
            if p[f] is None:
                absent.add(f)
        for i in p["indicators"]:
            for f in ("description", "basis"):
                if i[f] is None:
                    absent.add(f)
    dropped = tuple(r for f in absent for r in ABSENT_RULES[f])
    with tempfile.TemporaryDirectory() as tmp:
        csvpath = os.path.join(tmp, "model.csv")
        names = canonical_csv(want, csvpath)
        r = subprocess.run([pbcheck, "-f", "json", csvpath],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        got = json.loads(r.stdout.decode("utf-8"))
    except ValueError:
        print("%s: no JSON report (exit %d)" % (label, r.returncode))
        return 0, 1
    gf = Counter((f["rule"], names.get(f.get("project"), f.get("project")))
                 for f in got.get("findings") or []
                 if not f["rule"].startswith(dropped))
    wf = Counter((f["rule"], f["project"]) for f in want["findings"]
                 if f["rule"] not in FILE_RULES)
    extra, missing = gf - wf, wf - gf
    for k in sorted(extra, key=show):
        print("%s: findings: got %s %s x%d, want none"
              % (label, k[0], show(k[1]), extra[k]))
    for k in sorted(missing, key=show):
        print("%s: findings: got none, want %s %s x%d"
              % (label, k[0], show(k[1]), missing[k]))
    return (0, 1) if extra or missing else (1, 0)


def main(argv):
    model = len(argv) > 1 and argv[1] == "--model"
    if model:
        argv = argv[:1] + argv[2:]
    if len(argv) < 3:
        sys.stderr.write("usage: compare_layout.py [--model] PBCHECK "
                         "EXPECT.json ...\n")
        return 2
    npass = nfail = 0
    for path in argv[2:]:
        p, f = (check_model if model else check_file)(argv[1], path)
        npass += p
        nfail += f
    print("layouts: %d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
