/* Unit tests for recognising files by their bytes (SPEC 1) in sniff.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "sniff.h"

#include "support.h"

/* A zip made by libzip holding the named parts (name, content pairs). */
static char *
make_zip(const char *const *parts, size_t nparts, size_t *len)
{
	char path[] = "/tmp/pbcheck-sniff-XXXXXX";
	zip_source_t *src;
	zip_t *za;
	char *bytes;
	size_t i;
	int fd, ze;

	if ((fd = mkstemp(path)) == -1)
		fail_msg("mkstemp");
	close(fd);
	if ((za = zip_open(path, ZIP_TRUNCATE, &ze)) == NULL)
		fail_msg("zip_open: %d", ze);
	for (i = 0; i + 1 < nparts; i += 2) {
		src = zip_source_buffer(za, parts[i + 1],
		    strlen(parts[i + 1]), 0);
		if (src == NULL || zip_file_add(za, parts[i], src, 0) < 0)
			fail_msg("zip_file_add %s", parts[i]);
	}
	if (zip_close(za) != 0)
		fail_msg("zip_close");
	bytes = slurp(path, len);
	unlink(path);
	return bytes;
}

static enum sniff_kind
sniff_zip_parts(const char *const *parts, size_t nparts, const char *ext)
{
	enum sniff_kind k;
	size_t len;
	char *bytes = make_zip(parts, nparts, &len);

	k = sniff_bytes(bytes, len, ext);
	free(bytes);
	return k;
}

/* Signatures at the start of a file name what it is, whatever its name. */
static void
test_sniff_magic(void **state)
{
	static const struct {
		const char	*bytes;
		size_t		 len;
		const char	*ext;
		enum sniff_kind	 want;
	} cases[] = {
		{ "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 15, "csv", SNIFF_PDF },
		{ "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "docx", SNIFF_PNG },
		{ "\xff\xd8\xff\xe0\0\x10JFIF", 10, "csv", SNIFF_JPEG },
		{ "GIF89a\1\0\1\0", 10, "txt", SNIFF_GIF },
		{ "GIF87a\1\0\1\0", 10, "", SNIFF_GIF },
		{ "II*\0\x08\0\0\0", 8, "csv", SNIFF_TIFF },
		{ "MM\0*\0\0\0\x08", 8, "csv", SNIFF_TIFF },
		{ "RIFF\x24\0\0\0WEBPVP8 ", 16, "csv", SNIFF_WEBP },
		{ "BM\x36\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\1\0\0\0\1\0\0\0",
		    26, "csv", SNIFF_BMP },
		{ "\x7f" "ELF\2\1\1\0", 8, "csv", SNIFF_ELF },
		{ "\x1f\x8b\x08\0\0\0\0\0", 8, "csv", SNIFF_GZIP },
		{ "7z\xbc\xaf\x27\x1c\0\4", 8, "docx", SNIFF_7Z },
		{ "Rar!\x1a\x07\x01\0", 8, "xlsx", SNIFF_RAR },
		/* A WAV is RIFF but not WebP, and has NULs: binary. */
		{ "RIFF\x24\0\0\0WAVEfmt ", 16, "csv", SNIFF_BINARY },
		{ "a,b\0c\n", 6, "csv", SNIFF_BINARY },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		enum sniff_kind k = sniff_bytes(cases[i].bytes, cases[i].len,
		    cases[i].ext);

		if (k != cases[i].want)
			fail_msg("case %zu: kind %d, want %d", i, k,
			    cases[i].want);
	}
}

/* Text is CSV or the dump by its name, and by its first byte otherwise. */
static void
test_sniff_text(void **state)
{
	(void)state;
	assert_int_equal(sniff_bytes("code,name\n", 10, "csv"), SNIFF_CSV);
	assert_int_equal(sniff_bytes("\tcell\n", 6, "csv"), SNIFF_CSV);
	assert_int_equal(sniff_bytes("title\n\tcell\n", 12, "txt"),
	    SNIFF_DUMP);
	/* Text named .docx or .xlsx, or with no name: by its content. */
	assert_int_equal(sniff_bytes("code,name\n", 10, "docx"), SNIFF_CSV);
	assert_int_equal(sniff_bytes("\t项目名称\n", 14, "docx"), SNIFF_DUMP);
	assert_int_equal(sniff_bytes("\xef\xbb\xbf\tx\n", 6, "xlsx"),
	    SNIFF_DUMP);
	assert_int_equal(sniff_bytes("\xff\xfe\t\0x\0", 6, ""), SNIFF_DUMP);
	/* A title paragraph, then cells; a CSV with one tab-led record. */
	assert_int_equal(sniff_bytes("title\n\n\ta\n\tb\n\n\tc\n", 17, ""),
	    SNIFF_DUMP);
	assert_int_equal(sniff_bytes("a,b\n\tc,d\ne,f\n", 13, "xlsx"),
	    SNIFF_CSV);
	assert_int_equal(sniff_bytes("\xfe\xff\0a\0,", 6, ""), SNIFF_CSV);
	/* UTF-16 with a byte order mark holds NULs and is still text. */
	assert_int_equal(sniff_bytes("\xff\xfe" "a\0,\0b\0", 8, "csv"),
	    SNIFF_CSV);
	assert_int_equal(sniff_bytes("", 0, "csv"), SNIFF_CSV);
	/* "BM" starting a CSV is not a bitmap. */
	assert_int_equal(sniff_bytes("BM,x,y,z,aaaaaaaaaaaaaaaaaaaaaaaa\n", 34,
	    "csv"), SNIFF_CSV);
}

/* OLE2 is Word or Excel by its stream names, else by its name. */
static void
test_sniff_ole(void **state)
{
	static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0";
	char buf[64];

	(void)state;
	memcpy(buf, ole, 10);
	memcpy(buf + 10, "W\0o\0r\0k\0b\0o\0o\0k\0", 16);
	assert_int_equal(sniff_bytes(buf, 26, "csv"), SNIFF_XLS);
	memcpy(buf + 10, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
	assert_int_equal(sniff_bytes(buf, 34, "xls"), SNIFF_DOC);
	assert_int_equal(sniff_bytes(ole, 10, "xls"), SNIFF_XLS);
	assert_int_equal(sniff_bytes(ole, 10, "DOC"), SNIFF_DOC);
	assert_int_equal(sniff_bytes(ole, 10, "csv"), SNIFF_OLE);
	/* The messages say what it is and what to do, in both languages. */
	assert_non_null(strstr(sniff_advice(SNIFF_XLS, LANG_EN),
	    "legacy Excel .xls file (OLE2)"));
	assert_non_null(strstr(sniff_advice(SNIFF_XLS, LANG_EN),
	    "save it as .xlsx"));
	assert_non_null(strstr(sniff_advice(SNIFF_DOC, LANG_EN),
	    "save it as .docx"));
	assert_non_null(strstr(sniff_advice(SNIFF_XLS, LANG_ZH), "另存为 .xlsx"));
	assert_string_equal(sniff_format(SNIFF_XLS), "xls");
}

/* A zip is Word's or Excel's by its parts, whatever its name. */
static void
test_sniff_zip(void **state)
{
	static const char *const word[] = { "word/document.xml", "<w/>" };
	static const char *const excel[] = { "xl/workbook.xml", "<x/>" };
	static const char *const word_types[] = { "[Content_Types].xml",
	    "<Types><Override PartName=\"/main.xml\" ContentType=\"application/"
	    "vnd.openxmlformats-officedocument.wordprocessingml.document.main"
	    "+xml\"/></Types>", "main.xml", "<w/>" };
	static const char *const excel_types[] = { "[Content_Types].xml",
	    "<Types><Override PartName=\"/b.xml\" ContentType=\"application/"
	    "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
	    "</Types>" };
	static const char *const other[] = { "notes.txt", "hello" };
	size_t len;
	char *bytes;

	(void)state;
	assert_int_equal(sniff_zip_parts(word, 2, "csv"), SNIFF_DOCX);
	assert_int_equal(sniff_zip_parts(excel, 2, "docx"), SNIFF_XLSX);
	assert_int_equal(sniff_zip_parts(word_types, 4, ""), SNIFF_DOCX);
	assert_int_equal(sniff_zip_parts(excel_types, 2, "docx"), SNIFF_XLSX);
	assert_int_equal(sniff_zip_parts(other, 2, "docx"), SNIFF_ZIP);
	assert_non_null(strstr(sniff_advice(SNIFF_ZIP, LANG_EN),
	    "neither a Word .docx nor an Excel .xlsx"));
	assert_null(sniff_advice(SNIFF_DOCX, LANG_EN));
	/* A damaged zip goes to the reader its name says, else PB001. */
	bytes = make_zip(word, 2, &len);
	assert_int_equal(sniff_bytes(bytes, len / 2, "docx"), SNIFF_DOCX);
	assert_int_equal(sniff_bytes(bytes, len / 2, "xlsx"), SNIFF_XLSX);
	assert_int_equal(sniff_bytes(bytes, len / 2, "csv"), SNIFF_ZIP_BROKEN);
	free(bytes);
	/* The sample .docx, read from the repository. */
	bytes = slurp("data/chengde-2021/targets.docx", &len);
	assert_int_equal(sniff_bytes(bytes, len, "csv"), SNIFF_DOCX);
	free(bytes);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff_magic),
		cmocka_unit_test(test_sniff_text),
		cmocka_unit_test(test_sniff_ole),
		cmocka_unit_test(test_sniff_zip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
