/* The rule table (SPEC 4) and the checks of the project (PB1) and spend-plan (PB2) families. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "model.h"
#include "rules.h"
#include "rules_check.h"
#include "text.h"
#include "util.h"
#include "value.h"

static void check_pb101(struct check *, const struct project *);
static void check_pb102(struct check *, const struct project *);
static void check_pb103(struct check *, const struct project *);
static void check_pb104(struct check *, const struct project *);
static void check_pb105(struct check *, const struct project *);
static void check_pb106(struct check *, const struct project *);
static void check_pb107(struct check *, const struct project *);
static void check_pb108(struct check *, const struct project *);
static void check_pb109(struct check *, const struct project *);
static void check_pb110(struct check *, const struct project *);
static void check_pb201(struct check *, const struct project *);
static void check_pb202(struct check *, const struct project *);
static void check_pb203(struct check *, const struct project *);
static void check_pb204(struct check *, const struct project *);
static void check_pb205(struct check *, const struct project *);
static void check_pb206(struct check *, const struct project *);
static void check_pb207(struct check *, const struct project *);

#define E SEV_ERROR
#define W SEV_WARNING
#define I SEV_INFO

static const struct rule rules[] = {
	/* PB0: input. Emitted by the readers and the batch. */
	[RULE_PB001] = { "PB001", E, GROUP_INPUT,
	    { "the file cannot be parsed", "文件无法解析" },
	    { "cannot parse the file: {a}", "文件无法解析：{a}" }, NULL,
	    { "Fires when a file cannot be read as a table: in CSV, a quote "
	      "inside an unquoted field, text after a closing quote, a quoted "
	      "field never closed (reported where that record starts), a "
	      "first row that is not a recognisable header, or no rows at "
	      "all; in a form (.txt, .docx, form-layout CSV), a table with "
	      "form labels but no 项目编码, a project table without the "
	      "一级指标 … 指标值确定依据 header row, or no project table at "
	      "all. Projects read completely before a CSV syntax error are "
	      "still checked. A file that cannot be opened or read is not "
	      "PB001 but an error on standard error and exit status 2.",
	      "文件无法作为表格读取时报告。CSV 文件：未加引号的字段中有引号、"
	      "结束引号后还有文字、引号始终未闭合（在该记录起始行报告）、"
	      "首行不是可识别的表头，或文件中没有任何行；表格样式文件"
	      "（.txt、.docx、表格样式的 CSV）：有表格标签但缺少“项目编码”"
	      "、项目表缺少“一级指标……指标值确定依据”表头行，"
	      "或未识别出任何项目表。CSV 语法出错前已完整读入的项目仍照常检"
	      "查。文件无法打开或读取时不报本规则，而是在标准错误输出提示并以"
	      "状态 2 退出。" },
	    { "A practical rule: a CI gate must not pass a file it could not "
	      "read, and the officer needs to know where the export broke "
	      "rather than lose the rows after it without notice.",
	      "从实务出发，自动检查不能让读不懂的文件“蒙混过关”，"
	      "也不能悄悄丢掉出错位置之后的行；指明出错位置，"
	      "便于经办人员修正导出文件。" },
	    "…,工作计划,响应\"压缩开支,厉行节约\"要求",
	    "…,工作计划,\"响应\"\"压缩开支,厉行节约\"\"要求\"" },
	[RULE_PB002] = { "PB002", E, GROUP_INPUT,
	    { "a required column is missing", "缺少必需的列" },
	    { "required column '{value}' is missing from the header; the file is not checked further",
	      "表头缺少必需的列“{value}”，该文件不再继续检查" }, NULL,
	    { "After header names are matched (white space removed, "
	      "full-width letters folded, English aliases such as code or "
	      "value accepted), one finding is made for each required column "
	      "that is absent: 项目编码, 项目名称, 预算数, 财政资金, "
	      "资金用途, the four milestones, 目标1 and 一级指标 to "
	      "指标值确定依据. 其他资金 and 目标2… are optional. The file is "
	      "then not read further. A header with no known name at all is "
	      "PB001.",
	      "表头名称去除空白、全角转半角后匹配，英文别名（如 code、"
	      "value）同样认可。必需列每缺一列报告一次：项目编码、"
	      "项目名称、预算数、财政资金、资金用途、四个支出进度列、"
	      "目标1，以及一级指标至指标值确定依据各列；其他资金和目标2及以后"
	      "各列可以没有。缺少必需列的文件不再继续读取。表头中一个可识别的"
	      "列名都没有的，按 PB001 报告。" },
	    { "The columns are the fields of the 预算项目绩效目标表 form. "
	      "Without one of them every row lacks that field, and checking "
	      "on would bury the one real problem under a finding per row.",
	      "这些列对应预算项目绩效目标表的各栏目。缺少其中一列，"
	      "每一行都缺这一项，继续检查只会产生大量重复提示，"
	      "掩盖真正的问题。" },
	    "项目编码,项目名称,预算数,财政资金,其他资金,3月底,…",
	    "项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,…" },
	[RULE_PB003] = { "PB003", W, GROUP_INPUT,
	    { "a column is not recognised and is ignored", "无法识别的列已忽略" },
	    { "column '{value}' is not recognised and is ignored{a}",
	      "无法识别的列“{value}”已忽略{a}" }, NULL,
	    { "A non-blank header cell that matches no column name (after "
	      "removing white space and folding full-width letters), or that "
	      "repeats a column already seen (a second 项目名称 or 目标2), is "
	      "reported and its column ignored. Blank header cells are "
	      "skipped silently.",
	      "表头中非空的单元格（去除空白、全角转半角后）不是任何已知列名，"
	      "或与前面的列重复（如第二个“项目名称”“目标2”），即报告，"
	      "该列内容不予读取。空白的表头单元格直接跳过，不报告。" },
	    { "A practical rule: a misspelt header would otherwise drop a "
	      "whole column of data without a word; a checker must not "
	      "silently skip data.",
	      "从实务出发，表头写错时整列数据会被丢弃，检查工具不能在不提示的"
	      "情况下漏读数据。" },
	    "…,目标1,目标2,目标3,目标四,一级指标,…",
	    "…,目标1,目标2,目标3,目标4,一级指标,…" },
	[RULE_PB004] = { "PB004", E, GROUP_INPUT,
	    { "a project's rows are not contiguous", "项目的行不连续" },
	    { "project {code}: its rows are not contiguous (the code reappears after another project); this block is checked as a project of its own",
	      "项目 {code}：各行不连续（编码在其他项目之后再次出现），此段按单独项目检查" }, NULL,
	    { "Fires at the first row of a block whose 项目编码 already began "
	      "an earlier project in the same file, with other projects in "
	      "between. The block is then checked as a project of its own and "
	      "is not also reported as PB005. The same code in another file "
	      "of the batch is PB005.",
	      "同一文件中，某项目编码在其他项目之后再次出现时，"
	      "在再次出现的第一行报告。该段按单独的项目检查，"
	      "不再另报 PB005。同一编码出现在本批次的其他文件中的，"
	      "按 PB005 报告。" },
	    { "A project is one table in the form, so its rows belong "
	      "together; a split project usually comes from sorting or "
	      "pasting, and each half checked alone gives misleading results "
	      "(a missing 产出 or 满意度 indicator).",
	      "一个项目在表格中是一张完整的表，各行应当相连。"
	      "项目被拆开多半是排序或粘贴所致，分段检查会得出缺少产出指标、"
	      "满意度指标等误导性的结论。" },
	    "571-0101-YBN-NFOY …; 571-0101-YBN-1G80 …; 571-0101-YBN-NFOY …",
	    "571-0101-YBN-NFOY …; 571-0101-YBN-NFOY …; 571-0101-YBN-1G80 …" },
	[RULE_PB005] = { "PB005", E, GROUP_INPUT,
	    { "the same project code appears twice in the batch", "同一批次中项目编码重复" },
	    { "project {code}: {b} already appears in {a}",
	      "项目 {code}：{b}已在 {a} 中出现" }, NULL,
	    { "Fires when a project's 项目编码 was already used by a project "
	      "in an earlier input of the same run (another file, or standard "
	      "input); the message names that input, and the finding is on "
	      "the later project. A code that reappears within one file is "
	      "PB004 instead. When the layout has no 项目编码 (PB010), "
	      "projects without a code are compared by 项目名称 instead "
	      "(label matching), and the message says the name repeats; a "
	      "project with a code is never compared with one without.",
	      "本次检查的各输入中，某项目编码已在此前的输入（其他文件或标准输"
	      "入）中使用过时报告，提示中写明首次出现的文件，"
	      "在后出现的项目上报告。同一文件内编码重复出现的，"
	      "按 PB004 报告。表格样式没有项目编码时（PB010），"
	      "无编码的项目改按项目名称（去除空白、全角转半角后）比较，"
	      "提示中写明项目名称重复；有编码的项目不与无编码的项目比较。" },
	    { "The project code identifies one budget project in the 项目库; "
	      "two target tables under one code double the targets of one "
	      "appropriation, or hide a project entered under the wrong code.",
	      "项目编码在项目库中唯一对应一个预算项目。同一编码有两张绩效目标"
	      "表，要么同一笔资金的目标重复填报，要么有项目填错了编码。" },
	    "a.csv: 571-0101-YBN-NFOY 辐射环境监测工作经费; b.csv: "
	    "571-0101-YBN-NFOY 国家地表水水质自动监测站运维经费",
	    "a.csv: 571-0101-YBN-NFOY 辐射环境监测工作经费; b.csv: "
	    "571-0101-YBN-1G80 国家地表水水质自动监测站运维经费" },
	[RULE_PB006] = { "PB006", E, GROUP_INPUT,
	    { "a project column differs between rows of the same project", "同一项目各行的项目列不一致" },
	    { "project {code}: {field} '{value}' differs from the project's first row '{a}'",
	      "项目 {code}：{field}“{value}”与该项目首行的“{a}”不一致" }, NULL,
	    { "On the rows after a project's first, a project column ("
	      "项目名称, the money columns, 资金用途, the milestones, 目标N) "
	      "that is not blank must equal the first row's value, compared "
	      "after removing white space, folding full-width letters, "
	      "dropping a leading ★ and a trailing 。; blank means the same. "
	      "Each difference is reported at its row and column; the first "
	      "row's value is the one checked.",
	      "项目第二行起，项目名称、各资金列、资金用途、各支出进度、"
	      "目标N 等项目列如不为空，须与首行相同（去除空白、全角转半角、"
	      "去掉开头的★和结尾的句号后比较）；空白视为相同。"
	      "每处不一致在该行该列报告一次，检查以首行的值为准。" },
	    { "Excel writes merged cells as blanks or repeats; a different "
	      "value means two versions of the project's data, and pbcheck "
	      "cannot tell which one the budget uses.",
	      "合并单元格导出后各行为空或重复相同内容；出现不同的值，"
	      "说明同一项目有两个版本的数据，无法判断预算采用的是哪一个。" },
	    "第1行 预算数 15; 第3行 预算数 16",
	    "第1行 预算数 15; 第3行 预算数 15（或留空）" },
	[RULE_PB007] = { "PB007", I, GROUP_INPUT,
	    { "the file was decoded from an encoding other than UTF-8", "文件不是 UTF-8 编码，已转换" },
	    { "the file is encoded in {value}, not UTF-8; it was converted",
	      "文件编码为 {value}，不是 UTF-8，已转换" }, NULL,
	    { "Reported once per file, at line 1, when the text was converted "
	      "to UTF-8 from GB18030 or UTF-16 (chosen by a BOM, by "
	      "--encoding, or under auto because the bytes are not valid "
	      "UTF-8). UTF-8 with or without a BOM gives no finding.",
	      "文件由 GB18030 或 UTF-16 转换为 UTF-8 时（依据 BOM、"
	      "--encoding 选项，或在 auto 模式下因字节不是有效 UTF-8 "
	      "而判定），在第 1 行报告一次。UTF-8 文件（带或不带 "
	      "BOM）不报告。" },
	    { "A practical rule: Excel on Chinese Windows saves CSV as "
	      "GBK/GB18030, and the automatic choice is a guess; naming the "
	      "encoding lets the reader see why characters look wrong if the "
	      "guess was not right.",
	      "从实务出发，中文 Windows 上的 Excel 默认以 GBK/GB18030 保存 "
	      "CSV，自动识别编码只是推断；写明所用编码，一旦出现乱码便于查明"
	      "原因。" },
	    "另存为“CSV(逗号分隔)(*.csv)”",
	    "另存为“CSV UTF-8(逗号分隔)(*.csv)”" },
	[RULE_PB008] = { "PB008", E, GROUP_INPUT,
	    { "bytes that are invalid in the file's encoding", "文件含有编码无效的字节" },
	    { "invalid {value} byte 0x{a}{b}; replaced by U+FFFD",
	      "无效的 {value} 字节 0x{a}{b}，已替换为 U+FFFD" }, NULL,
	    { "Fires for bytes that are invalid in the encoding the file was "
	      "read in, and for NUL bytes; each is replaced by U+FFFD. One "
	      "finding per line, at the first bad byte, for at most 100 "
	      "lines; when more bytes were bad than reported, the last "
	      "finding gives the total. Under auto a file that is not valid "
	      "UTF-8 is read as GB18030, so this mostly concerns files with a "
	      "BOM or a forced encoding.",
	      "文件中有在所用编码下无效的字节或 NUL 字节时报告，"
	      "这些字节替换为 U+FFFD。每行只在第一个无效字节处报告一次，"
	      "最多报告 100 行；无效字节多于报告条数的，最后一条给出总数。"
	      "auto 模式下不是有效 UTF-8 的文件按 GB18030 读取，"
	      "因此本规则多见于带 BOM 或用 --encoding 指定编码的文件。" },
	    { "Replaced characters silently change names, codes and values, "
	      "so the file must be fixed at the source rather than checked as "
	      "it is.",
	      "被替换的字符会悄悄改变项目名称、编码和指标值，"
	      "应从源头修正文件，而不是照此检查。" },
	    "带 BOM 的 UTF-8 文件中混入 GBK 字节 B9 A4 D7 F7（“工作”）",
	    "整张表另存为“CSV UTF-8(逗号分隔)(*.csv)”" },

	[RULE_PB009] = { "PB009", E, GROUP_INPUT,
	    { "the file holds no project", "文件中没有项目" },
	    { "the file has a header but no indicator row: nothing was checked",
	      "文件只有表头，没有任何指标行：未检查任何内容" }, NULL,
	    { "Fires at the header, column 1, when a canonical table has its "
	      "header and then only blank rows (or nothing). A gate must not "
	      "pass a file it did not check: an empty export counts as an "
	      "error, not as a clean table.",
	      "标准表格只有表头、其后只有空行（或什么也没有）时，在表头第 1 "
	      "列报告。门禁不能放行未经检查的文件：导出为空的表格按错误处理，"
	      "而不是当作没有问题。" },
	    { "A CI gate that passes an empty file lets a failed export or a "
	      "truncated upload through unnoticed.",
	      "门禁若放行空文件，导出失败或上传不完整就会无人察觉。" },
	    "项目编码,项目名称,预算数,…（其后没有数据行）",
	    "项目编码,项目名称,预算数,…\n571-0101-YBN-VYAO,大气污染防治,15,…" },
	[RULE_PB010] = { "PB010", I, GROUP_INPUT,
	    { "the form's layout has no such field; its rules are not run", "表格样式中没有该栏目，相关规则未检查" },
	    { "this layout has no {a}; {value} not checked{b}",
	      "该表格样式没有{a}，{value} 未检查{b}" }, NULL,
	    { "Forms differ by province and year: the national 申报表 has no "
	      "项目编码 and no spend plan, many have no 绩效指标描述 or "
	      "指标值确定依据 column. A field the layout lacks is absent, not "
	      "blank (null in JSON): the rules about it do not run, and this "
	      "info says so once per file and field, at the file's first "
	      "project, as a finding of the file (not counted for a project). "
	      "Skipped: without 项目编码 PB101, PB102 (the project then goes "
	      "by its 项目名称 in messages, JSON and SARIF, and PB005 compares "
	      "names); without 预算数 PB105, PB107, PB110, PB409, PB502; "
	      "without 财政资金 or 其他资金 PB107; without 资金用途 PB104; "
	      "without a spend plan PB201–PB207; without a 绩效指标描述 "
	      "column PB307, PB308 (PB310, PB311, PB404, PB405, PB412 and "
	      "PB502 read the absent description as blank); without an "
	      "指标值确定依据 column PB309, PB501 (PB310 reads it as blank). "
	      "Canonical CSV requires these columns (PB002), so only form "
	      "layouts get this info.",
	      "各地各年度的表格样式不同：全国申报表没有项目编码和支出计划，"
	      "许多样式没有绩效指标描述或指标值确定依据栏。样式中没有的栏目"
	      "视为缺省而非空白（JSON 中为 null）：相关规则不运行，"
	      "本提示按文件和栏目各报告一次，位于该文件第一个项目处，"
	      "属于文件而不计入任何项目。未运行的规则：没有项目编码时为 "
	      "PB101、PB102（此时提示、JSON 和 SARIF 以项目名称指明项目，"
	      "PB005 改按项目名称比较）；没有预算数时为 PB105、PB107、"
	      "PB110、PB409、PB502；没有财政资金或其他资金时为 PB107；"
	      "没有资金用途时为 PB104；没有资金支出计划时为 PB201–PB207；"
	      "没有绩效指标描述栏时为 PB307、PB308（PB310、PB311、PB404、"
	      "PB405、PB412、PB502 把缺省的描述视为空白）；"
	      "没有指标值确定依据栏时为 PB309、PB501（PB310 视其为空白）。"
	      "标准 CSV 必须有这些列（否则为 PB002），因此本提示只见于表格"
	      "样式的文件。" },
	    { "Reporting a missing column as an empty value in every project "
	      "would bury real findings under false ones; saying once what was "
	      "not checked keeps the gate honest.",
	      "把样式中没有的栏目当作每个项目都空着来报告，会让大量误报淹没"
	      "真正的问题；说明一次哪些未检查，门禁结论才可信。" },
	    "全国申报表（无指标值确定依据栏）：每个指标报 PB309",
	    "PB010：该表格样式没有“指标值确定依据”栏，PB309、PB501 未检查" },
	[RULE_PB011] = { "PB011", I, GROUP_INPUT,
	    { "a workbook sheet holds no table and was skipped",
	      "工作簿中的工作表没有表格，已跳过" },
	    { "sheet '{a}' holds no project table (neither the canonical "
	      "header nor form labels) and was skipped",
	      "工作表“{a}”中没有项目表（既没有标准表头也没有表格栏目），已跳过" },
	    NULL,
	    { "Fires for each sheet of an .xlsx workbook that is empty or "
	      "whose rows hold neither the canonical header (SPEC 2.1) nor "
	      "the labels of a form (项目编码, 一级指标 …): a cover page, "
	      "notes, a lookup list. The sheet is not read; the other sheets "
	      "are. A workbook where no sheet holds a table is PB001.",
	      "Excel 工作簿中为空的工作表，或其各行既没有标准表头、也没有表格"
	      "栏目（项目编码、一级指标等）的工作表（封面、说明、下拉列表），"
	      "每个报告一次。该工作表不读取，其他工作表照常读取；没有任何工作表"
	      "含有表格的工作簿报 PB001。" },
	    { "Workbooks often carry sheets besides the target tables; saying "
	      "which sheet was skipped shows that a table typed on the wrong "
	      "sheet, or under a header nobody can match, was not checked.",
	      "工作簿中常有目标表以外的工作表；指明跳过了哪个工作表，可以发现"
	      "写错工作表或表头无法识别而未被检查的表格。" },
	    "工作表“说明”：填表说明文字（没有表头，没有项目编码）",
	    "PB011：工作表“说明”中没有项目表，已跳过（目标表在“绩效目标”工作表）" },
	[RULE_PB012] = { "PB012", I, GROUP_INPUT,
	    { "a per-project exception in the settings matched no finding",
	      "配置中的项目例外没有匹配任何问题" },
	    { "the exception '{value}' in [ignore] matched no finding: remove it "
	      "or correct it",
	      "[ignore] 中的例外“{value}”没有匹配任何问题：请删除或改正" },
	    NULL,
	    { "Fires once per [ignore] entry of a pbcheck.conf that removed no "
	      "finding in the whole run, at the entry's line in the settings "
	      "file. An entry names a project by its code or name and rules by "
	      "id or prefix; once the table is fixed, or the project renamed, "
	      "the exception is stale.",
	      "某个 pbcheck.conf 的 [ignore] 条目在整次运行中没有去掉任何问题时，"
	      "在配置文件中该条目所在行报告一次。条目以项目编码或名称指明项目，"
	      "以规则编号或前缀指明规则；表格改正或项目改名后，例外即已过时。" },
	    { "An exception is a documented decision about one project; one "
	      "that no longer matches anything hides nothing today but would "
	      "silently hide a new problem tomorrow.",
	      "例外是针对某个项目的书面决定；不再匹配任何问题的例外今天不起作用，"
	      "明天却可能悄悄掩盖新的问题。" },
	    "[ignore]\n571-0101-YBN-XXXX = PB309（没有这个项目）",
	    "[ignore]\n571-0101-YBN-VYAO = PB309" },

	/* PB1: project. */
	[RULE_PB101] = { "PB101", E, GROUP_PROJECT,
	    { "项目编码 is empty", "项目编码为空" },
	    { "project code (项目编码) is empty (project '{a}')",
	      "项目编码为空（项目“{a}”）" }, check_pb101,
	    { "Fires when a project has no 项目编码. In CSV a row with a "
	      "blank code continues the project above, so this happens only "
	      "for rows before the first coded project; the message names the "
	      "project by its 项目名称. A form whose layout has no 项目编码 "
	      "at all gets PB010 once instead.",
	      "项目没有项目编码时报告。CSV 中编码为空的行视为上一项目的续行，"
	      "因此只有文件中第一个有编码的项目之前的行才会触发本规则；"
	      "提示中以项目名称指明项目。表格样式中根本没有项目编码栏的，"
	      "改为报告一次 PB010。" },
	    { "The project code links the target table to the budget project "
	      "in the 项目库 and to the appropriation; without it the targets "
	      "cannot be matched to any money.",
	      "项目编码是绩效目标表与项目库中的预算项目及预算资金对应的依据，"
	      "没有编码，绩效目标无法与资金挂钩。" },
	    "(空) | 辐射环境监测工作经费 | 15",
	    "571-0101-YBN-NFOY | 辐射环境监测工作经费 | 15" },
	[RULE_PB102] = { "PB102", W, GROUP_PROJECT,
	    { "项目编码 does not match the code pattern", "项目编码不符合编码规则" },
	    { "project code '{value}' does not match the code pattern {a}",
	      "项目编码“{value}”不符合编码规则 {a}" }, check_pb102,
	    { "Fires when a non-blank 项目编码, as written, does not match "
	      "the POSIX extended regular expression code_pattern "
	      "([thresholds] in pbcheck.conf). Codes differ by province, so "
	      "the default only asks for letters, digits and '-' "
	      "(^[0-9A-Za-z][0-9A-Za-z-]*$); a province sets its exact shape, "
	      "as data/chengde-2021/pbcheck.conf does for the sample city "
	      "(^[0-9]{3}-[0-9]{4}-[A-Z]{3}-[0-9A-Z]{4}$). Case matters and "
	      "nothing is folded.",
	      "非空的项目编码按原样与 code_pattern 设置（pbcheck.conf 的 "
	      "[thresholds] 节，POSIX 扩展正则表达式）不匹配时报告。各省编码"
	      "规则不同，默认只要求由字母、数字和“-”组成"
	      "（^[0-9A-Za-z][0-9A-Za-z-]*$）；各地可设置本地的编码格式，"
	      "例如示例城市的 data/chengde-2021/pbcheck.conf"
	      "（^[0-9]{3}-[0-9]{4}-[A-Z]{3}-[0-9A-Z]{4}$）。"
	      "区分大小写，不做全角转换。" },
	    { "Codes follow the local project-library scheme; one that does "
	      "not fit is usually mistyped and will not match the budget "
	      "system. Regions with another scheme set code_pattern.",
	      "项目编码按本地项目库的编码规则生成，不符合规则的多为录入错误，"
	      "将无法与预算系统对应。编码规则不同的地区请设置 code_pattern。" },
	    "571 0101-YBN-NFOY", "571-0101-YBN-NFOY" },
	[RULE_PB103] = { "PB103", E, GROUP_PROJECT,
	    { "项目名称 is empty", "项目名称为空" },
	    { "project {code}: project name (项目名称) is empty",
	      "项目 {code}：项目名称为空" }, check_pb103,
	    { "Fires when the project's 项目名称 (its first row's value) is "
	      "blank.",
	      "项目的项目名称（以首行为准）为空时报告。" },
	    { "The name is how reviewers and the public identify the project; "
	      "the form requires it.",
	      "项目名称是审核人员和社会公众识别项目的依据，表格要求必填。" },
	    "571-0101-YBN-NFOY | (空) | 15",
	    "571-0101-YBN-NFOY | 辐射环境监测工作经费 | 15" },
	[RULE_PB104] = { "PB104", W, GROUP_PROJECT,
	    { "资金用途 is empty", "资金用途为空" },
	    { "project {code}: fund use (资金用途) is empty",
	      "项目 {code}：资金用途为空" }, check_pb104,
	    { "Fires when the project's 资金用途 (its first row's value) is "
	      "blank. A form whose layout has no 资金用途 gets PB010 once "
	      "instead.",
	      "项目的资金用途（以首行为准）为空时报告。表格样式中没有资金用途"
	      "栏的，改为报告一次 PB010。" },
	    { "Targets are to be consistent with the budget (财预〔2015〕88"
	      "号); without the fund use reviewers cannot judge whether the "
	      "indicators cover the spending.",
	      "按照财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号"
	      "），绩效目标应与预算相匹配；不写资金用途，审核人员无法判断绩效"
	      "指标是否覆盖了资金的主要支出内容。" },
	    "资金用途 (空)",
	    "资金用途 完成我市涉及放射源和射线装置单位的监督性监测" },
	[RULE_PB105] = { "PB105", E, GROUP_PROJECT,
	    { "预算数 is empty, not a number, or negative", "预算数为空、不是数字或为负数" },
	    { "project {code}: budget (预算数) '{value}' {a}",
	      "项目 {code}：预算数“{value}”{a}" }, check_pb105,
	    { "Fires when 预算数 is blank, is not a plain number (optional "
	      "minus sign, thousands separators, decimals; no unit and no "
	      "operator, so 15万元 fails), or is negative. A 预算数 of 0 is "
	      "PB110.",
	      "预算数为空、不是单纯的数字（可有负号、千分位逗号和小数，"
	      "不得带单位或运算符，“15万元”不合格），或为负数时报告。"
	      "预算数为 0 的按 PB110 报告。" },
	    { "Targets are set against the budget (财预〔2015〕88号), and the "
	      "money checks (PB107, PB409, PB502) need the amount in 万元 as "
	      "a number.",
	      "按照财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号"
	      "），绩效目标应与预算资金相匹配；PB107、PB409、"
	      "PB502 等金额核对也需要以万元为单位的数字。" },
	    "预算数 15万元", "预算数 15" },
	[RULE_PB106] = { "PB106", E, GROUP_PROJECT,
	    { "财政资金 or 其他资金 is not a number, or negative", "财政资金或其他资金不是数字或为负数" },
	    { "project {code}: {field} '{value}' {a}",
	      "项目 {code}：{field}“{value}”{a}" }, check_pb106,
	    { "Fires, once per field, when 财政资金 or 其他资金 is not a "
	      "plain number or is negative. A blank cell is read as 0 and is "
	      "not reported.",
	      "财政资金或其他资金不是单纯的数字或为负数时报告，"
	      "每一栏分别报告。空白按 0 计，不报告。" },
	    { "The fund sources must add up to the budget (PB107), which "
	      "needs both as numbers in 万元.",
	      "资金来源须与预算数相加一致（PB107），因此两栏都须是以万元为单"
	      "位的数字。" },
	    "财政资金 15万", "财政资金 15" },
	[RULE_PB107] = { "PB107", E, GROUP_PROJECT,
	    { "预算数 ≠ 财政资金 + 其他资金", "预算数不等于财政资金与其他资金之和" },
	    { "project {code}: budget (预算数) {value} is not fiscal + other funds = {a} (万元)",
	      "项目 {code}：预算数 {value} 不等于财政资金与其他资金之和 {a}（万元）" }, check_pb107,
	    { "Fires when 预算数 differs from 财政资金 + 其他资金 (blank = 0) "
	      "by more than budget_tolerance (default 0.005 万元, i.e. 50 "
	      "元). It is skipped when any of the three has a PB105 or PB106 "
	      "problem.",
	      "预算数与财政资金、其他资金之和（空白按 0 计）相差超过 "
	      "budget_tolerance（默认 0.005 万元，即 50 元）时报告。"
	      "三者中任一项有 PB105 或 PB106 问题的，不做此项核对。" },
	    { "The budget is the sum of its fund sources; a mismatch means "
	      "one of the figures is out of date.",
	      "预算数等于各资金来源之和，不一致说明其中某个数字未同步更新。" },
	    "预算数 15, 财政资金 10, 其他资金 (空)",
	    "预算数 15, 财政资金 10, 其他资金 5" },
	[RULE_PB108] = { "PB108", E, GROUP_PROJECT,
	    { "no goal: every 目标N is empty", "没有绩效目标（目标N 均为空）" },
	    { "project {code}: no goal; every 目标N is empty",
	      "项目 {code}：没有绩效目标，目标N 均为空" }, check_pb108,
	    { "Fires when every 目标N of the project is blank; reported at "
	      "目标1.",
	      "项目的目标1至目标N 全部为空时报告，在目标1 处报告。" },
	    { "The table states the project's annual performance goals, and "
	      "the indicators break them down (财预〔2015〕88号); without a "
	      "goal the indicators have nothing to measure.",
	      "按照财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号"
	      "），绩效目标表应写明项目的年度绩效目标，绩效指标是对目标的细化"
	      "分解；没有目标，指标就失去了衡量对象。" },
	    "目标1 (空), 目标2 (空)",
	    "目标1 完成4个国家地表水水质自动监测站运维工作" },
	[RULE_PB109] = { "PB109", E, GROUP_PROJECT,
	    { "the project has no indicator", "项目没有绩效指标" },
	    { "project {code}: the project has no indicator",
	      "项目 {code}：没有任何绩效指标" }, check_pb109,
	    { "Fires when a project has no indicator row: none of its rows "
	      "has a non-blank cell among 一级指标 … 指标值确定依据. The "
	      "project-level structure rules (PB303, PB304, PB305) are then "
	      "silent.",
	      "项目没有任何指标行（各行的一级指标至指标值确定依据均为空）"
	      "时报告。此时 PB303、PB304、PB305 等结构规则不再报告。" },
	    { "Targets must be broken down into specific, measurable "
	      "indicators (指标应当细化、量化, 财预〔2015〕88号); a project "
	      "without indicators cannot be monitored or evaluated.",
	      "按照财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号"
	      "），绩效目标应当通过细化、量化的绩效指标体现；"
	      "没有绩效指标的项目无法开展绩效监控和评价。" },
	    "571-0101-YBN-1G80 | … | 一级指标 … 指标值确定依据 均为空",
	    "571-0101-YBN-1G80 | … | 产出指标 | 数量指标 | 运行数量 | "
	    "水质自动监测站的正常运行数 | =4个 | 行业标准" },
	[RULE_PB110] = { "PB110", W, GROUP_PROJECT,
	    { "预算数 is 0", "预算数为 0" },
	    { "project {code}: budget (预算数) '{value}' is 0",
	      "项目 {code}：预算数“{value}”为 0" }, check_pb110,
	    { "Fires when 预算数 is a valid number equal to 0.",
	      "预算数是有效数字且等于 0 时报告。" },
	    { "A target table belongs to money; a budget of 0 is usually an "
	      "amount not yet filled in, and cost checks (PB409, PB502) "
	      "against it mean nothing.",
	      "绩效目标表依附于预算资金；预算数为 0 多是金额尚未填写，"
	      "据此核对成本指标（PB409、PB502）也没有意义。" },
	    "预算数 0", "预算数 39.5" },

	/* PB2: spend plan. */
	[RULE_PB201] = { "PB201", E, GROUP_PLAN,
	    { "a milestone is not a number", "支出进度不是数字" },
	    { "project {code}: spend plan {field} '{value}' is not a number",
	      "项目 {code}：资金支出计划 {field}“{value}”不是数字" }, check_pb201,
	    { "Fires for each milestone (3月底, 6月底, 10月底, 12月底) that "
	      "is not blank and not a plain number with an optional trailing "
	      "%. While any milestone has PB201 or PB202, PB203–PB205 and "
	      "PB207 do not run.",
	      "3月底、6月底、10月底、12月底任一支出进度不为空且不是数字（可带"
	      "一个 %）时，逐个报告。只要有支出进度存在 PB201 或 PB202 问题，"
	      "PB203–PB205 和 PB207 均不再检查。" },
	    { "The spend plan (资金支出计划) is the cumulative share of the "
	      "budget to be spent by each date, the yardstick of execution "
	      "monitoring; it must be a number.",
	      "资金支出计划是截至各时间点累计支出占预算的比例，"
	      "是预算执行监控的参照，必须是数字。" },
	    "6月底 过半", "6月底 50" },
	[RULE_PB202] = { "PB202", E, GROUP_PLAN,
	    { "a milestone is below 0 or above 100", "支出进度小于 0 或大于 100" },
	    { "project {code}: spend plan {field} '{value}' is outside 0-100%",
	      "项目 {code}：资金支出计划 {field}“{value}”超出 0–100% 范围" }, check_pb202,
	    { "Fires for each milestone that is a number below 0 or above "
	      "100. While any milestone has PB201 or PB202, PB203–PB205 and "
	      "PB207 do not run.",
	      "支出进度为小于 0 或大于 100 的数字时逐个报告。"
	      "只要有支出进度存在 PB201 或 PB202 问题，PB203–PB205 和 PB207 "
	      "均不再检查。" },
	    { "A cumulative share of the budget lies between 0% and 100%; a "
	      "value outside is a typo or an amount typed instead of a "
	      "percentage.",
	      "累计支出占预算的比例只能在 0%–100% 之间，超出范围多为录入错"
	      "误，或误填了金额而不是百分比。" },
	    "3月底 25, 6月底 50, 10月底 750, 12月底 100",
	    "3月底 25, 6月底 50, 10月底 75, 12月底 100" },
	[RULE_PB203] = { "PB203", E, GROUP_PLAN,
	    { "the plan decreases from one milestone to the next", "累计支出进度出现下降" },
	    { "project {code}: the cumulative plan decreases to {value}% at {field} from {a}% at {b}",
	      "项目 {code}：累计支出进度在{field}降至 {value}%，低于{b}的 {a}%" }, check_pb203,
	    { "Fires at each milestone that is lower than the one before it. "
	      "Runs only when no milestone is PB201 or PB202 and not all four "
	      "are blank; a blank milestone then counts as 0, so a blank "
	      "between two numbers also fires.",
	      "某一支出进度低于前一时间点时，在该时间点报告。"
	      "仅在各支出进度均无 PB201、PB202 问题且并非四个全空时检查；"
	      "此时空白按 0 计，因此两个数字之间的空白也会触发本规则。" },
	    { "The plan is cumulative (累计), so it cannot go down; a "
	      "decrease usually means per-quarter shares were typed instead "
	      "of running totals.",
	      "资金支出计划按累计口径填写，不可能下降；出现下降多是误填了各季"
	      "度的分期比例而不是累计数。" },
	    "3月底 25, 6月底 50, 10月底 25, 12月底 100",
	    "3月底 25, 6月底 50, 10月底 75, 12月底 100" },
	[RULE_PB204] = { "PB204", E, GROUP_PLAN,
	    { "12月底 is not 100", "12月底累计支出进度不是 100%" },
	    { "project {code}: spend plan at the end of December (12月底) is {value}%, not 100%",
	      "项目 {code}：12月底累计支出进度为 {value}%，应为 100%" }, check_pb204,
	    { "Fires when 12月底 is not exactly 100 (a blank 12月底 counts as "
	      "0). Runs only when no milestone is PB201 or PB202 and not all "
	      "four are blank.",
	      "12月底不等于 100 时报告（空白按 0 计）。仅在各支出进度均无 "
	      "PB201、PB202 问题且并非四个全空时检查。" },
	    { "An annual budget is planned to be spent within the year; a "
	      "plan that ends below 100% builds in unspent balances ("
	      "结转结余) from the start.",
	      "年度预算应在当年执行完毕；年底累计计划不足 100%，"
	      "等于一开始就预留了结转结余。" },
	    "3月底 25, 6月底 50, 10月底 75, 12月底 90",
	    "3月底 25, 6月底 50, 10月底 75, 12月底 100" },
	[RULE_PB205] = { "PB205", I, GROUP_PLAN,
	    { "a blank milestone is read as 0", "支出进度为空，按 0 计" },
	    { "project {code}: spend plan {field} is blank and is read as 0%",
	      "项目 {code}：资金支出计划 {field}为空，按 0% 计" }, check_pb205,
	    { "Reports each blank milestone, which is then read as 0 for "
	      "PB203, PB204 and PB207. Runs only when no milestone is PB201 "
	      "or PB202 and not all four are blank (that case is PB206).",
	      "对每个空白的支出进度报告一次，并在 PB203、PB204、"
	      "PB207 中按 0 计。仅在各支出进度均无 PB201、PB202 问题且并非四"
	      "个全空时检查（四个全空按 PB206 报告）。" },
	    { "A blank may be an omission or a deliberate zero; writing 0 "
	      "says which.",
	      "空白可能是漏填，也可能是有意为 0；明确填写 0，意思才清楚。" },
	    "3月底 (空), 6月底 50, 10月底 75, 12月底 100",
	    "3月底 0, 6月底 50, 10月底 75, 12月底 100" },
	[RULE_PB206] = { "PB206", W, GROUP_PLAN,
	    { "all four milestones are blank", "四个支出进度均为空" },
	    { "project {code}: the spend plan (资金支出计划) is blank at all four milestones",
	      "项目 {code}：资金支出计划四个时间点均为空" }, check_pb206,
	    { "Fires when all four milestones are blank; reported at 3月底. "
	      "PB203, PB204, PB205 and PB207 are then silent. A form whose "
	      "layout has no spend plan at all gets PB010 once instead of "
	      "any PB2 rule.",
	      "四个支出进度全部为空时在 3月底处报告，此时不再报告 PB203、"
	      "PB204、PB205 和 PB207。表格样式中根本没有资金支出计划的，"
	      "不报告任何 PB2 规则，改为报告一次 PB010。" },
	    { "The spend plan is part of the form and the basis of execution "
	      "monitoring; a project without one cannot be followed during "
	      "the year.",
	      "资金支出计划是表格的组成部分，也是预算执行监控的依据；"
	      "没有支出计划，年中无法跟踪项目执行。" },
	    "3月底 (空), 6月底 (空), 10月底 (空), 12月底 (空)",
	    "3月底 25, 6月底 50, 10月底 75, 12月底 100" },
	[RULE_PB207] = { "PB207", I, GROUP_PLAN,
	    { "6月底 is below the mid-year mark", "6月底支出进度未过半" },
	    { "project {code}: spend plan at the end of June (6月底) is {value}%, below the mid-year mark of {a}%",
	      "项目 {code}：6月底累计支出进度为 {value}%，低于年中 {a}% 的要求（双过半）" }, check_pb207,
	    { "Fires when 6月底 is below midyear_min (default 50; a blank 6"
	      "月底 counts as 0). Runs only when no milestone is PB201 or "
	      "PB202 and not all four are blank.",
	      "6月底累计支出进度低于 midyear_min（默认 50，空白按 0 计）"
	      "时报告。仅在各支出进度均无 PB201、PB202 问题且并非四个全空时检"
	      "查。" },
	    { "Budget execution practice asks for 双过半: by mid-year, half "
	      "of the year's money spent along with half of the work. Some "
	      "projects pay late by nature (rent, year-end settlement), so it "
	      "is only an info finding.",
	      "预算执行实践中要求“双过半”，即年中时间过半、支出进度也应过半。"
	      "部分项目因性质原因支出集中在下半年（如租金、年终结算），"
	      "故本规则仅作提示。" },
	    "3月底 10, 6月底 30, 10月底 75, 12月底 100",
	    "3月底 25, 6月底 50, 10月底 75, 12月底 100" },
	/* PB3: indicator structure. */
	[RULE_PB301] = { "PB301", E, GROUP_STRUCTURE,
	    { "一级指标 is not a known level-1 name", "一级指标名称不规范" },
	    { "project {code}: level-1 indicator (一级指标) {a}",
	      "项目 {code}：一级指标{a}" }, check_pb301,
	    { "Fires when 一级指标 (filled down from the row above when "
	      "blank) is not 产出指标, 效果指标, 满意度指标 or 成本指标, or "
	      "an alias (产出, 效益指标, 效果, 效益, 满意度, 成本), compared "
	      "after removing white space and line breaks and folding "
	      "full-width letters. A blank 一级 on a project's first "
	      "indicator row fires too. The row's other checks still run; its "
	      "二级 is not checked.",
	      "一级指标（为空时沿用上一行）不是产出指标、效果指标、"
	      "满意度指标、成本指标或其简称（产出、效益指标、效果、效益、"
	      "满意度、成本）时报告；比较时去除空白和换行、全角转半角。"
	      "项目第一个指标行的一级指标为空的也报告。该行其他检查照常进行，"
	      "但不再检查其二级指标。" },
	    { "The indicator system of 财预〔2021〕101号 has the level-1 "
	      "groups 产出, 效益, 满意度 and 成本 (earlier layouts put 成本 "
	      "under 产出); other names cannot be placed in it.",
	      "财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试"
	      "行）》（财预〔2021〕101号）设定的指标体系，一级指标为产出、"
	      "效益、满意度、成本（此前通行的表样将成本指标列在产出指标之下"
	      "）；其他名称无法归入该体系。" },
	    "一级指标 产出目标", "一级指标 产出指标" },
	[RULE_PB302] = { "PB302", E, GROUP_STRUCTURE,
	    { "二级指标 is not valid under its 一级指标", "二级指标与一级指标不匹配" },
	    { "project {code}: level-2 indicator (二级指标) {a}; expected one of {b}",
	      "项目 {code}：二级指标{a}，应为{b}之一" }, check_pb302,
	    { "Fires when 二级指标 is not valid under the row's recognised "
	      "一级指标 (数量/质量/时效/成本 under 产出; 经济效益/社会效益/"
	      "生态效益 (环境效益)/可持续影响 under 效果; 服务对象满意度 "
	      "under 满意度; 经济成本/社会成本/生态环境成本 under 成本; a "
	      "trailing 指标 optional). A blank 二级 is filled down unless "
	      "the row starts a new 一级, and a blank that remains fires. Not "
	      "checked when 一级 is unknown (PB301). Such a row has no kind: "
	      "the 成本, 满意度 and 数量 rules (PB405-PB411, PB502) do not "
	      "take it for one.",
	      "二级指标不属于该行已识别的一级指标时报告：产出下为数量、"
	      "质量、时效、成本；效果下为经济效益、社会效益、"
	      "生态效益（环境效益）、可持续影响；满意度下为服务对象满意度；"
	      "成本下为经济成本、社会成本、生态环境成本；末尾“指标”"
	      "二字可省略。二级指标为空时沿用上一行，但新的一级指标开始时不沿"
	      "用，仍为空的即报告。一级指标无法识别（PB301）时不检查。"
	      "有此问题的行不归入任何类别：成本、满意度、数量指标的规则（"
	      "PB405–PB411、PB502）不把它当作该类指标。" },
	    { "财预〔2021〕101号 fixes the level-2 groups under each level-1 "
	      "group; a level-2 name elsewhere is usually a level-3 name in "
	      "the wrong column.",
	      "财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试"
	      "行）》（财预〔2021〕101号）规定了各一级指标下的二级指标；"
	      "名称不符的，多是把三级指标填进了二级指标栏。" },
	    "满意度指标 | 群众满意度",
	    "满意度指标 | 服务对象满意度指标 | 群众满意度" },
	[RULE_PB303] = { "PB303", E, GROUP_STRUCTURE,
	    { "the project has no 产出 or no 效果 indicator", "缺少产出指标或效果指标" },
	    { "project {code}: the project has no {value} indicator",
	      "项目 {code}：缺少{value}" }, check_pb303,
	    { "Fires once for each of 产出 and 效果/效益 that no indicator "
	      "row of the project has as its 一级指标; reported at the "
	      "project's first row, column 一级指标. A 一级 成本指标 does not "
	      "stand in for 产出. Projects without any indicator are PB109 "
	      "instead.",
	      "项目的指标行中没有一级为产出指标的，或没有一级为效果（效益）"
	      "指标的，各报告一次，在项目首行的一级指标栏报告。"
	      "一级成本指标不能代替产出指标。项目没有任何指标的按 PB109 报"
	      "告。" },
	    { "Targets state what the money produces (产出) and what it "
	      "achieves (效益); both are core parts of the indicator system "
	      "of 财预〔2015〕88号 and 财预〔2021〕101号.",
	      "绩效目标要说明资金产出什么、取得什么效益；产出指标和效益指标是"
	      "财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）"
	      "和财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试"
	      "行）》（财预〔2021〕101号）所定指标体系的核心内容。" },
	    "产出指标 4 行, 满意度指标 1 行（无效果指标）",
	    "产出指标 4 行, 效果指标 | 可持续影响指标 | 宣传活动持续影响人"
	    "数 | 》2000人, 满意度指标 1 行" },
	[RULE_PB304] = { "PB304", W, GROUP_STRUCTURE,
	    { "the project has no 满意度 indicator", "缺少满意度指标" },
	    { "project {code}: the project has no satisfaction indicator ({value})",
	      "项目 {code}：缺少{value}" }, check_pb304,
	    { "Fires when the project has indicators but none whose 一级指标 "
	      "is 满意度指标; reported at the project's first row. A 满意度 "
	      "二级 under another 一级 does not count (it is PB302).",
	      "项目有指标但没有一级为满意度指标的指标时，在项目首行报告。"
	      "满意度二级指标填在其他一级指标之下的不算（按 PB302 报告）。" },
	    { "财预〔2021〕101号 includes 服务对象满意度 in the indicator "
	      "system. Some projects have no direct service recipients, so "
	      "this is a warning.",
	      "财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试"
	      "行）》（财预〔2021〕101号）将服务对象满意度列入指标体系。"
	      "部分项目没有直接的服务对象，故本规则为警告。" },
	    "产出指标 …, 效果指标 …, 无满意度指标",
	    "产出指标 …, 效果指标 …, 满意度指标 | 服务对象满意度指标 | 群众"
	    "满意度 | 》90%" },
	[RULE_PB305] = { "PB305", W, GROUP_STRUCTURE,
	    { "产出 lacks one of 数量/质量/时效/成本", "产出指标缺少数量、质量、时效或成本指标" },
	    { "project {code}: the output indicators (产出指标) have no {value}",
	      "项目 {code}：产出指标下缺少{value}" }, check_pb305,
	    { "For a project with at least one 产出 row, fires once for each "
	      "of 数量, 质量, 时效 and 成本 that no 产出 row has as its 二级; "
	      "a 一级 成本指标 row also satisfies 成本. A PB310 row ("
	      "本项目无…) counts as present. Reported at the project's first "
	      "row, column 二级指标. A project with no 产出 row at all gets "
	      "PB303 only, not four PB305.",
	      "项目有产出指标行时，数量、质量、时效、成本四类二级指标中，"
	      "产出下缺少哪一类即报告一次；有一级成本指标行的，"
	      "视为已有成本指标。PB310 声明不适用的行（本项目无……）"
	      "也算已有。在项目首行的二级指标栏报告。项目完全没有产出指标行的"
	      "只报 PB303，不再报四条 PB305。" },
	    { "Output is described by quantity, quality and timeliness ("
	      "数量、质量、时效, 财预〔2021〕101号) and by its cost; a "
	      "missing dimension leaves that aspect of the output without a "
	      "target.",
	      "按照财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（"
	      "试行）》（财预〔2021〕101号），产出应从数量、质量、"
	      "时效等方面设定目标，成本也须加以控制；缺少其中一类，"
	      "该方面的产出就没有目标可依。" },
	    "产出指标: 数量指标, 质量指标, 成本指标 (无时效指标)",
	    "产出指标: 数量指标, 质量指标, 时效指标 | 及时率 | 工资发放及时"
	    "率 | =100%, 成本指标" },
	[RULE_PB306] = { "PB306", E, GROUP_STRUCTURE,
	    { "三级指标 is empty", "三级指标为空" },
	    { "project {code}: level-3 indicator (三级指标) is empty (description '{value}')",
	      "项目 {code}：三级指标为空（绩效指标描述“{value}”）" }, check_pb306,
	    { "Fires for each indicator row whose 三级指标 is blank (三级 is "
	      "not filled down); the message quotes the 描述 instead.",
	      "指标行的三级指标为空时逐行报告（三级指标不沿用上一行），"
	      "提示中引用绩效指标描述。" },
	    { "The level-3 name is the indicator itself; without it the row "
	      "is a value without a subject.",
	      "三级指标就是指标本身，没有三级指标，该行的指标值无所指向。" },
	    "产出指标 | 数量指标 | (空) | 水质自动监测站的正常运行数 | =4个",
	    "产出指标 | 数量指标 | 运行数量 | 水质自动监测站的正常运行数 | "
	    "=4个" },
	[RULE_PB307] = { "PB307", W, GROUP_STRUCTURE,
	    { "绩效指标描述 is empty", "绩效指标描述为空" },
	    { "project {code}: indicator '{value}' has no description (绩效指标描述)",
	      "项目 {code}：指标“{value}”的绩效指标描述为空" }, check_pb307,
	    { "Fires for each indicator row whose 绩效指标描述 is blank, "
	      "except a PB310 row that declares the dimension not applicable. "
	      "A form whose layout has no description column gets PB010 once "
	      "instead.",
	      "指标行的绩效指标描述为空时逐行报告；PB310 声明不适用的行除外。"
	      "表格样式中没有绩效指标描述栏的，改为报告一次 PB010。" },
	    { "The description defines what is counted and how; reviewers and "
	      "later evaluation (财预〔2020〕10号) need it to measure the "
	      "result the same way as the target.",
	      "绩效指标描述说明统计什么、怎样计算；审核时，以及依据财政部《项"
	      "目支出绩效评价管理办法》（财预〔2020〕10号）开展事后绩效评价"
	      "时，都要据此按与目标相同的口径衡量实际结果。" },
	    "运行数量 | (空) | =4个",
	    "运行数量 | 水质自动监测站的正常运行数 | =4个" },
	[RULE_PB308] = { "PB308", I, GROUP_STRUCTURE,
	    { "绩效指标描述 only repeats the 三级指标 name", "绩效指标描述只是重复三级指标名称" },
	    { "project {code}: the description '{value}' only repeats the level-3 name",
	      "项目 {code}：绩效指标描述“{value}”只是重复了三级指标名称" }, check_pb308,
	    { "Fires when a non-blank 绩效指标描述 equals the 三级指标 name "
	      "after removing white space, folding full-width letters and "
	      "ignoring a leading ★ and a trailing 。. PB310 rows are "
	      "skipped.",
	      "绩效指标描述不为空，且去除空白、全角转半角、忽略开头的★和结尾"
	      "句号后与三级指标名称相同时报告。PB310 声明不适用的行除外。" },
	    { "Common practice in 绩效目标 review: the description should "
	      "define the indicator (scope, formula: 实际监测重点企业家数/"
	      "计划监测家数*100%); repeating the name adds nothing to measure "
	      "against.",
	      "绩效目标审核的通行做法是，绩效指标描述应界定指标的口径和计算方"
	      "法（如“实际监测重点企业家数/计划监测家数*100%”）；"
	      "只重复指标名称，等于没有说明。" },
	    "运行保障成本 | 运行保障成本 | 《15万元",
	    "运行保障成本 | 全年辐射环境监测运行保障经费支出 | 《15万元" },
	[RULE_PB309] = { "PB309", E, GROUP_STRUCTURE,
	    { "指标值确定依据 is empty", "指标值确定依据为空" },
	    { "project {code}: indicator '{value}'{a} has no value basis (指标值确定依据)",
	      "项目 {code}：指标“{value}”{a}的指标值确定依据为空" }, check_pb309,
	    { "Fires for each indicator row whose 指标值确定依据 is blank, "
	      "except a PB310 row that declares the dimension not applicable. "
	      "A form whose layout has no basis column gets PB010 once "
	      "instead.",
	      "指标行的指标值确定依据为空时逐行报告；PB310 声明不适用的行除"
	      "外。表格样式中没有指标值确定依据栏的，改为报告一次 PB010。" },
	    { "财预〔2021〕101号 asks for each value to rest on a basis: "
	      "计划标准, 行业标准, 历史标准 or 其他标准; a value without one "
	      "cannot be judged reasonable.",
	      "财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试"
	      "行）》（财预〔2021〕101号）要求指标值依据计划标准、"
	      "行业标准、历史标准或其他标准确定；没有确定依据，"
	      "无法判断指标值是否合理。" },
	    "空气质量改善 | 空气质量优良天数持续增加 | (空)",
	    "空气质量改善 | 空气质量优良天数持续增加 | 历史标准" },
	[RULE_PB310] = { "PB310", I, GROUP_STRUCTURE,
	    { "a row declares the dimension not applicable", "该行声明本项目不适用此类指标" },
	    { "project {code}: '{value}' declares this dimension not applicable; accepted",
	      "项目 {code}：“{value}”声明不适用此类指标，予以接受" }, check_pb310,
	    { "Reported for a row whose 三级指标 starts with 无, 本项目无, "
	      "此项目无 or 该项目无 (after removing white space) and whose "
	      "描述, 指标值 and 依据 are all blank. The row is accepted: "
	      "PB306–PB309, PB311 and all PB4 rules skip it, and it still "
	      "counts as present for PB303–PB305. A 描述 or 依据 column the "
	      "layout does not have (PB010) counts as blank.",
	      "三级指标（去除空白后）以“无”“本项目无”“此项目无”或“该项目无”"
	      "开头，且绩效指标描述、指标值、指标值确定依据均为空的行，"
	      "予以接受并提示：该行不再检查 PB306–PB309、PB311 及全部 PB4 规"
	      "则，在 PB303–PB305 中仍视为已有该类指标。表格样式中没有的描述"
	      "栏或依据栏（PB010）视为空白。" },
	    { "Common practice: where a dimension does not apply (a rent "
	      "project has no ecological effect) the form says so rather than "
	      "inventing an indicator; reviewers accept it, and the info "
	      "finding keeps the declaration visible.",
	      "通行做法是，某类指标确不适用时（如房屋租赁项目没有生态效益）"
	      "如实注明，而不是硬凑指标；审核中予以认可，本规则以提示方式列"
	      "出，便于审核人员复核。" },
	    "生态效益指标 | 无 | 无 | 无 | 无",
	    "生态效益指标 | 此项目无生态效益 | (空) | (空) | (空)" },
	[RULE_PB311] = { "PB311", W, GROUP_STRUCTURE,
	    { "the same indicator appears twice in a project", "同一项目中指标重复" },
	    { "project {code}: indicator '{value}' repeats the one on line {a} (same levels and description)",
	      "项目 {code}：指标“{value}”与第 {a} 行的指标重复（层级与描述相同）" }, check_pb311,
	    { "Fires on a row that repeats an earlier row of the same "
	      "project: same 一级 and 二级 (by canonical name when "
	      "recognised), same 三级 and same 描述 (label matching). "
	      "Reported once, naming the earlier line. Rows with different "
	      "descriptions are not duplicates; PB310 rows are skipped. "
	      "Without a description column in the layout (PB010) the levels "
	      "alone decide.",
	      "与本项目前面某行的一级、二级（可识别的按规范名称）、"
	      "三级指标和绩效指标描述均相同的行，报告一次并写明前一行的行号。"
	      "描述不同的不算重复；PB310 声明不适用的行除外。表格样式中没有"
	      "绩效指标描述栏的（PB010），只比较各级指标名称。" },
	    { "A repeated indicator is usually a copy-paste leftover, and it "
	      "counts one target twice in monitoring and evaluation.",
	      "重复的指标多是复制粘贴遗留，会在绩效监控和评价中把同一目标计算"
	      "两次。" },
	    "运行率 | 全年水质自动监测站正常运行率 | =100% (两行相同)",
	    "运行率 | 全年水质自动监测站正常运行率 | =100% (只保留一行)" },

	/* PB4: indicator value. */
	[RULE_PB401] = { "PB401", E, GROUP_VALUE,
	    { "指标值 is empty or a placeholder", "指标值为空或为占位符" },
	    { "project {code}: indicator '{a}' has no target value (指标值 '{value}')",
	      "项目 {code}：指标“{a}”没有指标值（“{value}”）" }, check_pb401,
	    { "Fires when 指标值 is blank or a placeholder: a run of * or —, "
	      "XX or more X (either case), /, -, -- or 待定. PB310 rows are "
	      "skipped.",
	      "指标值为空或为占位符（一个或多个 * 或 —，两个以上的 X（不分大"
	      "小写），/、-、--、待定）时报告。PB310 声明不适用的行除外。" },
	    { "Indicators must be specific and measurable ("
	      "指标应当细化、量化, 财预〔2015〕88号), and evaluation under "
	      "财预〔2020〕10号 judges how far the targets were met; without "
	      "a value there is nothing to judge.",
	      "按照财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号"
	      "），绩效指标应当细化、量化；依据财政部《项目支出绩效评价管理办"
	      "法》（财预〔2020〕10号）开展绩效评价，要判断绩效目标的实现程"
	      "度，没有指标值就无从判断。" },
	    "运行数量 | 水质自动监测站的正常运行数 | 待定",
	    "运行数量 | 水质自动监测站的正常运行数 | =4个" },
	[RULE_PB402] = { "PB402", E, GROUP_VALUE,
	    { "an operator without a number, or a malformed number", "运算符后无数字或数字格式错误" },
	    { "project {code}: target value '{value}': {a}",
	      "项目 {code}：指标值“{value}”：{a}" }, check_pb402,
	    { "Fires when a symbol operator (》, ≥, >=, 《, =, …) is followed "
	      "by no number (》%), or when a number is malformed: it runs on "
	      "into '.', ',' or a digit (1.2.3, 3,5, 1,0000), here or at a "
	      "range's upper end. No other PB4 rule looks at such a value. A "
	      "word operator without a number (达到要求) is qualitative, not "
	      "PB402.",
	      "符号运算符（》、≥、>=、《、= 等）后没有数字（如“》%”），"
	      "或数字格式错误（后面紧跟“.”“,”或数字，如 1.2.3、3,5、"
	      "1,0000，含区间上限）时报告。此类指标值不再参加其他 PB4 检查。"
	      "文字运算符后没有数字的（如“达到要求”）属定性值，不报本规则。" },
	    { "A broken number cannot be read reliably, and guessing would "
	      "give every other value rule a wrong input.",
	      "格式错误的数字无法准确识读，如果猜测其含义，其他指标值规则都会"
	      "据此误判。" },
	    "》%", "》95%" },
	[RULE_PB403] = { "PB403", W, GROUP_VALUE,
	    { "a number without a unit", "数值没有计量单位" },
	    { "project {code}: target value '{value}' has no unit",
	      "项目 {code}：指标值“{value}”没有计量单位" }, check_pb403,
	    { "Fires when a value with a number (quantitative or a range) has "
	      "nothing after the number: 》90, =4, 100. A % counts as a unit.",
	      "指标值含有数字（定量值或区间），但数字后面没有任何单位时报告，"
	      "如“》90”“=4”“100”。% 视为单位。" },
	    { "A measurable target (指标应当细化、量化, 财预〔2015〕88号) "
	      "needs a unit: 》90 could be 90%, 90 个 or 90 分.",
	      "按照财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号"
	      "），指标应当细化、量化，量化就要有计量单位：“》90”可能是 90%、"
	      "90 个，也可能是 90 分。" },
	    "故障排除及时率 》90", "故障排除及时率 》90%" },
	[RULE_PB404] = { "PB404", E, GROUP_VALUE,
	    { "a percentage above 100 or below 0", "百分比大于 100 或小于 0" },
	    { "project {code}: target value '{value}' is a percentage outside 0-100%",
	      "项目 {code}：指标值“{value}”的百分比超出 0–100%" }, check_pb404,
	    { "Fires when a value whose unit is % has a number (or range end) "
	      "below 0, or above 100 unless its 三级 or 描述 contains 增长 or "
	      "增幅 (growth may exceed 100%). Values in ‰ or other units are "
	      "not checked.",
	      "单位为 % 的指标值，数字（或区间端点）小于 0 时报告；"
	      "大于 100 时也报告，但三级指标或描述中含“增长”“增幅”"
	      "的除外（增长率可以超过 100%）。‰ 及其他单位不在此检查之列。" },
	    { "A share of a whole lies between 0% and 100%; a value outside "
	      "is a typo or a wrong base.",
	      "占比只能在 0%–100% 之间，超出范围的多是录入错误或口径有误。" },
	    "全局网络通信稳定率 》950%", "全局网络通信稳定率 》95%" },
	[RULE_PB405] = { "PB405", W, GROUP_VALUE,
	    { "a rate or 满意度 value whose unit is not %", "比率或满意度指标的单位不是 %" },
	    { "project {code}: target value '{value}' of {a} is not in %",
	      "项目 {code}：{a}的指标值“{value}”单位不是 %" }, check_pb405,
	    { "Applies only to values with a number (quantitative or a "
	      "range). Fires when the unit is not % and the indicator is a "
	      "满意度 indicator (一级 or 二级 满意度) or a rate (三级 or 描述 "
	      "ending in 率, a trailing 。 ignored). A number without unit "
	      "fires both PB403 and PB405.",
	      "仅检查含数字的指标值（定量值或区间）：满意度指标（一级或二级为"
	      "满意度）或比率指标（三级指标或描述以“率”结尾，忽略结尾句号）"
	      "的单位不是 % 时报告。没有单位的数字同时报告 PB403 和 PB405。" },
	    { "A rate is a ratio and satisfaction is the share of respondents "
	      "who are satisfied; budget reviewers expect both in %. A score "
	      "(》90分) or a count cannot be compared with other projects.",
	      "比率是两个数之比，满意度是满意的受访者所占比例，"
	      "审核中通常要求以 % 表示；以分数（如“》90分”）或个数表示，"
	      "无法与其他项目比较。" },
	    "群众满意度 》90分", "群众满意度 》90%" },
	[RULE_PB406] = { "PB406", W, GROUP_VALUE,
	    { "a 满意度 value that is not quantitative, or uses <=/<", "满意度指标值不是定量值或设了上限" },
	    { "project {code}: satisfaction target '{value}' {a}",
	      "项目 {code}：满意度指标值“{value}”{a}" }, check_pb406,
	    { "Fires for a 满意度 indicator (一级 or 二级) whose value is "
	      "qualitative, or whose operator is <= or < (《, 不超过, 以下 "
	      "…). A range (85%-95%) counts as quantitative and passes; blank "
	      "and malformed values are left to PB401/PB402, and PB310 rows "
	      "are skipped.",
	      "满意度指标（一级或二级为满意度）的指标值为定性描述，"
	      "或运算符为 <=、<（《、不超过、以下等）时报告。"
	      "区间值（如 85%-95%）视为定量值，不报告；空值和格式错误由 "
	      "PB401、PB402 处理，PB310 声明不适用的行除外。" },
	    { "Satisfaction is a level to reach, so its target is a floor; "
	      "财预〔2021〕101号 prefers quantitative values, and survey "
	      "results are numbers.",
	      "满意度是要达到的水平，目标值应为下限；财政部《中央部门项目支出"
	      "核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101"
	      "号）倡导指标定量表述，满意度调查的结果本身就是数字。" },
	    "群众满意度 《90%", "群众满意度 》90%" },
	[RULE_PB407] = { "PB407", I, GROUP_VALUE,
	    { "a 满意度 target below the floor", "满意度目标值低于下限" },
	    { "project {code}: satisfaction target '{value}' is below {a}%",
	      "项目 {code}：满意度目标值“{value}”低于 {a}%" }, check_pb407,
	    { "Fires for a 满意度 indicator whose value has a number in % "
	      "below satisfaction_min ([thresholds], default 80); a range is "
	      "judged by its lower end. Values with <= or < are ignored "
	      "(PB406 speaks), as are values not in %.",
	      "满意度指标的指标值为百分数，且低于 satisfaction_min（"
	      "[thresholds] 节，默认 80）时报告；区间以下限为准。"
	      "运算符为 <=、< 的不检查（由 PB406 报告），单位不是 % 的也不检"
	      "查。" },
	    { "Common practice in 绩效目标 review is a satisfaction target of "
	      "at least 80%–90%; a lower one reads as a target set to be met "
	      "without effort. The floor is a setting because practice "
	      "differs by region.",
	      "绩效目标审核中，满意度目标值一般不低于 80%–90%；定得过低，"
	      "目标就失去了约束作用。各地要求不一，下限可在设置中调整。" },
	    "群众满意度 》70%", "群众满意度 》90%" },
	[RULE_PB408] = { "PB408", W, GROUP_VALUE,
	    { "a 成本 indicator with >= or >", "成本指标使用了 ≥ 或 >" },
	    { "project {code}: cost target '{value}' sets a lower bound; a cost is capped with <= or =",
	      "项目 {code}：成本指标值“{value}”设了下限，成本应以《（≤）或 = 控制" }, check_pb408,
	    { "Fires for a 成本 indicator (二级 成本指标, or 一级 成本指标) "
	      "whose operator is >= or > (》, ≥, 不低于, 不少于, 达到, 大于, "
	      "高于, 以上 …). The name is not read, so a savings rate with a "
	      "floor (成本节约率 》5%) fires too.",
	      "成本指标（二级为成本指标或一级为成本指标）的运算符为 >= 或 >（"
	      "》、≥、不低于、不少于、达到、大于、高于、以上等）时报告。"
	      "本规则不看指标名称，因此设下限的节约率（如“成本节约率 》5%”）"
	      "也会报告。" },
	    { "A cost indicator caps what the output may cost (成本控制); a "
	      "lower bound rewards spending more. 》 typed for 《 is a common "
	      "slip.",
	      "成本指标用于控制产出的成本，应设上限；设下限等于鼓励多花钱。"
	      "把“《”误写为“》”是常见错误。" },
	    "成本指标 运行保障成本 》15万元",
	    "成本指标 运行保障成本 《15万元" },
	[RULE_PB409] = { "PB409", W, GROUP_VALUE,
	    { "a 成本 money value above the project's 预算数", "成本金额超过项目预算数" },
	    { "project {code}: cost target '{value}' ({a} 万元) exceeds the budget (预算数) of {b} 万元",
	      "项目 {code}：成本指标值“{value}”（{a} 万元）超过预算数 {b} 万元" }, check_pb409,
	    { "For a 成本 indicator with a money value (元, 万元, 元/X, 万元"
	      "/X), the number, or a range's upper end, is converted to 万元 "
	      "(元 ÷ 10000) and compared with 预算数 plus budget_tolerance "
	      "(default 0.005); fires when it is larger, whatever the "
	      "operator. Skipped when 预算数 is invalid.",
	      "成本指标的指标值为金额（元、万元、元/X、万元/X）时，"
	      "将其数字（区间取上限）换算为万元（元除以 10000），"
	      "与预算数加 budget_tolerance（默认 0.005）比较，超过即报告，"
	      "不论运算符为何。预算数无效时不检查。" },
	    { "Targets must be consistent with the budget (财预〔2015〕88号); "
	      "a cost above the project's whole budget cannot be paid from "
	      "it.",
	      "按照财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号"
	      "），绩效目标应与预算相匹配；成本超过项目预算总额，"
	      "无法由本项目资金承担。" },
	    "预算数 150 | 全年机关运行成本 《200万元",
	    "预算数 150 | 全年机关运行成本 《150万元" },
	[RULE_PB410] = { "PB410", W, GROUP_VALUE,
	    { "a 成本 indicator whose unit is neither money nor %", "成本指标单位不是金额或 %" },
	    { "project {code}: cost target '{value}' is in '{a}', not in money (元, 万元) or %",
	      "项目 {code}：成本指标值“{value}”的单位“{a}”不是金额（元、万元）或 %" }, check_pb410,
	    { "Fires for a 成本 indicator whose value has a number and a unit "
	      "that is neither money (元, 万元, 元/X, 万元/X) nor %: ‰, 个, "
	      "天, or text not in the unit table (万). A number without unit "
	      "is PB403 instead.",
	      "成本指标的指标值有数字和单位，但单位既不是金额（元、万元、"
	      "元/X、万元/X）也不是 % 时报告，如 ‰、个、天，或不在单位表中的"
	      "写法（如“万”）。没有单位的按 PB403 报告。" },
	    { "Cost targets are normally stated as money (a total or a unit "
	      "cost) or as a cost-control rate in %; another unit usually "
	      "means a quantity was put under 成本 by mistake. 社会成本 and "
	      "生态环境成本 (财预〔2021〕101号) may have other measures, "
	      "hence a warning.",
	      "成本指标通常以金额（总成本或单位成本）或以 % 表示的成本控制率"
	      "表述；使用其他单位，多是把数量指标误填到了成本指标之下。"
	      "财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试"
	      "行）》（财预〔2021〕101号）中的社会成本、生态环境成本可能采用"
	      "其他计量方式，故本规则为警告。" },
	    "运行保障成本 《15万", "运行保障成本 《15万元" },
	[RULE_PB411] = { "PB411", W, GROUP_VALUE,
	    { "a qualitative value under 产出 or 满意度", "产出或满意度指标使用了定性值" },
	    { "project {code}: target value '{value}' under {a} is qualitative; it must be a number",
	      "项目 {code}：{a}的指标值“{value}”是定性描述，应为定量值" }, check_pb411,
	    { "Fires for a qualitative value under 一级 产出 or a 满意度 "
	      "indicator. Qualitative means no number was read: plain text ("
	      "按时完成), or a number without operator followed by text not "
	      "in the unit table (3天内完成). Qualitative values under 效果 "
	      "are allowed.",
	      "一级为产出的指标或满意度指标的指标值为定性描述时报告。"
	      "定性是指未识读出数字：纯文字（如“按时完成”），或没有运算符、"
	      "数字后跟非单位文字（如“3天内完成”）。效果指标允许定性表述。" },
	    { "Indicators should be quantified (指标应当细化、量化, 财预〔"
	      "2015〕88号; 财预〔2021〕101号 prefers quantitative "
	      "indicators), and outputs and satisfaction can always be "
	      "counted.",
	      "按照财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号"
	      "），指标应当细化、量化；财政部《中央部门项目支出核心绩效目标和"
	      "指标设置及取值指引（试行）》（财预〔2021〕101号）"
	      "也倡导优先使用定量指标。产出和满意度都可以计数衡量。" },
	    "故障排除时间 3天内完成", "故障排除时间 《3天" },
	[RULE_PB412] = { "PB412", I, GROUP_VALUE,
	    { "a qualitative value that repeats the 描述 or the 三级 name", "定性指标值只是重复描述或指标名称" },
	    { "project {code}: target value '{value}' only repeats {a}; it cannot be measured",
	      "项目 {code}：指标值“{value}”只是重复{a}，无法衡量" }, check_pb412,
	    { "Fires for a qualitative value that equals the row's "
	      "绩效指标描述, or failing that its 三级指标 name, after "
	      "removing white space, folding full-width letters and ignoring "
	      "a trailing 。.",
	      "定性的指标值与本行绩效指标描述相同，或与三级指标名称相同（去除"
	      "空白、全角转半角、忽略结尾句号后比较）时报告。" },
	    { "A target that restates the indicator gives no level to reach; "
	      "evaluation (财预〔2020〕10号) cannot say whether it was met.",
	      "指标值只是重复指标本身，没有给出要达到的水平，"
	      "依据财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）"
	      "开展绩效评价时无法判断目标是否完成。" },
	    "网络长期稳定运行 | 全局网络稳定运行 | 全局网络稳定运行",
	    "网络长期稳定运行 | 全年网络故障中断时长 | 《24小时" },
	[RULE_PB413] = { "PB413", I, GROUP_VALUE,
	    { "a unit not in the unit table, or a colloquial alias", "计量单位不在单位表中或为口语写法" },
	    { "project {code}: target value '{value}': unit '{a}' {b}",
	      "项目 {code}：指标值“{value}”：单位“{a}”{b}" }, check_pb413,
	    { "Fires for a value with a number whose unit is a colloquial "
	      "alias (平, ㎡, m² for 平方米) or is not in the unit table. "
	      "Without an operator a number followed by unknown text is "
	      "qualitative (3天内完成), so an unknown unit is reported only "
	      "after an operator (》3门).",
	      "含数字的指标值，单位为口语写法（平、㎡、m² 应写作平方米）"
	      "或不在计量单位表中时报告。没有运算符时，数字后跟未知文字的指标"
	      "值按定性处理（如“3天内完成”），因此只有带运算符的（如“》3门”"
	      "）才会报告未知单位。" },
	    { "Standard units keep values comparable and machine-readable "
	      "across projects and years.",
	      "使用规范的计量单位，指标值才能在项目之间、年度之间比较和汇总。" },
	    "实际租房面积 =660平", "实际租房面积 =660平方米" },
	[RULE_PB414] = { "PB414", I, GROUP_VALUE,
	    { "a bare number without operator, read as =", "数值前没有运算符，按 = 处理" },
	    { "project {code}: target value '{value}' has no operator and is read as '='",
	      "项目 {code}：指标值“{value}”没有运算符，按“=”处理" }, check_pb414,
	    { "Fires for a number with no operator (and no 以上/以内/以下 "
	      "suffix) followed by nothing or by a unit of the table; it is "
	      "read as '='. A range without operator (85%-95%) is not "
	      "reported.",
	      "数字前没有运算符（也没有“以上”“以内”“以下”后缀），"
	      "后面为空或为单位表中的单位时报告，按“=”处理。没有运算符的区间"
	      "值（如 85%-95%）不报告。" },
	    { "The operator says whether the number is a floor, a cap or an "
	      "exact target; reviewers expect it written out (=, 》, 《).",
	      "运算符表明数字是下限、上限还是确切值，审核中要求明确写出（=、"
	      "》、《）。" },
	    "软件配置数量 1套", "软件配置数量 =1套" },

	/* PB5: consistency. */
	[RULE_PB501] = { "PB501", I, GROUP_CONSISTENCY,
	    { "指标值确定依据 is not a recognised basis", "指标值确定依据不是常用依据" },
	    { "project {code}: value basis '{value}' is not one of 计划标准/工作计划, 行业标准, 历史标准/历史数据, 合同约定, 经验标准, 其他标准",
	      "项目 {code}：指标值确定依据“{value}”不是计划标准（工作计划）、行业标准、历史标准（历史数据）、合同约定、经验标准或其他标准" }, check_pb501,
	    { "Fires when a non-blank 指标值确定依据, as a whole (label "
	      "matching), is none of 计划标准, 工作计划, 行业标准, 历史标准, "
	      "历史数据, 合同约定, 经验标准, 其他标准, nor a basis listed in "
	      "[bases] accept. A blank basis is PB309. A document title ("
	      "《…工作计划》) fires too; list it in [bases] accept if it is "
	      "accepted locally.",
	      "非空的指标值确定依据整体（去除空白、全角转半角后）"
	      "不是计划标准、工作计划、行业标准、历史标准、历史数据、"
	      "合同约定、经验标准、其他标准之一，也不在 [bases] accept 所列之"
	      "内时报告。依据为空的按 PB309 报告。写文件名称（如《……工作计划"
	      "》）的也报告，本地认可的可列入 [bases] accept。" },
	    { "财预〔2021〕101号 names the value bases 计划标准, 行业标准, "
	      "历史标准 and 其他标准; a recognised basis tells reviewers how "
	      "the value was set.",
	      "财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试"
	      "行）》（财预〔2021〕101号）列明的指标值确定依据为计划标准、"
	      "行业标准、历史标准和其他标准；采用规范的依据类别，"
	      "审核人员才清楚指标值的来由。" },
	    "在岗人员实际在岗时间 | 》8小时 | 单位日常工作需要",
	    "在岗人员实际在岗时间 | 》8小时 | 工作计划" },
	[RULE_PB502] = { "PB502", I, GROUP_CONSISTENCY,
	    { "unit cost × quantity exceeds 预算数", "单位成本乘以数量超过预算数" },
	    { "project {code}: unit cost '{value}' times the quantity {a} is {b} 万元 (the budget)",
	      "项目 {code}：单位成本“{value}”乘以数量{a}为 {b} 万元（预算数）" }, check_pb502,
	    { "A unit-cost indicator (成本, 三级 or 描述 containing 平均, 每, "
	      "人均 or 单位, a money value that is not a range, op =, <= or "
	      "<) is converted to 万元 and multiplied by the number of the "
	      "project's first 数量 indicator (not-applicable rows aside); "
	      "fires on the cost row when the product exceeds 预算数 plus "
	      "budget_tolerance. That first 数量 must be a count (个, 次, 人, "
	      "家 …) with op =, >= or > and no range; if it is not (小时, "
	      "平方米), or 预算数 is invalid, nothing is checked.",
	      "单位成本指标（成本指标，三级或描述含“平均”“每”“人均”“单位”，"
	      "指标值为非区间的金额，运算符为 =、<=、<）换算为万元后，"
	      "乘以本项目第一个数量指标（声明不适用的行除外）的数值，"
	      "乘积超过预算数加 budget_tolerance 时，在该成本指标上报告。"
	      "该数量指标须以计数单位（个、次、人、家等）计量、运算符为 =、"
	      ">=、>，且不是区间；否则（如以小时、平方米计量），"
	      "或预算数无效时，不做此项核对。" },
	    { "Targets are to be consistent with the budget (财预〔2015〕88"
	      "号), and budget reviewers commonly cross-check unit cost × "
	      "quantity against the appropriation; a product above it means "
	      "one of the figures is wrong.",
	      "按照财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号"
	      "），绩效目标应与预算相匹配；审核中常以单位成本乘以数量与预算数"
	      "相互印证，乘积超过预算数，说明三个数字中至少有一个不对。" },
	    "预算数 10 | 运行数量 =4个 | 每个水站运维平均成本 《10万元",
	    "预算数 10 | 运行数量 =4个 | 每个水站运维平均成本 《2.5万元" },
};

#undef E
#undef W
#undef I

_Static_assert(sizeof(rules) / sizeof(rules[0]) == RULE_COUNT,
    "the rule table and RULE_IDS are out of step");

const struct rule *
rule_get(enum rule_id id)
{
	return &rules[id];
}

enum rule_id
rule_find(const char *id)
{
	int i;

	for (i = 0; i < RULE_COUNT; i++)
		if (strcasecmp(rules[i].id, id) == 0)
			return (enum rule_id)i;
	return RULE_COUNT;
}

const char *
severity_name(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	case SEV_INFO:
		return "info";
	default:
		return "off";
	}
}

bool
severity_parse(const char *s, enum severity *out)
{
	static const enum severity all[] = { SEV_OFF, SEV_INFO, SEV_WARNING,
	    SEV_ERROR };
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (strcasecmp(s, severity_name(all[i])) == 0) {
			*out = all[i];
			return true;
		}
	return false;
}

/* Formats a number the way people write it in these tables; caller frees. */
static char *
fmt_number(double v)
{
	return xasprintf("%.10g", v);
}

static bool
lang_zh(struct check *c)
{
	return check_settings(c)->lang == LANG_ZH;
}

/* PB1: project. */

static void
check_pb101(struct check *c, const struct project *p)
{
	if (text_blank(p->text[FIELD_CODE]))
		check_emit(c, RULE_PB101, FIELD_CODE, 0, p->loc[FIELD_CODE],
		    "", p->text[FIELD_NAME], NULL);
}

static void
check_pb102(struct check *c, const struct project *p)
{
	const char *code = p->text[FIELD_CODE];

	if (!text_blank(code) && !check_code_matches(c, code))
		check_emit(c, RULE_PB102, FIELD_CODE, 0, p->loc[FIELD_CODE],
		    code, check_settings(c)->code_pattern, NULL);
}

static void
check_pb103(struct check *c, const struct project *p)
{
	if (text_blank(p->text[FIELD_NAME]))
		check_emit(c, RULE_PB103, FIELD_NAME, 0, p->loc[FIELD_NAME],
		    "", NULL, NULL);
}

static void
check_pb104(struct check *c, const struct project *p)
{
	if (text_blank(p->text[FIELD_PURPOSE]))
		check_emit(c, RULE_PB104, FIELD_PURPOSE, 0,
		    p->loc[FIELD_PURPOSE], "", NULL, NULL);
}

/* Why a money cell is wrong, or NULL; blank_ok for 财政资金 and 其他资金. */
static const char *
money_problem(struct check *c, const struct number_cell *n, bool blank_ok)
{
	bool zh = lang_zh(c);

	if (n->status == NUMBER_BLANK)
		return blank_ok ? NULL : zh ? "为空" : "is empty";
	if (n->status == NUMBER_BAD)
		return zh ? "不是数字" : "is not a number";
	if (n->number < 0)
		return zh ? "为负数" : "is negative";
	return NULL;
}

static void
check_pb105(struct check *c, const struct project *p)
{
	const char *why = money_problem(c, &p->budget, false);

	if (why != NULL)
		check_emit(c, RULE_PB105, FIELD_BUDGET, 0,
		    p->loc[FIELD_BUDGET], p->text[FIELD_BUDGET], why, NULL);
}

static void
check_pb106(struct check *c, const struct project *p)
{
	const char *why;

	if ((why = money_problem(c, &p->fiscal, true)) != NULL)
		check_emit(c, RULE_PB106, FIELD_FISCAL, 0,
		    p->loc[FIELD_FISCAL], p->text[FIELD_FISCAL], why, NULL);
	if ((why = money_problem(c, &p->other, true)) != NULL)
		check_emit(c, RULE_PB106, FIELD_OTHER, 0,
		    p->loc[FIELD_OTHER], p->text[FIELD_OTHER], why, NULL);
}

static void
check_pb107(struct check *c, const struct project *p)
{
	char *sum;
	double total;

	if (money_problem(c, &p->budget, false) != NULL ||
	    money_problem(c, &p->fiscal, true) != NULL ||
	    money_problem(c, &p->other, true) != NULL)
		return;
	total = p->fiscal.number + p->other.number;
	/* Decimal amounts are inexact in binary (15.005 - 15 is
	 * 0.0050000000000008), so a difference of exactly the tolerance
	 * gets a rounding slack of 1e-12 of the budget: one fen for a
	 * budget of 10 billion yuan. */
	if (fabs(p->budget.number - total) <=
	    check_settings(c)->budget_tolerance +
	    1e-12 * fmax(1.0, fabs(p->budget.number)))
		return;
	sum = fmt_number(total);
	check_emit(c, RULE_PB107, FIELD_BUDGET, 0, p->loc[FIELD_BUDGET],
	    p->text[FIELD_BUDGET], sum, NULL);
	free(sum);
}

static void
check_pb108(struct check *c, const struct project *p)
{
	struct loc loc = check_project_loc(p);
	size_t i;

	for (i = 0; i < p->ngoals; i++)
		if (!text_blank(p->goals[i].text))
			return;
	for (i = 0; i < p->ngoals; i++)
		if (p->goals[i].number == 1)
			loc = p->goals[i].loc;
	check_emit(c, RULE_PB108, FIELD_GOAL, 1, loc, "", NULL, NULL);
}

static void
check_pb109(struct check *c, const struct project *p)
{
	/* Without codes in the layout, at the name (the project's row). */
	if (p->nind == 0)
		check_emit(c, RULE_PB109, p->absent[FIELD_CODE] ? FIELD_NAME :
		    FIELD_CODE, 0, check_project_loc(p), "", NULL, NULL);
}

static void
check_pb110(struct check *c, const struct project *p)
{
	if (p->budget.status == NUMBER_OK && p->budget.number == 0)
		check_emit(c, RULE_PB110, FIELD_BUDGET, 0,
		    p->loc[FIELD_BUDGET], p->text[FIELD_BUDGET], NULL, NULL);
}

/* PB2: spend plan. */

static bool
plan_numbers_ok(const struct project *p)
{
	int k;

	for (k = 0; k < PLAN_POINTS; k++) {
		if (p->plan[k].status == NUMBER_BAD)
			return false;
		if (p->plan[k].status == NUMBER_OK &&
		    (p->plan[k].number < 0 || p->plan[k].number > 100))
			return false;
	}
	return true;
}

static bool
plan_all_blank(const struct project *p)
{
	int k;

	for (k = 0; k < PLAN_POINTS; k++)
		if (p->plan[k].status != NUMBER_BLANK)
			return false;
	return true;
}

/* PB203–PB205 and PB207 run on a well-formed plan that is not all blank. */
static bool
plan_checkable(const struct project *p)
{
	return plan_numbers_ok(p) && !plan_all_blank(p);
}

static void
check_pb201(struct check *c, const struct project *p)
{
	int k;

	for (k = 0; k < PLAN_POINTS; k++)
		if (p->plan[k].status == NUMBER_BAD)
			check_emit(c, RULE_PB201, FIELD_PLAN_MAR + k, 0,
			    p->loc[FIELD_PLAN_MAR + k],
			    p->text[FIELD_PLAN_MAR + k], NULL, NULL);
}

static void
check_pb202(struct check *c, const struct project *p)
{
	int k;

	for (k = 0; k < PLAN_POINTS; k++)
		if (p->plan[k].status == NUMBER_OK &&
		    (p->plan[k].number < 0 || p->plan[k].number > 100))
			check_emit(c, RULE_PB202, FIELD_PLAN_MAR + k, 0,
			    p->loc[FIELD_PLAN_MAR + k],
			    p->text[FIELD_PLAN_MAR + k], NULL, NULL);
}

static void
check_pb203(struct check *c, const struct project *p)
{
	char *now, *before, *label;
	int k;

	if (!plan_checkable(p))
		return;
	for (k = 1; k < PLAN_POINTS; k++) {
		if (p->plan[k].number >= p->plan[k - 1].number)
			continue;
		now = fmt_number(p->plan[k].number);
		before = fmt_number(p->plan[k - 1].number);
		label = check_field_label(FIELD_PLAN_MAR + k - 1, 0,
		    check_settings(c)->lang);
		check_emit(c, RULE_PB203, FIELD_PLAN_MAR + k, 0,
		    p->loc[FIELD_PLAN_MAR + k], now, before, label);
		free(now);
		free(before);
		free(label);
	}
}

static void
check_pb204(struct check *c, const struct project *p)
{
	char *v;

	if (!plan_checkable(p) || p->plan[3].number == 100)
		return;
	v = fmt_number(p->plan[3].number);
	check_emit(c, RULE_PB204, FIELD_PLAN_DEC, 0, p->loc[FIELD_PLAN_DEC],
	    v, NULL, NULL);
	free(v);
}

static void
check_pb205(struct check *c, const struct project *p)
{
	int k;

	if (!plan_checkable(p))
		return;
	for (k = 0; k < PLAN_POINTS; k++)
		if (p->plan[k].status == NUMBER_BLANK)
			check_emit(c, RULE_PB205, FIELD_PLAN_MAR + k, 0,
			    p->loc[FIELD_PLAN_MAR + k], "", NULL, NULL);
}

static void
check_pb206(struct check *c, const struct project *p)
{
	if (plan_all_blank(p))
		check_emit(c, RULE_PB206, FIELD_PLAN_MAR, 0,
		    p->loc[FIELD_PLAN_MAR], "", NULL, NULL);
}

static void
check_pb207(struct check *c, const struct project *p)
{
	char *v, *min;
	double mark = check_settings(c)->midyear_min;

	if (!plan_checkable(p) || p->plan[1].number >= mark)
		return;
	v = fmt_number(p->plan[1].number);
	min = fmt_number(mark);
	check_emit(c, RULE_PB207, FIELD_PLAN_JUN, 0, p->loc[FIELD_PLAN_JUN],
	    v, min, NULL);
	free(v);
	free(min);
}
