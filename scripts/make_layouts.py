#!/usr/bin/python3
"""Draw sample forms of the layouts officers fill in (SPEC 2.2), each with
the model a careful reader expects of it.

Usage: /usr/bin/python3 scripts/make_layouts.py OUTDIR   (data/layouts)

Needs python-docx (Debian package python3-docx under /usr/bin/python3).
Writes OUTDIR/<layout>/<file> (.docx, and a form CSV in GB18030 with CRLF
for two layouts) and beside each file <file>.expect.json: the projects[]
pbcheck's -f json should give for it (a field the layout does not have is
null) and the findings a reviewer agrees with, as {rule, project} (PB010
also names its field). The content reuses the 承德 2021 seed's indicator
texts, cleaned so that only the defects listed in DEFECTS below are wrong;
mid-term halves hold other values than the annual half, so a reader that
takes the wrong half is caught. Regenerating gives identical bytes (fixed
core properties and zip dates, as scripts/make_docx.py does).
"""

import copy
import csv
import io
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_docx  # noqa: E402  (fixed_zip, FIXED_TIME)
import seed2csv  # noqa: E402  (write_bytes)

PROG = "make_layouts"

# --------------------------------------------------------------------------
# Content. An indicator is (一级, 二级, 三级, 描述, 年度值, 中期值, 依据) with
# canonical level names; values are written as the form holds them
# (operator, number, unit in one string; text for a qualitative value).

OUT, EFF, SAT, COST = "产出指标", "效果指标", "满意度指标", "成本指标"
NUM, QUA, TIM, CST = "数量指标", "质量指标", "时效指标", "成本指标"
ECO, SOC, ENV, SUS = "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"
SVC = "服务对象满意度指标"


def ind(l1, l2, l3, desc, val, mid, basis="工作计划"):
    return {"l1": l1, "l2": l2, "l3": l3, "desc": desc, "val": val,
            "mid": mid, "basis": basis}


POOL = {
    "radiation": {
        "code": "571-0101-YBN-NFOY", "name": "辐射环境监测工作经费",
        "budget": "15", "fiscal": "15", "other": "0",
        "mid_budget": "45", "mid_fiscal": "45", "mid_other": "0",
        "purpose": "完成我市涉及放射源和射线装置单位的监督性监测及辐射事故应急监测",
        "plan": ["25", "50", "75", "100"],
        "goals": ["完成我市涉及放射源和射线装置单位的监督性监测，保障我市辐射环境安全。",
                  "完成1次规模化辐射事故应急演练及辐射类信访纠纷监测。"],
        "mid_goals": ["三年内完成全市放射源和射线装置单位监督性监测全覆盖。",
                      "建成辐射事故应急监测体系，每年开展1次应急演练。"],
        "ind": [
            ind(OUT, NUM, "应急演练次数", "完成我市辐射事故应急演练次数", "=1次", "=3次"),
            ind(OUT, NUM, "监督性监测单位数量", "监督性监测的涉源单位家数", "≥60家", "≥180家"),
            ind(OUT, QUA, "信访纠纷监测办结率", "辐射类信访纠纷监测工作办结率", "=100%", "≥95%"),
            ind(OUT, TIM, "监测报告出具及时率", "监测报告按时出具的比率", "=100%", "≥98%"),
            ind(OUT, CST, "运行保障成本", "全年监测运行保障支出", "≤15万元", "≤45万元"),
            ind(EFF, SOC, "辐射环境安全保障", "全市辐射环境安全状况", "辐射环境安全得到保障", "辐射环境安全持续稳定"),
            ind(EFF, ENV, "辐射环境质量", "全市辐射环境质量状况", "保持稳定", "稳中向好"),
            ind(EFF, SUS, "应急监测能力", "辐射事故应急监测能力", "持续提升", "全面提升"),
            ind(SAT, SVC, "涉源单位满意度", "涉源单位对监测服务的满意度", "≥90%", "≥85%", "历史数据"),
        ],
    },
    "water": {
        "code": "571-0101-YBN-1G80", "name": "国家地表水水质自动监测站运维经费",
        "budget": "10", "fiscal": "10", "other": "0",
        "mid_budget": "30", "mid_fiscal": "30", "mid_other": "0",
        "purpose": "双桥区、双滦区、营子区及高新区国家地表水水质自动监测站的运行维护",
        "plan": ["25", "50", "75", "100"],
        "goals": ["完成4个国家地表水水质自动监测站运维工作。",
                  "保障4个国家地表水水质自动监测站正常运行。"],
        "mid_goals": ["三年内保障国控水站连续稳定运行。",
                      "水站监测数据全部实时联网上传。"],
        "ind": [
            ind(OUT, NUM, "运维站点数量", "运维的国家地表水水质自动监测站个数", "=4个", "≥4个", "行业标准"),
            ind(OUT, QUA, "数据有效率", "水站监测数据的有效率", "≥90%", "≥85%", "行业标准"),
            ind(OUT, TIM, "数据发布及时率", "环境数据发布的及时率", "=100%", "≥98%", "行业标准"),
            ind(OUT, CST, "单站运维平均成本", "每个水站全年运维的平均成本", "≤2.5万元", "≤7.5万元"),
            ind(EFF, SOC, "水环境监测数据支撑", "为水环境管理提供监测数据", "全年连续提供监测数据", "三年连续提供监测数据"),
            ind(EFF, ENV, "断面水质", "国控断面水质达标情况", "稳中向好", "持续改善"),
            ind(EFF, SUS, "水站长期运行", "水质自动监测站长期稳定运行比率", "≥95%", "≥90%"),
            ind(SAT, SVC, "管理部门满意度", "上级管理部门对运维工作的满意度", "≥90%", "≥85%", "历史数据"),
        ],
    },
    "publicity": {
        "code": "571-0503-YBN-RV9P", "name": "生态环境保护宣传教育经费",
        "budget": "20", "fiscal": "15", "other": "5",
        "mid_budget": "60", "mid_fiscal": "45", "mid_other": "15",
        "purpose": "在全市范围内开展生态环境保护宣传教育工作",
        "plan": ["25", "50", "75", "100"],
        "goals": ["按照工作计划完成我市各类生态环境保护宣传教育工作，普及环保政策法规和知识。",
                  "提高公民的环保意识。"],
        "mid_goals": ["三年内建成覆盖城乡的生态环境宣传教育网络。",
                      "公众环保知识知晓率逐年提高。"],
        "ind": [
            ind(OUT, NUM, "宣传活动次数", "社会主题宣传活动次数", "≥3次", "≥9次"),
            ind(OUT, NUM, "宣传资料发放数量", "发放环保宣传资料份数", "≥5000份", "≥15000份"),
            ind(OUT, QUA, "公众参与人数", "环保宣传活动公众参与人次", "≥3000人次", "≥9000人次"),
            ind(OUT, TIM, "活动完成时限", "宣传活动全年完成时限", "≤12个月", "≤36个月"),
            ind(OUT, CST, "宣传活动成本", "全年宣传活动支出", "≤20万元", "≤60万元"),
            ind(EFF, SOC, "公众环保意识", "公众对环保知识的知晓率", "≥85%", "≥80%"),
            ind(EFF, SUS, "宣传持续影响人数", "通过媒体持续影响的人数", "≥2000人", "≥6000人"),
            ind(SAT, SVC, "群众满意度", "参与活动群众对宣传活动的满意度", "≥85%", "≥80%", "历史数据"),
        ],
    },
    "enforcement": {
        "code": "571-0102-YBN-M461", "name": "环境执法检查工作经费",
        "budget": "50", "fiscal": "50", "other": "0",
        "mid_budget": "150", "mid_fiscal": "150", "mid_other": "0",
        "purpose": "按照省、市工作部署，做好环境执法检查工作。",
        "plan": ["25", "50", "75", "100"],
        "goals": ["切实做好生态环境执法工作。", "提高企业自觉守法意识。"],
        "mid_goals": ["三年内实现重点排污单位执法检查全覆盖。", "企业环境违法案件逐年减少。"],
        "ind": [
            ind(OUT, NUM, "执法检查企业数量", "全年现场执法检查企业家数", "≥300家", "≥900家"),
            ind(OUT, NUM, "培训人员数量", "参加执法培训人员数量", "≥20人", "≥60人"),
            ind(OUT, QUA, "业务能力达标率", "执法人员业务能力达标率", "=100%", "≥95%"),
            ind(OUT, TIM, "重大环境事件发现及时率", "重大环保事件及时发现率", "=100%", "≥98%"),
            ind(OUT, CST, "执法检查成本", "全年执法检查工作支出", "≤50万元", "≤150万元"),
            ind(EFF, SOC, "检查结果公开", "监督检查结果依法公开情况", "按规定全部公开", "持续依法公开"),
            ind(EFF, ENV, "环境质量", "全市环境质量状况", "持续改善", "明显改善"),
            ind(EFF, SUS, "企业守法意识", "企业自觉守法意识", "明显提高", "普遍提高"),
            ind(SAT, SVC, "企业满意度", "被检查企业对执法工作的满意度", "≥85%", "≥80%", "历史数据"),
        ],
    },
    "reduction": {
        "code": "571-0401-YBN-YG19", "name": "污染减排经费",
        "budget": "50", "fiscal": "50", "other": "0",
        "mid_budget": "150", "mid_fiscal": "150", "mid_other": "0",
        "purpose": "完成主要污染物减排工作任务",
        "plan": ["25", "50", "75", "100"],
        "goals": ["完成4种主要污染物减排工作目标。", "实现污染减排目标削减率。"],
        "mid_goals": ["完成“十四五”前三年主要污染物减排任务。", "建立污染减排长效机制。"],
        "ind": [
            ind(OUT, NUM, "减排污染物种类", "主要污染物减排目标完成种类", "=4类", "=12类"),
            ind(OUT, QUA, "减排目标完成率", "污染减排目标的完成率", "=100%", "≥95%"),
            ind(OUT, TIM, "按期完成率", "减排工作按年度完成的比率", "=100%", "≥95%"),
            ind(OUT, CST, "减排工作成本", "全年减排工作支出", "≤50万元", "≤150万元"),
            ind(EFF, ECO, "绿色发展", "对全市绿色经济发展的推动作用", "有效推动", "持续推动"),
            ind(EFF, ENV, "主要污染物排放削减", "主要污染物排放总量削减比例", "≥3%", "≥9%"),
            ind(EFF, SUS, "减排长效机制", "污染减排长效机制建设", "基本建立", "全面建立"),
            ind(SAT, SVC, "群众满意度", "群众对环境质量改善的满意度", "≥80%", "≥85%", "历史数据"),
        ],
    },
    "cleaner": {
        "code": "571-0403-YBN-EMQW", "name": "承德市重点企业清洁生产评估验收经费",
        "budget": "10", "fiscal": "10", "other": "0",
        "mid_budget": "30", "mid_fiscal": "30", "mid_other": "0",
        "purpose": "承德市域范围内年度清洁生产企业的评估验收",
        "plan": ["25", "50", "75", "100"],
        "goals": ["推进企业实现“节能、降耗、减排、增效”的清洁生产目标。",
                  "在全市范围内推进清洁生产工作。"],
        "mid_goals": ["三年内完成重点企业清洁生产审核评估全覆盖。",
                      "清洁生产水平整体提升。"],
        "ind": [
            ind(OUT, NUM, "验收企业数量", "评估验收的企业家数", "≥12家", "≥36家"),
            ind(OUT, QUA, "验收覆盖率", "按计划完成企业清洁生产评估验收的比率", "≥90%", "≥85%"),
            ind(OUT, TIM, "按时完成率", "年度内完成验收工作的比率", "=100%", "≥95%"),
            ind(OUT, CST, "平均成本", "每家企业评估验收的平均成本", "≤0.75万元", "≤0.8万元"),
            ind(EFF, ECO, "节能降耗", "推进企业节能降耗、降低生产成本", "成效明显", "成效显著"),
            ind(EFF, SOC, "清洁生产推广", "在全市范围内推进清洁生产工作", "全面推进", "全市覆盖"),
            ind(EFF, ENV, "污染物排放", "从源头减少污染物排放", "逐年减少", "明显减少"),
            ind(SAT, SVC, "企业满意度", "参加验收企业的满意度", "≥85%", "≥80%", "历史数据"),
        ],
    },
    "mining": {
        "code": "571-0203-YBN-SRXG", "name": "露天矿山达标市级验收工作经费",
        "budget": "35", "fiscal": "35", "other": "0",
        "mid_budget": "105", "mid_fiscal": "105", "mid_other": "0",
        "purpose": "按照《承德市矿山综合治理攻坚行动方案》对露天矿山企业进行市级复核验收。",
        "plan": ["25", "50", "75", "100"],
        "goals": ["加快推进国家绿色矿业发展示范区建设。",
                  "全面完成我市矿山综合治理任务。"],
        "mid_goals": ["三年内全市露天矿山全部达到绿色矿山标准。",
                      "矿山生态修复面积逐年增加。"],
        "ind": [
            ind(OUT, NUM, "复核验收矿山数量", "复核验收的露天矿山家数", "≥200家", "≥600家"),
            ind(OUT, QUA, "复核覆盖率", "按照工作计划进行县级矿山复核的比率", "≥90%", "≥85%"),
            ind(OUT, TIM, "日常检查及时率", "日常检查按时完成的比率", "≥95%", "≥90%"),
            ind(OUT, CST, "平均成本", "复核验收每家矿山企业的平均成本", "≤0.15万元", "≤0.16万元"),
            ind(EFF, SOC, "绿色矿业示范区建设", "加快推进国家绿色矿业发展示范区建设", "稳步推进", "基本建成"),
            ind(EFF, ENV, "矿山生态环境", "矿山生态环境治理成效", "明显改善", "全面改善"),
            ind(EFF, SUS, "企业绿色矿山意识", "企业创建绿色矿山的意识", "明显增强", "普遍增强"),
            ind(SAT, SVC, "企业满意度", "参加验收企业的满意度", "≥85%", "≥80%", "历史数据"),
        ],
    },
    "network": {
        "code": "571-0101-YBN-PLLS", "name": "日常网络数据安全运营维护费",
        "budget": "100", "fiscal": "100", "other": "0",
        "mid_budget": "300", "mid_fiscal": "300", "mid_other": "0",
        "purpose": "全局网络通讯服务费、办公自动化设备维护保障服务费、视频会议系统运维经费。",
        "plan": ["25", "50", "75", "100"],
        "goals": ["保障生态环境专网部省市县四级互联互通，网络环境安全、信号传输稳定。",
                  "保障市级生态环境系统办公自动化设备正常运行。"],
        "mid_goals": ["三年内完成专网设备更新换代。", "网络安全等级保护测评全部通过。"],
        "ind": [
            ind(OUT, NUM, "软件配置数量", "网络安全软件配置套数", "=1套", "=3套", "合同约定"),
            ind(OUT, NUM, "运维设备数量", "纳入运维的网络及办公自动化设备台数", "≥30台", "≥90台", "合同约定"),
            ind(OUT, QUA, "网络通信稳定率", "全局网络通信稳定率", "≥95%", "≥90%"),
            ind(OUT, TIM, "故障排除及时率", "网络故障排除的及时率", "≥90%", "≥85%", "经验标准"),
            ind(OUT, CST, "网络运维服务费", "全年网络通信及设备运维服务支出", "≤100万元", "≤300万元"),
            ind(EFF, SOC, "信息网络支撑", "信息网络构建对日常工作的支撑", "满足工作要求", "全面满足工作要求"),
            ind(EFF, SUS, "网络长期稳定运行", "全局网络长期稳定运行情况", "稳定运行", "持续稳定运行"),
            ind(SAT, SVC, "用户满意度", "单位职工对网络服务的满意度", "≥90%", "≥85%", "历史数据"),
        ],
    },
}


def proj(key, **over):
    """A deep copy of a pool project with fields replaced."""
    p = copy.deepcopy(POOL[key])
    p.update(over)
    return p


# --------------------------------------------------------------------------
# Values.

OPS = ("≥", "≤", "＝", "=", ">", "<")
NUMBER = re.compile(r"^-?[0-9][0-9,]*(\.[0-9]+)?")


def split_value(v):
    """(operator, number, unit) of a quantitative value, or None."""
    op = ""
    for o in OPS:
        if v.startswith(o):
            op = o
            break
    m = NUMBER.match(v[len(op):])
    if not op or not m:
        return None
    return op, m.group(0), v[len(op) + len(m.group(0)):]


def number(s):
    """A money cell's JSON number (1,250.00 -> 1250)."""
    x = float(s.replace(",", ""))
    return int(x) if x == int(x) else x


def money(s, commas=False):
    """A money cell as the layout writes it."""
    if not commas:
        return s
    return "{:,.2f}".format(float(s))


# --------------------------------------------------------------------------
# Grids. A table is a list of rows; a row a list of cells; a cell is a
# string (one grid column), (text, span) or UP / (UP, span): merged with the
# cell above (w:vMerge). Line breaks in a cell's text become paragraphs.

UP = object()


def cells_of(rows, ncols):
    """[(r0, c0, r1, c1, text)] rectangles of the grid."""
    rects = []
    owner = {}          # (r, c0) -> index in rects of the cell covering it
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            if isinstance(cell, tuple):
                text, span = cell
            else:
                text, span = cell, 1
            if text is UP:
                k = owner[(r - 1, c)]
                r0, c0, _, c1, t = rects[k]
                if c0 != c or c1 != c + span - 1:
                    raise ValueError("row %d: merged cell does not line up" % r)
                rects[k] = (r0, c0, r, c1, t)
                owner[(r, c)] = k
            else:
                rects.append((r, c, r, c + span - 1, text))
                owner[(r, c)] = len(rects) - 1
            c += span
        if c != ncols:
            raise ValueError("row %d covers %d of %d columns: %r"
                             % (r, c, ncols, row))
    return rects


def set_text(cell, text):
    lines = text.split("\n") if text else []
    for k, line in enumerate(lines):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        if line:
            p.add_run(line)


def fill_table(doc, table, rows, ncols):
    table.style = doc.styles["Table Grid"]
    for r0, c0, r1, c1, text in cells_of(rows, ncols):
        cell = table.cell(r0, c0)
        if r1 != r0 or c1 != c0:
            cell = cell.merge(table.cell(r1, c1))
        set_text(cell, text)
    return table


def add_grid(doc, rows, ncols):
    return fill_table(doc, doc.add_table(rows=len(rows), cols=ncols), rows,
                      ncols)


def grid_records(rows, ncols):
    """The grid as Excel saves it to CSV: a merged range's text in its
    top-left cell, the rest blank."""
    out = [[""] * ncols for _ in rows]
    for r0, c0, _, _, text in cells_of(rows, ncols):
        out[r0][c0] = text
    return out


def form_csv(records):
    """GB18030 with CRLF record ends, as Excel on Chinese Windows writes."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    for r in records:
        w.writerow(r)
    return buf.getvalue().encode("gb18030")


def new_doc(title):
    import docx
    doc = docx.Document()
    props = doc.core_properties
    props.title = title
    props.author = ""
    props.last_modified_by = ""
    props.revision = 1
    props.created = make_docx.FIXED_TIME
    props.modified = make_docx.FIXED_TIME
    return doc


def doc_bytes(doc):
    buf = io.BytesIO()
    doc.save(buf)
    return make_docx.fixed_zip(buf.getvalue())


def pad(row, ncols):
    """A row filled to ncols with one wide last cell."""
    used = sum(c[1] if isinstance(c, tuple) else 1 for c in row)
    if used == ncols:
        return row
    last = row[-1]
    text, span = last if isinstance(last, tuple) else (last, 1)
    return row[:-1] + [(text, span + ncols - used)]


def level_groups(inds, key="l1"):
    """Row spans of consecutive indicators with the same key."""
    groups = []
    for k, i in enumerate(inds):
        if groups and inds[groups[-1][0]][key] == i[key]:
            groups[-1][1] = k
        else:
            groups.append([k, k])
    return groups


def first_col(inds, names, key="l1"):
    """Per indicator, the text of its merged level cell or UP."""
    out = []
    for a, b in level_groups(inds, key):
        out.append(names.get(inds[a][key], inds[a][key]))
        out += [UP] * (b - a)
    return out


def numbered(inds, key="l2"):
    """`指标N：` numbers restarting at each 二级."""
    out, n, prev = [], 0, None
    for i in inds:
        n = n + 1 if i[key] == prev else 1
        prev = i[key]
        out.append(n)
    return out


def goal_lines(goals, style="目标{n}：{g}"):
    return "\n".join(style.format(n=k, g=g) for k, g in enumerate(goals, 1))


# --------------------------------------------------------------------------
# Workbooks. The same grids as the .docx samples, drawn the way officers'
# Excel files look: a merged cell of the grid is a merged range (its text in
# the top-left cell), the title row merged across the form, 单位：万元 in the
# last column of its own row, money and split values typed as numbers
# (`1,250.00` is 1250 shown with a thousands format), everything else text.

XLSX_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
XLSX_COMMAS = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+\.[0-9]{2}$|^[0-9]+\.[0-9]{2}$")


def xlsx_value(text):
    """(value, number format or None) of a cell written as text."""
    if text is None or text == "":
        return None, None
    if XLSX_NUMBER.match(text) and not (len(text) > 1 and text[0] == "0"
                                        and text[1] != "."):
        x = float(text)
        if XLSX_COMMAS.match(text):
            return (int(x) if x == int(x) else x), "#,##0.00"
        return (int(x) if x == int(x) else x), None
    if XLSX_COMMAS.match(text):
        x = float(text.replace(",", ""))
        return (int(x) if x == int(x) else x), "#,##0.00"
    return text, None


def xlsx_put(ws, row, col, text, number=True):
    from openpyxl.styles import Alignment
    if number:
        value, fmt = xlsx_value(text)
    else:
        value, fmt = (text if text else None), None
    c = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        # "=1次" is a value, not a formula.
        c.data_type = "s"
        if "\n" in value:
            c.alignment = Alignment(wrap_text=True, vertical="center")
    if fmt:
        c.number_format = fmt
    return c


def xlsx_grid(ws, row, rows, ncols, number=True):
    """Draws a grid at row (1-based); returns the next free row."""
    for r0, c0, r1, c1, text in cells_of(rows, ncols):
        xlsx_put(ws, row + r0, c0 + 1, text, number)
        if r1 != r0 or c1 != c0:
            ws.merge_cells(start_row=row + r0, start_column=c0 + 1,
                           end_row=row + r1, end_column=c1 + 1)
    return row + len(rows)


def xlsx_title(ws, row, text, ncols):
    """A title row merged across the form."""
    xlsx_put(ws, row, 1, text, False)
    ws.merge_cells(start_row=row, start_column=1, end_row=row,
                   end_column=ncols)
    return row + 1


def xlsx_unit(ws, row, ncols, left=None):
    """The row `单位：万元` in the last column (a department left)."""
    if left:
        xlsx_put(ws, row, 1, left, False)
    xlsx_put(ws, row, ncols, "单位：万元", False)
    return row + 1


def new_book(title):
    import openpyxl
    wb = openpyxl.Workbook()
    props = wb.properties
    props.creator = "pbcheck"
    props.lastModifiedBy = "pbcheck"
    props.created = make_docx.FIXED_TIME
    props.modified = make_docx.FIXED_TIME
    props.title = title
    wb.remove(wb.active)
    return wb


def new_sheet(wb, name, widths=None):
    ws = wb.create_sheet(re.sub(r"[\[\]:*?/\\]", "", name)[:31])
    for k, w in enumerate(widths or ()):
        ws.column_dimensions[chr(ord("A") + k)].width = w
    return ws


def book_bytes(wb):
    buf = io.BytesIO()
    wb.save(buf)
    return make_docx.fixed_zip(buf.getvalue())


# --------------------------------------------------------------------------
# Expectations.

ABSENT_FIELDS = ("code", "purpose", "plan", "description", "basis")


def expect_project(p, has, budget=None, fiscal=None, other=None, l1=None):
    """The projects[] entry a careful reader gives for p; has: the fields
    of ABSENT_FIELDS the layout has."""
    inds = []
    for i in p["ind"]:
        inds.append({
            "level1": (l1 or {}).get(i["l1"], i["l1"]),
            "level2": i["l2"],
            "level3": i["l3"],
            "description": i["desc"] if "description" in has else None,
            "basis": i["basis"] if "basis" in has else None,
            "value": {"raw": i["val"]},
        })
    b = p["budget"] if budget is None else budget
    f = p["fiscal"] if fiscal is None else fiscal
    o = p["other"] if other is None else other
    return {
        "code": p["code"] if "code" in has else None,
        "name": p["name"],
        "budget": number(b),
        "fiscal": number(f),
        "other": number(o),
        "purpose": p["purpose"] if "purpose" in has else None,
        "plan": [number(x) if x != "" else None for x in p["plan"]]
        if "plan" in has else None,
        "goals": list(p["goals"]),
        "indicators": inds,
    }


def expect(file, projects, findings, has, extra=()):
    """The expect.json of one file: its files[] format (and encoding, for
    a CSV), PB010 per absent field, then findings."""
    fl = list(extra)
    for field in ABSENT_FIELDS:
        if field not in has:
            fl.append({"rule": "PB010", "project": None, "field": field})
    fl += [{"rule": r, "project": k} for r, k in findings]
    out = {"file": file}
    if file.endswith(".csv"):
        out.update(format="form-csv", encoding="GB18030")
    elif file.endswith(".xlsx"):
        out.update(format="xlsx")
    else:
        out.update(format="docx")
    out.update(projects=projects, findings=fl)
    return out


def write_json(path, obj):
    data = json.dumps(obj, ensure_ascii=False, indent=1) + "\n"
    seed2csv.write_bytes(path, data.encode("utf-8"))


# --------------------------------------------------------------------------
# national-2015: 项目支出绩效目标申报表 of 财预〔2015〕88号.

def national_projects():
    a = proj("radiation")
    # Defect: no 满意度 indicator in either half (PB304).
    a["ind"] = [i for i in a["ind"] if i["l1"] != SAT]
    c = proj("publicity")
    # Defect: a count without its unit (PB403).
    c["ind"][1] = dict(c["ind"][1], val="≥5000")
    return [a, c]


def national_rows(p):
    """The form on an 8-column grid: label | 一级 | mid 二级/三级/值 |
    annual 二级/三级/值."""
    rows = [
        [("项目名称", 2), (p["name"], 6)],
        [("主管部门及代码", 2), ("[571]承德市生态环境局", 2), "实施单位",
         ("承德市生态环境监测中心", 3)],
        [("项目属性", 2), ("延续项目", 2), "项目期", ("3年", 3)],
        [("项目资金\n（万元）", 2), ("中期资金总额", 2), p["mid_budget"],
         ("年度资金总额", 2), p["budget"]],
        [(UP, 2), ("其中：财政拨款", 2), p["mid_fiscal"], ("其中：财政拨款", 2),
         p["fiscal"]],
        [(UP, 2), ("其他资金", 2), p["mid_other"], ("其他资金", 2),
         p["other"]],
        ["总体目标", ("中期目标（2021年－2023年）", 4), ("年度目标", 3)],
        [UP, (goal_lines(p["mid_goals"]), 4), (goal_lines(p["goals"]), 3)],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标",
         "三级指标", "指标值"],
    ]
    names = {OUT: "产出指标", EFF: "效益指标", SAT: "满意度指标"}
    inds = p["ind"]
    l1 = first_col(inds, names)
    l2 = first_col(inds, {}, "l2")
    nums = numbered(inds)
    for k, i in enumerate(inds):
        l3 = "指标%d：%s" % (nums[k], i["l3"])
        rows.append([UP, l1[k], l2[k], l3, i["mid"], l2[k], l3, i["val"]])
    return rows


def national(out):
    d = os.path.join(out, "national-2015")
    projects = national_projects()
    doc = new_doc("项目支出绩效目标申报表")
    for p in projects:
        doc.add_paragraph("项目支出绩效目标申报表")
        doc.add_paragraph("（2021年度）")
        add_grid(doc, national_rows(p), 8)
    seed2csv.write_bytes(os.path.join(d, "shenbao.docx"), doc_bytes(doc))

    recs = []
    for k, p in enumerate(projects):
        if k:
            recs.append([""] * 8)
        recs.append(["项目支出绩效目标申报表"] + [""] * 7)
        recs.append(["（2021年度）"] + [""] * 7)
        recs.append([""] * 7 + ["单位：万元"])
        recs += grid_records(national_rows(p), 8)
    seed2csv.write_bytes(os.path.join(d, "shenbao-form.csv"), form_csv(recs))

    has = ()
    l1 = {}
    exp = [expect_project(p, has, l1=l1) for p in projects]
    findings = [("PB304", projects[0]["name"]), ("PB403", projects[1]["name"])]
    write_json(os.path.join(d, "shenbao.docx.expect.json"),
               expect("shenbao.docx", exp, findings, has))
    write_json(os.path.join(d, "shenbao-form.csv.expect.json"),
               expect("shenbao-form.csv", exp, findings, has,
                      [{"rule": "PB007", "project": None}]))
    return [("national-2015/shenbao.docx", projects),
            ("national-2015/shenbao-form.csv", projects)]


# --------------------------------------------------------------------------
# municipal-pifu: a city's 项目支出绩效目标批复表 (东莞 2019 style).

def municipal_projects():
    d = proj("enforcement", code="441900-2019-000358")
    # Defect: a qualitative value under 产出 (PB411).
    d["ind"][2] = ind(OUT, QUA, "执法文书质量", "行政处罚案卷文书的规范程度",
                      "符合执法规范要求", "全部符合执法规范要求")
    e = proj("reduction", code="441900-2019-000412")
    # Defect: a 满意度 target under the 80% floor (PB407).
    e["ind"][7] = dict(e["ind"][7], val="≥75%")
    return [d, e]


def municipal_rows(p, value_header):
    l1names = {OUT: "预期产出指标", EFF: "效果指标", SAT: "满意度指标"}
    l2names = {NUM: "数量指标(或建筑规模指标)", TIM: "时效指标(工期指标)"}
    rows = [
        ["项目编号", (p["code"], 2), "项目名称", (p["name"], 2)],
        ["主管部门", ("东莞市生态环境局", 2), "实施单位", ("东莞市生态环境局", 2)],
        ["中期资金总额(万元)", (p["mid_budget"], 2),
         "本年度申请市财政预算资金(万元)", (p["budget"], 2)],
        ["绩效目标", ("中期滚动目标", 2), ("年度目标", 3)],
        [UP, (goal_lines(p["mid_goals"], "{n}.{g}"), 2),
         (goal_lines(p["goals"], "{n}.{g}"), 3)],
        ["一级指标", "二级指标", "三级指标", (value_header, 2), "备注"],
    ]
    inds = p["ind"]
    l1 = first_col(inds, l1names)
    for k, i in enumerate(inds):
        rows.append([l1[k], l2names.get(i["l2"], i["l2"]), i["l3"],
                     (i["val"], 2), ""])
    return rows


def municipal(out):
    d = os.path.join(out, "municipal-pifu")
    projects = municipal_projects()
    doc = new_doc("项目支出绩效目标批复表")
    headers = ["指标值(或计划水平)", "计划指标值(或计划水平)"]
    for p, h in zip(projects, headers):
        doc.add_paragraph("2019年度东莞市市级财政项目支出绩效目标批复表")
        doc.add_paragraph("单位：万元")
        add_grid(doc, municipal_rows(p, h), 6)
    seed2csv.write_bytes(os.path.join(d, "pifu.docx"), doc_bytes(doc))
    has = ("code",)
    exp = [expect_project(p, has, fiscal=p["budget"], other="0")
           for p in projects]
    findings = [("PB411", projects[0]["code"]),
                ("PB407", projects[1]["code"])]
    write_json(os.path.join(d, "pifu.docx.expect.json"),
               expect("pifu.docx", exp, findings, has))
    return [("municipal-pifu/pifu.docx", projects)]


# --------------------------------------------------------------------------
# central-disclosure: a central department's published 项目绩效目标表,
# several projects in one document, 成本指标 as a 一级.

def as_cost_l1(p):
    """The 产出/成本 indicators moved to a 一级 成本指标 / 经济成本指标,
    placed after 产出 (as the 2021 tables order them)."""
    out = [i for i in p["ind"] if i["l1"] == OUT and i["l2"] != CST]
    cost = [dict(i, l1=COST, l2="经济成本指标") for i in p["ind"]
            if i["l2"] == CST]
    rest = [i for i in p["ind"] if i["l1"] != OUT]
    p["ind"] = out + cost + rest
    return p


def central_projects():
    w = as_cost_l1(proj(
        "water", name="国家地表水水质自动监测站运行维护",
        budget="1250", fiscal="1250", other="0"))
    w["ind"][0] = dict(w["ind"][0], val="=147个", l3="运维站点数量",
                       desc="运维的国家地表水水质自动监测站个数")
    w["ind"][3] = dict(w["ind"][3], val="≤8.5万元")
    w["goals"] = ["保障147个国家地表水水质自动监测站正常运行，数据有效率不低于90%。"]
    r = as_cost_l1(proj(
        "radiation", name="全国辐射环境质量监测",
        budget="980.5", fiscal="900", other="80.5"))
    r["ind"][1] = dict(r["ind"][1], val="≥1500家")
    # Defect: a cost indicator with ≥ (PB408).
    r["ind"][4] = dict(r["ind"][4], val="≥980.5万元")
    r["goals"] = ["完成全国辐射环境质量监测和重点核设施周围辐射环境监督性监测，"
                  "按时发布监测报告。"]
    c = as_cost_l1(proj(
        "cleaner", name="重点行业清洁生产审核评估",
        budget="2360", fiscal="2000", other="360"))
    c["ind"][0] = dict(c["ind"][0], val="≥300家")
    c["ind"][3] = dict(c["ind"][3], val="≤7.5万元")
    # Defect: no 时效指标 (PB305).
    c["ind"] = [i for i in c["ind"] if i["l2"] != TIM]
    c["goals"] = ["完成300家重点行业企业清洁生产审核评估，推动企业节能降耗减排。"]
    return [w, r, c]


def central_rows(p):
    names = {EFF: "效益指标"}
    rows = [
        ["项目名称", (p["name"], 4)],
        ["主管部门及代码", "[111]生态环境部", "实施单位", ("生态环境部本级", 2)],
        ["项目资金\n（万元）", ("年度资金总额", 2), (money(p["budget"], True), 2)],
        [UP, ("其中：财政拨款", 2), (money(p["fiscal"], True), 2)],
        [UP, ("其他资金", 2), (money(p["other"], True), 2)],
        ["年度总体目标", (p["goals"][0], 4)],
        ["一级指标", "二级指标", ("三级指标", 2), "指标值"],
    ]
    inds = p["ind"]
    l1 = first_col(inds, names)
    l2 = first_col(inds, {}, "l2")
    for k, i in enumerate(inds):
        rows.append([l1[k], l2[k], (i["l3"], 2), i["val"]])
    return rows


def central(out):
    d = os.path.join(out, "central-disclosure")
    projects = central_projects()
    doc = new_doc("2021年度部门预算项目绩效目标表")
    doc.add_heading("生态环境部2021年部门预算", level=1)
    doc.add_paragraph("附表：项目绩效目标表")
    for p in projects:
        doc.add_paragraph("%s项目绩效目标表" % p["name"])
        doc.add_paragraph("（2021年度）")
        add_grid(doc, central_rows(p), 5)
        doc.add_paragraph("")
    seed2csv.write_bytes(os.path.join(d, "disclosure.docx"), doc_bytes(doc))
    has = ()
    exp = [expect_project(p, has) for p in projects]
    findings = [("PB408", projects[1]["name"]), ("PB305", projects[2]["name"])]
    write_json(os.path.join(d, "disclosure.docx.expect.json"),
               expect("disclosure.docx", exp, findings, has))
    return [("central-disclosure/disclosure.docx", projects)]


# --------------------------------------------------------------------------
# framework-2021: a platform export of the 财预〔2021〕101号 framework,
# split value columns, 成本指标 as a 一级, long numeric codes.

def framework_projects():
    n = as_cost_l1(proj("network", code="13082121Y000000001287"))
    n["ind"].insert(5, ind(COST, "生态环境成本指标", "新增能耗成本",
                           "运维新增设备的年度用电支出", "≤0.5万元", "≤1.5万元"))
    # Defect: a count without its unit (the unit column left blank: PB403).
    n["ind"][1] = dict(n["ind"][1], val="≥30")
    e = as_cost_l1(proj("enforcement", code="13082121Y000000001302"))
    # Defect: a 效益 二级 under 成本指标 (PB302).
    e["ind"].insert(5, ind(COST, ECO, "执法车辆燃油费", "执法车辆全年燃油支出",
                           "≤6万元", "≤18万元"))
    e["ind"].insert(6, ind(COST, "社会成本指标", "对企业正常生产的影响",
                           "现场检查对企业正常生产经营的影响", "影响较小",
                           "基本无影响"))
    return [n, e]


def framework_rows(p, names):
    """names: the headers of 三级, operator, value and unit columns."""
    l3h, oph, valh, unith = names
    weights = {OUT: "50", COST: "20", EFF: "20", SAT: "10"}
    rows = [
        ["项目代码", (p["code"], 3), "项目名称", (p["name"], 4)],
        ["主管部门", ("承德市生态环境局", 3), "实施单位",
         ("承德市生态环境局本级", 4)],
        ["项目资金（万元）", ("年度资金总额", 3), ("财政拨款", 2),
         ("其他资金", 3)],
        [UP, (p["budget"], 3), (p["fiscal"], 2), (p["other"], 3)],
        ["年度总体目标", (goal_lines(p["goals"]), 8)],
        ["一级指标", "二级指标", l3h, oph, valh, unith, "权重（分）", "指标解释",
         "评（扣）分标准"],
    ]
    inds = p["ind"]
    l1 = first_col(inds, {EFF: "效益指标"})
    per, seen = {}, {}
    for i in inds:
        per[i["l1"]] = per.get(i["l1"], 0) + 1
    for k, i in enumerate(inds):
        # The 一级's weight shared out, the remainder to its first rows
        # (weights add up to 100; pbcheck ignores them).
        total, m = int(weights[i["l1"]]), per[i["l1"]]
        j = seen[i["l1"]] = seen.get(i["l1"], -1) + 1
        s = split_value(i["val"])
        if s is None:
            op, v, u = "定性", i["val"], ""
        else:
            op, v, u = s
            op = "＝" if op == "=" else op
        w = total // m + (1 if j < total % m else 0)
        rows.append([l1[k], i["l2"], i["l3"], op, v, u, str(w), i["desc"],
                     "完成得满分，未完成按比例扣分"])
    return rows


def framework_raw(v):
    """The joined value a reader gives for v drawn in split columns."""
    s = split_value(v)
    if s is None:
        return v
    op, n, u = s
    return ("＝" if op == "=" else op) + n + u


def framework(out):
    d = os.path.join(out, "framework-2021")
    projects = framework_projects()
    doc = new_doc("项目支出绩效目标表")
    heads = [("三级指标名称", "指标性质", "年度指标值", "度量单位"),
             ("三级指标", "计算符号", "指标值", "计量单位")]
    for p, h in zip(projects, heads):
        doc.add_paragraph("项目支出绩效目标表")
        doc.add_paragraph("（2021年度）")
        add_grid(doc, framework_rows(p, h), 9)
    seed2csv.write_bytes(os.path.join(d, "platform.docx"), doc_bytes(doc))
    has = ("code", "description")
    exp = []
    for p in projects:
        e = expect_project(p, has)
        for i, x in zip(e["indicators"], p["ind"]):
            i["value"]["raw"] = framework_raw(x["val"])
        exp.append(e)
    findings = [("PB403", projects[0]["code"]),
                ("PB302", projects[1]["code"])]
    write_json(os.path.join(d, "platform.docx.expect.json"),
               expect("platform.docx", exp, findings, has))
    return [("framework-2021/platform.docx", projects)]


# --------------------------------------------------------------------------
# provincial-gansu: 省级部门预算项目支出绩效目标表 (甘肃 2023 style).

def gansu_value(v):
    """甘肃's platform writes a percentage as `=100百分比`."""
    s = split_value(v)
    if s and s[2] == "%":
        return s[0] + s[1] + "百分比"
    return v


def gansu_projects():
    r = proj("radiation", name="辐射环境监测", budget="55", fiscal="50",
             other="5")
    r["central"], r["province"] = "30", "20"
    r["parent"] = "生态环境监测与信息"
    r["goals"] = ["完成全省涉及放射源和射线装置单位的监督性监测，保障辐射环境安全。",
                  "完成1次规模化辐射事故应急演练及辐射类信访纠纷监测。"]
    w = proj("water", name="地表水水质自动监测站运维", budget="40",
             fiscal="30", other="0")
    # Defect: 预算申报数 40 is not 中央补助安排 12 + 省级财政安排 18 + 其他资金 0
    # (PB107).
    w["central"], w["province"] = "12", "18"
    w["parent"] = "生态环境监测与信息"
    w["goals"] = ["完成全省4个地表水水质自动监测站运维工作。",
                  "保障水站监测数据连续、有效、及时上传。"]
    for p in (r, w):
        for i in p["ind"]:
            i["val"] = gansu_value(i["val"])
    return [r, w]


def gansu_rows(p):
    rows = [
        ["一级项目名称", (p["parent"], 2), "二级项目名称", (p["name"], 2)],
        ["主管部门", ("甘肃省生态环境厅", 2), "实施单位",
         ("甘肃省生态环境监测中心", 2)],
        ["中央补助安排", (p["central"], 2), "省级财政安排", (p["province"], 2)],
        ["其他资金", (p["other"], 2), "预算申报数", (p["budget"], 2)],
        ["年度绩效目标", (goal_lines(p["goals"], "{n}.{g}"), 5)],
        ["一级指标", "二级指标", ("三级指标", 2), ("指标目标值", 2)],
    ]
    inds = p["ind"]
    l1 = first_col(inds, {})
    l2 = first_col(inds, {}, "l2")
    for k, i in enumerate(inds):
        rows.append([l1[k], l2[k], (i["l3"], 2), (i["val"], 2)])
    return rows


def gansu(out):
    d = os.path.join(out, "provincial-gansu")
    projects = gansu_projects()
    doc = new_doc("省级部门预算项目支出绩效目标表")
    for p in projects:
        doc.add_paragraph("2023年省级部门预算项目支出绩效目标表")
        doc.add_paragraph("单位：万元")
        add_grid(doc, gansu_rows(p), 6)
    seed2csv.write_bytes(os.path.join(d, "mubiao.docx"), doc_bytes(doc))
    recs = []
    for k, p in enumerate(projects):
        if k:
            recs.append([""] * 6)
        recs.append(["2023年省级部门预算项目支出绩效目标表"] + [""] * 5)
        recs.append(["部门名称：甘肃省生态环境厅"] + [""] * 4 + ["单位：万元"])
        recs += grid_records(gansu_rows(p), 6)
    seed2csv.write_bytes(os.path.join(d, "mubiao-form.csv"), form_csv(recs))
    has = ()
    exp = [expect_project(p, has) for p in projects]
    findings = [("PB107", projects[1]["name"])]
    write_json(os.path.join(d, "mubiao.docx.expect.json"),
               expect("mubiao.docx", exp, findings, has))
    write_json(os.path.join(d, "mubiao-form.csv.expect.json"),
               expect("mubiao-form.csv", exp, findings, has,
                      [{"rule": "PB007", "project": None}]))
    return [("provincial-gansu/mubiao.docx", projects),
            ("provincial-gansu/mubiao-form.csv", projects)]


# --------------------------------------------------------------------------
# chengde-variants: the seed's layout (7 columns) drawn differently.

SEED_LABELS = {
    "code": "项目编码", "name": "项目名称", "use": "预算规模及资金用途",
    "budget": "预算数", "fiscal": "其中：财政资金", "other": "其他资金",
    "plan": "资金支出计划（%）", "goals": "绩效目标", "goal": "目标{n}",
    "l1": "一级指标", "l2": "二级指标", "l3": "三级指标",
    "desc": "绩效指标描述", "value": "指标值", "basis": "指标值确定依据",
}

ODD_LABELS = dict(SEED_LABELS, **{
    "code": "项　目\n编　码", "name": "项目\n名称",
    "use": "预算规模\n及资金用途", "budget": "预算数（万元）",
    "fiscal": "其中：财政\n资金（万元）", "other": "其他资金\n（万元）",
    "plan": "资金支出\n计划（%）", "goals": "绩　效\n目　标", "goal": "目标{fn}",
    "l1": "一级\n指标", "l2": "二级\n指标", "l3": "三级\n指标",
    "desc": "绩效指标\n描　述", "value": "指　标　值", "basis": "指标值\n确定依据",
})

SEED_L1 = {OUT: "产出\n指标", EFF: "效果\n指标", SAT: "满意度指标"}
SEED_L2 = {SUS: "可持续性影响"}


def seed_head(p, lab, inline=False):
    """The project rows of the seed's form."""
    fw = "０１２３４５６７８９"
    if inline:
        rows = [[("项目编码：" + p["code"], 3), ("项目名称：" + p["name"], 4)]]
    else:
        rows = [[lab["code"], (p["code"], 2), lab["name"], (p["name"], 3)]]
    rows += [
        [lab["use"], lab["budget"], p["budget"], lab["fiscal"], p["fiscal"],
         lab["other"], p["other"] if p["other"] != "0" else ""],
        [UP, (p["purpose"], 6)],
        [lab["plan"], "3月底", "6月底", "10月底", ("12月底", 3)],
        [UP] + p["plan"][:3] + [(p["plan"][3], 3)],
    ]
    for k, g in enumerate(p["goals"], 1):
        name = lab["goal"].format(n=k, fn=fw[k])
        rows.append([lab["goals"] if k == 1 else UP, name, (g, 5)])
    return rows


def seed_header(lab):
    return [lab["l1"], lab["l2"], lab["l3"], (lab["desc"], 2), lab["value"],
            lab["basis"]]


def seed_inds(inds, blank_top=False):
    l1 = first_col(inds, SEED_L1)
    if blank_top:
        l1[0] = ""
    return [[l1[k], SEED_L2.get(i["l2"], i["l2"]), i["l3"], (i["desc"], 2),
             i["val"], i["basis"]] for k, i in enumerate(inds)]


def seed_table(p, lab=SEED_LABELS, inline=False):
    return seed_head(p, lab, inline) + [seed_header(lab)] + seed_inds(p["ind"])


def title_of(n, p):
    return "%d. %s项目绩效目标表" % (n, p["name"])


def chengde_sdt(table, tag):
    """Wraps a body-level table in a block content control (w:sdt)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tbl = table._tbl
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), "绩效目标表")
    t = OxmlElement("w:tag")
    t.set(qn("w:val"), tag)
    i = OxmlElement("w:id")
    i.set(qn("w:val"), "571010101")
    pr.extend([alias, t, i])
    content = OxmlElement("w:sdtContent")
    tbl.addprevious(sdt)
    sdt.append(pr)
    sdt.append(content)
    content.append(tbl)


def chengde(out):
    d = os.path.join(out, "chengde-variants")
    has = ABSENT_FIELDS
    made = []

    def save(name, doc, projects, findings):
        seed2csv.write_bytes(os.path.join(d, name), doc_bytes(doc))
        exp = [expect_project(p, has) for p in projects]
        write_json(os.path.join(d, name + ".expect.json"),
                   expect(name, exp, findings, has))
        made.append(("chengde-variants/" + name, projects))

    # Labels with full-width spaces and line breaks, units in brackets.
    p = proj("radiation")
    doc = new_doc("预算项目绩效目标")
    doc.add_paragraph(title_of(1, p))
    add_grid(doc, seed_table(p, ODD_LABELS), 7)
    save("labels.docx", doc, [p], [])

    # 项目编码：… and 项目名称：… as one cell each.
    p = proj("water")
    doc = new_doc("预算项目绩效目标")
    doc.add_paragraph(title_of(1, p))
    add_grid(doc, seed_table(p, inline=True), 7)
    save("inline-code.docx", doc, [p], [])

    # Three projects in one table, a title row before each.
    ps = [proj("publicity"), proj("enforcement"), proj("reduction")]
    # Defect: the plan ends at 90% (PB204).
    ps[1]["plan"] = ["25", "50", "75", "90"]
    rows = []
    for n, p in enumerate(ps, 1):
        rows.append([(title_of(n, p), 7)])
        rows += seed_table(p)
    doc = new_doc("预算项目绩效目标")
    doc.add_heading("预算项目绩效目标", level=1)
    add_grid(doc, rows, 7)
    save("one-table.docx", doc, ps, [("PB204", ps[1]["code"])])

    # A form broken across pages: the second table has no header and its
    # first 一级 cell is blank (the 效果 group goes on).
    p = proj("cleaner")
    # Defect: 6月底 at 40% (PB207, below 双过半).
    p["plan"] = ["20", "40", "80", "100"]
    cut = 5                       # 产出 ×4, 效果 ×1 | 效果 ×2, 满意度
    doc = new_doc("预算项目绩效目标")
    doc.add_paragraph(title_of(1, p))
    first = seed_head(p, SEED_LABELS) + [seed_header(SEED_LABELS)]
    first += seed_inds(p["ind"][:cut])
    add_grid(doc, first, 7)
    doc.add_paragraph("")
    add_grid(doc, seed_inds(p["ind"][cut:], blank_top=True), 7)
    save("page-break.docx", doc, [p], [("PB207", p["code"])])

    # A form inside a one-column layout table (a title paragraph and the
    # form in its one cell).
    p = proj("network")
    doc = new_doc("预算项目绩效目标")
    doc.add_paragraph("预算项目绩效目标")
    outer = doc.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.paragraphs[0].add_run(title_of(1, p))
    rows = seed_table(p)
    inner = cell.add_table(rows=len(rows), cols=7)
    fill_table(doc, inner, rows, 7)
    save("nested.docx", doc, [p], [])

    # A form inside a content control (w:sdt), as a template fills it.
    p = proj("mining")
    doc = new_doc("预算项目绩效目标")
    doc.add_paragraph(title_of(1, p))
    t = add_grid(doc, seed_table(p), 7)
    chengde_sdt(t, "form-1")
    doc.add_paragraph("")
    save("content-control.docx", doc, [p], [])
    return made


# --------------------------------------------------------------------------
# The layouts as Excel workbooks (the same content and model as the .docx;
# PB007 does not apply).

def national_xlsx(out):
    """Both projects on one sheet, each under its title rows."""
    projects = national_projects()
    wb = new_book("项目支出绩效目标申报表")
    ws = new_sheet(wb, "申报表")
    row = 1
    for k, p in enumerate(projects):
        if k:
            row += 1
        row = xlsx_title(ws, row, "项目支出绩效目标申报表", 8)
        row = xlsx_title(ws, row, "（2021年度）", 8)
        row = xlsx_unit(ws, row, 8)
        row = xlsx_grid(ws, row, national_rows(p), 8)
    name = "national-2015/shenbao.xlsx"
    seed2csv.write_bytes(os.path.join(out, name), book_bytes(wb))
    exp = [expect_project(p, ()) for p in projects]
    findings = [("PB304", projects[0]["name"]), ("PB403", projects[1]["name"])]
    write_json(os.path.join(out, name + ".expect.json"),
               expect("shenbao.xlsx", exp, findings, ()))
    return [(name, projects)]


def municipal_xlsx(out):
    """A sheet per project, as a bureau sends one per approval."""
    projects = municipal_projects()
    wb = new_book("项目支出绩效目标批复表")
    headers = ["指标值(或计划水平)", "计划指标值(或计划水平)"]
    for p, h in zip(projects, headers):
        ws = new_sheet(wb, p["name"])
        row = xlsx_title(ws, 1, "2019年度东莞市市级财政项目支出绩效目标批复表", 6)
        row = xlsx_unit(ws, row, 6, "主管部门：东莞市生态环境局")
        xlsx_grid(ws, row, municipal_rows(p, h), 6)
    name = "municipal-pifu/pifu.xlsx"
    seed2csv.write_bytes(os.path.join(out, name), book_bytes(wb))
    has = ("code",)
    exp = [expect_project(p, has, fiscal=p["budget"], other="0")
           for p in projects]
    findings = [("PB411", projects[0]["code"]),
                ("PB407", projects[1]["code"])]
    write_json(os.path.join(out, name + ".expect.json"),
               expect("pifu.xlsx", exp, findings, has))
    return [(name, projects)]


def central_xlsx(out):
    """The annex on one sheet: a heading row, then each project's title
    row and form; amounts typed as numbers shown `1,250.00`."""
    projects = central_projects()
    wb = new_book("2021年度部门预算项目绩效目标表")
    ws = new_sheet(wb, "附表 项目绩效目标表")
    row = xlsx_title(ws, 1, "附表：项目绩效目标表", 5)
    for p in projects:
        row += 1
        row = xlsx_title(ws, row, "%s项目绩效目标表" % p["name"], 5)
        row = xlsx_title(ws, row, "（2021年度）", 5)
        row = xlsx_grid(ws, row, central_rows(p), 5)
    name = "central-disclosure/disclosure.xlsx"
    seed2csv.write_bytes(os.path.join(out, name), book_bytes(wb))
    exp = [expect_project(p, ()) for p in projects]
    findings = [("PB408", projects[1]["name"]), ("PB305", projects[2]["name"])]
    write_json(os.path.join(out, name + ".expect.json"),
               expect("disclosure.xlsx", exp, findings, ()))
    return [(name, projects)]


def framework_xlsx(out):
    """The platform's export: a sheet per project; the split value's
    number typed as a number."""
    projects = framework_projects()
    wb = new_book("项目支出绩效目标表")
    heads = [("三级指标名称", "指标性质", "年度指标值", "度量单位"),
             ("三级指标", "计算符号", "指标值", "计量单位")]
    for p, h in zip(projects, heads):
        ws = new_sheet(wb, p["code"])
        row = xlsx_title(ws, 1, "项目支出绩效目标表", 9)
        row = xlsx_title(ws, row, "（2021年度）", 9)
        xlsx_grid(ws, row, framework_rows(p, h), 9)
    name = "framework-2021/platform.xlsx"
    seed2csv.write_bytes(os.path.join(out, name), book_bytes(wb))
    has = ("code", "description")
    exp = []
    for p in projects:
        e = expect_project(p, has)
        for i, x in zip(e["indicators"], p["ind"]):
            i["value"]["raw"] = framework_raw(x["val"])
        exp.append(e)
    findings = [("PB403", projects[0]["code"]),
                ("PB302", projects[1]["code"])]
    write_json(os.path.join(out, name + ".expect.json"),
               expect("platform.xlsx", exp, findings, has))
    return [(name, projects)]


def gansu_xlsx(out):
    """Both projects on one sheet, each under its title and unit rows."""
    projects = gansu_projects()
    wb = new_book("省级部门预算项目支出绩效目标表")
    ws = new_sheet(wb, "绩效目标表")
    row = 1
    for k, p in enumerate(projects):
        if k:
            row += 1
        row = xlsx_title(ws, row, "2023年省级部门预算项目支出绩效目标表", 6)
        row = xlsx_unit(ws, row, 6, "部门名称：甘肃省生态环境厅")
        row = xlsx_grid(ws, row, gansu_rows(p), 6)
    name = "provincial-gansu/mubiao.xlsx"
    seed2csv.write_bytes(os.path.join(out, name), book_bytes(wb))
    exp = [expect_project(p, ()) for p in projects]
    findings = [("PB107", projects[1]["name"])]
    write_json(os.path.join(out, name + ".expect.json"),
               expect("mubiao.xlsx", exp, findings, ()))
    return [(name, projects)]


def chengde_xlsx(out):
    """The seed's layout in Excel: three projects in one sheet after
    title rows; the odd labels; the inline code cell."""
    made = []
    has = ABSENT_FIELDS

    def save(name, wb, projects, findings):
        path = "chengde-variants/" + name
        seed2csv.write_bytes(os.path.join(out, path), book_bytes(wb))
        exp = [expect_project(p, has) for p in projects]
        write_json(os.path.join(out, path + ".expect.json"),
                   expect(name, exp, findings, has))
        made.append((path, projects))

    ps = [proj("publicity"), proj("enforcement"), proj("reduction")]
    ps[1]["plan"] = ["25", "50", "75", "90"]
    wb = new_book("预算项目绩效目标")
    ws = new_sheet(wb, "绩效目标")
    row = xlsx_title(ws, 1, "预算项目绩效目标", 7)
    rows = []
    for n, p in enumerate(ps, 1):
        rows.append([(title_of(n, p), 7)])
        rows += seed_table(p)
    xlsx_grid(ws, row, rows, 7)
    save("one-table.xlsx", wb, ps, [("PB204", ps[1]["code"])])

    p = proj("radiation")
    wb = new_book("预算项目绩效目标")
    ws = new_sheet(wb, "1. " + p["name"])
    row = xlsx_title(ws, 1, title_of(1, p), 7)
    xlsx_grid(ws, row, seed_table(p, ODD_LABELS), 7)
    save("labels.xlsx", wb, [p], [])

    p = proj("water")
    wb = new_book("预算项目绩效目标")
    ws = new_sheet(wb, "1. " + p["name"])
    row = xlsx_title(ws, 1, title_of(1, p), 7)
    xlsx_grid(ws, row, seed_table(p, inline=True), 7)
    save("inline-code.xlsx", wb, [p], [])
    return made


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: %s OUTDIR\n" % PROG)
        return 2
    try:
        import docx  # noqa: F401
        import openpyxl  # noqa: F401
    except ImportError:
        sys.stderr.write("%s: python-docx is not importable by %s (install "
                         "the Debian package python3-docx and run "
                         "/usr/bin/python3)\n" % (PROG, sys.executable))
        return 1
    out = argv[1]
    made = []
    for f in (national, municipal, central, framework, gansu, chengde,
              national_xlsx, municipal_xlsx, central_xlsx, framework_xlsx,
              gansu_xlsx, chengde_xlsx):
        made += f(out)
    # The probes of the recogniser's generality kept as samples
    # (data/layouts/probes/, run by tests/layouts.sh with the rest).
    import make_probes
    made += make_probes.committed(out)
    for name, projects in made:
        sys.stderr.write("%s: %s: %d projects, %s indicators\n"
                         % (PROG, name, len(projects),
                            "+".join(str(len(p["ind"])) for p in projects)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
