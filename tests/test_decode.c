/* Unit tests for input decoding (SPEC 2.1, PB007, PB008) in decode.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "text.h"
#include "util.h"

#include "support.h"

/* U+FFFD, what every invalid byte becomes. */
#define REPL		"\xEF\xBF\xBD"

/* "项目编码" in GB18030 (iconv -f UTF-8 -t GB18030). */
#define GB_XMBM		"\xCF\xEE\xC4\xBF\xB1\xE0\xC2\xEB"
/* "一级指标,产出\n" in GB18030. */
#define GB_LEVEL1	"\xD2\xBB\xBC\xB6\xD6\xB8\xB1\xEA,\xB2\xFA\xB3\xF6\n"

/* Decodes n bytes and fails the test if the converter is missing. */
static void
decode_ok(const char *bytes, size_t n, enum encoding enc, struct decoded *d)
{
	char *err = NULL;
	int rc;

	rc = decode_bytes(bytes, n, enc, d, &err);
	if (rc != 0)
		fail_msg("decode_bytes: %s", err != NULL ? err : "?");
	assert_null(err);
	assert_non_null(d->text);
	/* The text is NUL-terminated and len does not count the NUL. */
	assert_int_equal(d->text[d->len], '\0');
}

/* Plain UTF-8 is passed through unchanged and named UTF-8, not converted. */
static void
test_decode_plain_utf8(void **state)
{
	static const char in[] = "项目编码,项目名称\n571-0101,辐射\n";
	struct decoded d;

	(void)state;
	decode_ok(in, sizeof(in) - 1, ENC_AUTO, &d);
	assert_string_equal(d.text, in);
	assert_int_equal(d.len, sizeof(in) - 1);
	assert_string_equal(d.encoding, "UTF-8");
	assert_false(d.bom);
	assert_false(d.converted);
	assert_int_equal(d.nbad, 0);
	assert_int_equal(d.nbad_total, 0);
	decoded_free(&d);
}

/* A UTF-8 BOM is stripped and reported, in auto and forced UTF-8 mode. */
static void
test_decode_utf8_bom(void **state)
{
	static const char in[] = "\xEF\xBB\xBF项目编码\n";
	static const enum encoding encs[] = { ENC_AUTO, ENC_UTF8 };
	struct decoded d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(encs); i++) {
		decode_ok(in, sizeof(in) - 1, encs[i], &d);
		assert_string_equal(d.text, "项目编码\n");
		assert_int_equal(d.len, strlen("项目编码\n"));
		assert_string_equal(d.encoding, "UTF-8");
		assert_true(d.bom);
		assert_false(d.converted);
		assert_int_equal(d.nbad, 0);
		decoded_free(&d);
	}
}

/* UTF-16 with a BOM (either byte order) is converted to UTF-8. */
static void
test_decode_utf16_bom(void **state)
{
	/* "项目\n编码a" after the BOM. */
	static const struct {
		const char	*bytes;
		size_t		 n;
		enum encoding	 enc;
		const char	*name;
	} cases[] = {
		{ "\xFF\xFE\x79\x98\xEE\x76\x0A\x00\x16\x7F\x01\x78\x61\x00",
		    14, ENC_AUTO, "UTF-16LE" },
		{ "\xFE\xFF\x98\x79\x76\xEE\x00\x0A\x7F\x16\x78\x01\x00\x61",
		    14, ENC_AUTO, "UTF-16BE" },
		{ "\xFE\xFF\x98\x79\x76\xEE\x00\x0A\x7F\x16\x78\x01\x00\x61",
		    14, ENC_UTF16, "UTF-16BE" },
		/* Forced UTF-16 without a BOM is read as little-endian. */
		{ "\x79\x98\xEE\x76\x0A\x00\x16\x7F\x01\x78\x61\x00",
		    12, ENC_UTF16, "UTF-16LE" },
	};
	struct decoded d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		decode_ok(cases[i].bytes, cases[i].n, cases[i].enc, &d);
		assert_string_equal(d.text, "项目\n编码a");
		assert_int_equal(d.len, strlen("项目\n编码a"));
		assert_string_equal(d.encoding, cases[i].name);
		assert_int_equal(d.bom, cases[i].n == 14);
		assert_true(d.converted);
		assert_int_equal(d.nbad, 0);
		decoded_free(&d);
	}
}

/* Bytes that are not UTF-8 but are GB18030 are detected and converted. */
static void
test_decode_gb18030_auto(void **state)
{
	static const char in[] = GB_XMBM "," GB_LEVEL1;
	struct decoded d;

	(void)state;
	decode_ok(in, sizeof(in) - 1, ENC_AUTO, &d);
	assert_string_equal(d.text, "项目编码,一级指标,产出\n");
	assert_string_equal(d.encoding, "GB18030");
	assert_true(d.converted);
	assert_false(d.bom);
	assert_int_equal(d.nbad, 0);
	assert_int_equal(d.nbad_total, 0);
	decoded_free(&d);
}

/*
 * A NUL byte in a converted file is an invalid byte (U+FFFD, PB008), as
 * in UTF-8, wherever it falls among the converter's output: the output is
 * passed on at once only when it holds none.
 */
static void
test_decode_converted_nul(void **state)
{
	static const char in[] = GB_XMBM "\0" GB_LEVEL1;
	struct decoded d;

	(void)state;
	decode_ok(in, sizeof(in) - 1, ENC_GB18030, &d);
	assert_string_equal(d.text, "项目编码\xEF\xBF\xBD一级指标,产出\n");
	assert_int_equal(d.nbad, 1);
	assert_int_equal(d.nbad_total, 1);
	assert_int_equal(d.bad[0].first, 0);
	decoded_free(&d);
}

/* --encoding forces the encoding whatever the bytes look like. */
static void
test_decode_forced_encoding(void **state)
{
	static const struct {
		const char	*bytes;
		enum encoding	 enc;
		const char	*text;
		const char	*name;
		bool		 converted;
		size_t		 nbad_total;
	} cases[] = {
		/* GB18030 forced on GB18030 bytes. */
		{ GB_XMBM, ENC_GB18030, "项目编码", "GB18030", true, 0 },
		/* GB18030 forced on ASCII: converted, same text. */
		{ "code,1\n", ENC_GB18030, "code,1\n", "GB18030", true, 0 },
		/* "中文" in UTF-8 is also valid GB18030 (涓, U+E15F, 枃). */
		{ "\xE4\xB8\xAD\xE6\x96\x87", ENC_GB18030,
		    "涓\xEE\x85\x9F枃", "GB18030", true, 0 },
		/* UTF-8 forced on GB18030 bytes: every byte is invalid. */
		{ "\xCF\xEE", ENC_UTF8, REPL REPL, "UTF-8", false, 2 },
		{ "a\xB2\xFA", ENC_UTF8, "a" REPL REPL, "UTF-8", false, 2 },
	};
	struct decoded d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		decode_ok(cases[i].bytes, strlen(cases[i].bytes), cases[i].enc,
		    &d);
		assert_string_equal(d.text, cases[i].text);
		assert_string_equal(d.encoding, cases[i].name);
		assert_int_equal(d.converted, cases[i].converted);
		assert_int_equal(d.nbad_total, cases[i].nbad_total);
		assert_int_equal(d.nbad, cases[i].nbad_total > 0 ? 1 : 0);
		decoded_free(&d);
	}
}

/* Invalid UTF-8 becomes U+FFFD; bad[] has its line and character column. */
static void
test_decode_invalid_utf8_position(void **state)
{
	static const struct {
		const char	*bytes;
		const char	*text;
		int		 line;
		int		 col;
		unsigned char	 first;
	} cases[] = {
		{ "\xFF", REPL, 1, 1, 0xFF },
		{ "ab\xFF", "ab" REPL, 1, 3, 0xFF },
		/* Columns count characters, not bytes: 项目 are two. */
		{ "项目\xC3x", "项目" REPL "x", 1, 3, 0xC3 },
		{ "项目\n编码,\xE9\xA1", "项目\n编码," REPL REPL, 2, 4, 0xE9 },
		/* A surrogate and an overlong form are invalid too. */
		{ "x\n\n你\xED\xA0\x80", "x\n\n你" REPL REPL REPL, 3, 2, 0xED },
		{ "\xC0\xAF", REPL REPL, 1, 1, 0xC0 },
		/* A real U+FFFD is valid; the byte after it is not. */
		{ REPL "\x80", REPL REPL, 1, 2, 0x80 },
	};
	struct decoded d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		decode_ok(cases[i].bytes, strlen(cases[i].bytes), ENC_UTF8, &d);
		assert_string_equal(d.text, cases[i].text);
		assert_string_equal(d.encoding, "UTF-8");
		assert_false(d.converted);
		assert_int_equal(d.nbad, 1);
		assert_int_equal(d.bad[0].line, cases[i].line);
		assert_int_equal(d.bad[0].col, cases[i].col);
		assert_int_equal(d.bad[0].first, cases[i].first);
		decoded_free(&d);
	}
}

/* Auto mode falls back to GB18030 for invalid UTF-8; its bad bytes count. */
static void
test_decode_gb18030_bad_bytes(void **state)
{
	/* 0x80 and 0xFF are not GB18030; a lead byte at the end is cut off. */
	static const char in[] = GB_XMBM "\n\xB2\xFA\x80x\n\xFF\n\xCF";
	struct decoded d;

	(void)state;
	decode_ok(in, sizeof(in) - 1, ENC_AUTO, &d);
	assert_string_equal(d.encoding, "GB18030");
	assert_true(d.converted);
	assert_string_equal(d.text, "项目编码\n产" REPL "x\n" REPL "\n" REPL);
	assert_int_equal(d.nbad, 3);
	assert_int_equal(d.nbad_total, 3);
	assert_int_equal(d.bad[0].line, 2);
	assert_int_equal(d.bad[0].col, 2);
	assert_int_equal(d.bad[0].first, 0x80);
	assert_int_equal(d.bad[1].line, 3);
	assert_int_equal(d.bad[1].col, 1);
	assert_int_equal(d.bad[1].first, 0xFF);
	assert_int_equal(d.bad[2].line, 4);
	assert_int_equal(d.bad[2].col, 1);
	assert_int_equal(d.bad[2].first, 0xCF);
	decoded_free(&d);
}

/* Lone UTF-16 surrogates and an odd last byte are bad; pairs are fine. */
static void
test_decode_utf16_invalid(void **state)
{
	static const struct {
		const char	*bytes;
		size_t		 n;
		const char	*text;
		size_t		 nbad;
		int		 col;
		unsigned char	 first;
	} cases[] = {
		/* A surrogate pair: U+1F600. */
		{ "\xFF\xFE\x3D\xD8\x00\xDE", 6, "\xF0\x9F\x98\x80", 0, 0, 0 },
		/* A high surrogate without its low half, and a lone low one. */
		{ "\xFF\xFE\x61\x00\x00\xD8\x62\x00", 8, "a" REPL "b", 1, 2,
		    0x00 },
		{ "\xFE\xFF\xDC\x00\x00\x62", 6, REPL "b", 1, 1, 0xDC },
		/* An odd byte at the end, on the second line. */
		{ "\xFF\xFE\x61\x00\x0A\x00\x62\x00\x63", 9, "a\nb" REPL, 1, 2,
		    0x63 },
	};
	struct decoded d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		decode_ok(cases[i].bytes, cases[i].n, ENC_AUTO, &d);
		assert_true(d.converted);
		assert_string_equal(d.text, cases[i].text);
		assert_int_equal(d.nbad, cases[i].nbad);
		assert_int_equal(d.nbad_total, cases[i].nbad);
		if (cases[i].nbad > 0) {
			assert_int_equal(d.bad[0].line,
			    strchr(cases[i].text, '\n') != NULL ? 2 : 1);
			assert_int_equal(d.bad[0].col, cases[i].col);
			assert_int_equal(d.bad[0].first, cases[i].first);
		}
		decoded_free(&d);
	}
}

/* A NUL byte is invalid in every encoding: U+FFFD and a bad entry. */
static void
test_decode_nul_byte(void **state)
{
	static const struct {
		const char	*bytes;
		size_t		 n;
		enum encoding	 enc;
		const char	*name;
		const char	*text;
		int		 line;
		int		 col;
	} cases[] = {
		/* NUL is valid UTF-8 structurally, so auto keeps UTF-8. */
		{ "a\0b", 3, ENC_AUTO, "UTF-8", "a" REPL "b", 1, 2 },
		{ "项\n\0", 5, ENC_UTF8, "UTF-8", "项\n" REPL, 2, 1 },
		{ GB_XMBM "\0", 9, ENC_GB18030, "GB18030", "项目编码" REPL,
		    1, 5 },
		{ "\xFF\xFE\x61\x00\x00\x00", 6, ENC_AUTO, "UTF-16LE",
		    "a" REPL, 1, 2 },
	};
	struct decoded d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		decode_ok(cases[i].bytes, cases[i].n, cases[i].enc, &d);
		assert_string_equal(d.encoding, cases[i].name);
		/* No NUL survives inside the text. */
		assert_int_equal(strlen(d.text), d.len);
		assert_string_equal(d.text, cases[i].text);
		assert_int_equal(d.nbad, 1);
		assert_int_equal(d.nbad_total, 1);
		assert_int_equal(d.bad[0].line, cases[i].line);
		assert_int_equal(d.bad[0].col, cases[i].col);
		assert_int_equal(d.bad[0].first, 0);
		decoded_free(&d);
	}
}

/* Several bad stretches on one line give one entry; nbad_total counts all. */
static void
test_decode_bad_bytes_one_line(void **state)
{
	static const char in[] = "ok\n项\xFFx\xFEy\x80\n\xFFz";
	struct decoded d;

	(void)state;
	decode_ok(in, sizeof(in) - 1, ENC_UTF8, &d);
	assert_string_equal(d.text, "ok\n项" REPL "x" REPL "y" REPL "\n"
	    REPL "z");
	assert_int_equal(d.nbad, 2);
	assert_int_equal(d.nbad_total, 4);
	assert_int_equal(d.bad[0].line, 2);
	assert_int_equal(d.bad[0].col, 2);
	assert_int_equal(d.bad[0].first, 0xFF);
	assert_int_equal(d.bad[1].line, 3);
	assert_int_equal(d.bad[1].col, 1);
	decoded_free(&d);
}

/* At most 100 lines are listed in bad[]; nbad_total still counts every one. */
static void
test_decode_bad_lines_capped(void **state)
{
	enum { LINES = 150 };
	char in[LINES * 3];
	struct decoded d;
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < LINES; i++) {
		in[n++] = 'a';
		in[n++] = '\xFF';
		in[n++] = '\n';
	}
	decode_ok(in, n, ENC_UTF8, &d);
	assert_int_equal(d.nbad, 100);
	assert_int_equal(d.nbad_total, LINES);
	for (i = 0; i < d.nbad; i++) {
		assert_int_equal(d.bad[i].line, (int)i + 1);
		assert_int_equal(d.bad[i].col, 2);
	}
	decoded_free(&d);
}

/* LF, CRLF and CR (and CR then CRLF) each end one line for bad positions. */
static void
test_decode_bad_line_ends(void **state)
{
	static const struct {
		const char	*bytes;
		int		 line;
		int		 col;
	} cases[] = {
		{ "a\nb\n项\xFF", 3, 2 },
		{ "a\r\nb\r\n项\xFF", 3, 2 },
		{ "a\rb\r项\xFF", 3, 2 },
		{ "a\r\r\n项\xFF", 3, 2 },
		{ "a\n\r项\xFF", 3, 2 },
		{ "\r\n\r\n\r\n\xFF", 4, 1 },
	};
	struct decoded d;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		decode_ok(cases[i].bytes, strlen(cases[i].bytes), ENC_UTF8, &d);
		assert_int_equal(d.nbad, 1);
		assert_int_equal(d.bad[0].line, cases[i].line);
		assert_int_equal(d.bad[0].col, cases[i].col);
		decoded_free(&d);
	}
}

/* A CRLF that iconv's output chunks split still ends one line. */
static void
test_decode_gb18030_split_crlf(void **state)
{
	enum { LINES = 3000 };
	/* Each line is "产\r\n": 4 bytes of GB18030, 5 of UTF-8. */
	char *in = malloc((size_t)LINES * 4 + 8);
	struct decoded d;
	size_t i, n, pad;

	(void)state;
	assert_non_null(in);
	/* Shifting by 0-4 bytes puts some chunk end between CR and LF. */
	for (pad = 0; pad < 5; pad++) {
		n = 0;
		for (i = 0; i < pad; i++)
			in[n++] = 'a';
		for (i = 0; i < LINES; i++) {
			memcpy(in + n, "\xB2\xFA\r\n", 4);
			n += 4;
		}
		in[n++] = '\x80';
		decode_ok(in, n, ENC_GB18030, &d);
		assert_int_equal(d.len, pad + (size_t)LINES * 5 + 3);
		assert_int_equal(d.nbad, 1);
		assert_int_equal(d.bad[0].line, LINES + 1);
		assert_int_equal(d.bad[0].col, 1);
		decoded_free(&d);
	}
	free(in);
}

/* encoding_parse accepts the documented names in any case, nothing else. */
static void
test_decode_encoding_parse(void **state)
{
	static const struct {
		const char	*name;
		bool		 ok;
		enum encoding	 enc;
	} cases[] = {
		{ "auto", true, ENC_AUTO },
		{ "AUTO", true, ENC_AUTO },
		{ "utf-8", true, ENC_UTF8 },
		{ "UTF8", true, ENC_UTF8 },
		{ "UTF-8", true, ENC_UTF8 },
		{ "gb18030", true, ENC_GB18030 },
		{ "GB18030", true, ENC_GB18030 },
		{ "gbk", true, ENC_GB18030 },
		{ "utf-16", true, ENC_UTF16 },
		{ "UTF16", true, ENC_UTF16 },
		{ "bogus", false, ENC_AUTO },
		{ "", false, ENC_AUTO },
		{ "utf-8 ", false, ENC_AUTO },
		{ "latin1", false, ENC_AUTO },
	};
	enum encoding enc;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		/* A name that is refused leaves the output untouched. */
		enc = (enum encoding)99;
		assert_int_equal(encoding_parse(cases[i].name, &enc),
		    cases[i].ok);
		if (cases[i].ok)
			assert_int_equal(enc, cases[i].enc);
		else
			assert_int_equal(enc, 99);
	}
}

/* An empty input decodes to an empty UTF-8 text. */
static void
test_decode_empty(void **state)
{
	struct decoded d;

	(void)state;
	decode_ok("", 0, ENC_AUTO, &d);
	assert_string_equal(d.text, "");
	assert_int_equal(d.len, 0);
	assert_string_equal(d.encoding, "UTF-8");
	assert_false(d.converted);
	assert_int_equal(d.nbad, 0);
	decoded_free(&d);
}

/* What a streaming decoder passed on: the text, and where it said bad. */
struct piece_log {
	struct strbuf	 text;
	struct strbuf	 marks;		/* the text with '|' before each U+FFFD */
	size_t		 nbad;
	const char	*lo, *hi;	/* the input buffer */
	size_t		 outside;	/* text pieces not pointing into it */
};

static void
log_text(void *ctx, const char *s, size_t n)
{
	struct piece_log *l = ctx;

	strbuf_add(&l->text, s, n);
	strbuf_add(&l->marks, s, n);
	if (s < l->lo || s + n > l->hi)
		l->outside++;
}

static void
log_bad(void *ctx, unsigned char first)
{
	struct piece_log *l = ctx;

	(void)first;
	l->nbad++;
	strbuf_putc(&l->marks, '|');
}

/* Decodes in pieces of size step (the last piece shorter). */
static void
decode_pieces(const char *in, size_t n, enum encoding enc, size_t step,
    struct piece_log *l, const char **encoding)
{
	struct decode_sink sink = { l, log_text, log_bad };
	struct decoder *d = decoder_new(enc, &sink);
	char *err = NULL;
	size_t off, k;

	memset(l, 0, sizeof(*l));
	l->lo = in;
	l->hi = in + n;
	assert_int_equal(decoder_start(d, in, n, step >= n, &err), 0);
	for (off = 0; off < n; off += k) {
		k = n - off < step ? n - off : step;
		decoder_feed(d, in + off, k);
	}
	decoder_end(d);
	*encoding = decoder_encoding(d);
	decoder_free(d);
}

/*
 * Decoding in pieces of every size, cutting sequences anywhere, passes on
 * the same text and the same invalid bytes as decoding all at once, in
 * every encoding, with and without BOM.
 */
static void
test_decode_pieces_same_as_whole(void **state)
{
	static const struct {
		const char	*in;
		size_t		 n;
		enum encoding	 enc;
	} cases[] = {
#define C(s, e)	{ s, sizeof(s) - 1, e }
		C("项目编码,项目名称\n571-0101,辐射\xff环境\xe6\xb5,\x00x\n"
		    "\xf0\x9f\x98\x80 end \xed\xa0\x80 \xc3", ENC_UTF8),
		C("\xEF\xBB\xBF项目,a\r\nb\xfe\xfe,c\n", ENC_AUTO),
		C(GB_XMBM "," GB_LEVEL1 "\x81\x30\x81\x30\xff\x81," GB_XMBM,
		    ENC_GB18030),
		C("\xFF\xFE" "a\0,\0\x79\x98\n\0\x00\xD8" "b\0", ENC_AUTO),
		C("\xFE\xFF" "\0a\0,\x98\x79\0\n\xD8\x00\0b", ENC_AUTO),
		C("a\0b,c\0", ENC_UTF16),
#undef C
	};
	struct piece_log whole, part;
	const char *ew, *ep;
	size_t i, step;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		decode_pieces(cases[i].in, cases[i].n, cases[i].enc,
		    cases[i].n, &whole, &ew);
		for (step = 1; step < cases[i].n; step++) {
			decode_pieces(cases[i].in, cases[i].n, cases[i].enc,
			    step, &part, &ep);
			assert_string_equal(ep, ew);
			assert_int_equal(part.nbad, whole.nbad);
			assert_int_equal(part.marks.len, whole.marks.len);
			assert_memory_equal(part.marks.data, whole.marks.data,
			    whole.marks.len);
			strbuf_free(&part.text);
			strbuf_free(&part.marks);
		}
		strbuf_free(&whole.text);
		strbuf_free(&whole.marks);
	}
}

/* Valid UTF-8 is passed on where it lies: no piece is a copy. */
static void
test_decode_utf8_not_copied(void **state)
{
	static const char in[] = "项目编码,项目名称\n571-0101,辐射环境监测\n";
	struct piece_log l;
	const char *enc;
	size_t step;

	(void)state;
	for (step = 4; step < sizeof(in); step += 5) {
		decode_pieces(in, sizeof(in) - 1, ENC_UTF8, step, &l, &enc);
		assert_string_equal(l.text.data, in);
		/* Only a character a piece cuts goes through the carry. */
		assert_true(l.outside <= (sizeof(in) - 1) / step + 1);
		strbuf_free(&l.text);
		strbuf_free(&l.marks);
	}
	decode_pieces(in, sizeof(in) - 1, ENC_UTF8, sizeof(in), &l, &enc);
	assert_int_equal(l.outside, 0);
	strbuf_free(&l.text);
	strbuf_free(&l.marks);
}

/* utf8_valid() and the piecewise utf8_check agree with text_utf8_valid()
 * on every short sequence of interesting bytes. */
static void
test_decode_utf8_valid_agrees(void **state)
{
	static const unsigned char bytes[] = { 0x00, 0x41, 0x7F, 0x80, 0xBF,
	    0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F,
	    0xA0, 0x8F, 0x90 };
	char s[12];
	size_t nb = sizeof(bytes), n, k, i, split;
	unsigned long x, total;
	struct utf8_check u;

	(void)state;
	for (n = 1; n <= 4; n++) {
		total = 1;
		for (k = 0; k < n; k++)
			total *= nb;
		for (x = 0; x < total; x++) {
			unsigned long y = x;

			for (k = 0; k < n; k++) {
				s[k] = (char)bytes[y % nb];
				y /= nb;
			}
			/* After an ASCII run, to reach the word-wide loop. */
			memmove(s + 8, s, n);
			memset(s, 'a', 8);
			assert_int_equal(utf8_valid(s, n + 8),
			    text_utf8_valid(s, n + 8));
			for (split = 0; split <= n + 8; split++) {
				memset(&u, 0, sizeof(u));
				utf8_check_feed(&u, s, split);
				utf8_check_feed(&u, s + split, n + 8 - split);
				assert_int_equal(utf8_check_end(&u),
				    text_utf8_valid(s, n + 8));
			}
			(void)i;
		}
	}
}

/* The same within and after runs of CJK characters, where utf8_valid()
 * takes two sequences at once: a bad byte anywhere in the run is seen. */
static void
test_decode_utf8_valid_cjk_runs(void **state)
{
	static const unsigned char bytes[] = { 0x41, 0x80, 0xBF, 0xC2, 0xE0,
	    0xE4, 0xED, 0xEF, 0xF0, 0xFF, 0xA0, 0x9F };
	static const char run[] = "中文字符测试";	/* six 3-byte characters */
	char s[64];
	size_t nb = sizeof(bytes), k, pad, at, n, x, y;

	(void)state;
	for (k = 0; k <= 6; k++)
		for (pad = 0; pad <= 2; pad++)
			for (at = 0; at <= 3 * k; at++)
				for (x = 0; x < nb * nb; x++) {
					memset(s, 'a', pad);
					memcpy(s + pad, run, 3 * k);
					n = pad + 3 * k;
					/* Two bytes put over the run at at (a
					 * cut or bad sequence), then more CJK. */
					y = x;
					if (pad + at < n)
						s[pad + at] = (char)bytes[y % nb];
					else
						s[n++] = (char)bytes[y % nb];
					if (pad + at + 1 < n)
						s[pad + at + 1] =
						    (char)bytes[y / nb % nb];
					else
						s[n++] = (char)bytes[y / nb % nb];
					memcpy(s + n, run, 6);
					n += 6;
					assert_int_equal(utf8_valid(s, n),
					    text_utf8_valid(s, n));
				}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_plain_utf8),
		cmocka_unit_test(test_decode_utf8_bom),
		cmocka_unit_test(test_decode_utf16_bom),
		cmocka_unit_test(test_decode_gb18030_auto),
		cmocka_unit_test(test_decode_converted_nul),
		cmocka_unit_test(test_decode_forced_encoding),
		cmocka_unit_test(test_decode_invalid_utf8_position),
		cmocka_unit_test(test_decode_gb18030_bad_bytes),
		cmocka_unit_test(test_decode_utf16_invalid),
		cmocka_unit_test(test_decode_nul_byte),
		cmocka_unit_test(test_decode_bad_bytes_one_line),
		cmocka_unit_test(test_decode_bad_lines_capped),
		cmocka_unit_test(test_decode_bad_line_ends),
		cmocka_unit_test(test_decode_gb18030_split_crlf),
		cmocka_unit_test(test_decode_encoding_parse),
		cmocka_unit_test(test_decode_empty),
		cmocka_unit_test(test_decode_pieces_same_as_whole),
		cmocka_unit_test(test_decode_utf8_not_copied),
		cmocka_unit_test(test_decode_utf8_valid_agrees),
		cmocka_unit_test(test_decode_utf8_valid_cjk_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
