/* Word .docx reader (SPEC 2.2): the tables and paragraphs of word/document.xml, into the form grid. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <zip.h>

#include "form.h"
#include "model.h"
#include "pb_limits.h"
#include "read.h"
#include "rules.h"
#include "util.h"

/* The main document part; the most of it that is read is a limit. */
#define DOCX_PART	"word/document.xml"
#define DOCX_MAX	((int)PB_MAX_ZIP_ENTRY_BYTES)

/* Wider than Word ever draws; the bound keeps col + span an int. */
#define DOCX_MAX_COL	(1 << 20)

/* WordprocessingML as Word writes it, and in Strict Open XML. */
#define W_NS		"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT	"http://purl.oclc.org/ooxml/wordprocessingml/main"

/* Room for a reason with one quoted detail; the detail is clipped first. */
#define WHY_MAX		512
#define DETAIL_MAX	200

/*
 * The reasons docx_grid returns. Most are string constants; those that
 * name a size or a libxml2/libzip message are formatted here, so that the
 * caller need not free them.
 */
static _Thread_local char why_en_buf[WHY_MAX];
static _Thread_local char why_zh_buf[WHY_MAX];

/* Tables met inside the cells of the table being read. */
struct nested {
	xmlNode		**node;
	size_t		 len;
};

/* The walk over the body: counters that number what it adds. */
struct walk {
	struct form_grid *g;
	int		 tables;	/* tables numbered so far */
	int		 lines;		/* table rows so far (SPEC 2.3) */
	int		 paras;		/* body paragraphs so far */
	bool		 too_many;	/* tables past PB_MAX_TABLES */
};

/* Where the next cell of a row goes. */
struct cursor {
	int		 col;		/* 0-based grid column */
	int		 number;	/* w:tc elements so far */
};

static void
why(const char **en, const char **zh, const char *why_en, const char *why_zh)
{
	*en = why_en;
	*zh = why_zh;
}

/* Points the reasons at the buffers they were formatted into. */
static void
why_formatted(const char **en, const char **zh)
{
	why(en, zh, why_en_buf, why_zh_buf);
}

/*
 * Copies a message of libxml2 or libzip into dst: its first line, at most
 * DETAIL_MAX - 1 bytes, cut between UTF-8 characters, without trailing
 * white space.
 */
static void
clip(char *dst, const char *src)
{
	size_t n;

	if (src == NULL)
		src = "";
	n = strcspn(src, "\r\n");
	if (n > DETAIL_MAX - 1) {
		n = DETAIL_MAX - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == '\t'))
		n--;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* The reason for a part that libzip cannot give, with libzip's words. */
static void
why_unreadable(const char **en, const char **zh, const char *zip_message)
{
	char detail[DETAIL_MAX];

	clip(detail, zip_message);
	snprintf(why_en_buf, sizeof(why_en_buf), "the zip archive is damaged: "
	    DOCX_PART " cannot be read (%s)", detail);
	snprintf(why_zh_buf, sizeof(why_zh_buf), "zip 压缩包已损坏：无法读取 "
	    DOCX_PART "（%s）", detail);
	why_formatted(en, zh);
}

/*
 * Reads word/document.xml out of the zip in bytes into *out (NUL
 * terminated, caller frees). No more than DOCX_MAX bytes, and no more than
 * the zip announces, are ever read.
 */
static int
unzip_document(const char *bytes, size_t len, char **out, size_t *outlen,
    const char **en, const char **zh)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_file_t *zf;
	zip_stat_t st;
	zip_int64_t idx, n;
	size_t cap, total = 0;
	char *buf;
	bool announced;

	/* libzip opens an empty file as an empty archive. */
	if (len == 0) {
		why(en, zh, "the file is not a Word document (not a zip "
		    "archive): it is empty", "文件不是 Word 文档（不是 zip "
		    "压缩包）：文件为空");
		return -1;
	}
	zip_error_init(&ze);
	src = zip_source_buffer_create(bytes, len, 0, &ze);
	za = src != NULL ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (za == NULL) {
		if (zip_error_code_zip(&ze) == ZIP_ER_NOZIP)
			why(en, zh, "the file is not a Word document (not a zip "
			    "archive)",
			    "文件不是 Word 文档（不是 zip 压缩包）");
		else {
			char detail[DETAIL_MAX];

			clip(detail, zip_error_strerror(&ze));
			snprintf(why_en_buf, sizeof(why_en_buf), "the file is "
			    "not a Word document (the zip archive cannot be "
			    "opened: %s)", detail);
			snprintf(why_zh_buf, sizeof(why_zh_buf),
			    "文件不是 Word 文档（无法打开 zip 压缩包：%s）",
			    detail);
			why_formatted(en, zh);
		}
		zip_source_free(src);
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(za, 0) > PB_MAX_ZIP_ENTRIES) {
		snprintf(why_en_buf, sizeof(why_en_buf), "the zip archive "
		    "holds %lld entries, over the limit of %d "
		    "(PB_MAX_ZIP_ENTRIES); it is not read",
		    (long long)zip_get_num_entries(za, 0), PB_MAX_ZIP_ENTRIES);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "zip 压缩包中有 %lld "
		    "个条目，超过上限 %d（PB_MAX_ZIP_ENTRIES），未读取",
		    (long long)zip_get_num_entries(za, 0), PB_MAX_ZIP_ENTRIES);
		why_formatted(en, zh);
		zip_discard(za);
		return -1;
	}

	/* Part names of a package compare without case (OPC). */
	idx = zip_name_locate(za, DOCX_PART, ZIP_FL_NOCASE);
	if (idx < 0) {
		why(en, zh, "the file is not a Word document: the zip archive "
		    "holds no " DOCX_PART,
		    "文件不是 Word 文档：zip 压缩包中没有 " DOCX_PART);
		zip_discard(za);
		return -1;
	}
	zip_stat_init(&st);
	if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0) {
		why_unreadable(en, zh, zip_strerror(za));
		zip_discard(za);
		return -1;
	}
	announced = (st.valid & ZIP_STAT_SIZE) != 0;
	if (announced && st.size > DOCX_MAX) {
		snprintf(why_en_buf, sizeof(why_en_buf), DOCX_PART " is %llu "
		    "bytes uncompressed, over the limit of %d bytes (64 MiB, "
		    "PB_MAX_ZIP_ENTRY_BYTES); it is not read",
		    (unsigned long long)st.size, DOCX_MAX);
		snprintf(why_zh_buf, sizeof(why_zh_buf), DOCX_PART " 解压后为 "
		    "%llu 字节，超过上限 %d 字节（64 MiB，"
		    "PB_MAX_ZIP_ENTRY_BYTES），未读取",
		    (unsigned long long)st.size, DOCX_MAX);
		why_formatted(en, zh);
		zip_discard(za);
		return -1;
	}
	if (announced && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size > PB_ZIP_RATIO_MIN_BYTES &&
	    st.size / (st.comp_size > 0 ? st.comp_size : 1) >
	    PB_MAX_ZIP_RATIO) {
		snprintf(why_en_buf, sizeof(why_en_buf), DOCX_PART " expands "
		    "%llu times (%llu bytes to %llu), over the limit of %d "
		    "(PB_MAX_ZIP_RATIO): a zip bomb; it is not read",
		    (unsigned long long)(st.size / (st.comp_size > 0 ?
		    st.comp_size : 1)), (unsigned long long)st.comp_size,
		    (unsigned long long)st.size, PB_MAX_ZIP_RATIO);
		snprintf(why_zh_buf, sizeof(why_zh_buf), DOCX_PART " 解压后膨胀 "
		    "%llu 倍（%llu 字节变为 %llu 字节），超过上限 %d 倍"
		    "（PB_MAX_ZIP_RATIO），是 zip 炸弹，未读取",
		    (unsigned long long)(st.size / (st.comp_size > 0 ?
		    st.comp_size : 1)), (unsigned long long)st.comp_size,
		    (unsigned long long)st.size, PB_MAX_ZIP_RATIO);
		why_formatted(en, zh);
		zip_discard(za);
		return -1;
	}
	if ((zf = zip_fopen_index(za, (zip_uint64_t)idx, 0)) == NULL) {
		why_unreadable(en, zh, zip_strerror(za));
		zip_discard(za);
		return -1;
	}

	/* One byte more than allowed tells that more came than announced. */
	cap = announced ? (size_t)st.size : DOCX_MAX;
	buf = xmalloc(cap + 1);
	while ((n = zip_fread(zf, buf + total, cap + 1 - total)) > 0) {
		total += (size_t)n;
		if (total > cap)
			break;
	}
	if (n < 0)
		why_unreadable(en, zh, zip_file_strerror(zf));
	else if (total > cap && announced) {
		snprintf(why_en_buf, sizeof(why_en_buf), "the zip archive is "
		    "damaged: " DOCX_PART " holds more than the %llu bytes its "
		    "header announces; it is not read",
		    (unsigned long long)st.size);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "zip 压缩包已损坏："
		    DOCX_PART " 的内容超过文件头声明的 %llu 字节，未读取",
		    (unsigned long long)st.size);
		why_formatted(en, zh);
	} else if (total > cap)
		why(en, zh, DOCX_PART " is over the limit of 64 MiB "
		    "uncompressed (PB_MAX_ZIP_ENTRY_BYTES); it is not read",
		    DOCX_PART " 解压后超过 64 MiB 上限（PB_MAX_ZIP_ENTRY_BYTES），"
		    "未读取");
	zip_fclose(zf);
	zip_discard(za);
	if (n < 0 || total > cap) {
		free(buf);
		return -1;
	}
	buf[total] = '\0';
	*out = buf;
	*outlen = total;
	return 0;
}

/* Tells whether n is a WordprocessingML element. */
static bool
is_w_element(const xmlNode *n)
{
	const char *href;

	if (n == NULL || n->type != XML_ELEMENT_NODE || n->ns == NULL ||
	    n->ns->href == NULL)
		return false;
	href = (const char *)n->ns->href;
	return strcmp(href, W_NS) == 0 || strcmp(href, W_NS_STRICT) == 0;
}

/* Tells whether n is the WordprocessingML element w:name. */
static bool
is_w(const xmlNode *n, const char *name)
{
	return is_w_element(n) && strcmp((const char *)n->name, name) == 0;
}

/* The first child w:name of n, or NULL. */
static xmlNode *
child(xmlNode *n, const char *name)
{
	xmlNode *c;

	if (n == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = c->next)
		if (is_w(c, name))
			return c;
	return NULL;
}

/*
 * The element whose children are n's content when n only wraps content
 * (a content control, custom XML, a smart tag), else NULL. A wrapper does
 * not change where its content belongs: around a row it holds rows, around
 * a cell cells.
 */
static xmlNode *
wrapped(xmlNode *n)
{
	if (is_w(n, "sdt"))
		return child(n, "sdtContent");
	if (is_w(n, "customXml") || is_w(n, "smartTag"))
		return n;
	return NULL;
}

/* The w:val of n, copied, or NULL; the attribute is in n's namespace. */
static char *
val_of(xmlNode *n)
{
	xmlChar *v;
	char *s;

	if (n == NULL || (v = xmlGetNsProp(n, BAD_CAST "val", n->ns->href)) ==
	    NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The w:val of n as a number in [lo, hi], or def when absent or not one. */
static int
int_val(xmlNode *n, int def, int lo, int hi)
{
	char *s = val_of(n), *end;
	long v;

	if (s == NULL)
		return def;
	v = strtol(s, &end, 10);
	if (end == s || *end != '\0')
		v = def;
	free(s);
	return v < lo ? lo : v > hi ? hi : (int)v;
}

/* Appends the character data of n, leaving entity references unexpanded. */
static void
add_text(xmlNode *n, struct strbuf *b)
{
	xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
			strbuf_puts(b, (const char *)c->content);
}

/*
 * Appends what a run shows. Field instructions (w:instrText), deleted text
 * (w:delText), symbols (w:sym), drawings and other namespaces add nothing.
 */
static void
run_text(xmlNode *r, struct strbuf *b)
{
	xmlNode *c;

	for (c = r->children; c != NULL; c = c->next) {
		if (!is_w_element(c))
			continue;
		if (is_w(c, "t"))
			add_text(c, b);
		else if (is_w(c, "tab") || is_w(c, "ptab"))
			strbuf_putc(b, '\t');
		else if (is_w(c, "br") || is_w(c, "cr"))
			strbuf_putc(b, '\n');
		else if (is_w(c, "noBreakHyphen"))
			strbuf_putc(b, '-');
	}
}

/*
 * Appends the text of a paragraph's runs, also those in hyperlinks,
 * fields, content controls, smart tags, custom XML and tracked insertions.
 * Tracked deletions and moves away (w:del, w:moveFrom) are not the text.
 */
static void
inline_text(xmlNode *parent, struct strbuf *b)
{
	static const char *const skip[] = { "pPr", "rPr", "del", "moveFrom",
	    "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr" };
	xmlNode *c;
	size_t i;

	for (c = parent->children; c != NULL; c = c->next) {
		if (!is_w_element(c))
			continue;
		if (is_w(c, "r")) {
			run_text(c, b);
			continue;
		}
		for (i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
			if (strcmp((const char *)c->name, skip[i]) == 0)
				break;
		if (i == sizeof(skip) / sizeof(skip[0]))
			inline_text(c, b);
	}
}

/*
 * Appends the paragraphs of a cell's content, one per line, and keeps the
 * tables nested in it for later: their text is their own.
 */
static void
cell_blocks(xmlNode *parent, struct strbuf *b, bool *first,
    struct nested *nested)
{
	xmlNode *c, *content;

	for (c = parent->children; c != NULL; c = c->next) {
		if (is_w(c, "p")) {
			if (!*first)
				strbuf_putc(b, '\n');
			*first = false;
			inline_text(c, b);
		} else if (is_w(c, "tbl")) {
			nested->node = xreallocarray(nested->node,
			    nested->len + 1, sizeof(*nested->node));
			nested->node[nested->len++] = c;
		} else if ((content = wrapped(c)) != NULL)
			cell_blocks(content, b, first, nested);
	}
}

/* Adds the cell w:tc to row r at the cursor. */
static void
add_cell(struct form_row *r, xmlNode *tc, struct cursor *at,
    struct nested *nested)
{
	xmlNode *pr = child(tc, "tcPr"), *vmerge = child(pr, "vMerge");
	struct strbuf b = { NULL, 0, 0 };
	struct loc loc;
	bool first = true, merged = false;
	char *v;
	int span;

	span = int_val(child(pr, "gridSpan"), 1, 1, DOCX_MAX_COL);
	if (vmerge != NULL) {
		/* Without w:val a cell continues the merge above. */
		v = val_of(vmerge);
		merged = v == NULL || strcmp(v, "continue") == 0;
		free(v);
	}
	cell_blocks(tc, &b, &first, nested);
	loc.line = r->line;
	loc.col = ++at->number;
	loc.table = r->table;
	form_add_cell(r, merged || b.data == NULL ? "" : b.data, at->col, span,
	    merged, loc);
	strbuf_free(&b);
	at->col = at->col + span > DOCX_MAX_COL ? DOCX_MAX_COL : at->col + span;
}

/* Adds the cells among the children of parent, looking into wrappers. */
static void
row_cells(struct form_row *r, xmlNode *parent, struct cursor *at,
    struct nested *nested)
{
	xmlNode *c, *content;

	for (c = parent->children; c != NULL; c = c->next)
		if (is_w(c, "tc"))
			add_cell(r, c, at, nested);
		else if ((content = wrapped(c)) != NULL)
			row_cells(r, content, at, nested);
}

/*
 * Adds the rows among the children of parent (a table or a wrapper of
 * rows). Nested tables are only collected: adding their rows now would
 * split this table's rows in the grid.
 */
static void
table_rows(struct walk *w, xmlNode *parent, int table, struct nested *nested)
{
	xmlNode *c, *content;

	for (c = parent->children; c != NULL; c = c->next) {
		if (is_w(c, "tr")) {
			struct form_row *r;
			struct cursor at;

			r = form_add_row(w->g, table, ++w->lines);
			at.col = int_val(child(child(c, "trPr"), "gridBefore"),
			    0, 0, DOCX_MAX_COL);
			at.number = 0;
			row_cells(r, c, &at, nested);
		} else if ((content = wrapped(c)) != NULL)
			table_rows(w, content, table, nested);
	}
}

/*
 * Adds a table, then the tables nested in its cells in document order,
 * each after its parent, so that tables are numbered in the order they
 * start in the document.
 */
static void
walk_table(struct walk *w, xmlNode *tbl)
{
	struct nested nested = { NULL, 0 };
	size_t i;

	if (w->tables >= PB_MAX_TABLES) {
		w->too_many = true;
		return;
	}
	table_rows(w, tbl, ++w->tables, &nested);
	for (i = 0; i < nested.len; i++)
		walk_table(w, nested.node[i]);
	free(nested.node);
}

/* Adds the paragraphs and tables among the children of a body-level parent. */
static void
walk_blocks(struct walk *w, xmlNode *parent)
{
	xmlNode *c, *content;

	for (c = parent->children; c != NULL; c = c->next) {
		if (is_w(c, "p")) {
			struct strbuf b = { NULL, 0, 0 };
			struct form_row *r;
			struct loc loc;

			inline_text(c, &b);
			loc.line = ++w->paras;
			loc.col = 1;
			loc.table = 0;
			r = form_add_row(w->g, 0, loc.line);
			form_add_cell(r, b.data != NULL ? b.data : "", 0, 1,
			    false, loc);
			strbuf_free(&b);
		} else if (is_w(c, "tbl"))
			walk_table(w, c);
		else if ((content = wrapped(c)) != NULL)
			walk_blocks(w, content);
	}
}

/* The reason for XML that libxml2 could not parse, with its line. */
static void
why_broken(const char **en, const char **zh)
{
	const xmlError *e = xmlGetLastError();
	char detail[DETAIL_MAX];

	clip(detail, e != NULL ? e->message : NULL);
	if (e != NULL && e->line > 0) {
		snprintf(why_en_buf, sizeof(why_en_buf), "broken XML in "
		    DOCX_PART " at line %d: %s", e->line, detail);
		snprintf(why_zh_buf, sizeof(why_zh_buf), DOCX_PART " 的 XML "
		    "格式错误（第 %d 行）：%s", e->line, detail);
	} else {
		snprintf(why_en_buf, sizeof(why_en_buf), "broken XML in "
		    DOCX_PART ": %s", detail);
		snprintf(why_zh_buf, sizeof(why_zh_buf), DOCX_PART " 的 XML "
		    "格式错误：%s", detail);
	}
	why_formatted(en, zh);
}

int
docx_grid(const char *bytes, size_t len, struct form_grid *g,
    const char **why_en, const char **why_zh)
{
	struct walk w = { g, 0, 0, 0, false };
	xmlDoc *doc;
	xmlNode *root, *body = NULL;
	char *xml;
	size_t xlen;

	why(why_en, why_zh, NULL, NULL);
	if (unzip_document(bytes, len, &xml, &xlen, why_en, why_zh) == -1)
		return -1;

	/*
	 * Entities are neither expanded (no XML_PARSE_NOENT) nor loaded (no
	 * DTD loading, no network); libxml2 keeps its limits (no
	 * XML_PARSE_HUGE) and prints nothing.
	 */
	xmlResetLastError();
	doc = xmlReadMemory(xml, (int)xlen, NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(xml);
	if (doc == NULL) {
		why_broken(why_en, why_zh);
		xmlResetLastError();
		return -1;
	}
	xmlResetLastError();
	root = xmlDocGetRootElement(doc);
	if (is_w(root, "document"))
		body = child(root, "body");
	if (body == NULL) {
		why(why_en, why_zh, DOCX_PART " is not a WordprocessingML "
		    "document (no w:document with a w:body)", DOCX_PART
		    " 不是 WordprocessingML 文档（没有 w:document/w:body）");
		xmlFreeDoc(doc);
		return -1;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL)
		why(why_en, why_zh, DOCX_PART " has a document type "
		    "declaration (DTD), which Word never writes; its entities "
		    "are not expanded", DOCX_PART " 含有文档类型声明（DTD），Word 不会"
		    "写入；其中的实体未展开");
	walk_blocks(&w, body);
	xmlFreeDoc(doc);
	if (w.too_many) {
		snprintf(why_en_buf, sizeof(why_en_buf), "the document has "
		    "more than %d tables, the limit (PB_MAX_TABLES); the tables "
		    "after table %d are not read", PB_MAX_TABLES, PB_MAX_TABLES);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "文档中的表格超过 %d "
		    "个上限（PB_MAX_TABLES），第 %d 个之后的表格未读取",
		    PB_MAX_TABLES, PB_MAX_TABLES);
		why_formatted(why_en, why_zh);
	}
	return 0;
}

void
read_docx(const char *path, const char *bytes, size_t len,
    const struct read_sink *sink)
{
	struct form_grid g = { NULL, 0 };
	const char *en, *zh;
	int rc;

	rc = docx_grid(bytes, len, &g, &en, &zh);
	if (en != NULL) {
		struct read_diag d;

		memset(&d, 0, sizeof(d));
		d.rule = RULE_PB001;
		d.loc.line = 1;
		d.loc.col = 1;
		d.field = FIELD_COUNT;
		d.a = en;
		d.a_zh = zh;
		sink->diag(sink->ctx, &d);
	}
	if (rc == 0)
		form_read(path, &g, sink);
	form_grid_free(&g);
}
