#!/usr/bin/python3
"""Checks an HTML report of pbcheck (SPEC 5.6), as written or as Chromium's
dumped DOM, with the standard library's parser only.

Usage: html_check.py KIND FILE [PROJECTS | JSON]
  page     every page: no script, nothing external, the CSP meta, one style
  sample   page + PROJECTS sections and charts, PB309 on the line-78 row
  hostile  page + the hostile cells are text, no element was injected
  model    page + the page agrees with JSON, the -f json report of the same
           input and options: the summary band, the projects table (links,
           counts, badges), every href="#..." resolves, per project the
           chart (time line, plotted plan, blank marks), the findings and
           the 一级/二级 rowspans, and the print stylesheet
  pdf      FILE is `pdftotext -layout` of the printed page, JSON as for
           model: each project starts a page, in order, and every cell of
           an indicator row is printed whole on one page, the same page
Prints one line per failed check and exits 1 if any failed.
"""
import sys
from html.parser import HTMLParser

# The elements the report writes; anything else was injected.
ALLOWED = {"html", "head", "meta", "title", "style", "body", "h1", "h2",
           "h3", "section", "div", "span", "b", "a", "table", "thead",
           "tbody", "tr", "th", "td", "p", "code", "footer", "svg", "line",
           "polyline", "circle", "text"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []          # (tag, attrs dict)
        self.text = []
        self.rows = []          # (attrs, text of the row)
        self.row = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "tr":
            self.row = (a, [])
            self.rows.append(self.row)

    def handle_endtag(self, tag):
        if tag in ("tr", "table"):
            self.row = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)
        if self.row is not None:
            self.row[1].append(data)


# The model check: a small tree of the page, compared with the JSON report.
VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col",
        "embed", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children = []      # Nodes and strings

    def cls(self):
        return (self.attrs.get("class") or "").split()

    def text(self):
        return "".join(c if isinstance(c, str) else c.text()
                       for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def find(self, tag=None, cls=None, **attrs):
        return [n for n in self.walk() if (tag is None or n.tag == tag) and
                (cls is None or cls in n.cls()) and
                all(n.attrs.get(k) == v for k, v in attrs.items())]

    def kids(self, tag):
        return [c for c in self.children if isinstance(c, Node) and
                c.tag == tag]


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


SEVERITIES = ("error", "warning", "info")


def squash(s):
    return "".join((s or "").split())


def shown(s):
    """A model text as the page shows it: controls written out, as
    html_escape() does (text_is_control())."""
    out = []
    s = s or ""
    for i, ch in enumerate(s):
        c = ord(ch)
        if ch in "\t\n":
            out.append(ch)
        elif ch == "\r":
            if s[i + 1:i + 2] != "\n":
                out.append("\n")
        elif c < 0x20 or c == 0x7F:
            out.append("\\x%02x" % c)
        elif 0x7F < c <= 0x9F or c in (0x2028, 0x2029) or \
                0x202A <= c <= 0x202E or 0x2066 <= c <= 0x2069:
            out.append("\\u%04x" % c)
        else:
            out.append(ch)
    return "".join(out)


def fails(fail_on, e, w, i):
    if fail_on == "never":
        return False
    return e > 0 or (fail_on in ("warning", "info") and w > 0) or \
        (fail_on == "info" and i > 0)


def worst(e, w, i):
    return "error" if e else "warning" if w else "info" if i else "clean"


def number(s):
    try:
        return float(s)
    except ValueError:
        return None


def chart_y(pct):
    return 180 - min(max(pct, -5), 110) * 1.5


def chart_x(month):
    return 48 + month * 25.0


def points(node):
    return [tuple(float(v) for v in p.split(","))
            for p in (node.attrs.get("points") or "").split()]


def near(a, b, tol=0.051):
    return len(a) == len(b) and all(
        abs(x[0] - y[0]) <= tol and abs(x[1] - y[1]) <= tol
        for x, y in zip(a, b))


def runs(inds, key):
    """Run lengths of consecutive indicators with the same key, blank
    keys never merging: [(first row, length)]."""
    out = []
    i = 0
    while i < len(inds):
        j = i + 1
        k = key(inds[i])
        while j < len(inds) and squash(k[-1]) and key(inds[j]) == k:
            j += 1
        out.append((i, j - i))
        i = j
    return out


def grid(tbody):
    """The rows of a table body with, per row, the cells that start on it
    as (column, td, rowspan, colspan); None when a row is not 6 wide."""
    rows = tbody.kids("tr")
    busy = {}           # column -> rows still covered below
    out = []
    for t, tr in enumerate(rows):
        cells = []
        col = 0
        for td in tr.kids("td") + tr.kids("th"):
            while busy.get(col, 0) > 0:
                col += 1
            rs = int(td.attrs.get("rowspan", "1"))
            cs = int(td.attrs.get("colspan", "1"))
            cells.append((col, td, rs, cs))
            for c in range(col, col + cs):
                busy[c] = rs
            col += cs
        width = max([col] + [c + 1 for c, v in busy.items() if v > 0])
        out.append((tr, cells, width))
        for c in busy:
            busy[c] -= 1
    return out


def check_print_css(css, bad):
    import re
    m = re.search(r"@media print\s*\{", css)
    if not m:
        bad.append("no @media print stylesheet")
        return
    depth, i = 1, m.end()
    while depth and i < len(css):
        depth += {"{": 1, "}": -1}.get(css[i], 0)
        i += 1
    block = css[m.end():i - 1]
    rules = [(sel.split(","), body) for sel, body in
             re.findall(r"([^{}]+)\{([^{}]*)\}", block)]

    def has(selector, decl):
        return any(selector in [s.strip() for s in sels] and
                   decl in squash(body) for sels, body in rules)
    for sel in ("tr", "svg"):
        if not has(sel, "break-inside:avoid"):
            bad.append("print CSS: no break-inside:avoid on %s" % sel)
    if not has(".project", "break-before:page"):
        bad.append("print CSS: a project does not start a page")
    if not re.search(r"@page\s*\{[^}]*size:\s*A4", css):
        bad.append("print CSS: the page is not A4")


def check_model(root, model, bad):
    projects, summary = model["projects"], model["summary"]
    # Every id once, every link to one of them.
    ids = [n.attrs["id"] for n in root.walk() if "id" in n.attrs]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        bad.append("ids used twice: %r" % sorted(dup)[:5])
    for n in root.walk():
        href = n.attrs.get("href")
        if href is not None and href.startswith("#") and \
                href[1:] not in ids:
            bad.append("link %r resolves to no id" % href)

    # The band.
    band = root.find("section", id="summary")
    items = band[0].kids("div") if band else []
    if len(items) != 8:
        bad.append("the band has %d items, want 8" % len(items))
        return
    vals = [squash(d.kids("b")[0].text()) for d in items]
    want = [str(summary["files"]), str(summary["projects"]), None,
            str(summary["indicators"]), str(summary["errors"]),
            str(summary["warnings"]), str(summary["infos"])]
    names = ("files", "projects", "budget", "indicators", "errors",
             "warnings", "infos")
    for k in range(7):
        if want[k] is not None and vals[k] != want[k]:
            bad.append("band %s is %r, want %r" % (names[k], vals[k],
                                                   want[k]))
    for k, sev in ((4, "error"), (5, "warning"), (6, "info")):
        if sev not in items[k].cls():
            bad.append("band %s is not of class %s" % (names[k], sev))
    total = sum(p["budget"] for p in projects if p["budget"] is not None)
    got = number(vals[2])
    if got is None or abs(got - total) > 5e-5 + 1e-12 * abs(total):
        bad.append("band budget is %r, want %s" % (vals[2], total))
    fail_on = items[7].kids("span")[-1].text().split(":")[-1].strip()
    fail_on = {"从不": "never"}.get(fail_on, fail_on)
    if fail_on not in SEVERITIES + ("never",):
        bad.append("band: no fail-on level in %r" % fail_on)
    failed = fails(fail_on, summary["errors"], summary["warnings"],
                   summary["infos"]) or \
        any(not f.get("readable", True) for f in model["files"])
    result = root.find("span", id="result")
    if len(result) != 1 or ("fail" if failed else "pass") not in \
            result[0].cls():
        bad.append("the result badge is not %s" %
                   ("fail" if failed else "pass"))
    # The files table.
    ftab = root.find("table", cls="files")
    frows = ftab[0].find("tr")[1:] if ftab else []
    if len(frows) != len(model["files"]):
        bad.append("%d rows of files, want %d" % (len(frows),
                                                  len(model["files"])))
    for tr, f in zip(frows, model["files"]):
        tds = tr.kids("td")
        if tds[0].text() != f["path"] or \
                [squash(t.text()) for t in tds[2:]] != \
                [str(f["projects"]), str(f["indicators"])]:
            bad.append("the files row of %s is wrong" % f["path"])

    # The projects table: a row a project, linked to its section.
    ptab = root.find("table", cls="projects")
    prows = ptab[0].find("tbody")[0].kids("tr") if ptab else []
    if len(prows) != len(projects):
        bad.append("%d rows in the projects table, want %d" %
                   (len(prows), len(projects)))
    for seq, (tr, p) in enumerate(zip(prows, projects), 1):
        tds = tr.kids("td")
        where = "projects table row %d" % seq
        counts = (p["errors"], p["warnings"], p["infos"])
        if len(tds) != 9:
            bad.append("%s: %d cells, want 9" % (where, len(tds)))
            continue
        links = tds[1].kids("a")
        code = shown(p["code"]) if p["code"] and squash(p["code"]) else "-"
        if squash(tds[0].text()) != str(seq):
            bad.append("%s: number %r" % (where, tds[0].text()))
        if len(links) != 1 or links[0].attrs.get("href") != "#p%d" % seq:
            bad.append("%s: the code is not a link to #p%d" % (where, seq))
        elif links[0].text() != code:
            bad.append("%s: code %r, want %r" % (where, links[0].text(),
                                                 code))
        if tds[2].text() != shown(p["name"]):
            bad.append("%s: name %r, want %r" % (where, tds[2].text(),
                                                 p["name"]))
        b = number(squash(tds[3].text()))
        if p["budget"] is not None and b is not None and \
                abs(b - p["budget"]) > 1e-9 * max(1, abs(b)):
            bad.append("%s: budget %r, want %s" % (where, tds[3].text(),
                                                   p["budget"]))
        got = [squash(t.text()) for t in tds[4:8]]
        want = [str(len(p["indicators"]))] + [str(c) for c in counts]
        if got != want:
            bad.append("%s: counts %r, want %r" % (where, got, want))
        badge = tds[8].find("span", cls="badge")
        status = "fail" if fails(fail_on, *counts) else "pass"
        if len(badge) != 1 or status not in badge[0].cls():
            bad.append("%s: the badge is not %s" % (where, status))
        if worst(*counts) not in tr.cls():
            bad.append("%s: the row is not of class %s" %
                       (where, worst(*counts)))

    # The sections.
    sections = root.find("section", cls="project")
    if len(sections) != len(projects):
        bad.append("%d project sections, want %d" % (len(sections),
                                                     len(projects)))
    for seq, (sec, p) in enumerate(zip(sections, projects), 1):
        check_section(seq, sec, p, bad)


def check_section(seq, sec, p, bad):
    where = "project %d" % seq
    counts = (p["errors"], p["warnings"], p["infos"])
    if sec.attrs.get("id") != "p%d" % seq:
        bad.append("%s: the section's id is %r" % (where,
                                                   sec.attrs.get("id")))
    if worst(*counts) not in sec.cls():
        bad.append("%s: the section is not of class %s" %
                   (where, worst(*counts)))
    # Each finding once, in full, in the section of its project.
    shown = sec.find("div", cls="fd")
    got = tuple(sum(1 for d in shown if s in d.cls()) for s in SEVERITIES)
    if got != counts:
        bad.append("%s: findings shown %r, want %r" % (where, got, counts))

    # The chart.
    charts = sec.find("svg", cls="chart")
    if p["plan"] is None:
        if charts:
            bad.append("%s: a chart of an absent plan" % where)
    elif len(charts) != 1 or charts[0].attrs.get("id") != "p%d-chart" % seq:
        bad.append("%s: not one chart with the id p%d-chart" % (where, seq))
    else:
        check_chart(where, charts[0], sec, p["plan"], bad)

    # The indicator table, laid out like the form.
    tabs = sec.find("table", cls="ind")
    if len(tabs) != 1:
        bad.append("%s: %d indicator tables" % (where, len(tabs)))
        return
    check_indicators(where, seq, tabs[0].find("tbody")[0], p["indicators"],
                     bad)


def check_chart(where, svg, sec, plan, bad):
    months = (3, 6, 10, 12)
    lines = svg.find("polyline")
    time = [l for l in lines if "plan-line" not in l.cls()]
    want = [(chart_x(0), chart_y(0))] + [(chart_x(m), chart_y(v))
                                         for m, v in zip(months, (25, 50,
                                                         250 / 3, 100))]
    if len(time) != 1 or not near(points(time[0]), want):
        bad.append("%s: the time-progress line is not 25/50/83/100: %r" %
                   (where, [points(l) for l in time]))
    # Blank or not a number, from the plan's own table beside the chart.
    rows = svg.parent.find("table", cls="fields")
    rows = rows[0].find("tr") if rows else []
    if len(rows) != 4:
        bad.append("%s: the plan table has %d rows" % (where, len(rows)))
        return
    blank = [bool(r.find("span", cls="blank")) for r in rows]
    want = [(chart_x(0), chart_y(0))]
    for m, v, b in zip(months, plan, blank):
        if v is not None:
            want.append((chart_x(m), chart_y(v)))
        elif b:
            want.append((chart_x(m), chart_y(0)))
    plan_line = svg.find("polyline", cls="plan-line")
    if len(plan_line) != 1 or not near(points(plan_line[0]), want):
        bad.append("%s: the plan line %r, want %r" %
                   (where, [points(l) for l in plan_line], want))
    marks = svg.find("circle", cls="milestone-blank")
    got = sorted(float(c.attrs["cx"]) for c in marks)
    want = [chart_x(m) for m, v in zip(months, plan) if v is None]
    if got != want or any(abs(float(c.attrs["cy"]) - chart_y(0)) > 0.051
                          for c in marks):
        bad.append("%s: blank marks at x=%r, want %r (plan %r)" %
                   (where, got, want, plan))
    dots = [c for c in svg.find("circle") if "milestone-blank" not in
            c.cls()]
    want = [(chart_x(m), chart_y(v)) for m, v in zip(months, plan)
            if v is not None]
    got = [(float(c.attrs["cx"]), float(c.attrs["cy"])) for c in dots]
    if not near(got, want):
        bad.append("%s: plotted points %r, want %r" % (where, got, want))
    # Each point's label is its value.
    for c, v in zip(dots, [v for v in plan if v is not None]):
        i = c.parent.children.index(c)
        label = next((n for n in c.parent.children[i + 1:]
                      if isinstance(n, Node)), None)
        if label is None or label.tag != "text" or \
                number(label.text()) is None or \
                abs(number(label.text()) - v) > 5e-5:
            bad.append("%s: the point of %s is not labelled %s" %
                       (where, v, v))


def check_indicators(where, seq, tbody, inds, bad):
    g = grid(tbody)
    data = [t for t, (tr, cells, w) in enumerate(g)
            if "frow" not in tr.cls()]
    if len(data) != len(inds):
        bad.append("%s: %d indicator rows, want %d" % (where, len(data),
                                                       len(inds)))
        return
    for t, (tr, cells, width) in enumerate(g):
        if width != 6:
            bad.append("%s: row %r is %d columns wide" %
                       (where, tr.attrs.get("id"), width))
        if "frow" in tr.cls() and (t == 0 or "frow" in g[t - 1][0].cls() or
                                   tr.attrs.get("data-line") !=
                                   g[t - 1][0].attrs.get("data-line")):
            bad.append("%s: a findings row %r not under its row" %
                       (where, tr.attrs.get("id")))
    for j, (t, ind) in enumerate(zip(data, inds)):
        tr = g[t][0]
        if tr.attrs.get("id") != "p%d-r%d" % (seq, j + 1) or \
                tr.attrs.get("data-line") != str(ind["line"]):
            bad.append("%s: row %d is %r line %r, want line %d" %
                       (where, j + 1, tr.attrs.get("id"),
                        tr.attrs.get("data-line"), ind["line"]))
        cells = {c: td for c, td, rs, cs in g[t][1]}
        for col, key in ((2, "level3"), (4, "value")):
            want = shown(ind[key]["raw"] if key == "value" else ind[key])
            span = cells[col].find("span") if col in cells else []
            if not span or squash(span[0].text()) != squash(want) and \
                    squash(want):
                bad.append("%s: row %d %s is %r, want %r" %
                           (where, j + 1, key, span and span[0].text(),
                            want))
    # 一级 and 二级: one cell per run of rows sharing it, spanning the
    # run's rows and the findings rows between them.
    for col, key in ((0, lambda i: (i["level1"],)),
                     (1, lambda i: (i["level1"], i["level2"]))):
        want = runs(inds, key)
        got = []
        for t, (tr, cells, w) in enumerate(g):
            for c, td, rs, cs in cells:
                if c == col and "frow" not in tr.cls():
                    covered = [u for u in range(t, t + rs)
                               if u < len(g) and "frow" not in
                               g[u][0].cls()]
                    last = t + rs - 1
                    if last >= len(g) or "frow" in g[last][0].cls():
                        bad.append("%s: the %s cell of row %r ends on a "
                                   "findings row" % (where,
                                                     ("一级", "二级")[col],
                                                     tr.attrs.get("id")))
                    got.append((data.index(t), len(covered)))
        if got != want:
            bad.append("%s: %s cells span %r, want %r" %
                       (where, ("一级", "二级")[col], got, want))


def pieces(cell, lines, start):
    """Whether cell (no white space) is printed from line start on: the
    longest prefix found on each line, the next piece on one of the next
    lines, as a wrapped table cell prints with -layout."""
    rem, at = cell, start
    line = squash(lines[at])
    k = max((n for n in range(1, len(rem) + 1) if rem[:n] in line),
            default=0)
    if k < min(2, len(rem)):
        return False
    rem = rem[k:]
    while rem:
        for at in range(at + 1, min(at + 4, len(lines))):
            line = squash(lines[at])
            k = max((n for n in range(1, len(rem) + 1) if rem[:n] in line),
                    default=0)
            if k:
                break
        else:
            return False
        rem = rem[k:]
    return True


def check_pdf(text, model, bad):
    pages = [p.split("\n") for p in text.split("\f")]
    starts = []
    for seq, p in enumerate(model["projects"], 1):
        code = p["code"] if p["code"] and squash(p["code"]) else ""
        head = squash("%d. %s" % (seq, code))
        at = [n for n, lines in enumerate(pages)
              if next((squash(l) for l in lines if l.strip()), "")
              .startswith(head)]
        if len(at) != 1:
            bad.append("project %d (%s) starts %d pages, want 1" %
                       (seq, code, len(at)))
            return
        starts.append(at[0])
    if starts != sorted(starts):
        bad.append("the projects are printed out of order: %r" % starts)
        return
    # The end of the sections: the rules explained, or the last page.
    starts.append(next((n for n in range(starts[-1] + 1, len(pages))
                        if any(l.strip() for l in pages[n]) and
                        squash(next(l for l in pages[n] if l.strip()))
                        in ("Therulesfoundinthisreport", "本报告涉及的规则")),
                       len(pages)))
    # A glyph no font of the machine has is not in the text: the cells
    # are compared on the characters the sections' own pages show.
    printed = set(squash("".join("\n".join(pages[n])
                                 for n in range(starts[0], starts[-1]))))
    fields = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
              "指标值确定依据")

    def one_page(texts, own):
        where = set(own)
        for t in texts:
            t = "".join(c for c in squash(t) if c in printed)
            if len(t) >= 2:
                where &= {n for n in own
                          if any(pieces(t, pages[n], i)
                                 for i in range(len(pages[n])))}
        return bool(where)
    for seq, p in enumerate(model["projects"], 1):
        own = range(starts[seq - 1], starts[seq])
        label = p["code"] if p["code"] and squash(p["code"]) else p["name"]
        below = {}      # row -> the messages of its findings row
        for f in model["findings"]:
            if f["file"] == p["file"] and f["project"] == label and \
                    f["field"] in fields:
                rows = [j for j, ind in enumerate(p["indicators"])
                        if ind["line"] <= f["line"]]
                if rows:
                    below.setdefault(rows[-1], []).append(f["message"])
        for j, ind in enumerate(p["indicators"]):
            if not one_page([ind["level3"], ind["description"],
                             ind["basis"], ind["value"]["raw"]], own):
                bad.append("project %d row %d (line %d) is not printed "
                           "whole on one page" % (seq, j + 1, ind["line"]))
            if j in below and not one_page(below[j], own):
                bad.append("project %d: the findings of row %d (line %d) "
                           "are not printed on one page" %
                           (seq, j + 1, ind["line"]))


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "pdf":
        import json
        bad = []
        with open(sys.argv[3], encoding="utf-8") as f:
            check_pdf(open(path, encoding="utf-8").read(), json.load(f),
                      bad)
        for b in bad:
            print("html_check %s: %s" % (kind, b))
        return 1 if bad else 0
    want = int(sys.argv[3]) if len(sys.argv) > 3 and kind != "model" \
        else 13
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    p.close()
    bad = []
    text = "".join(p.text)

    def count(tag, cls):
        return sum(1 for t, a in p.tags
                   if t == tag and cls in (a.get("class") or "").split())

    for t, a in p.tags:
        if t not in ALLOWED:
            bad.append("element <%s> %r" % (t, a))
        for k, v in a.items():
            if k.startswith("on"):
                bad.append("event attribute %s on <%s>" % (k, t))
            if k in ("src", "href", "xlink:href", "action", "srcset") \
                    and not (v or "").startswith("#"):
                bad.append("external %s=%r on <%s>" % (k, v, t))
    csp = [a.get("content", "") for t, a in p.tags if t == "meta" and
           (a.get("http-equiv") or "").lower() == "content-security-policy"]
    if len(csp) != 1 or "default-src 'none'" not in csp[0] or \
            "script-src 'none'" not in csp[0]:
        bad.append("no CSP meta forbidding scripts and loads: %r" % csp)
    if sum(1 for t, a in p.tags if t == "style") != 1:
        bad.append("not exactly one <style>")
    if kind == "sample":
        n = count("section", "project")
        if n != want:
            bad.append("%d project sections, want %d" % (n, want))
        n = count("svg", "chart")
        if n != want:
            bad.append("%d charts, want %d" % (n, want))
        rows = [r for r in p.rows if r[0].get("data-line") == "78"]
        if len(rows) != 2 or "PB309" not in "".join(rows[0][1]) or \
                rows[1][0].get("class") != "frow" or \
                "571-0101-YBN-VYAO" not in "".join(rows[1][1]):
            bad.append("PB309 is not on the row of line 78: %r" % rows)
        others = [r for r in p.rows if r[0].get("data-line") not in
                  (None, "78") and "PB309" in "".join(r[1])]
        if others:
            bad.append("PB309 on another row: %r" % others[0][0])
    if kind == "hostile":
        for s in ("<script>alert(1)</script>",
                  '"><img src=x onerror=alert(1)>', "</style>",
                  "'q' & \\x1b[2J"):
            if s not in text:
                bad.append("%r is not shown as text" % s)
        if count("section", "project") != 1:
            bad.append("not one project section")
    if kind == "model":
        import json
        t = Tree()
        t.feed(open(path, encoding="utf-8").read())
        t.close()
        with open(sys.argv[3], encoding="utf-8") as f:
            check_model(t.root, json.load(f), bad)
        css = "".join(c for n in t.root.find("style") for c in n.children
                      if isinstance(c, str))
        check_print_css(css, bad)
    for b in bad:
        print("html_check %s: %s" % (kind, b))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
