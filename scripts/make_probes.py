#!/usr/bin/python3
"""Probes of the form recogniser's generality (SPEC 2.2): the layout
samples of scripts/make_layouts.py drawn the ways a real officer's file may
differ, each with the model a careful reader takes from it.

Usage:
  /usr/bin/python3 scripts/make_probes.py OUTDIR          (build/probes)
  /usr/bin/python3 scripts/make_probes.py --table PBCHECK OUTDIR

The first writes OUTDIR/<probe>.<ext> and <probe>.<ext>.expect.json (the
shape of data/layouts/*/*.expect.json) for every probe, and, when soffice
is installed, OUTDIR/lo-<sample> for LibreOffice round trips of the layout
samples in data/layouts (each .xlsx saved again as .xlsx, each .docx as
.docx: LibreOffice's own XML), expected to read as the sample does. The
second runs PBCHECK -f json on each and prints one line per probe:
expected and read projects and indicators, then the field and finding
differences (tests/compare_layout.py's), and `probes: N passed, M failed`.

Every expectation is derived from the base sample's model plus the
perturbation: the content is the layout's, only the drawing differs, so
the model is the same unless the probe says otherwise. The probes are not
committed data (they are regenerated, and soffice's output is not byte
stable); the few that matter most are also drawn by make_layouts.py into
data/layouts/probes/ (committed(), run by `sh tests/layouts.sh`).
"""

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
import make_layouts as L  # noqa: E402

PROG = "make_probes"
UP = L.UP


# --------------------------------------------------------------------------
# Drawing: a probe is a list of blocks, ("p", text) a paragraph (a title
# row merged across, in a workbook) or ("t", rows, ncols) a table.

def docx_bytes(blocks):
    doc = L.new_doc("预算项目绩效目标")
    for b in blocks:
        if b[0] == "p":
            doc.add_paragraph(b[1])
        else:
            L.add_grid(doc, b[1], b[2])
    return L.doc_bytes(doc)


def xlsx_bytes(blocks, number=True):
    wb = L.new_book("预算项目绩效目标")
    ws = L.new_sheet(wb, "绩效目标")
    row = 1
    width = max([b[2] for b in blocks if b[0] == "t"] + [1])
    for b in blocks:
        if b[0] == "p":
            row = L.xlsx_title(ws, row, b[1], width)
        else:
            row = L.xlsx_grid(ws, row, b[1], b[2], number)
    return L.book_bytes(wb)


def expectation(file, exp, findings, has):
    return L.expect(file, exp, findings, has)


# --------------------------------------------------------------------------
# Bases: the layouts' projects and models (as make_layouts.py gives them).

def seed_model(ps, findings=()):
    has = L.ABSENT_FIELDS
    return [L.expect_project(p, has) for p in ps], list(findings), has


def framework_model(ps):
    has = ("code", "description")
    exp = []
    for p in ps:
        e = L.expect_project(p, has)
        for i, x in zip(e["indicators"], p["ind"]):
            i["value"]["raw"] = L.framework_raw(x["val"])
        exp.append(e)
    return exp, has


def fw_row_cells(i):
    """(op, value, unit) of an indicator as the platform splits it."""
    s = L.split_value(i["val"])
    if s is None:
        return "定性", i["val"], ""
    op, v, u = s
    return ("＝" if op == "=" else op), v, u


def framework_variant(order, extra=None, two_row=False):
    """The framework-2021 form with its indicator columns in `order` (keys
    l1 l2 l3 op val unit w desc crit note); two_row: 一级/二级/三级
    merged down over a second header row that holds 指标值 and 度量单位
    under one 年度指标值 cell."""
    ps = L.framework_projects()
    heads = {"l1": "一级指标", "l2": "二级指标", "l3": "三级指标名称",
             "op": "指标性质", "val": "年度指标值", "unit": "度量单位",
             "w": "权重（分）", "desc": "指标解释", "crit": "评（扣）分标准",
             "note": "备注"}
    n = len(order)
    blocks = []
    for p in ps:
        rows = [
            ["项目代码", p["code"], "项目名称", (p["name"], n - 3)],
            ["主管部门", "承德市生态环境局", "实施单位", ("承德市生态环境局本级", n - 3)],
            ["年度资金总额", p["budget"], "财政拨款", p["fiscal"], "其他资金",
             (p["other"], n - 5)],
            ["年度总体目标", (L.goal_lines(p["goals"]), n - 1)],
        ]
        if two_row:
            top, bottom = [], []
            k = 0
            sub = {"val": "指标值", "unit": "度量单位"}
            while k < n:
                key = order[k]
                if key in ("val", "unit") and k + 1 < n and \
                        order[k + 1] in ("val", "unit"):
                    top.append(("年度指标", 2))
                    bottom += [sub[order[k]], sub[order[k + 1]]]
                    k += 2
                    continue
                top.append(heads[key])
                bottom.append(UP)
                k += 1
            top[0] = "一级指标"
            rows += [top, bottom]
        else:
            rows.append([heads[k] for k in order])
        l1 = L.first_col(p["ind"], {L.EFF: "效益指标"})
        for j, i in enumerate(p["ind"]):
            op, v, u = fw_row_cells(i)
            cells = {"l1": l1[j], "l2": i["l2"], "l3": i["l3"], "op": op,
                     "val": v, "unit": u, "w": "5", "desc": i["desc"],
                     "crit": "完成得满分", "note": ""}
            rows.append([cells[k] for k in order])
        blocks += [("p", "项目支出绩效目标表"), ("t", rows, n)]
    exp, has = framework_model(ps)
    findings = [("PB403", ps[0]["code"]), ("PB302", ps[1]["code"])]
    return blocks, exp, findings, has


# --------------------------------------------------------------------------
# The seed's (承德) layout with its parts changed.

def seed_rows(p, lab=L.SEED_LABELS, repeat_l1=False, blank_between=False,
              plan=None, money=None):
    rows = L.seed_head(p, lab)
    if plan is not None:
        rows[4] = [UP] + plan[:3] + [(plan[3], 3)]
    if money is not None:
        rows[1] = [lab["use"], lab["budget"], money(p["budget"]),
                   lab["fiscal"], money(p["fiscal"]), lab["other"],
                   money(p["other"])]
    rows.append(L.seed_header(lab))
    inds = L.seed_inds(p["ind"])
    if repeat_l1:
        names = L.SEED_L1
        for r, i in zip(inds, p["ind"]):
            r[0] = names.get(i["l1"], i["l1"])
    for k, r in enumerate(inds):
        if blank_between and k:
            # A blank row between indicators breaks a merged 一级 cell: the
            # officer's 一级 stays merged over its first rows only.
            rows.append(["", "", "", ("", 2), "", ""])
            if r[0] is UP:
                r[0] = ""
        rows.append(r)
    return rows


def colon_labels():
    lab = dict(L.SEED_LABELS)
    lab.update({"code": "项目编码：", "name": "项目名称(全称)",
                "use": "预算规模及资金用途：", "budget": "预算数(万元)：",
                "fiscal": "其中:财政资金", "other": "其 他 资 金",
                "plan": "资金支出计划(%)", "goals": "绩效目标：",
                "goal": "目标{n}:", "l1": "一 级 指 标", "l2": "二级指标：",
                "l3": "三级指标(名称)", "desc": "绩效指标描述",
                "value": "指标值：", "basis": "指标值确定依据"})
    return lab


def spaced_labels():
    lab = dict(L.SEED_LABELS)
    lab.update({"code": "项 目 编 码", "name": "项 目 名 称",
                "budget": "预 算 数", "other": "其 他 资 金",
                "goals": "绩 效 目 标", "value": "指 标 值"})
    return lab


def seed_extra_cols(p):
    """The seed's form on 9 columns: 权重（分） after 三级, 评分标准 and 备注
    at the end."""
    n = 9
    rows = [L.pad(r, n) if r[-1] is not UP else r
            for r in L.seed_head(p, L.SEED_LABELS)]
    # Widen every head row's last cell by two columns.
    rows = []
    for r in L.seed_head(p, L.SEED_LABELS):
        last = r[-1]
        text, span = last if isinstance(last, tuple) else (last, 1)
        rows.append(r[:-1] + [(text, span + 2)])
    rows.append(["一级指标", "二级指标", "三级指标", "权重（分）", "绩效指标描述",
                 "指标值", "指标值确定依据", "评分标准", "备注"])
    l1 = L.first_col(p["ind"], L.SEED_L1)
    for k, i in enumerate(p["ind"]):
        rows.append([l1[k], L.SEED_L2.get(i["l2"], i["l2"]), i["l3"], "10",
                     i["desc"], i["val"], i["basis"], "完成得满分", ""])
    return rows, n


# --------------------------------------------------------------------------
# The probes. Each returns (ext, bytes, exp, findings, has).

def p_fw_op_after_value():
    b, e, f, h = framework_variant(["l1", "l2", "l3", "val", "unit", "op",
                                    "w", "desc", "crit"])
    return "docx", docx_bytes(b), e, f, h


def p_fw_unit_before_value():
    b, e, f, h = framework_variant(["l1", "l2", "l3", "op", "unit", "val",
                                    "w", "desc", "crit"])
    return "docx", docx_bytes(b), e, f, h


def p_fw_extra_cols():
    b, e, f, h = framework_variant(["l1", "l2", "desc", "l3", "w", "op",
                                    "val", "note", "unit", "crit"])
    return "docx", docx_bytes(b), e, f, h


def p_fw_header_two_rows():
    b, e, f, h = framework_variant(["l1", "l2", "l3", "op", "val", "unit",
                                    "w", "desc", "crit"], two_row=True)
    return "docx", docx_bytes(b), e, f, h


def p_fw_xlsx_sheet():
    """The framework form on one sheet, label row flattened (no merged
    label row): isolates the xlsx reader from the 项目资金 label row."""
    b, e, f, h = framework_variant(["l1", "l2", "l3", "op", "val", "unit",
                                    "w", "desc", "crit"])
    return "xlsx", xlsx_bytes(b), e, f, h


def p_seed_colon_labels():
    p = L.proj("radiation")
    b = [("p", L.title_of(1, p)),
         ("t", seed_rows(p, colon_labels()), 7)]
    e, f, h = seed_model([p])
    return "docx", docx_bytes(b), e, f, h


def p_seed_spaced_labels():
    p = L.proj("water")
    b = [("p", L.title_of(1, p)), ("t", seed_rows(p, spaced_labels()), 7)]
    e, f, h = seed_model([p])
    return "docx", docx_bytes(b), e, f, h


def p_seed_extra_cols():
    p = L.proj("publicity")
    rows, n = seed_extra_cols(p)
    b = [("p", L.title_of(1, p)), ("t", rows, n)]
    e, f, h = seed_model([p])
    return "docx", docx_bytes(b), e, f, h


def p_seed_wanyuan():
    """Money written `1,250.00万元` in the cell."""
    p = L.proj("enforcement", budget="1250", fiscal="1200", other="50")
    b = [("p", L.title_of(1, p)),
         ("t", seed_rows(p, money=lambda s: "{:,.2f}万元".format(float(s))),
          7)]
    e, f, h = seed_model([p])
    return "docx", docx_bytes(b), e, f, h


def p_central_wanyuan():
    ps = L.central_projects()
    blocks = []
    for p in ps:
        rows = L.central_rows(p)
        for r in rows[2:5]:
            t, s = r[2]
            r[2] = (t + "万元", s)
        blocks += [("p", "%s项目绩效目标表" % p["name"]), ("t", rows, 5)]
    exp = [L.expect_project(p, ()) for p in ps]
    f = [("PB408", ps[1]["name"]), ("PB305", ps[2]["name"])]
    return "docx", docx_bytes(blocks), exp, f, ()


def p_seed_plan_percent():
    p = L.proj("reduction")
    b = [("p", L.title_of(1, p)),
         ("t", seed_rows(p, plan=[x + "%" for x in p["plan"]]), 7)]
    e, f, h = seed_model([p])
    return "docx", docx_bytes(b), e, f, h


def p_seed_plan_percent_xlsx():
    """The plan typed 0.25 … 1 with a 0% format (Excel's percentage)."""
    import openpyxl
    p = L.proj("reduction")
    data = xlsx_bytes([("p", L.title_of(1, p)), ("t", seed_rows(p), 7)])
    import io
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    for row in ws.iter_rows():
        if row[0].value == "资金支出计划（%）":
            target = row[0].row + 1
    for c in ws[target]:
        if isinstance(c.value, (int, float)):
            c.value = c.value / 100
            c.number_format = "0%"
    L_props(wb)
    e, f, h = seed_model([p])
    return "xlsx", L.book_bytes(wb), e, f, h


def L_props(wb):
    props = wb.properties
    props.created = L.make_docx.FIXED_TIME
    props.modified = L.make_docx.FIXED_TIME


def p_seed_blank_rows():
    p = L.proj("mining")
    b = [("p", L.title_of(1, p)), ("t", seed_rows(p, blank_between=True), 7)]
    e, f, h = seed_model([p])
    return "docx", docx_bytes(b), e, f, h


def p_seed_repeat_l1():
    p = L.proj("cleaner")
    b = [("p", L.title_of(1, p)), ("t", seed_rows(p, repeat_l1=True), 7)]
    e, f, h = seed_model([p])
    return "docx", docx_bytes(b), e, f, h


def p_seed_repeat_l1_xlsx():
    p = L.proj("cleaner")
    b = [("p", L.title_of(1, p)), ("t", seed_rows(p, repeat_l1=True), 7)]
    e, f, h = seed_model([p])
    return "xlsx", xlsx_bytes(b), e, f, h


def p_seed_title_in_table():
    """The title row and `单位：万元` inside the table, no paragraph."""
    p = L.proj("network")
    rows = [[(L.title_of(1, p)[3:], 7)], [("单位：万元", 7)]] + seed_rows(p)
    e, f, h = seed_model([p])
    return "docx", docx_bytes([("t", rows, 7)]), e, f, h


def p_seed_two_no_title():
    """Two projects in one table, no title between: the second starts at
    its 项目编码 row."""
    ps = [L.proj("radiation"), L.proj("water")]
    rows = seed_rows(ps[0]) + seed_rows(ps[1])
    e, f, h = seed_model(ps)
    b = [("p", "预算项目绩效目标表"), ("t", rows, 7)]
    return "docx", docx_bytes(b), e, f, h


def p_seed_two_no_title_xlsx():
    ps = [L.proj("radiation"), L.proj("water")]
    rows = seed_rows(ps[0]) + seed_rows(ps[1])
    e, f, h = seed_model(ps)
    b = [("p", "预算项目绩效目标表"), ("t", rows, 7)]
    return "xlsx", xlsx_bytes(b), e, f, h


def national_annual_left(p):
    """The national 申报表 with the annual half on the left: money, goals
    and indicators, the halves named in a row above the header."""
    rows = [
        [("项目名称", 2), (p["name"], 6)],
        [("主管部门及代码", 2), ("[571]承德市生态环境局", 2), "实施单位",
         ("承德市生态环境监测中心", 3)],
        [("项目资金\n（万元）", 2), ("年度资金总额", 2), p["budget"],
         ("中期资金总额", 2), p["mid_budget"]],
        [(UP, 2), ("其中：财政拨款", 2), p["fiscal"], ("其中：财政拨款", 2),
         p["mid_fiscal"]],
        [(UP, 2), ("其他资金", 2), p["other"], ("其他资金", 2), p["mid_other"]],
        ["总体目标", ("年度目标", 4), ("中期目标（2021年－2023年）", 3)],
        [UP, (L.goal_lines(p["goals"]), 4), (L.goal_lines(p["mid_goals"]), 3)],
        ["绩效指标", "", ("年度绩效指标", 3), ("中期绩效指标", 3)],
        [UP, "一级指标", "二级指标", "三级指标", "指标值", "二级指标",
         "三级指标", "指标值"],
    ]
    inds = p["ind"]
    l1 = L.first_col(inds, {L.EFF: "效益指标"})
    l2 = L.first_col(inds, {}, "l2")
    nums = L.numbered(inds)
    for k, i in enumerate(inds):
        l3 = "指标%d：%s" % (nums[k], i["l3"])
        rows.append([UP, l1[k], l2[k], l3, i["val"], l2[k], l3, i["mid"]])
    return rows


def p_national_annual_left():
    ps = L.national_projects()
    b = []
    for p in ps:
        b += [("p", "项目支出绩效目标申报表"), ("p", "（2021年度）"),
              ("t", national_annual_left(p), 8)]
    exp = [L.expect_project(p, ()) for p in ps]
    f = [("PB304", ps[0]["name"]), ("PB403", ps[1]["name"])]
    return "docx", docx_bytes(b), exp, f, ()


def p_gansu_colons():
    ps = L.gansu_projects()
    b = []
    for p in ps:
        rows = L.gansu_rows(p)
        for r in rows[:5]:
            for k, c in enumerate(r):
                if k in (0, 2) and isinstance(c, str):
                    r[k] = c + "："
        b += [("p", "2023年省级部门预算项目支出绩效目标表"), ("p", "单位：万元"),
              ("t", rows, 6)]
    exp = [L.expect_project(p, ()) for p in ps]
    return "docx", docx_bytes(b), exp, [("PB107", ps[1]["name"])], ()


def p_municipal_value_unit():
    """The 批复表 with the value split: 指标值 | 计量单位 (备注 kept)."""
    ps = L.municipal_projects()
    b = []
    for p in ps:
        rows = L.municipal_rows(p, "指标值")
        rows[5] = ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "备注"]
        for r, i in zip(rows[6:], p["ind"]):
            s = L.split_value(i["val"])
            v, u = (s[0] + s[1], s[2]) if s else (i["val"], "")
            r[3:4] = [v, u]
        b += [("p", "2019年度东莞市市级财政项目支出绩效目标批复表"),
              ("t", rows, 6)]
    has = ("code",)
    exp = [L.expect_project(p, has, fiscal=p["budget"], other="0")
           for p in ps]
    f = [("PB411", ps[0]["code"]), ("PB407", ps[1]["code"])]
    return "docx", docx_bytes(b), exp, f, has


def p_seed_value_before_desc():
    """指标值 before 绩效指标描述 (the seed's columns reordered)."""
    p = L.proj("radiation")
    rows = L.seed_head(p, L.SEED_LABELS)
    rows.append(["一级指标", "二级指标", "三级指标", "指标值",
                 ("绩效指标描述", 2), "指标值确定依据"])
    l1 = L.first_col(p["ind"], L.SEED_L1)
    for k, i in enumerate(p["ind"]):
        rows.append([l1[k], L.SEED_L2.get(i["l2"], i["l2"]), i["l3"],
                     i["val"], (i["desc"], 2), i["basis"]])
    e, f, h = seed_model([p])
    return "docx", docx_bytes([("p", L.title_of(1, p)), ("t", rows, 7)]), \
        e, f, h


def p_seed_unit_col():
    """A 计量单位 column after 指标值 (the seed's form on 8 columns)."""
    p = L.proj("water")
    rows = []
    for r in L.seed_head(p, L.SEED_LABELS):
        last = r[-1]
        text, span = last if isinstance(last, tuple) else (last, 1)
        rows.append(r[:-1] + [(text, span + 1)])
    rows.append(["一级指标", "二级指标", "三级指标", ("绩效指标描述", 2), "指标值",
                 "计量单位", "指标值确定依据"])
    l1 = L.first_col(p["ind"], L.SEED_L1)
    for k, i in enumerate(p["ind"]):
        s = L.split_value(i["val"])
        v, u = (s[0] + s[1], s[2]) if s else (i["val"], "")
        rows.append([l1[k], L.SEED_L2.get(i["l2"], i["l2"]), i["l3"],
                     (i["desc"], 2), v, u, i["basis"]])
    e, f, h = seed_model([p])
    return "docx", docx_bytes([("p", L.title_of(1, p)), ("t", rows, 8)]), \
        e, f, h


def p_central_wanyuan_format():
    """Amounts typed as numbers with the custom format 0.00"万元" (the
    cell shows 1250.00万元, its value is 1250)."""
    import io
    import openpyxl
    ps = L.central_projects()
    blocks = []
    for p in ps:
        blocks += [("p", "%s项目绩效目标表" % p["name"]),
                   ("t", L.central_rows(p), 5)]
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(blocks)))
    for row in wb.active.iter_rows():
        for c in row:
            if isinstance(c.value, (int, float)):
                c.number_format = '#,##0.00"万元"'
    L_props(wb)
    exp = [L.expect_project(p, ()) for p in ps]
    f = [("PB408", ps[1]["name"]), ("PB305", ps[2]["name"])]
    return "xlsx", L.book_bytes(wb), exp, f, ()


def p_page_break_regrid():
    """A form broken across two tables whose grids differ: the second
    table drawn on its own 6-column grid (绩效指标描述 one grid column, as
    LibreOffice and PDF converters re-grid each table by its own cell
    edges)."""
    p = L.proj("cleaner")
    p["plan"] = ["20", "40", "80", "100"]
    cut = 5
    first = L.seed_head(p, L.SEED_LABELS) + [L.seed_header(L.SEED_LABELS)]
    first += L.seed_inds(p["ind"][:cut])
    second = [[r[0], r[1], r[2], r[3][0], r[4], r[5]]
              for r in L.seed_inds(p["ind"][cut:], blank_top=True)]
    b = [("p", L.title_of(1, p)), ("t", first, 7), ("p", ""),
         ("t", second, 6)]
    e, f, h = seed_model([p], [("PB207", p["code"])])
    return "docx", docx_bytes(b), e, f, h


PROBES = [
    ("page-break-regrid", p_page_break_regrid,
     "seed: a form across two tables, the second on its own 6-column grid"),
    ("seed-value-before-desc", p_seed_value_before_desc,
     "seed: 指标值 before 绩效指标描述"),
    ("seed-unit-col", p_seed_unit_col,
     "seed: a 计量单位 column after 指标值"),
    ("central-wanyuan-format", p_central_wanyuan_format,
     "central (.xlsx): amounts as numbers formatted #,##0.00\"万元\""),
    ("fw-op-after-value", p_fw_op_after_value,
     "framework: 指标性质 after 年度指标值 and 度量单位"),
    ("fw-unit-before-value", p_fw_unit_before_value,
     "framework: 度量单位 before 年度指标值"),
    ("fw-extra-cols", p_fw_extra_cols,
     "framework: 指标解释 before 三级, 备注 between value and unit"),
    ("fw-header-two-rows", p_fw_header_two_rows,
     "framework: 一级/二级/三级 merged down over a 2nd header row (指标值 | 度量单位 under 年度指标)"),
    ("fw-flat-labels", p_fw_xlsx_sheet,
     "framework on one sheet (.xlsx), money labels beside their values"),
    ("seed-colon-labels", p_seed_colon_labels,
     "seed: labels `项目编码：`, `项目名称(全称)`, `其中:财政资金`, `目标1:`"),
    ("seed-spaced-labels", p_seed_spaced_labels,
     "seed: labels `项 目 名 称` (ASCII spaces)"),
    ("seed-extra-cols", p_seed_extra_cols,
     "seed: 权重（分） after 三级, 评分标准 and 备注 at the end"),
    ("seed-wanyuan", p_seed_wanyuan, "seed: money `1,250.00万元`"),
    ("central-wanyuan", p_central_wanyuan, "central: money `1,250.00万元`"),
    ("seed-plan-percent", p_seed_plan_percent, "seed: plan `25%` … `100%`"),
    ("seed-plan-percent-xlsx", p_seed_plan_percent_xlsx,
     "seed (.xlsx): plan 0.25 … 1 formatted 0%"),
    ("seed-blank-rows", p_seed_blank_rows,
     "seed: an empty row between indicators"),
    ("seed-repeat-l1", p_seed_repeat_l1,
     "seed: 一级 written on every row, not merged"),
    ("seed-repeat-l1-xlsx", p_seed_repeat_l1_xlsx,
     "seed (.xlsx): 一级 written on every row"),
    ("seed-title-in-table", p_seed_title_in_table,
     "seed: title row and 单位：万元 row inside the table"),
    ("seed-two-no-title", p_seed_two_no_title,
     "seed: two projects in one table, no title between"),
    ("seed-two-no-title-xlsx", p_seed_two_no_title_xlsx,
     "seed (.xlsx): two projects on one sheet, no title between"),
    ("national-annual-left", p_national_annual_left,
     "national: annual half left, 中期 right (halves named above the header)"),
    ("gansu-colons", p_gansu_colons, "gansu: labels ending `：`"),
    ("municipal-value-unit", p_municipal_value_unit,
     "municipal: 指标值 | 计量单位 split"),
]

# The probes drawn into data/layouts/probes/ by make_layouts.py.
COMMITTED = ("fw-header-two-rows", "national-annual-left", "seed-wanyuan",
             "page-break-regrid")


def write_probe(outdir, name, fn):
    ext, data, exp, findings, has = fn()
    file = "%s.%s" % (name, ext)
    L.seed2csv.write_bytes(os.path.join(outdir, file), data)
    L.write_json(os.path.join(outdir, file + ".expect.json"),
                 expectation(file, exp, findings, has))
    return file, [{"ind": e["indicators"]} for e in exp]


def committed(out):
    """make_layouts.py: the chosen probes into OUT/probes/."""
    d = os.path.join(out, "probes")
    made = []
    for name, fn, _ in PROBES:
        if name in COMMITTED:
            file, projects = write_probe(d, name, fn)
            made.append(("probes/" + file, projects))
    return made


# --------------------------------------------------------------------------
# LibreOffice round trips of the committed samples.

def round_trips(outdir, layouts):
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.stderr.write("%s: soffice not found: no round trips\n" % PROG)
        return
    jobs = []
    for folder in sorted(os.listdir(layouts)):
        if folder == "probes" or not os.path.isdir(
                os.path.join(layouts, folder)):
            continue
        for f in sorted(os.listdir(os.path.join(layouts, folder))):
            if f.endswith(".docx") or f.endswith(".xlsx"):
                jobs.append((folder, f))
    with tempfile.TemporaryDirectory() as tmp:
        for ext in ("docx", "xlsx"):
            src = os.path.join(tmp, "in-" + ext)
            os.makedirs(src)
            for folder, f in jobs:
                if f.endswith(ext):
                    shutil.copy(os.path.join(layouts, folder, f),
                                os.path.join(src, "lo-%s-%s" % (folder, f)))
            names = sorted(os.listdir(src))
            dst = os.path.join(tmp, "out-" + ext)
            subprocess.run([soffice, "-env:UserInstallation=file://%s/prof"
                            % tmp, "--headless", "--convert-to", ext,
                            "--outdir", dst] +
                           [os.path.join(src, n) for n in names],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=600)
        for folder, f in jobs:
            ext = f.rsplit(".", 1)[1]
            name = "lo-%s-%s" % (folder, f)
            got = os.path.join(tmp, "out-" + ext, name)
            if not os.path.exists(got):
                sys.stderr.write("%s: soffice did not convert %s/%s\n"
                                 % (PROG, folder, f))
                continue
            shutil.copy(got, os.path.join(outdir, name))
            want = json.load(open(os.path.join(layouts, folder,
                                               f + ".expect.json"),
                                  encoding="utf-8"))
            want["file"] = name
            L.write_json(os.path.join(outdir, name + ".expect.json"), want)


# --------------------------------------------------------------------------
# The table.

def table(pbcheck, outdir):
    import compare_layout as C
    import contextlib
    import io
    descr = {n: d for n, _, d in PROBES}
    npass = nfail = 0
    rows = []
    for f in sorted(os.listdir(outdir)):
        if not f.endswith(".expect.json"):
            continue
        path = os.path.join(outdir, f)
        want = json.load(open(path, encoding="utf-8"))
        sample = os.path.join(outdir, want["file"])
        r = subprocess.run([pbcheck, "-f", "json", sample],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            got = json.loads(r.stdout.decode("utf-8"))
        except ValueError:
            got = {}
        gp = got.get("projects") or []
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            p, fl = C.check_file(pbcheck, path)
        diffs = [line.split(": ", 1)[1] for line in
                 buf.getvalue().splitlines()]
        ok = fl == 0
        npass += ok
        nfail += not ok
        base = want["file"].rsplit(".", 1)[0]
        rows.append((want["file"], ok,
                     "%d×%s" % (len(want["projects"]), "+".join(
                         str(len(x["indicators"])) for x in want["projects"])),
                     "%d×%s" % (len(gp), "+".join(
                         str(len(x.get("indicators") or [])) for x in gp)),
                     descr.get(base, "LibreOffice round trip"), diffs))
    limit = int(os.environ.get("PROBES_DIFFS", "12"))
    print("%-44s %-4s %-16s %-16s %6s %8s  %s"
          % ("probe", "", "want proj×ind", "got proj×ind", "fields",
             "findings", "what"))
    for file, ok, want, got, d, diffs in rows:
        nfind = sum(1 for x in diffs if x.startswith("findings:"))
        print("%-44s %-4s %-16s %-16s %6d %8d  %s"
              % (file, "ok" if ok else "FAIL", want, got,
                 len(diffs) - nfind, nfind, d))
        for x in diffs[:limit]:
            print("    " + x)
        if len(diffs) > limit:
            print("    … %d more" % (len(diffs) - limit))
    print("probes: %d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "--table":
        return table(argv[2], argv[3])
    if len(argv) != 2:
        sys.stderr.write("usage: %s OUTDIR | --table PBCHECK OUTDIR\n" % PROG)
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    for name, fn, _ in PROBES:
        write_probe(out, name, fn)
    layouts = os.path.join(os.path.dirname(HERE), "data", "layouts")
    if os.environ.get("PROBES_NO_SOFFICE") != "1":
        round_trips(out, layouts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
