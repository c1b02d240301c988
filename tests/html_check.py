#!/usr/bin/python3
"""Checks an HTML report of pbcheck (SPEC 5.6), as written or as Chromium's
dumped DOM, with the standard library's parser only.

Usage: html_check.py KIND FILE [PROJECTS]
  page     every page: no script, nothing external, the CSP meta, one style
  sample   page + PROJECTS sections and charts, PB309 on the line-78 row
  hostile  page + the hostile cells are text, no element was injected
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


def main():
    kind, path = sys.argv[1], sys.argv[2]
    want = int(sys.argv[3]) if len(sys.argv) > 3 else 13
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
    for b in bad:
        print("html_check %s: %s" % (kind, b))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
