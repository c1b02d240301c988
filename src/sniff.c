/* What a file is, by its bytes: a table to read or something to save again. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zip.h>

#include "sniff.h"
#include "zipsrc.h"
#include "util.h"

/* No more of [Content_Types].xml is read than this: it is a short list. */
#define SNIFF_TYPES_MAX	(1 << 20)

/* How much of the start tells text from binary. */
#define SNIFF_TEXT_PROBE	8192
/* How much tells CSV from the dump, whose cells may follow pages of prose. */
#define SNIFF_LAYOUT_PROBE	(1 << 20)
#define SNIFF_LAYOUT_LINES	200

static const struct {
	const char	*format;
	const char	*en;
	const char	*zh;
} sniff_table[SNIFF_COUNT] = {
	[SNIFF_CSV] = { "csv", NULL, NULL },
	[SNIFF_DUMP] = { "text", NULL, NULL },
	[SNIFF_DOCX] = { "docx", NULL, NULL },
	[SNIFF_XLSX] = { "xlsx", NULL, NULL },
	[SNIFF_ZIP] = { "zip",
	    "a zip archive that is neither a Word .docx nor an Excel .xlsx; "
	    "save the table as .docx, .xlsx or CSV",
	    "这是一个 zip 压缩包，但既不是 Word .docx 也不是 Excel .xlsx 文件；"
	    "请将表格另存为 .docx、.xlsx 或 CSV" },
	[SNIFF_ZIP_BROKEN] = { "zip",
	    "a damaged zip archive; if it is a .docx or .xlsx, save it again "
	    "from Word or Excel",
	    "这是一个已损坏的 zip 压缩包；如果它是 .docx 或 .xlsx 文件，请用 "
	    "Word 或 Excel 重新保存" },
	[SNIFF_DOC] = { "doc",
	    "a legacy Word .doc file (OLE2); open it in Word or LibreOffice "
	    "and save it as .docx",
	    "这是旧版 Word .doc 文件（OLE2 格式）；请用 Word 或 LibreOffice "
	    "打开，另存为 .docx" },
	[SNIFF_XLS] = { "xls",
	    "a legacy Excel .xls file (OLE2); open it in Excel or LibreOffice "
	    "and save it as .xlsx",
	    "这是旧版 Excel .xls 文件（OLE2 格式）；请用 Excel 或 LibreOffice "
	    "打开，另存为 .xlsx" },
	[SNIFF_OLE] = { "ole2",
	    "a Microsoft Office compound file (OLE2) that is neither Word nor "
	    "Excel; save the table as .docx, .xlsx or CSV",
	    "这是 Microsoft Office 复合文档（OLE2 格式），但不是 Word 或 Excel "
	    "文件；请将表格另存为 .docx、.xlsx 或 CSV" },
	[SNIFF_PDF] = { "pdf",
	    "a PDF document; export the table from the original document as "
	    ".docx, .xlsx or CSV",
	    "这是 PDF 文档；请从原始文档中将表格导出为 .docx、.xlsx 或 CSV" },
#define SNIFF_IMAGE(k, f, en, zh) [k] = { f, \
	    "a " en " image; a picture of a table cannot be checked: save " \
	    "the table itself as .docx, .xlsx or CSV", \
	    "这是 " zh " 图片；无法检查表格的图片，请将表格本身另存为 .docx、" \
	    ".xlsx 或 CSV" }
	SNIFF_IMAGE(SNIFF_PNG, "png", "PNG", "PNG"),
	SNIFF_IMAGE(SNIFF_JPEG, "jpeg", "JPEG", "JPEG"),
	SNIFF_IMAGE(SNIFF_GIF, "gif", "GIF", "GIF"),
	SNIFF_IMAGE(SNIFF_BMP, "bmp", "BMP", "BMP"),
	SNIFF_IMAGE(SNIFF_TIFF, "tiff", "TIFF", "TIFF"),
	SNIFF_IMAGE(SNIFF_WEBP, "webp", "WebP", "WebP"),
#undef SNIFF_IMAGE
	[SNIFF_ELF] = { "elf",
	    "an executable program (ELF), not a table",
	    "这是可执行程序（ELF），不是表格" },
	[SNIFF_GZIP] = { "gzip",
	    "a gzip-compressed file; decompress it first",
	    "这是 gzip 压缩文件；请先解压" },
	[SNIFF_7Z] = { "7z",
	    "a 7z archive; extract the table from it first",
	    "这是 7z 压缩包；请先解压出其中的表格" },
	[SNIFF_RAR] = { "rar",
	    "a RAR archive; extract the table from it first",
	    "这是 RAR 压缩包；请先解压出其中的表格" },
	[SNIFF_BINARY] = { "binary",
	    "binary data, not text (it holds NUL bytes); save the table as "
	    ".docx, .xlsx or CSV (for UTF-16 text without a byte order mark, "
	    "use --encoding=utf-16)",
	    "这是二进制数据，不是文本（含有 NUL 字节）；请将表格另存为 .docx、"
	    ".xlsx 或 CSV（如为不带字节顺序标记的 UTF-16 文本，请使用 "
	    "--encoding=utf-16）" },
};

/* Signatures at offset 0 (RIFF....WEBP is checked on its own). */
static const struct {
	const char	*magic;
	size_t		 len;
	enum sniff_kind	 kind;
} sniff_magic[] = {
	{ "%PDF-", 5, SNIFF_PDF },
	{ "\x89PNG\r\n\x1a\n", 8, SNIFF_PNG },
	{ "\xff\xd8\xff", 3, SNIFF_JPEG },
	{ "GIF87a", 6, SNIFF_GIF },
	{ "GIF89a", 6, SNIFF_GIF },
	{ "II*\0", 4, SNIFF_TIFF },
	{ "MM\0*", 4, SNIFF_TIFF },
	{ "\x7f" "ELF", 4, SNIFF_ELF },
	{ "\x1f\x8b", 2, SNIFF_GZIP },
	{ "7z\xbc\xaf\x27\x1c", 6, SNIFF_7Z },
	{ "Rar!\x1a\x07", 6, SNIFF_RAR },
};

/* Main-part content types of Word and Excel packages (ECMA-376). */
static const char *const sniff_word_types[] = {
	"wordprocessingml.document.main+xml",
	"wordprocessingml.template.main+xml",
	"ms-word.document.macroEnabled.main+xml",
	"ms-word.template.macroEnabledTemplate.main+xml",
};
static const char *const sniff_excel_types[] = {
	"spreadsheetml.sheet.main+xml",
	"spreadsheetml.template.main+xml",
	"ms-excel.sheet.macroEnabled.main+xml",
	"ms-excel.template.macroEnabled.main+xml",
	"ms-excel.sheet.binary.macroEnabled.main",
};

static bool
has_prefix(const char *b, size_t len, const char *magic, size_t mlen)
{
	return len >= mlen && memcmp(b, magic, mlen) == 0;
}

/* Whether needle occurs in hay; linear for the short needles used here. */
static bool
contains(const char *hay, size_t len, const char *needle, size_t nlen)
{
	const char *p = hay, *end = hay + len;

	while (nlen > 0 && (size_t)(end - p) >= nlen) {
		if ((p = memchr(p, needle[0], (size_t)(end - p) - nlen + 1)) ==
		    NULL)
			return false;
		if (memcmp(p, needle, nlen) == 0)
			return true;
		p++;
	}
	return false;
}

/* A stream name as OLE2 directory entries store it: UTF-16LE. */
static bool
contains_utf16(const char *hay, size_t len, const char *ascii)
{
	char buf[64];
	size_t i, n = strlen(ascii);

	for (i = 0; i < n && 2 * i + 1 < sizeof(buf); i++) {
		buf[2 * i] = ascii[i];
		buf[2 * i + 1] = '\0';
	}
	return contains(hay, len, buf, 2 * i);
}

static bool
any_type(const char *types, size_t len, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (contains(types, len, list[i], strlen(list[i])))
			return true;
	return false;
}

/* Word's or Excel's by the part names, else by [Content_Types].xml. */
static enum sniff_kind
sniff_zip(const char *bytes, size_t len, int fd, const char *ext)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_file_t *zf;
	zip_int64_t idx, n;
	enum sniff_kind k = SNIFF_ZIP;
	char *types;
	size_t got = 0;

	zip_error_init(&ze);
	src = zipsrc_open(bytes, len, fd, &ze);
	za = src != NULL ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	zip_error_fini(&ze);
	if (za == NULL) {
		zip_source_free(src);
		return strcasecmp(ext, "docx") == 0 ? SNIFF_DOCX :
		    strcasecmp(ext, "xlsx") == 0 ? SNIFF_XLSX :
		    SNIFF_ZIP_BROKEN;
	}
	/* Part names of a package compare without case (OPC). */
	if (zip_name_locate(za, "word/document.xml", ZIP_FL_NOCASE) >= 0)
		k = SNIFF_DOCX;
	else if (zip_name_locate(za, "xl/workbook.xml", ZIP_FL_NOCASE) >= 0)
		k = SNIFF_XLSX;
	else if ((idx = zip_name_locate(za, "[Content_Types].xml",
	    ZIP_FL_NOCASE)) >= 0 &&
	    (zf = zip_fopen_index(za, (zip_uint64_t)idx, 0)) != NULL) {
		types = xmalloc(SNIFF_TYPES_MAX);
		while (got < SNIFF_TYPES_MAX && (n = zip_fread(zf, types + got,
		    SNIFF_TYPES_MAX - got)) > 0)
			got += (size_t)n;
		zip_fclose(zf);
		if (any_type(types, got, sniff_word_types,
		    sizeof(sniff_word_types) / sizeof(sniff_word_types[0])))
			k = SNIFF_DOCX;
		else if (any_type(types, got, sniff_excel_types,
		    sizeof(sniff_excel_types) / sizeof(sniff_excel_types[0])))
			k = SNIFF_XLSX;
		free(types);
	}
	zip_discard(za);
	return k;
}

static enum sniff_kind
sniff_ole(const char *bytes, size_t len, const char *ext)
{
	if (contains_utf16(bytes, len, "WordDocument"))
		return SNIFF_DOC;
	if (contains_utf16(bytes, len, "Workbook") ||
	    contains_utf16(bytes, len, "Book"))
		return SNIFF_XLS;
	return strcasecmp(ext, "doc") == 0 ? SNIFF_DOC :
	    strcasecmp(ext, "xls") == 0 ? SNIFF_XLS : SNIFF_OLE;
}

/*
 * Text: the dump when more of its first lines start with a tab (its
 * cells) than hold a comma (CSV's records); a title and prose, with
 * neither, may come first. UTF-16 is looked at by code
 * unit; in UTF-8 and GB18030 tab, comma and newline are single bytes.
 */
static enum sniff_kind
sniff_text(const char *bytes, size_t len, const char *ext)
{
	const unsigned char *u = (const unsigned char *)bytes;
	size_t i = 0, step = 1, lo = 0, n;
	int tabs = 0, commas = 0, lines = 0;
	bool start = true, comma = false;
	unsigned ch;

	if (strcasecmp(ext, "txt") == 0)
		return SNIFF_DUMP;
	if (strcasecmp(ext, "csv") == 0)
		return SNIFF_CSV;
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		i = 3;
	else if (len >= 2 && u[0] == 0xff && u[1] == 0xfe)
		i = step = 2;
	else if (len >= 2 && u[0] == 0xfe && u[1] == 0xff) {
		i = step = 2;
		lo = 1;
	}
	n = len < SNIFF_LAYOUT_PROBE ? len : SNIFF_LAYOUT_PROBE;
	for (; i + step <= n && lines < SNIFF_LAYOUT_LINES; i += step) {
		ch = u[i + lo];
		if (step == 2 && u[i + 1 - lo] != 0)
			ch = 0x100;	/* not ASCII */
		if (ch == '\n' || ch == '\r') {
			if (!start)
				lines++;
			commas += comma;
			comma = false;
			start = true;
			continue;
		}
		if (start && ch == '\t')
			tabs++;
		comma = comma || ch == ',';
		start = false;
	}
	commas += comma;
	return tabs > commas ? SNIFF_DUMP : SNIFF_CSV;
}

enum sniff_kind
sniff_bytes(const char *bytes, size_t len, const char *ext)
{
	const unsigned char *u = (const unsigned char *)bytes;
	size_t i;

	if (has_prefix(bytes, len, "PK\3\4", 4) ||
	    has_prefix(bytes, len, "PK\5\6", 4))
		return sniff_zip(bytes, len, -1, ext);
	if (has_prefix(bytes, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return sniff_ole(bytes, len, ext);
	for (i = 0; i < sizeof(sniff_magic) / sizeof(sniff_magic[0]); i++)
		if (has_prefix(bytes, len, sniff_magic[i].magic,
		    sniff_magic[i].len))
			return sniff_magic[i].kind;
	if (has_prefix(bytes, len, "RIFF", 4) && len >= 12 &&
	    memcmp(bytes + 8, "WEBP", 4) == 0)
		return SNIFF_WEBP;
	/* A BMP: "BM", and a DIB header size of one of its versions. */
	if (has_prefix(bytes, len, "BM", 2) && len >= 26 &&
	    (u[14] == 12 || u[14] == 40 || u[14] == 56 || u[14] == 108 ||
	    u[14] == 124) && u[15] == 0 && u[16] == 0 && u[17] == 0)
		return SNIFF_BMP;
	/* UTF-16 text holds NULs; with a byte order mark it is text. */
	if (!(len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) &&
	    memchr(bytes, '\0', len < SNIFF_TEXT_PROBE ? len :
	    SNIFF_TEXT_PROBE) != NULL)
		return SNIFF_BINARY;
	return sniff_text(bytes, len, ext);
}

const char *
sniff_format(enum sniff_kind k)
{
	return sniff_table[k].format;
}

const char *
sniff_advice(enum sniff_kind k, enum lang lang)
{
	return lang == LANG_ZH ? sniff_table[k].zh : sniff_table[k].en;
}

enum sniff_kind
sniff_zip_file(int fd, const char *ext)
{
	return sniff_zip(NULL, 0, fd, ext);
}
