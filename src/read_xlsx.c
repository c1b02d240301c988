/* Excel .xlsx reader (SPEC 2.2, 2.3): each worksheet streamed row by row into the table reader. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "model.h"
#include "pb_limits.h"
#include "read.h"
#include "rules.h"
#include "util.h"
#include "zipsrc.h"

/*
 * Parts read whole into memory (shared strings, styles, the workbook and
 * relationships) may hold no more than the .docx limit. Worksheets are
 * streamed, so memory does not grow with them; their limit only bounds
 * the time a zip bomb could cost.
 */
#define XLSX_PART_MAX	PB_MAX_ZIP_ENTRY_BYTES
#define XLSX_SHEET_MAX	PB_MAX_SHEET_BYTES

/* The largest sheet Excel has: XFD1048576. */
#define XLSX_MAX_COL	16384
#define XLSX_MAX_ROW	1048576

/* Merged ranges of one sheet: they are held whole while it is read. */
#define XLSX_MAX_MERGES	65536

#define S_NS		"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define S_NS_STRICT	"http://purl.oclc.org/ooxml/spreadsheetml/main"
#define REL_NS		"http://schemas.openxmlformats.org/package/2006/relationships"
#define R_NS		"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define R_NS_STRICT	"http://purl.oclc.org/ooxml/officeDocument/relationships"

#define WHY_MAX		512
#define DETAIL_MAX	200

/* How a cell's number is shown, from its style's number format. */
enum xlsx_shown {
	SHOWN_NUMBER,
	SHOWN_PERCENT,
	SHOWN_DATE,
	SHOWN_TIME,
	SHOWN_DATETIME
};

/* A merged range, 1-based and inclusive. */
struct merge {
	int	top, left, bottom, right;
};

struct sheet {
	char	*name;
	char	*part;		/* zip entry name, or NULL: not a worksheet */
};

struct workbook {
	zip_t		*za;
	char		 why_en[WHY_MAX];
	char		 why_zh[WHY_MAX];
	struct loc	 where;
	/* The workbook part and what it names. */
	struct sheet	*sheets;
	size_t		 nsheets;
	bool		 too_many;	/* sheets past PB_MAX_SHEETS */
	char		*sst_part;
	char		*styles_part;
	bool		 date1904;
	char		**sst;
	size_t		 nsst;
	unsigned char	*xf;		/* enum xlsx_shown by cellXfs index */
	size_t		 nxf;
};

/* libxml2 reads a part through this, straight out of libzip. */
struct part_io {
	zip_file_t	*zf;
	long long	 limit;
	long long	 total;
	int		 err;		/* 0, or a PART_* below */
};

enum { PART_OK, PART_TOO_BIG, PART_ZIP };

/* A sheet being streamed. */
struct sheet_read {
	struct workbook		*wb;
	const struct xlsx_sink	*s;
	int			 number;
	const char		*name;
	struct merge		*merges;
	size_t			 nmerges;
	size_t			 next;		/* first merge not yet active */
	size_t			*active;
	size_t			 nactive;
	/* The row being read: cells by column, NULL for none. */
	char			**cells;
	size_t			 ncells;	/* columns used: last + 1 */
	int			 row;
	int			 col;		/* last column read in the row */
};

static void
why(struct workbook *wb, int line, int col, const char *en, const char *zh)
{
	snprintf(wb->why_en, sizeof(wb->why_en), "%s", en);
	snprintf(wb->why_zh, sizeof(wb->why_zh), "%s", zh);
	wb->where.line = line;
	wb->where.col = col;
}

/* Copies the first line of a library's message, at most DETAIL_MAX - 1 bytes. */
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

/* The column letters of a 1-based column number (at most 3 and a NUL). */
void
xlsx_column_name(int col, char out[4])
{
	char tmp[4];
	int n = 0, i;

	if (col < 1 || col > XLSX_MAX_COL) {
		strcpy(out, "?");
		return;
	}
	while (col > 0) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/*
 * Parses a cell reference such as "B7" (a "$" is not allowed in a cell's
 * r). Returns 0, or -1 when it is malformed or beyond XFD1048576.
 */
int
xlsx_parse_ref(const char *s, int *row, int *col)
{
	long r = 0;
	int c = 0, letters = 0, digits = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++)
		if (++letters > 3 || (c = c * 26 + (*s - 'A' + 1)) >
		    XLSX_MAX_COL)
			return -1;
	if (letters == 0 || *s < '1' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++)
		if (++digits > 7 || (r = r * 10 + (*s - '0')) > XLSX_MAX_ROW)
			return -1;
	if (*s != '\0')
		return -1;
	*row = (int)r;
	*col = c;
	return 0;
}

/* Parses "A1:C3" (or "A1", one cell) into a merge; -1 if malformed. */
static int
parse_range(const char *s, struct merge *m)
{
	char first[16];
	const char *colon = strchr(s, ':');
	size_t n = colon != NULL ? (size_t)(colon - s) : strlen(s);

	if (n >= sizeof(first))
		return -1;
	memcpy(first, s, n);
	first[n] = '\0';
	if (xlsx_parse_ref(first, &m->top, &m->left) != 0)
		return -1;
	if (colon == NULL) {
		m->bottom = m->top;
		m->right = m->left;
	} else if (xlsx_parse_ref(colon + 1, &m->bottom, &m->right) != 0)
		return -1;
	return m->bottom < m->top || m->right < m->left ? -1 : 0;
}

/*
 * Writes v in plain decimal (no exponent: the value grammar has none),
 * times 10^shift, with the fewest significant digits that read back as v
 * (15, then 16, then 17), so that 39.5 is not 39.499999999999993.
 */
void
xlsx_number_text(double v, int shift, struct strbuf *b)
{
	char buf[64], digits[32], *e;
	int prec, exp, nd, i, point;

	if (!isfinite(v)) {
		strbuf_puts(b, isnan(v) ? "NaN" : v < 0 ? "-Infinity" :
		    "Infinity");
		return;
	}
	if (v == 0) {
		strbuf_putc(b, '0');
		return;
	}
	for (prec = 15; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec - 1, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	snprintf(buf, sizeof(buf), "%.*e", prec - 1, v);
	/* buf is [-]d.ddde[+-]xx: its digits, then its exponent. */
	nd = 0;
	for (e = buf; *e != 'e'; e++)
		if (*e >= '0' && *e <= '9')
			digits[nd++] = *e;
	exp = atoi(e + 1) + shift;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	if (v < 0)
		strbuf_putc(b, '-');
	/* The decimal point goes after digit number exp + 1. */
	point = exp + 1;
	if (point <= 0) {
		strbuf_puts(b, "0.");
		for (i = point; i < 0; i++)
			strbuf_putc(b, '0');
		strbuf_add(b, digits, (size_t)nd);
		return;
	}
	for (i = 0; i < point || i < nd; i++) {
		if (i == point)
			strbuf_putc(b, '.');
		strbuf_putc(b, i < nd ? digits[i] : '0');
	}
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void
civil(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A serial date as text: yyyy-mm-dd, hh:mm:ss or both. */
static void
date_text(const struct workbook *wb, double v, enum xlsx_shown shown,
    struct strbuf *b)
{
	long long days, secs;
	int y, m, d;

	if (!(v >= 0 && v < 2958466)) {	/* up to 9999-12-31 */
		xlsx_number_text(v, 0, b);
		return;
	}
	secs = llround(v * 86400.0);
	days = secs / 86400;
	secs %= 86400;
	if (shown != SHOWN_TIME) {
		/* Day 0 is 1904-01-01, or 1899-12-31 with Lotus 1-2-3's
		 * 1900-02-29 (day 60), which Excel keeps. */
		if (!wb->date1904 && days == 60)
			strbuf_puts(b, "1900-02-29");
		else {
			civil(days - (wb->date1904 ? 24107 : days > 60 ? 25569 :
			    25568), &y, &m, &d);
			strbuf_printf(b, "%04d-%02d-%02d", y, m, d);
		}
	}
	if (shown == SHOWN_TIME || shown == SHOWN_DATETIME)
		strbuf_printf(b, "%s%02lld:%02lld:%02lld",
		    shown == SHOWN_DATETIME ? " " : "", secs / 3600,
		    secs / 60 % 60, secs % 60);
}

/*
 * What a number format shows: a percentage when it holds % outside
 * quotes and brackets, a date or time when it holds their letters.
 */
static enum xlsx_shown
xlsx_format_shown(int id, const char *code)
{
	bool date = false, time = false, percent = false;
	const char *p;

	if (id == 9 || id == 10)
		return SHOWN_PERCENT;
	if (id >= 14 && id <= 17)
		return SHOWN_DATE;
	if (id >= 18 && id <= 21)
		return SHOWN_TIME;
	if (id == 22)
		return SHOWN_DATETIME;
	if (id >= 45 && id <= 47)
		return SHOWN_TIME;
	if (code == NULL || strcasecmp(code, "General") == 0)
		return SHOWN_NUMBER;
	for (p = code; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			while (p[1] != '\0' && p[1] != '"')
				p++;
			if (p[1] != '\0')
				p++;
			break;
		case '[':
			while (p[1] != '\0' && p[1] != ']')
				p++;
			break;
		case '\\': case '_': case '*':
			if (p[1] != '\0')
				p++;
			break;
		case '%':
			percent = true;
			break;
		case 'y': case 'Y': case 'd': case 'D': case 'm': case 'M':
			date = true;
			break;
		case 'h': case 'H': case 's': case 'S':
			time = true;
			break;
		default:
			break;
		}
	}
	if (percent)
		return SHOWN_PERCENT;
	if (date && time)
		return SHOWN_DATETIME;
	if (date)
		return SHOWN_DATE;
	return time ? SHOWN_TIME : SHOWN_NUMBER;
}

/* The name of a part's limit in include/pb_limits.h, for messages. */
static const char *
limit_name(long long limit)
{
	return limit == PB_MAX_SHEET_BYTES ? "PB_MAX_SHEET_BYTES" :
	    "PB_MAX_ZIP_ENTRY_BYTES";
}

/* Reads up to len bytes of a part for libxml2, within the part's limit. */
static int
part_read(void *ctx, char *buf, int len)
{
	struct part_io *io = ctx;
	zip_int64_t n;

	if (io->err != PART_OK)
		return -1;
	n = zip_fread(io->zf, buf, (zip_uint64_t)len);
	if (n < 0) {
		io->err = PART_ZIP;
		return -1;
	}
	io->total += n;
	if (io->total > io->limit) {
		io->err = PART_TOO_BIG;
		return -1;
	}
	return (int)n;
}

static int
part_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/*
 * Opens a part for streaming. Entities are neither expanded nor loaded,
 * there is no network, and libxml2 keeps its depth and size limits.
 */
static xmlTextReaderPtr
part_open(struct workbook *wb, const char *name, long long limit,
    struct part_io *io)
{
	zip_stat_t st;
	zip_int64_t idx;
	xmlTextReaderPtr r;
	char detail[DETAIL_MAX];

	memset(io, 0, sizeof(*io));
	io->limit = limit;
	/* Part names of a package compare without case (OPC). */
	idx = zip_name_locate(wb->za, name, ZIP_FL_NOCASE);
	if (idx < 0) {
		snprintf(detail, sizeof(detail), "%s", name);
		snprintf(wb->why_en, sizeof(wb->why_en), "the workbook names "
		    "the part %s, which the zip archive does not hold", detail);
		snprintf(wb->why_zh, sizeof(wb->why_zh), "工作簿引用的部件 %s "
		    "在 zip 压缩包中不存在", detail);
		return NULL;
	}
	zip_stat_init(&st);
	if (zip_stat_index(wb->za, (zip_uint64_t)idx, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE) && st.size > (zip_uint64_t)limit) {
		snprintf(wb->why_en, sizeof(wb->why_en), "%s is %llu bytes "
		    "uncompressed, over the limit of %lld bytes (%s); it is "
		    "not read", name, (unsigned long long)st.size, limit,
		    limit_name(limit));
		snprintf(wb->why_zh, sizeof(wb->why_zh), "%s 解压后为 %llu "
		    "字节，超过上限 %lld 字节（%s），未读取", name,
		    (unsigned long long)st.size, limit, limit_name(limit));
		return NULL;
	}
	if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size > PB_ZIP_RATIO_MIN_BYTES &&
	    st.size / (st.comp_size > 0 ? st.comp_size : 1) >
	    PB_MAX_ZIP_RATIO) {
		unsigned long long ratio = st.size / (st.comp_size > 0 ?
		    st.comp_size : 1);

		snprintf(wb->why_en, sizeof(wb->why_en), "%s expands %llu "
		    "times (%llu bytes to %llu), over the limit of %d "
		    "(PB_MAX_ZIP_RATIO): a zip bomb; it is not read", name,
		    ratio, (unsigned long long)st.comp_size,
		    (unsigned long long)st.size, PB_MAX_ZIP_RATIO);
		snprintf(wb->why_zh, sizeof(wb->why_zh), "%s 解压后膨胀 %llu "
		    "倍（%llu 字节变为 %llu 字节），超过上限 %d 倍"
		    "（PB_MAX_ZIP_RATIO），是 zip 炸弹，未读取", name, ratio,
		    (unsigned long long)st.comp_size,
		    (unsigned long long)st.size, PB_MAX_ZIP_RATIO);
		return NULL;
	}
	if ((io->zf = zip_fopen_index(wb->za, (zip_uint64_t)idx, 0)) == NULL) {
		clip(detail, zip_strerror(wb->za));
		snprintf(wb->why_en, sizeof(wb->why_en), "the zip archive is "
		    "damaged: %s cannot be read (%s)", name, detail);
		snprintf(wb->why_zh, sizeof(wb->why_zh), "zip 压缩包已损坏：无法"
		    "读取 %s（%s）", name, detail);
		return NULL;
	}
	xmlResetLastError();
	r = xmlReaderForIO(part_read, part_close, io, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (r == NULL) {
		zip_fclose(io->zf);
		io->zf = NULL;
		snprintf(wb->why_en, sizeof(wb->why_en), "%s cannot be parsed",
		    name);
		snprintf(wb->why_zh, sizeof(wb->why_zh), "%s 无法解析", name);
	}
	return r;
}

/* Closes a part; -1 with the reason when it ended in an error. */
static int
part_close_check(struct workbook *wb, const char *name, xmlTextReaderPtr r,
    struct part_io *io, int last)
{
	const xmlError *e = xmlGetLastError();
	char detail[DETAIL_MAX];
	int rc = 0;

	if (io->err == PART_TOO_BIG) {
		snprintf(wb->why_en, sizeof(wb->why_en), "%s is over the limit "
		    "of %lld bytes uncompressed (%s); it is not read", name,
		    io->limit, limit_name(io->limit));
		snprintf(wb->why_zh, sizeof(wb->why_zh), "%s 解压后超过 %lld "
		    "字节上限（%s），未读取", name, io->limit,
		    limit_name(io->limit));
		rc = -1;
	} else if (io->err == PART_ZIP) {
		clip(detail, zip_file_strerror(io->zf));
		snprintf(wb->why_en, sizeof(wb->why_en), "the zip archive is "
		    "damaged: %s cannot be read (%s)", name, detail);
		snprintf(wb->why_zh, sizeof(wb->why_zh), "zip 压缩包已损坏：无法"
		    "读取 %s（%s）", name, detail);
		rc = -1;
	} else if (last < 0) {
		clip(detail, e != NULL ? e->message : "not well-formed");
		snprintf(wb->why_en, sizeof(wb->why_en), "broken XML in %s at "
		    "line %d: %s", name, e != NULL ? e->line : 0, detail);
		snprintf(wb->why_zh, sizeof(wb->why_zh), "%s 的 XML 格式错误"
		    "（第 %d 行）：%s", name, e != NULL ? e->line : 0, detail);
		rc = -1;
	}
	xmlFreeTextReader(r);
	if (io->zf != NULL)
		zip_fclose(io->zf);
	xmlResetLastError();
	return rc;
}

/*
 * Steps to the next node. A document type declaration is refused: Excel
 * never writes one, and its entities are not to be trusted.
 */
static int
next_node(struct workbook *wb, xmlTextReaderPtr r, const char *name)
{
	int rc = xmlTextReaderRead(r);

	if (rc == 1 && xmlTextReaderNodeType(r) ==
	    XML_READER_TYPE_DOCUMENT_TYPE) {
		snprintf(wb->why_en, sizeof(wb->why_en), "%s has a document "
		    "type declaration (DTD), which Excel never writes; it is not "
		    "read", name);
		snprintf(wb->why_zh, sizeof(wb->why_zh), "%s 含有文档类型声明"
		    "（DTD），Excel 不会写入；未读取", name);
		return -2;
	}
	return rc;
}

/* Tells whether the reader is on an element (start) with this local name in ns. */
static bool
at_element(xmlTextReaderPtr r, const char *local, const char *ns1,
    const char *ns2)
{
	const char *ln, *ns;

	if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
		return false;
	ln = (const char *)xmlTextReaderConstLocalName(r);
	ns = (const char *)xmlTextReaderConstNamespaceUri(r);
	if (ln == NULL || strcmp(ln, local) != 0)
		return false;
	return ns1 == NULL || (ns != NULL && (strcmp(ns, ns1) == 0 ||
	    (ns2 != NULL && strcmp(ns, ns2) == 0)));
}

static bool
at_s(xmlTextReaderPtr r, const char *local)
{
	return at_element(r, local, S_NS, S_NS_STRICT);
}

/* Tells whether the reader is at the end of an element with this name. */
static bool
at_end(xmlTextReaderPtr r, const char *local)
{
	const char *ln;

	if (xmlTextReaderNodeType(r) != XML_READER_TYPE_END_ELEMENT)
		return false;
	ln = (const char *)xmlTextReaderConstLocalName(r);
	return ln != NULL && strcmp(ln, local) == 0;
}

/* An attribute without a namespace, copied, or NULL. */
static char *
attr(xmlTextReaderPtr r, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The r:id of an element, in either relationships namespace. */
static char *
attr_rid(xmlTextReaderPtr r)
{
	xmlChar *v = xmlTextReaderGetAttributeNs(r, BAD_CAST "id",
	    BAD_CAST R_NS);
	char *s;

	if (v == NULL)
		v = xmlTextReaderGetAttributeNs(r, BAD_CAST "id",
		    BAD_CAST R_NS_STRICT);
	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/*
 * Appends the text of the current element's subtree up to its end:
 * character data of t elements, phonetic runs (rPh) left out. Strings
 * may carry _xHHHH_ escapes of characters XML cannot hold.
 */
static int
string_item(struct workbook *wb, xmlTextReaderPtr r, const char *part,
    struct strbuf *b)
{
	int depth = xmlTextReaderDepth(r), rc;
	int in_t = 0, skip = -1;

	if (xmlTextReaderIsEmptyElement(r))
		return 1;
	while ((rc = next_node(wb, r, part)) == 1) {
		int type = xmlTextReaderNodeType(r), d = xmlTextReaderDepth(r);

		if (type == XML_READER_TYPE_END_ELEMENT && d == depth)
			return 1;
		if (skip >= 0) {
			if (type == XML_READER_TYPE_END_ELEMENT && d == skip)
				skip = -1;
			continue;
		}
		if (at_s(r, "rPh") && !xmlTextReaderIsEmptyElement(r))
			skip = d;
		else if (at_s(r, "t") && !xmlTextReaderIsEmptyElement(r))
			in_t++;
		else if (at_end(r, "t") && in_t > 0)
			in_t--;
		else if (in_t > 0 && (type == XML_READER_TYPE_TEXT ||
		    type == XML_READER_TYPE_CDATA ||
		    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
		    type == XML_READER_TYPE_WHITESPACE)) {
			const char *v = (const char *)xmlTextReaderConstValue(r);

			if (v != NULL)
				strbuf_puts(b, v);
		}
	}
	return rc;
}

/* Decodes _xHHHH_ (an OOXML escape) in place; _x005F_ is a literal _. */
static void
unescape(char *s)
{
	char *w = s, *p = s;

	if (strstr(s, "_x") == NULL)
		return;
	while (*p != '\0') {
		unsigned v = 0;
		int i;

		if (p[0] == '_' && p[1] == 'x') {
			for (i = 2; i < 6; i++) {
				char c = p[i];

				if (c >= '0' && c <= '9')
					v = v * 16 + (unsigned)(c - '0');
				else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
					v = v * 16 + (unsigned)((c | 0x20) -
					    'a' + 10);
				else
					break;
			}
			if (i == 6 && p[6] == '_' && v != 0) {
				/* At most 3 UTF-8 bytes for 7 input ones. */
				if (v < 0x80)
					*w++ = (char)v;
				else if (v < 0x800) {
					*w++ = (char)(0xC0 | v >> 6);
					*w++ = (char)(0x80 | (v & 0x3F));
				} else {
					*w++ = (char)(0xE0 | v >> 12);
					*w++ = (char)(0x80 | (v >> 6 & 0x3F));
					*w++ = (char)(0x80 | (v & 0x3F));
				}
				p += 7;
				continue;
			}
		}
		*w++ = *p++;
	}
	*w = '\0';
}

/* The shared strings, held whole: the one table a sheet refers into. */
static int
read_sst(struct workbook *wb)
{
	struct part_io io;
	xmlTextReaderPtr r;
	size_t cap = 0;
	int rc;

	if (wb->sst_part == NULL)
		return 0;
	if ((r = part_open(wb, wb->sst_part, XLSX_PART_MAX, &io)) == NULL)
		return -1;
	while ((rc = next_node(wb, r, wb->sst_part)) == 1) {
		struct strbuf b = { NULL, 0, 0 };

		if (!at_s(r, "si"))
			continue;
		if ((rc = string_item(wb, r, wb->sst_part, &b)) != 1) {
			strbuf_free(&b);
			break;
		}
		if (wb->nsst == cap) {
			cap = cap ? cap * 2 : 256;
			wb->sst = xreallocarray(wb->sst, cap, sizeof(*wb->sst));
		}
		wb->sst[wb->nsst] = b.data != NULL ? strbuf_take(&b) :
		    xstrdup("");
		unescape(wb->sst[wb->nsst++]);
	}
	if (rc == -2) {
		xmlFreeTextReader(r);
		zip_fclose(io.zf);
		return -1;
	}
	return part_close_check(wb, wb->sst_part, r, &io, rc);
}

/* Number formats of the cell styles: which show percentages or dates. */
static int
read_styles(struct workbook *wb)
{
	struct part_io io;
	xmlTextReaderPtr r;
	struct { int id; char *code; } *fmt = NULL;
	size_t nfmt = 0, cap = 0, i;
	bool in_xfs = false;
	int rc;

	if (wb->styles_part == NULL)
		return 0;
	if ((r = part_open(wb, wb->styles_part, XLSX_PART_MAX, &io)) == NULL)
		return -1;
	while ((rc = next_node(wb, r, wb->styles_part)) == 1) {
		if (at_s(r, "numFmt")) {
			char *id = attr(r, "numFmtId");

			fmt = xreallocarray(fmt, nfmt + 1, sizeof(*fmt));
			fmt[nfmt].id = id != NULL ? atoi(id) : -1;
			fmt[nfmt++].code = attr(r, "formatCode");
			free(id);
		} else if (at_s(r, "cellXfs"))
			in_xfs = !xmlTextReaderIsEmptyElement(r);
		else if (at_end(r, "cellXfs"))
			in_xfs = false;
		else if (in_xfs && at_s(r, "xf")) {
			char *s = attr(r, "numFmtId");
			const char *code = NULL;
			int id = s != NULL ? atoi(s) : 0;

			free(s);
			for (i = 0; i < nfmt; i++)
				if (fmt[i].id == id)
					code = fmt[i].code;
			if (wb->nxf == cap) {
				cap = cap ? cap * 2 : 64;
				wb->xf = xreallocarray(wb->xf, cap, 1);
			}
			wb->xf[wb->nxf++] = (unsigned char)xlsx_format_shown(id,
			    code);
		}
	}
	for (i = 0; i < nfmt; i++)
		free(fmt[i].code);
	free(fmt);
	if (rc == -2) {
		xmlFreeTextReader(r);
		zip_fclose(io.zf);
		return -1;
	}
	return part_close_check(wb, wb->styles_part, r, &io, rc);
}

/* A relationship of a part. */
struct rel {
	char	*id;
	char	*type;
	char	*target;
};


/* Reads a relationships part; a missing part has none (returns 0). */
static void	rels_free(struct rel *, size_t);

static int
read_rels(struct workbook *wb, const char *part, struct rel **out,
    size_t *n)
{
	struct part_io io;
	xmlTextReaderPtr r;
	int rc;

	*out = NULL;
	*n = 0;
	if (zip_name_locate(wb->za, part, ZIP_FL_NOCASE) < 0)
		return 0;
	if ((r = part_open(wb, part, XLSX_PART_MAX, &io)) == NULL)
		return -1;
	while ((rc = next_node(wb, r, part)) == 1) {
		struct rel *x;

		if (!at_element(r, "Relationship", REL_NS, NULL))
			continue;
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		x = &(*out)[(*n)++];
		x->id = attr(r, "Id");
		x->type = attr(r, "Type");
		x->target = attr(r, "Target");
	}
	if (rc == -2) {
		xmlFreeTextReader(r);
		zip_fclose(io.zf);
		rc = -1;
	} else
		rc = part_close_check(wb, part, r, &io, rc);
	/* The callers return on an error: what was read goes with it. */
	if (rc != 0) {
		rels_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

static void
rels_free(struct rel *x, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(x[i].id);
		free(x[i].type);
		free(x[i].target);
	}
	free(x);
}

/* Tells whether a relationship type ends in "/kind". */
static bool
rel_is(const struct rel *x, const char *kind)
{
	size_t n, k = strlen(kind);

	if (x->type == NULL || x->target == NULL)
		return false;
	n = strlen(x->type);
	return n > k && x->type[n - k - 1] == '/' &&
	    strcmp(x->type + n - k, kind) == 0;
}

/* The folder of a part, with its trailing slash ("xl/"), or "". */
static char *
folder_of(const char *part)
{
	const char *slash = strrchr(part, '/');

	return slash != NULL ? xstrndup(part, (size_t)(slash - part + 1)) :
	    xstrdup("");
}

/* The relationships part of a part: xl/_rels/workbook.xml.rels. */
static char *
rels_of(const char *part)
{
	const char *slash = strrchr(part, '/');
	const char *base = slash != NULL ? slash + 1 : part;

	return xasprintf("%.*s_rels/%s.rels", (int)(base - part), part, base);
}

/*
 * Finds the workbook through the package relationships, then its sheets in
 * workbook order, its shared strings and its styles through its own.
 */
static int
read_workbook(struct workbook *wb)
{
	struct rel *rels = NULL;
	size_t nrels, i;
	char *book = NULL, *dir, *brels;
	struct part_io io;
	xmlTextReaderPtr r;
	int rc;

	if (read_rels(wb, "_rels/.rels", &rels, &nrels) != 0)
		return -1;
	for (i = 0; i < nrels && book == NULL; i++)
		if (rel_is(&rels[i], "officeDocument"))
			book = zipsrc_resolve("", rels[i].target);
	rels_free(rels, nrels);
	if (book == NULL) {
		why(wb, 1, 1, "the file is not an Excel workbook: its package "
		    "relationships (_rels/.rels) name no main document",
		    "文件不是 Excel 工作簿：包关系（_rels/.rels）中没有主文档");
		return -1;
	}
	dir = folder_of(book);
	brels = rels_of(book);
	rc = read_rels(wb, brels, &rels, &nrels);
	free(brels);
	if (rc != 0) {
		free(dir);
		free(book);
		return -1;
	}
	for (i = 0; i < nrels; i++) {
		if (rel_is(&rels[i], "sharedStrings") && wb->sst_part == NULL)
			wb->sst_part = zipsrc_resolve(dir, rels[i].target);
		else if (rel_is(&rels[i], "styles") && wb->styles_part == NULL)
			wb->styles_part = zipsrc_resolve(dir, rels[i].target);
	}
	if ((r = part_open(wb, book, XLSX_PART_MAX, &io)) == NULL) {
		rels_free(rels, nrels);
		free(dir);
		free(book);
		return -1;
	}
	rc = 1;
	while (rc == 1 && (rc = next_node(wb, r, book)) == 1) {
		if (at_s(r, "workbookPr")) {
			char *v = attr(r, "date1904");

			wb->date1904 = v != NULL && (strcmp(v, "1") == 0 ||
			    strcmp(v, "true") == 0);
			free(v);
		} else if (at_s(r, "sheet")) {
			struct sheet *sh;
			char *id;

			if (wb->nsheets >= PB_MAX_SHEETS) {
				wb->too_many = true;
				continue;
			}
			id = attr_rid(r);
			wb->sheets = xgrowarray(wb->sheets, wb->nsheets,
			    sizeof(*wb->sheets));
			sh = &wb->sheets[wb->nsheets++];
			sh->name = attr(r, "name");
			if (sh->name == NULL)
				sh->name = xasprintf("%zu", wb->nsheets);
			sh->part = NULL;
			/* Chart and dialog sheets hold no cells. */
			for (i = 0; id != NULL && i < nrels; i++)
				if (rels[i].id != NULL &&
				    strcmp(rels[i].id, id) == 0 &&
				    rel_is(&rels[i], "worksheet"))
					sh->part = zipsrc_resolve(dir, rels[i].target);
			free(id);
		}
	}
	if (rc == -2) {
		xmlFreeTextReader(r);
		zip_fclose(io.zf);
		rc = -1;
	} else
		rc = part_close_check(wb, book, r, &io, rc);
	rels_free(rels, nrels);
	free(dir);
	free(book);
	return rc;
}

static int
merge_cmp(const void *a, const void *b)
{
	const struct merge *x = a, *y = b;

	if (x->top != y->top)
		return x->top < y->top ? -1 : 1;
	return x->left < y->left ? -1 : x->left > y->left;
}

/* Names a cell ("B7") into out. */
static void
cell_name(int row, int col, char out[16])
{
	char letters[4];

	xlsx_column_name(col, letters);
	snprintf(out, 16, "%s%d", letters, row);
}

/*
 * The first pass over a sheet: its merged ranges, which come after its
 * rows. Overlaps are found in one sweep: by top row, each column keeps the
 * last row a range covers it to.
 */
static int
read_merges(struct sheet_read *sr, const char *part)
{
	struct workbook *wb = sr->wb;
	struct part_io io;
	xmlTextReaderPtr r;
	size_t cap = 0, i;
	int rc, *until, c;

	if ((r = part_open(wb, part, XLSX_SHEET_MAX, &io)) == NULL)
		return -1;
	while ((rc = next_node(wb, r, part)) == 1) {
		char *ref, name[16];
		struct merge m;

		if (at_s(r, "sheetData")) {
			/* Streamed past, never built. */
			if ((rc = xmlTextReaderNext(r)) != 1)
				break;
		}
		if (!at_s(r, "mergeCell"))
			continue;
		ref = attr(r, "ref");
		if (ref == NULL || parse_range(ref, &m) != 0) {
			snprintf(wb->why_en, sizeof(wb->why_en), "sheet '%s': "
			    "the merged range '%.40s' is not a cell range",
			    sr->name, ref != NULL ? ref : "");
			snprintf(wb->why_zh, sizeof(wb->why_zh), "工作表“%s”："
			    "合并区域“%.40s”不是单元格区域", sr->name,
			    ref != NULL ? ref : "");
			free(ref);
			rc = -3;
			break;
		}
		free(ref);
		if (sr->nmerges == XLSX_MAX_MERGES) {
			cell_name(m.top, m.left, name);
			snprintf(wb->why_en, sizeof(wb->why_en), "sheet '%s' "
			    "has more than %d merged ranges", sr->name,
			    XLSX_MAX_MERGES);
			snprintf(wb->why_zh, sizeof(wb->why_zh), "工作表“%s”的"
			    "合并区域超过 %d 个", sr->name, XLSX_MAX_MERGES);
			rc = -3;
			break;
		}
		if (sr->nmerges == cap) {
			cap = cap ? cap * 2 : 64;
			sr->merges = xreallocarray(sr->merges, cap,
			    sizeof(*sr->merges));
		}
		sr->merges[sr->nmerges++] = m;
	}
	if (rc == -2 || rc == -3) {
		xmlFreeTextReader(r);
		zip_fclose(io.zf);
		wb->where.line = wb->where.col = 1;
		return -1;
	}
	if (part_close_check(wb, part, r, &io, rc) != 0)
		return -1;
	if (sr->nmerges == 0)
		return 0;
	qsort(sr->merges, sr->nmerges, sizeof(*sr->merges), merge_cmp);
	until = xcalloc(XLSX_MAX_COL + 1, sizeof(*until));
	for (i = 0; i < sr->nmerges; i++) {
		const struct merge *m = &sr->merges[i];

		for (c = m->left; c <= m->right; c++) {
			if (until[c] >= m->top) {
				char a[16], b[16];

				cell_name(m->top, m->left, a);
				cell_name(m->bottom, m->right, b);
				snprintf(wb->why_en, sizeof(wb->why_en),
				    "sheet '%s', cell %s: the merged range "
				    "%s:%s overlaps another", sr->name, a, a,
				    b);
				snprintf(wb->why_zh, sizeof(wb->why_zh),
				    "工作表“%s”单元格 %s：合并区域 %s:%s 与另一个"
				    "合并区域重叠", sr->name, a, a, b);
				wb->where.line = m->top;
				wb->where.col = m->left;
				free(until);
				return -1;
			}
			until[c] = m->bottom;
		}
	}
	free(until);
	return 0;
}

/* A PB001 at a cell of the sheet being read. */
static void
cell_error(struct sheet_read *sr, int row, int col, const char *en,
    const char *zh)
{
	struct workbook *wb = sr->wb;
	char name[16];

	cell_name(row, col, name);
	snprintf(wb->why_en, sizeof(wb->why_en), "sheet '%s', cell %s: %s",
	    sr->name, name, en);
	snprintf(wb->why_zh, sizeof(wb->why_zh), "工作表“%s”单元格 %s：%s",
	    sr->name, name, zh);
	wb->where.line = row;
	wb->where.col = col;
}

/* Ends the row: hidden merged cells emptied, then the row delivered. */
static void
row_end(struct sheet_read *sr)
{
	size_t i, k;
	int c;

	/* Ranges that start by this row become active; ended ones leave. */
	while (sr->next < sr->nmerges && sr->merges[sr->next].top <= sr->row)
		sr->active[sr->nactive++] = sr->next++;
	for (i = k = 0; i < sr->nactive; i++)
		if (sr->merges[sr->active[i]].bottom >= sr->row)
			sr->active[k++] = sr->active[i];
	sr->nactive = k;
	/*
	 * Excel shows only the top-left cell of a range, over the whole
	 * range; the others are blank, which both layouts read as "the same
	 * as the cell it is merged with" (SPEC 2.1, 2.2).
	 */
	for (i = 0; i < sr->nactive; i++) {
		const struct merge *m = &sr->merges[sr->active[i]];

		for (c = m->left; c <= m->right && (size_t)c <= sr->ncells;
		    c++)
			if ((c != m->left || sr->row != m->top) &&
			    sr->cells[c - 1] != NULL) {
				free(sr->cells[c - 1]);
				sr->cells[c - 1] = NULL;
			}
	}
	for (i = 0; i < sr->ncells; i++)
		if (sr->cells[i] == NULL)
			sr->cells[i] = xstrdup("");
	if (sr->ncells > 0)
		sr->s->row(sr->s->ctx, (const char *const *)sr->cells,
		    sr->ncells, sr->row);
	for (i = 0; i < sr->ncells; i++) {
		free(sr->cells[i]);
		sr->cells[i] = NULL;
	}
	sr->ncells = 0;
}

/* The text a cell shows, from its type, style and value. */
static char *
cell_text(struct sheet_read *sr, int row, int col, const char *t,
    const char *style, char *v, char *is, bool *bad)
{
	struct workbook *wb = sr->wb;
	struct strbuf b = { NULL, 0, 0 };
	char *end;
	double d;

	*bad = false;
	if (t != NULL && strcmp(t, "inlineStr") == 0) {
		if (is == NULL)
			return xstrdup("");
		unescape(is);
		return xstrdup(is);
	}
	if (v == NULL)
		return xstrdup("");
	if (t != NULL && strcmp(t, "s") == 0) {
		unsigned long long k = strtoull(v, &end, 10);

		if (end == v || *end != '\0' || v[0] == '-' || k >= wb->nsst) {
			char en[96], zh[96];

			snprintf(en, sizeof(en), "the shared string %.20s does "
			    "not exist (the workbook has %zu)", v, wb->nsst);
			snprintf(zh, sizeof(zh), "共享字符串 %.20s 不存在（工作簿"
			    "共有 %zu 个）", v, wb->nsst);
			cell_error(sr, row, col, en, zh);
			*bad = true;
			return NULL;
		}
		return xstrdup(wb->sst[k]);
	}
	if (t != NULL && strcmp(t, "b") == 0)
		return xstrdup(strcmp(v, "1") == 0 ? "TRUE" : strcmp(v, "0") ==
		    0 ? "FALSE" : v);
	if (t != NULL && (strcmp(t, "str") == 0 || strcmp(t, "e") == 0)) {
		unescape(v);
		return xstrdup(v);
	}
	/* A number ("n", or "d" which holds an ISO date as text). */
	d = strtod(v, &end);
	if (end == v || *end != '\0' || (t != NULL && strcmp(t, "n") != 0))
		return xstrdup(v);
	if (style != NULL) {
		unsigned long k = strtoul(style, &end, 10);
		enum xlsx_shown shown = k < wb->nxf && *end == '\0' ?
		    (enum xlsx_shown)wb->xf[k] : SHOWN_NUMBER;

		if (shown == SHOWN_PERCENT) {
			xlsx_number_text(d, 2, &b);
			strbuf_putc(&b, '%');
			return strbuf_take(&b);
		}
		if (shown != SHOWN_NUMBER) {
			date_text(wb, d, shown, &b);
			return strbuf_take(&b);
		}
	}
	xlsx_number_text(d, 0, &b);
	return strbuf_take(&b);
}

/* The character data up to the end of the current element. */
static int
element_text(struct workbook *wb, xmlTextReaderPtr r, const char *part,
    struct strbuf *b)
{
	int depth = xmlTextReaderDepth(r), rc;

	if (xmlTextReaderIsEmptyElement(r))
		return 1;
	while ((rc = next_node(wb, r, part)) == 1) {
		int type = xmlTextReaderNodeType(r);

		if (type == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(r) == depth)
			return 1;
		if (type == XML_READER_TYPE_TEXT ||
		    type == XML_READER_TYPE_CDATA ||
		    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
			const char *v = (const char *)xmlTextReaderConstValue(r);

			if (v != NULL)
				strbuf_puts(b, v);
		}
	}
	return rc;
}

/* Reads one c element: its reference checked, its text into the row. */
static int
read_cell(struct sheet_read *sr, xmlTextReaderPtr r, const char *part)
{
	struct workbook *wb = sr->wb;
	char *ref = attr(r, "r"), *t = attr(r, "t"), *style = attr(r, "s");
	char *text = NULL;
	struct strbuf v = { NULL, 0, 0 }, is = { NULL, 0, 0 };
	bool have_v = false, have_is = false, bad = false;
	int row = sr->row, col = sr->col + 1, rc = 1;
	int depth = xmlTextReaderDepth(r);

	if (ref != NULL && (xlsx_parse_ref(ref, &row, &col) != 0 ||
	    row != sr->row || col <= sr->col)) {
		char en[160], zh[160];
		bool malformed = xlsx_parse_ref(ref, &row, &col) != 0;

		snprintf(en, sizeof(en), malformed ? "the cell reference "
		    "'%.20s' is not a cell (A1 to XFD1048576)" : "the cell "
		    "reference %.20s is out of order", ref);
		snprintf(zh, sizeof(zh), malformed ? "单元格引用“%.20s”不是有效"
		    "单元格（A1 至 XFD1048576）" : "单元格引用 %.20s 顺序错误",
		    ref);
		cell_error(sr, sr->row, sr->col + 1 > XLSX_MAX_COL ?
		    XLSX_MAX_COL : sr->col + 1, en, zh);
		rc = -3;
		goto out;
	}
	if (col > XLSX_MAX_COL) {
		cell_error(sr, row, XLSX_MAX_COL, "the row has more than "
		    "16384 cells", "该行超过 16384 个单元格");
		rc = -3;
		goto out;
	}
	if (!xmlTextReaderIsEmptyElement(r)) {
		while ((rc = next_node(wb, r, part)) == 1) {
			if (xmlTextReaderNodeType(r) ==
			    XML_READER_TYPE_END_ELEMENT &&
			    xmlTextReaderDepth(r) == depth)
				break;
			if (at_s(r, "v")) {
				have_v = true;
				if ((rc = element_text(wb, r, part, &v)) != 1)
					break;
			} else if (at_s(r, "is")) {
				have_is = true;
				if ((rc = string_item(wb, r, part, &is)) != 1)
					break;
			}
		}
		if (rc != 1)
			goto out;
	}
	strbuf_putc(&v, '\0');
	strbuf_putc(&is, '\0');
	text = cell_text(sr, row, col, t, style, have_v ? v.data : NULL,
	    have_is ? is.data : NULL, &bad);
	if (bad) {
		rc = -3;
		goto out;
	}
	sr->col = col;
	sr->cells[col - 1] = text;
	text = NULL;
	if ((size_t)col > sr->ncells)
		sr->ncells = (size_t)col;
out:
	free(text);
	strbuf_free(&v);
	strbuf_free(&is);
	free(ref);
	free(t);
	free(style);
	return rc;
}

/* The second pass: the rows, one at a time. */
static int
read_rows(struct sheet_read *sr, const char *part)
{
	struct workbook *wb = sr->wb;
	struct part_io io;
	xmlTextReaderPtr r;
	bool in_data = false, in_row = false;
	int rc;

	if ((r = part_open(wb, part, XLSX_SHEET_MAX, &io)) == NULL)
		return -1;
	while ((rc = next_node(wb, r, part)) == 1) {
		if (at_s(r, "sheetData")) {
			if (xmlTextReaderIsEmptyElement(r))
				break;
			in_data = true;
		} else if (at_end(r, "sheetData"))
			break;
		else if (in_data && at_s(r, "row")) {
			char *ref = attr(r, "r"), *end = NULL;
			long n = sr->row + 1;

			if (ref != NULL)
				n = strtol(ref, &end, 10);
			if (ref != NULL && (end == ref || *end != '\0' ||
			    n < 1 || n > XLSX_MAX_ROW || n <= sr->row)) {
				char en[160], zh[160];

				snprintf(en, sizeof(en), "the row number "
				    "'%.20s' is %s", ref, n >= 1 && n <=
				    XLSX_MAX_ROW && *end == '\0' && end != ref ?
				    "out of order" : "not a row (1 to 1048576)");
				snprintf(zh, sizeof(zh), "行号“%.20s”%s", ref,
				    n >= 1 && n <= XLSX_MAX_ROW && *end ==
				    '\0' && end != ref ? "顺序错误" :
				    "无效（1 至 1048576）");
				free(ref);
				cell_error(sr, sr->row < XLSX_MAX_ROW ?
				    sr->row + 1 : XLSX_MAX_ROW, 1, en, zh);
				rc = -3;
				break;
			}
			free(ref);
			if (n > XLSX_MAX_ROW) {
				cell_error(sr, XLSX_MAX_ROW, 1, "the sheet has "
				    "more than 1048576 rows", "工作表超过 "
				    "1048576 行");
				rc = -3;
				break;
			}
			sr->row = (int)n;
			sr->col = 0;
			sr->ncells = 0;
			in_row = !xmlTextReaderIsEmptyElement(r);
		} else if (in_row && at_end(r, "row")) {
			row_end(sr);
			in_row = false;
		} else if (in_row && at_s(r, "c")) {
			if ((rc = read_cell(sr, r, part)) != 1)
				break;
		}
	}
	if (rc == -2 || rc == -3) {
		size_t i;

		for (i = 0; i < sr->ncells; i++) {
			free(sr->cells[i]);
			sr->cells[i] = NULL;
		}
		xmlFreeTextReader(r);
		zip_fclose(io.zf);
		if (rc == -2)
			wb->where.line = wb->where.col = 1;
		return -1;
	}
	return part_close_check(wb, part, r, &io, rc < 0 ? rc : 0);
}

/* Reads one sheet: merges first, then rows; -1 after a PB001. */
static int
read_sheet(struct workbook *wb, const struct xlsx_sink *s, int number)
{
	struct sheet_read sr;
	const struct sheet *sh = &wb->sheets[number - 1];
	int rc;

	memset(&sr, 0, sizeof(sr));
	sr.wb = wb;
	sr.s = s;
	sr.number = number;
	sr.name = sh->name;
	wb->where.line = wb->where.col = 1;
	if ((rc = read_merges(&sr, sh->part)) == 0) {
		sr.active = xcalloc(sr.nmerges + 1, sizeof(*sr.active));
		sr.cells = xcalloc(XLSX_MAX_COL, sizeof(*sr.cells));
		rc = read_rows(&sr, sh->part);
	}
	if (rc != 0) {
		struct loc loc = { wb->where.line, wb->where.col, number };

		s->error(s->ctx, loc, wb->why_en, wb->why_zh);
	}
	s->end(s->ctx, rc != 0);
	free(sr.cells);
	free(sr.active);
	free(sr.merges);
	return rc;
}

static void
workbook_free(struct workbook *wb)
{
	size_t i;

	for (i = 0; i < wb->nsheets; i++) {
		free(wb->sheets[i].name);
		free(wb->sheets[i].part);
	}
	free(wb->sheets);
	for (i = 0; i < wb->nsst; i++)
		free(wb->sst[i]);
	free(wb->sst);
	free(wb->xf);
	free(wb->sst_part);
	free(wb->styles_part);
	if (wb->za != NULL)
		zip_discard(wb->za);
}

static int
xlsx_read_from(const char *bytes, size_t len, int fd,
    const struct xlsx_sink *s)
{
	struct workbook *wb = xcalloc(1, sizeof(*wb));
	struct loc loc = { 1, 1, 0 };
	zip_error_t ze;
	zip_source_t *src;
	size_t i;
	int n = 0;

	if (bytes != NULL && len == 0) {
		why(wb, 1, 1, "the file is not an Excel workbook (not a zip "
		    "archive): it is empty", "文件不是 Excel 工作簿（不是 zip "
		    "压缩包）：文件为空");
		goto fail;
	}
	zip_error_init(&ze);
	src = zipsrc_open(bytes, len, fd, &ze);
	wb->za = src != NULL ? zip_open_from_source(src, ZIP_RDONLY, &ze) :
	    NULL;
	if (wb->za == NULL) {
		char detail[DETAIL_MAX];

		clip(detail, zip_error_strerror(&ze));
		if (zip_error_code_zip(&ze) == ZIP_ER_NOZIP)
			why(wb, 1, 1, "the file is not an Excel workbook (not "
			    "a zip archive)", "文件不是 Excel 工作簿（不是 zip "
			    "压缩包）");
		else {
			snprintf(wb->why_en, sizeof(wb->why_en), "the file is "
			    "not an Excel workbook (the zip archive cannot be "
			    "opened: %s)", detail);
			snprintf(wb->why_zh, sizeof(wb->why_zh), "文件不是 "
			    "Excel 工作簿（无法打开 zip 压缩包：%s）", detail);
		}
		zip_source_free(src);
		zip_error_fini(&ze);
		goto fail;
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(wb->za, 0) > PB_MAX_ZIP_ENTRIES) {
		snprintf(wb->why_en, sizeof(wb->why_en), "the zip archive "
		    "holds %lld entries, over the limit of %d "
		    "(PB_MAX_ZIP_ENTRIES); it is not read",
		    (long long)zip_get_num_entries(wb->za, 0),
		    PB_MAX_ZIP_ENTRIES);
		snprintf(wb->why_zh, sizeof(wb->why_zh), "zip 压缩包中有 %lld "
		    "个条目，超过上限 %d（PB_MAX_ZIP_ENTRIES），未读取",
		    (long long)zip_get_num_entries(wb->za, 0),
		    PB_MAX_ZIP_ENTRIES);
		goto fail;
	}
	if (read_workbook(wb) != 0 || read_sst(wb) != 0 ||
	    read_styles(wb) != 0)
		goto fail;
	for (i = 0; i < wb->nsheets; i++) {
		if (wb->sheets[i].part == NULL)
			continue;
		s->sheet(s->ctx, (int)i + 1, wb->sheets[i].name);
		read_sheet(wb, s, (int)i + 1);
		n++;
	}
	if (wb->too_many) {
		struct loc at = { 1, 1, 0 };

		snprintf(wb->why_en, sizeof(wb->why_en), "the workbook has "
		    "more than %d sheets, the limit (PB_MAX_SHEETS); the sheets "
		    "after sheet %d are not read", PB_MAX_SHEETS, PB_MAX_SHEETS);
		snprintf(wb->why_zh, sizeof(wb->why_zh), "工作簿中的工作表超过 "
		    "%d 个上限（PB_MAX_SHEETS），第 %d 个之后的工作表未读取",
		    PB_MAX_SHEETS, PB_MAX_SHEETS);
		s->error(s->ctx, at, wb->why_en, wb->why_zh);
	}
	workbook_free(wb);
	free(wb);
	return n;
fail:
	s->error(s->ctx, loc, wb->why_en, wb->why_zh);
	workbook_free(wb);
	free(wb);
	return -1;
}

/* read_xlsx: every worksheet through a table reader of its own. */
struct xlsx_ctx {
	const char		*path;
	const struct read_sink	*sink;
	void			(*on_sheet)(void *, int, const char *);
	struct table_reader	*t;
	int			 number;
	char			*name;
	int			 tables;	/* sheets read as a layout */
	bool			 broken;
};

static void
on_sheet(void *ctx, int number, const char *name)
{
	struct xlsx_ctx *x = ctx;

	x->number = number;
	free(x->name);
	x->name = xstrdup(name);
	if (x->on_sheet != NULL)
		x->on_sheet(x->sink->ctx, number, name);
	x->t = table_reader_new(x->path, number, TABLE_QUIET_NEITHER, x->sink);
}

static void
on_row(void *ctx, const char *const *cells, size_t n, int line)
{
	struct xlsx_ctx *x = ctx;

	if (!table_reader_done(x->t))
		table_reader_row(x->t, cells, n, line);
}

static void
on_end(void *ctx, bool broken)
{
	struct xlsx_ctx *x = ctx;
	enum table_kind kind;

	if (broken)
		table_reader_broken(x->t, NULL, 0);
	kind = table_reader_end(x->t);
	x->t = NULL;
	if (kind == TABLE_CANONICAL || kind == TABLE_FORM)
		x->tables++;
	else if (!broken) {
		struct read_diag d;

		memset(&d, 0, sizeof(d));
		d.rule = RULE_PB011;
		d.loc.line = d.loc.col = 1;
		d.loc.table = x->number;
		d.field = FIELD_COUNT;
		d.a = x->name;
		x->sink->diag(x->sink->ctx, &d);
	}
}

static void
on_error(void *ctx, struct loc loc, const char *en, const char *zh)
{
	struct xlsx_ctx *x = ctx;
	struct read_diag d;

	memset(&d, 0, sizeof(d));
	d.rule = RULE_PB001;
	d.loc = loc;
	d.field = FIELD_COUNT;
	d.a = en;
	d.a_zh = zh;
	x->sink->diag(x->sink->ctx, &d);
	x->broken = true;
}

int
xlsx_read(const char *bytes, size_t len, const struct xlsx_sink *s)
{
	return xlsx_read_from(bytes, len, -1, s);
}

static void
read_xlsx_from(const char *path, const char *bytes, size_t len, int fd,
    const struct read_sink *sink,
    void (*sheet)(void *ctx, int number, const char *name))
{
	struct xlsx_ctx x;
	struct xlsx_sink s = { &x, on_sheet, on_row, on_end, on_error };

	memset(&x, 0, sizeof(x));
	x.path = path;
	x.sink = sink;
	x.on_sheet = sheet;
	if (xlsx_read_from(bytes, len, fd, &s) >= 0 && x.tables == 0 &&
	    !x.broken) {
		struct read_diag d;

		memset(&d, 0, sizeof(d));
		d.rule = RULE_PB001;
		d.loc.line = d.loc.col = 1;
		d.field = FIELD_COUNT;
		d.a = "no sheet of the workbook holds a project table";
		d.a_zh = "工作簿中没有任何工作表含有项目表";
		sink->diag(sink->ctx, &d);
	}
	free(x.name);
}

void
read_xlsx(const char *path, const char *bytes, size_t len,
    const struct read_sink *sink,
    void (*sheet)(void *ctx, int number, const char *name))
{
	read_xlsx_from(path, bytes, len, -1, sink, sheet);
}

void
read_xlsx_file(const char *path, int fd, const struct read_sink *sink,
    void (*sheet)(void *ctx, int number, const char *name))
{
	read_xlsx_from(path, NULL, 0, fd, sink, sheet);
}
