/* Word .docx reader (SPEC 2.2): the tables and paragraphs of the main document part, streamed a table at a time into the form recogniser. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "form.h"
#include "model.h"
#include "pb_limits.h"
#include "read.h"
#include "rules.h"
#include "util.h"
#include "zipsrc.h"

/* The main document part when _rels/.rels names none, and the most read. */
#define DOCX_PART	"word/document.xml"
#define DOCX_MAX	((int)PB_MAX_ZIP_ENTRY_BYTES)
#define RELS_PART	"_rels/.rels"
#define RELS_MAX	(1024 * 1024)

/* Wider than Word ever draws; the bound keeps col + span an int. */
#define DOCX_MAX_COL	(1 << 20)

/* Paragraphs kept before they go to the recogniser without a table. */
#define PARAS_HELD	64

/* WordprocessingML as Word writes it, and in Strict Open XML. */
#define W_NS		"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT	"http://purl.oclc.org/ooxml/wordprocessingml/main"
#define REL_NS		"http://schemas.openxmlformats.org/package/2006/relationships"

/* Room for a reason with one quoted detail; the detail is clipped first. */
#define WHY_MAX		512
#define DETAIL_MAX	200

/*
 * The reasons docx_walk returns. Most are string constants; those that
 * name a size or a libxml2/libzip message are formatted here, so that the
 * caller need not free them.
 */
static _Thread_local char why_en_buf[WHY_MAX];
static _Thread_local char why_zh_buf[WHY_MAX];

/* A table being read, with the tables nested in its cells. */
struct tbl {
	struct form_grid g;		/* its rows; lines set when emitted */
	struct tbl	**nested;
	size_t		 nnested;
	int		 number;
};

/* Streams the main part out of the zip to libxml2, within its limit. */
struct part_io {
	zip_file_t	*zf;
	unsigned long long total, limit;
	bool		 announced;	/* limit is the size zip announced */
	bool		 zip_error;
};

/* The walk over the document, and where its rows go. */
struct docx {
	xmlTextReaderPtr r;
	struct part_io	 io;
	const char	*part;		/* the main part's name */
	int		 tables;	/* tables numbered so far */
	bool		 too_many;	/* tables past PB_MAX_TABLES, passed */
	int		 rows_cut;	/* the first table cut at PB_MAX_TABLE_ROWS */
	int		 lines;		/* table rows so far (SPEC 2.3) */
	int		 paras;		/* body paragraphs so far */
	bool		 dtd;		/* a document type declaration */
	/* The node's local name if a w: element, looked up once per node. */
	bool		 known;
	const char	*w_local;
	/* Rows not yet handed on: paragraphs, then a table and its nested. */
	struct form_grid pending;
	size_t		 pending_cap;
	/* Where they go: the recogniser, or one grid (docx_grid). */
	struct form_reader *fr;
	const struct read_sink *sink;	/* for the DTD note, with fr */
	struct form_grid *whole;
	size_t		 whole_cap;
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
why_unreadable(const char **en, const char **zh, const char *part,
    const char *zip_message)
{
	char detail[DETAIL_MAX];

	clip(detail, zip_message);
	snprintf(why_en_buf, sizeof(why_en_buf), "the zip archive is damaged: "
	    "%s cannot be read (%s)", part, detail);
	snprintf(why_zh_buf, sizeof(why_zh_buf), "zip 压缩包已损坏：无法读取 "
	    "%s（%s）", part, detail);
	why_formatted(en, zh);
}

/* Opens the zip in bytes; NULL with the reason when it is none. */
static zip_t *
open_zip(const char *bytes, size_t len, int fd, const char **en,
    const char **zh)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;

	/* libzip opens an empty file as an empty archive. */
	if (bytes != NULL && len == 0) {
		why(en, zh, "the file is not a Word document (not a zip "
		    "archive): it is empty", "文件不是 Word 文档（不是 zip "
		    "压缩包）：文件为空");
		return NULL;
	}
	zip_error_init(&ze);
	src = zipsrc_open(bytes, len, fd, &ze);
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
	}
	zip_error_fini(&ze);
	if (za != NULL && zip_get_num_entries(za, 0) > PB_MAX_ZIP_ENTRIES) {
		snprintf(why_en_buf, sizeof(why_en_buf), "the zip archive "
		    "holds %lld entries, over the limit of %d "
		    "(PB_MAX_ZIP_ENTRIES); it is not read",
		    (long long)zip_get_num_entries(za, 0), PB_MAX_ZIP_ENTRIES);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "zip 压缩包中有 %lld "
		    "个条目，超过上限 %d（PB_MAX_ZIP_ENTRIES），未读取",
		    (long long)zip_get_num_entries(za, 0), PB_MAX_ZIP_ENTRIES);
		why_formatted(en, zh);
		zip_discard(za);
		return NULL;
	}
	return za;
}

/* Tells whether a relationship type is the main document's. */
static bool
is_main_type(const char *type)
{
	static const char kind[] = "/officeDocument";
	size_t n = type != NULL ? strlen(type) : 0, k = strlen(kind);

	return n > k && strcmp(type + n - k, kind) == 0;
}

/*
 * The main document part named in _rels/.rels (SPEC 2.2), or NULL when
 * the package has no such relationships part or it names none, readable.
 */
static char *
main_part(zip_t *za)
{
	zip_stat_t st;
	zip_file_t *zf;
	zip_int64_t idx, n;
	xmlTextReaderPtr r;
	char *buf, *found = NULL;
	size_t total = 0;

	idx = zip_name_locate(za, RELS_PART, ZIP_FL_NOCASE);
	zip_stat_init(&st);
	if (idx < 0 || zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || st.size > RELS_MAX ||
	    (zf = zip_fopen_index(za, (zip_uint64_t)idx, 0)) == NULL)
		return NULL;
	buf = xmalloc((size_t)st.size + 1);
	while (total < st.size && (n = zip_fread(zf, buf + total,
	    st.size - total)) > 0)
		total += (size_t)n;
	zip_fclose(zf);
	r = xmlReaderForMemory(buf, (int)total, NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	while (r != NULL && found == NULL && xmlTextReaderRead(r) == 1) {
		const char *ln = (const char *)xmlTextReaderConstLocalName(r);
		const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
		xmlChar *type, *target, *mode;

		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
		    ln == NULL || strcmp(ln, "Relationship") != 0 ||
		    ns == NULL || strcmp(ns, REL_NS) != 0)
			continue;
		type = xmlTextReaderGetAttribute(r, BAD_CAST "Type");
		target = xmlTextReaderGetAttribute(r, BAD_CAST "Target");
		mode = xmlTextReaderGetAttribute(r, BAD_CAST "TargetMode");
		if (is_main_type((const char *)type) && target != NULL &&
		    (mode == NULL || strcmp((const char *)mode, "External") != 0))
			found = zipsrc_resolve("", (const char *)target);
		xmlFree(type);
		xmlFree(target);
		xmlFree(mode);
	}
	xmlFreeTextReader(r);
	xmlResetLastError();
	free(buf);
	if (found != NULL && found[0] == '\0') {
		free(found);
		found = NULL;
	}
	return found;
}

/* Hands libxml2 the next piece of the part, never past its limit. */
static int
part_read(void *ctx, char *buf, int len)
{
	struct part_io *io = ctx;
	zip_int64_t n;

	if (io->zip_error)
		return -1;
	n = zip_fread(io->zf, buf, (zip_uint64_t)len);
	if (n < 0) {
		io->zip_error = true;
		return -1;
	}
	io->total += (unsigned long long)n;
	/* One byte more than allowed tells that more came than announced. */
	if (io->total > io->limit)
		return -1;
	return (int)n;
}

static int
part_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/*
 * Opens the main part of the zip for streaming into d->r. No more than
 * DOCX_MAX bytes, and no more than the zip announces, are ever read.
 */
static int
open_part(struct docx *d, zip_t *za, const char **en, const char **zh)
{
	zip_stat_t st;
	zip_int64_t idx;

	/* Part names of a package compare without case (OPC). */
	idx = zip_name_locate(za, d->part, ZIP_FL_NOCASE);
	if (idx < 0) {
		snprintf(why_en_buf, sizeof(why_en_buf), "the file is not a "
		    "Word document: the zip archive holds no %s", d->part);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "文件不是 Word 文档："
		    "zip 压缩包中没有 %s", d->part);
		why_formatted(en, zh);
		return -1;
	}
	zip_stat_init(&st);
	if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0) {
		why_unreadable(en, zh, d->part, zip_strerror(za));
		return -1;
	}
	d->io.announced = (st.valid & ZIP_STAT_SIZE) != 0;
	if (d->io.announced && st.size > DOCX_MAX) {
		snprintf(why_en_buf, sizeof(why_en_buf), "%s is %llu bytes "
		    "uncompressed, over the limit of %d bytes (64 MiB, "
		    "PB_MAX_ZIP_ENTRY_BYTES); it is not read", d->part,
		    (unsigned long long)st.size, DOCX_MAX);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "%s 解压后为 %llu "
		    "字节，超过上限 %d 字节（64 MiB，PB_MAX_ZIP_ENTRY_BYTES），"
		    "未读取", d->part, (unsigned long long)st.size, DOCX_MAX);
		why_formatted(en, zh);
		return -1;
	}
	if (d->io.announced && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size > PB_ZIP_RATIO_MIN_BYTES &&
	    st.size / (st.comp_size > 0 ? st.comp_size : 1) >
	    PB_MAX_ZIP_RATIO) {
		unsigned long long ratio = st.size / (st.comp_size > 0 ?
		    st.comp_size : 1);

		snprintf(why_en_buf, sizeof(why_en_buf), "%s expands %llu "
		    "times (%llu bytes to %llu), over the limit of %d "
		    "(PB_MAX_ZIP_RATIO): a zip bomb; it is not read", d->part,
		    ratio, (unsigned long long)st.comp_size,
		    (unsigned long long)st.size, PB_MAX_ZIP_RATIO);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "%s 解压后膨胀 %llu "
		    "倍（%llu 字节变为 %llu 字节），超过上限 %d 倍"
		    "（PB_MAX_ZIP_RATIO），是 zip 炸弹，未读取", d->part, ratio,
		    (unsigned long long)st.comp_size,
		    (unsigned long long)st.size, PB_MAX_ZIP_RATIO);
		why_formatted(en, zh);
		return -1;
	}
	d->io.limit = d->io.announced ? st.size : DOCX_MAX;
	if ((d->io.zf = zip_fopen_index(za, (zip_uint64_t)idx, 0)) == NULL) {
		why_unreadable(en, zh, d->part, zip_strerror(za));
		return -1;
	}
	/*
	 * Entities are neither expanded (no XML_PARSE_NOENT) nor loaded (no
	 * DTD loading, no network); libxml2 keeps its limits (no
	 * XML_PARSE_HUGE) and prints nothing.
	 */
	xmlResetLastError();
	d->r = xmlReaderForIO(part_read, part_close, &d->io, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (d->r == NULL) {
		snprintf(why_en_buf, sizeof(why_en_buf), "%s cannot be parsed",
		    d->part);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "%s 无法解析", d->part);
		why_formatted(en, zh);
		return -1;
	}
	return 0;
}

/* Why the walk stopped short: the zip, the limit or libxml2. */
static void
why_stopped(const struct docx *d, const char **en, const char **zh)
{
	const xmlError *e;
	char detail[DETAIL_MAX];

	if (d->io.zip_error) {
		why_unreadable(en, zh, d->part, zip_file_strerror(d->io.zf));
		return;
	}
	if (d->io.total > d->io.limit && d->io.announced) {
		snprintf(why_en_buf, sizeof(why_en_buf), "the zip archive is "
		    "damaged: %s holds more than the %llu bytes its header "
		    "announces; it is not read", d->part, d->io.limit);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "zip 压缩包已损坏："
		    "%s 的内容超过文件头声明的 %llu 字节，未读取", d->part,
		    d->io.limit);
		why_formatted(en, zh);
		return;
	}
	if (d->io.total > d->io.limit) {
		snprintf(why_en_buf, sizeof(why_en_buf), "%s is over the limit "
		    "of 64 MiB uncompressed (PB_MAX_ZIP_ENTRY_BYTES); it is not "
		    "read", d->part);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "%s 解压后超过 64 MiB "
		    "上限（PB_MAX_ZIP_ENTRY_BYTES），未读取", d->part);
		why_formatted(en, zh);
		return;
	}
	e = xmlGetLastError();
	clip(detail, e != NULL ? e->message : "not well-formed");
	if (e != NULL && e->line > 0) {
		snprintf(why_en_buf, sizeof(why_en_buf), "broken XML in %s at "
		    "line %d: %s", d->part, e->line, detail);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "%s 的 XML 格式错误"
		    "（第 %d 行）：%s", d->part, e->line, detail);
	} else {
		snprintf(why_en_buf, sizeof(why_en_buf), "broken XML in %s: %s",
		    d->part, detail);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "%s 的 XML 格式错误："
		    "%s", d->part, detail);
	}
	why_formatted(en, zh);
}

/* The note on a document type declaration, read despite it. */
static void
why_dtd(const struct docx *d, const char **en, const char **zh)
{
	snprintf(why_en_buf, sizeof(why_en_buf), "%s has a document type "
	    "declaration (DTD), which Word never writes; its entities are "
	    "not expanded", d->part);
	snprintf(why_zh_buf, sizeof(why_zh_buf), "%s 含有文档类型声明（DTD），"
	    "Word 不会写入；其中的实体未展开", d->part);
	why_formatted(en, zh);
}

/* The next node: 1, or 0 at the end, or -1 on an error. */
static int
step(struct docx *d)
{
	int rc = xmlTextReaderRead(d->r);

	d->known = false;
	if (rc == 1 && xmlTextReaderNodeType(d->r) ==
	    XML_READER_TYPE_DOCUMENT_TYPE)
		d->dtd = true;
	return rc;
}

/*
 * The local name of the WordprocessingML element the reader is on, or
 * NULL; the handlers ask several times per node, libxml2 looks it up once.
 */
static const char *
w_local(struct docx *d)
{
	const char *ns;

	if (d->known)
		return d->w_local;
	d->known = true;
	d->w_local = NULL;
	if (xmlTextReaderNodeType(d->r) != XML_READER_TYPE_ELEMENT)
		return NULL;
	ns = (const char *)xmlTextReaderConstNamespaceUri(d->r);
	if (ns != NULL && (strcmp(ns, W_NS) == 0 ||
	    strcmp(ns, W_NS_STRICT) == 0))
		d->w_local = (const char *)xmlTextReaderConstLocalName(d->r);
	return d->w_local;
}

/* Tells whether the reader is on a WordprocessingML element. */
static bool
at_w_element(struct docx *d)
{
	return w_local(d) != NULL;
}

/* Tells whether the reader is on the WordprocessingML element w:name. */
static bool
at_w(struct docx *d, const char *name)
{
	const char *ln = w_local(d);

	return ln != NULL && strcmp(ln, name) == 0;
}

/*
 * The handlers below are called on an element's start and read up to its
 * end, so that the next node read is the one after it.
 */
typedef int (*child_fn)(struct docx *, void *);

/*
 * Calls fn on each child element of the element the reader is on; other
 * nodes are passed. Returns -1 when the document broke off.
 */
static int
children(struct docx *d, child_fn fn, void *arg)
{
	int depth, rc;

	if (xmlTextReaderIsEmptyElement(d->r))
		return 0;
	depth = xmlTextReaderDepth(d->r);
	while ((rc = step(d)) == 1) {
		int type = xmlTextReaderNodeType(d->r);

		if (type == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(d->r) == depth)
			return 0;
		if (type == XML_READER_TYPE_ELEMENT && fn(d, arg) == -1)
			return -1;
	}
	return -1;
}

/* Passes over an element and everything in it. */
static int
skip_one(struct docx *d, void *arg)
{
	return children(d, skip_one, arg);
}

static int
skip(struct docx *d)
{
	return skip_one(d, NULL);
}

/* A content control: only its first w:sdtContent is content. */
struct sdt {
	child_fn	 fn;
	void		*arg;
	bool		 seen;
};

static int
sdt_child(struct docx *d, void *arg)
{
	struct sdt *s = arg;

	if (!s->seen && at_w(d, "sdtContent")) {
		s->seen = true;
		return children(d, s->fn, s->arg);
	}
	return skip(d);
}

/*
 * When the reader is on an element that only wraps content (a content
 * control, custom XML, a smart tag), calls fn on the content and returns
 * 1 (-1 on an error); else 0. A wrapper does not change where its content
 * belongs: around a row it holds rows, around a cell cells.
 */
static int
wrapper(struct docx *d, child_fn fn, void *arg)
{
	if (at_w(d, "sdt")) {
		struct sdt s = { fn, arg, false };

		return children(d, sdt_child, &s) == -1 ? -1 : 1;
	}
	if (at_w(d, "customXml") || at_w(d, "smartTag"))
		return children(d, fn, arg) == -1 ? -1 : 1;
	return 0;
}

/* The w:val of the element the reader is on, copied, or NULL. */
static char *
val_of(struct docx *d)
{
	xmlChar *v = xmlTextReaderGetAttributeNs(d->r, BAD_CAST "val",
	    xmlTextReaderConstNamespaceUri(d->r));
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The w:val as a number in [lo, hi], or def when absent or not one. */
static int
int_val(struct docx *d, int def, int lo, int hi)
{
	char *s = val_of(d), *end;
	long v;

	if (s == NULL)
		return def;
	v = strtol(s, &end, 10);
	if (end == s || *end != '\0')
		v = def;
	free(s);
	return v < lo ? lo : v > hi ? hi : (int)v;
}

/*
 * Appends the character data of w:t, leaving entity references
 * unexpanded; text inside a child element is not its own.
 */
static int
add_text(struct docx *d, struct strbuf *b)
{
	int depth, rc;

	if (xmlTextReaderIsEmptyElement(d->r))
		return 0;
	depth = xmlTextReaderDepth(d->r);
	while ((rc = step(d)) == 1) {
		const char *v;

		switch (xmlTextReaderNodeType(d->r)) {
		case XML_READER_TYPE_END_ELEMENT:
			if (xmlTextReaderDepth(d->r) == depth)
				return 0;
			break;
		case XML_READER_TYPE_ELEMENT:
			if (skip(d) == -1)
				return -1;
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			if ((v = (const char *)xmlTextReaderConstValue(d->r)) !=
			    NULL)
				strbuf_puts(b, v);
			break;
		default:
			break;
		}
	}
	return -1;
}

/*
 * What a run shows. Field instructions (w:instrText), deleted text
 * (w:delText), symbols (w:sym), drawings and other namespaces add nothing.
 */
static int
run_child(struct docx *d, void *arg)
{
	struct strbuf *b = arg;

	if (at_w(d, "t"))
		return add_text(d, b);
	if (at_w(d, "tab") || at_w(d, "ptab"))
		strbuf_putc(b, '\t');
	else if (at_w(d, "br") || at_w(d, "cr"))
		strbuf_putc(b, '\n');
	else if (at_w(d, "noBreakHyphen"))
		strbuf_putc(b, '-');
	return skip(d);
}

/*
 * The text of a paragraph's runs, also those in hyperlinks, fields,
 * content controls, smart tags, custom XML and tracked insertions.
 * Tracked deletions and moves away (w:del, w:moveFrom) are not the text.
 */
static int
inline_child(struct docx *d, void *arg)
{
	static const char *const passed[] = { "pPr", "rPr", "del", "moveFrom",
	    "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr" };
	size_t i;

	if (!at_w_element(d))
		return skip(d);
	if (at_w(d, "r"))
		return children(d, run_child, arg);
	for (i = 0; i < sizeof(passed) / sizeof(passed[0]); i++)
		if (at_w(d, passed[i]))
			return skip(d);
	return children(d, inline_child, arg);
}

static struct tbl *
tbl_new(struct docx *d)
{
	struct tbl *t = xcalloc(1, sizeof(*t));

	t->number = ++d->tables;
	return t;
}

static void
tbl_free(struct tbl *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nnested; i++)
		tbl_free(t->nested[i]);
	free(t->nested);
	form_grid_free(&t->g);
	free(t);
}

static int	table(struct docx *, struct tbl *);

/* A cell being read: its text, its properties, its table. */
struct cell {
	struct strbuf	 b;
	bool		 first;		/* no paragraph yet */
	bool		 pr;		/* its w:tcPr was read */
	bool		 merged;
	int		 span;
	struct tbl	*t;
};

/*
 * The paragraphs of a cell's content, one per line; the tables nested in
 * it are read as tables of their own, after its table (their text is
 * theirs).
 */
static int
cell_child(struct docx *d, void *arg)
{
	struct cell *c = arg;
	int rc;

	if (at_w(d, "p")) {
		if (!c->first)
			strbuf_putc(&c->b, '\n');
		c->first = false;
		return children(d, inline_child, &c->b);
	}
	if (at_w(d, "tbl") && d->tables >= PB_MAX_TABLES) {
		d->too_many = true;
		return skip(d);
	}
	if (at_w(d, "tbl")) {
		struct tbl *n = tbl_new(d);

		c->t->nested = xreallocarray(c->t->nested, c->t->nnested + 1,
		    sizeof(*c->t->nested));
		c->t->nested[c->t->nnested++] = n;
		return table(d, n);
	}
	if ((rc = wrapper(d, cell_child, arg)) != 0)
		return rc == -1 ? -1 : 0;
	return skip(d);
}

/* The span and the vertical merge among a cell's properties. */
static int
tcpr_child(struct docx *d, void *arg)
{
	struct cell *c = arg;
	char *v;

	if (at_w(d, "gridSpan") && c->span == 0)
		c->span = int_val(d, 1, 1, DOCX_MAX_COL);
	else if (at_w(d, "vMerge") && !c->merged) {
		/* Without w:val a cell continues the merge above. */
		v = val_of(d);
		c->merged = v == NULL || strcmp(v, "continue") == 0;
		free(v);
	}
	return skip(d);
}

static int
tc_child(struct docx *d, void *arg)
{
	struct cell *c = arg;

	if (at_w(d, "tcPr") && !c->pr) {
		c->pr = true;
		return children(d, tcpr_child, c);
	}
	return cell_child(d, arg);
}

/* A row being read: its cells come as they end. */
struct row {
	struct tbl	*t;
	size_t		 index;		/* in t's grid */
	bool		 pr;		/* its w:trPr was read */
	bool		 before_read;
	int		 before;	/* w:gridBefore */
	int		 number;	/* w:tc elements so far */
};

static int
trpr_child(struct docx *d, void *arg)
{
	struct row *w = arg;

	if (at_w(d, "gridBefore") && !w->before_read) {
		w->before_read = true;
		w->before = int_val(d, 0, 0, DOCX_MAX_COL);
	}
	return skip(d);
}

/* Adds the cell w:tc the reader is on to the row. */
static int
add_cell(struct docx *d, struct row *w)
{
	struct cell c;
	struct loc loc;

	memset(&c, 0, sizeof(c));
	c.first = true;
	c.t = w->t;
	if (children(d, tc_child, &c) == -1) {
		strbuf_free(&c.b);
		return -1;
	}
	loc.line = 0;			/* set when the table is emitted */
	loc.col = ++w->number;
	loc.table = w->t->number;
	form_add_cell(&w->t->g.rows[w->index],
	    c.merged || c.b.data == NULL ? "" : c.b.data, 0,
	    c.span > 0 ? c.span : 1, c.merged, loc);
	strbuf_free(&c.b);
	return 0;
}

/* The cells among a row's children, looking into wrappers. */
static int
row_child(struct docx *d, void *arg)
{
	int rc;

	if (at_w(d, "tc"))
		return add_cell(d, arg);
	if ((rc = wrapper(d, row_child, arg)) != 0)
		return rc == -1 ? -1 : 0;
	return skip(d);
}

static int
tr_child(struct docx *d, void *arg)
{
	struct row *w = arg;

	if (at_w(d, "trPr") && !w->pr) {
		w->pr = true;
		return children(d, trpr_child, w);
	}
	return row_child(d, arg);
}

/*
 * The rows among a table's children, looking into wrappers. A row's
 * cells are placed on the grid when it ends, after w:gridBefore.
 */
static int
table_child(struct docx *d, void *arg)
{
	struct tbl *t = arg;
	int rc;

	if (at_w(d, "tr") && t->g.nrows >= PB_MAX_TABLE_ROWS) {
		if (d->rows_cut == 0)
			d->rows_cut = t->number;
		return skip(d);
	}
	if (at_w(d, "tr")) {
		struct row w;
		struct form_row *r;
		size_t i;
		int col;

		memset(&w, 0, sizeof(w));
		w.t = t;
		w.index = t->g.nrows;
		form_add_row(&t->g, t->number, 0);
		if (children(d, tr_child, &w) == -1)
			return -1;
		r = &t->g.rows[w.index];
		col = w.before;
		for (i = 0; i < r->ncells; i++) {
			r->cells[i].col = col;
			col = col + r->cells[i].span > DOCX_MAX_COL ?
			    DOCX_MAX_COL : col + r->cells[i].span;
		}
		return 0;
	}
	if ((rc = wrapper(d, table_child, arg)) != 0)
		return rc == -1 ? -1 : 0;
	return skip(d);
}

static int
table(struct docx *d, struct tbl *t)
{
	return children(d, table_child, t);
}

/* Appends row r to the rows not yet handed on, taking its cells. */
static void
pending_add(struct docx *d, const struct form_row *r)
{
	if (d->pending.nrows == d->pending_cap) {
		d->pending_cap = d->pending_cap == 0 ? 64 : 2 * d->pending_cap;
		d->pending.rows = xreallocarray(d->pending.rows,
		    d->pending_cap, sizeof(*d->pending.rows));
	}
	d->pending.rows[d->pending.nrows++] = *r;
}

/*
 * Numbers a table's rows and moves them to the rows not yet handed on,
 * then its nested tables', each after its parent: tables are numbered in
 * the order they start in the document, rows in the order they are read.
 */
static void
emit(struct docx *d, struct tbl *t)
{
	size_t i, j;

	for (i = 0; i < t->g.nrows; i++) {
		struct form_row *r = &t->g.rows[i];

		r->line = ++d->lines;
		for (j = 0; j < r->ncells; j++)
			r->cells[j].loc.line = r->line;
		pending_add(d, r);
	}
	free(t->g.rows);
	t->g.rows = NULL;
	t->g.nrows = 0;
	for (i = 0; i < t->nnested; i++)
		emit(d, t->nested[i]);
}

/* Hands the rows not yet handed on to the recogniser or the grid. */
static void
flush(struct docx *d)
{
	if (d->pending.nrows == 0)
		return;
	if (d->fr != NULL) {
		form_reader_table(d->fr, &d->pending);
		form_grid_free(&d->pending);
	} else {
		struct form_grid *w = d->whole;

		if (w->nrows + d->pending.nrows > d->whole_cap) {
			while (w->nrows + d->pending.nrows > d->whole_cap)
				d->whole_cap = d->whole_cap == 0 ? 64 :
				    2 * d->whole_cap;
			w->rows = xreallocarray(w->rows, d->whole_cap,
			    sizeof(*w->rows));
		}
		memcpy(w->rows + w->nrows, d->pending.rows,
		    d->pending.nrows * sizeof(*w->rows));
		w->nrows += d->pending.nrows;
		free(d->pending.rows);
		memset(&d->pending, 0, sizeof(d->pending));
	}
	d->pending_cap = 0;
}

/* The paragraphs and tables among the children of a body-level element. */
static int
body_child(struct docx *d, void *arg)
{
	int rc;

	if (at_w(d, "p")) {
		struct strbuf b = { NULL, 0, 0 };
		struct form_row r;
		struct loc loc;

		if (children(d, inline_child, &b) == -1) {
			strbuf_free(&b);
			return -1;
		}
		loc.line = ++d->paras;
		loc.col = 1;
		loc.table = 0;
		memset(&r, 0, sizeof(r));
		r.line = loc.line;
		form_add_cell(&r, b.data != NULL ? b.data : "", 0, 1, false,
		    loc);
		strbuf_free(&b);
		pending_add(d, &r);
		if (d->pending.nrows >= PARAS_HELD)
			flush(d);
		return 0;
	}
	if (at_w(d, "tbl") && d->tables >= PB_MAX_TABLES) {
		d->too_many = true;
		return skip(d);
	}
	if (at_w(d, "tbl")) {
		struct tbl *t = tbl_new(d);

		rc = table(d, t);
		if (rc == 0) {
			emit(d, t);
			flush(d);
		}
		tbl_free(t);
		return rc;
	}
	if ((rc = wrapper(d, body_child, arg)) != 0)
		return rc == -1 ? -1 : 0;
	return skip(d);
}

/* The first w:body among the document's children; the rest is passed. */
static int
document_child(struct docx *d, void *arg)
{
	bool *body = arg;

	if (!*body && at_w(d, "body")) {
		*body = true;
		return children(d, body_child, NULL);
	}
	return skip(d);
}

/*
 * Streams the main document part of the .docx in bytes to d (its fr, or
 * its whole grid): the reasons as docx_grid says. A DTD is noted to the
 * sink, when there is one, before the first row goes out.
 */
static int
docx_walk(struct docx *d, const char *bytes, size_t len, int fd,
    const char **en, const char **zh)
{
	zip_t *za;
	bool body = false;
	int rc;

	why(en, zh, NULL, NULL);
	if ((za = open_zip(bytes, len, fd, en, zh)) == NULL)
		return -1;
	if ((d->part = main_part(za)) == NULL)
		d->part = xstrdup(DOCX_PART);
	if (open_part(d, za, en, zh) == -1) {
		rc = -1;
		goto out;
	}
	/* The prolog, up to the root element. */
	while ((rc = step(d)) == 1 &&
	    xmlTextReaderNodeType(d->r) != XML_READER_TYPE_ELEMENT)
		;
	if (rc == 0)
		rc = -1;	/* no root element: not well-formed */
	if (rc == 1 && d->dtd) {
		why_dtd(d, en, zh);
		if (d->sink != NULL) {
			struct read_diag diag;

			memset(&diag, 0, sizeof(diag));
			diag.rule = RULE_PB001;
			diag.loc.line = 1;
			diag.loc.col = 1;
			diag.field = FIELD_COUNT;
			diag.a = *en;
			diag.a_zh = *zh;
			d->sink->diag(d->sink->ctx, &diag);
			why(en, zh, NULL, NULL);
		}
	}
	if (rc == 1 && !at_w(d, "document")) {
		why(en, zh, NULL, NULL);
		rc = 2;
	} else if (rc == 1 && children(d, document_child, &body) == -1)
		rc = -1;
	else if (rc == 1) {
		/* What follows the root may still be broken. */
		while ((rc = step(d)) == 1)
			;
		if (rc == 0 && !body)
			rc = 2;
	}
	if (rc == 2) {
		snprintf(why_en_buf, sizeof(why_en_buf), "%s is not a "
		    "WordprocessingML document (no w:document with a w:body)",
		    d->part);
		snprintf(why_zh_buf, sizeof(why_zh_buf), "%s 不是 "
		    "WordprocessingML 文档（没有 w:document/w:body）", d->part);
		why_formatted(en, zh);
		rc = -1;
	} else if (rc != 0) {
		why_stopped(d, en, zh);
		rc = -1;
	} else {
		flush(d);
		if (d->too_many) {
			snprintf(why_en_buf, sizeof(why_en_buf), "the document "
			    "has more than %d tables, the limit "
			    "(PB_MAX_TABLES); the tables after table %d are "
			    "not read", PB_MAX_TABLES, PB_MAX_TABLES);
			snprintf(why_zh_buf, sizeof(why_zh_buf), "文档中的表格"
			    "超过 %d 个上限（PB_MAX_TABLES），第 %d 个之后的"
			    "表格未读取", PB_MAX_TABLES, PB_MAX_TABLES);
			why_formatted(en, zh);
		} else if (d->rows_cut > 0) {
			snprintf(why_en_buf, sizeof(why_en_buf), "table %d has "
			    "more than %d rows, the limit (PB_MAX_TABLE_ROWS); "
			    "its rows after row %d are not read", d->rows_cut,
			    PB_MAX_TABLE_ROWS, PB_MAX_TABLE_ROWS);
			snprintf(why_zh_buf, sizeof(why_zh_buf), "第 %d 个表格"
			    "超过 %d 行上限（PB_MAX_TABLE_ROWS），第 %d 行之后"
			    "的行未读取", d->rows_cut, PB_MAX_TABLE_ROWS,
			    PB_MAX_TABLE_ROWS);
			why_formatted(en, zh);
		}
	}
out:
	xmlFreeTextReader(d->r);
	d->r = NULL;
	if (d->io.zf != NULL)
		zip_fclose(d->io.zf);
	xmlResetLastError();
	zip_discard(za);
	form_grid_free(&d->pending);
	free((char *)d->part);
	d->part = NULL;
	return rc;
}

int
docx_grid(const char *bytes, size_t len, struct form_grid *g,
    const char **why_en, const char **why_zh)
{
	struct docx d;

	memset(&d, 0, sizeof(d));
	d.whole = g;
	if (docx_walk(&d, bytes, len, -1, why_en, why_zh) == -1) {
		form_grid_free(g);
		return -1;
	}
	return 0;
}

void
read_init(void)
{
	/* libxml2 sets up its global tables here, once, not racing in the
	 * first parse of each thread. */
	xmlInitParser();
}

static void
read_docx_from(const char *path, const char *bytes, size_t len, int fd,
    const struct read_sink *sink)
{
	struct docx d;
	const char *en, *zh;
	int rc;

	memset(&d, 0, sizeof(d));
	d.fr = form_reader_new(path, sink);
	d.sink = sink;
	rc = docx_walk(&d, bytes, len, fd, &en, &zh);
	if (en != NULL) {
		struct read_diag diag;

		memset(&diag, 0, sizeof(diag));
		diag.rule = RULE_PB001;
		diag.loc.line = 1;
		diag.loc.col = 1;
		diag.field = FIELD_COUNT;
		diag.a = en;
		diag.a_zh = zh;
		sink->diag(sink->ctx, &diag);
	}
	if (rc == 0)
		form_reader_end(d.fr);
	else
		form_reader_abort(d.fr);
}

void
read_docx(const char *path, const char *bytes, size_t len,
    const struct read_sink *sink)
{
	read_docx_from(path, bytes, len, -1, sink);
}

void
read_docx_file(const char *path, int fd, const struct read_sink *sink)
{
	read_docx_from(path, NULL, 0, fd, sink);
}
