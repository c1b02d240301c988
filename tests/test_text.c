/* Unit tests for the UTF-8, label and width helpers in text.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#include "support.h"

static const char *
show(const char *s)
{
	return s != NULL ? s : "(null)";
}

struct decode_case {
	const char	*bytes;
	size_t		 n;
	uint32_t	 cp;
	size_t		 len;
};

/* Well-formed sequences of one to four bytes decode to their code point. */
static void
test_utf8_decode_valid(void **state)
{
	static const struct decode_case cases[] = {
		{ "A", 1, 0x41, 1 },
		{ "\x7F", 1, 0x7F, 1 },
		{ "\xC2\x80", 2, 0x80, 2 },
		{ "\xC3\xA9", 2, 0xE9, 2 },
		{ "\xE4\xB8\xAD", 3, 0x4E2D, 3 },		/* 中 */
		{ "\xE4\xB8\xAD\xE6\x96\x87", 6, 0x4E2D, 3 },	/* 中文 */
		{ "\xEF\xBF\xBD", 3, 0xFFFD, 3 },
		{ "\xF0\x9F\x98\x80", 4, 0x1F600, 4 },
		{ "\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4 },
	};
	uint32_t cp;
	size_t i, len;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		len = 99;
		cp = text_utf8_decode(cases[i].bytes, cases[i].n, &len);
		if (cp != cases[i].cp || len != cases[i].len)
			fail_msg("case %zu: U+%04X len %zu, want U+%04X len %zu",
			    i, (unsigned)cp, len, (unsigned)cases[i].cp,
			    cases[i].len);
	}
}

/* Overlongs, surrogates, truncation and stray bytes give U+FFFD, one byte. */
static void
test_utf8_decode_invalid(void **state)
{
	static const struct decode_case cases[] = {
		{ "\xC0\x80", 2, 0xFFFD, 1 },		/* overlong NUL */
		{ "\xC1\xBF", 2, 0xFFFD, 1 },		/* overlong DEL */
		{ "\xE0\x80\xAF", 3, 0xFFFD, 1 },	/* overlong '/' */
		{ "\xF0\x80\x80\x80", 4, 0xFFFD, 1 },	/* overlong NUL */
		{ "\xED\xA0\x80", 3, 0xFFFD, 1 },	/* U+D800 */
		{ "\xED\xBF\xBF", 3, 0xFFFD, 1 },	/* U+DFFF */
		{ "\xF4\x90\x80\x80", 4, 0xFFFD, 1 },	/* above U+10FFFF */
		{ "\xF5\x80\x80\x80", 4, 0xFFFD, 1 },
		{ "\xFF", 1, 0xFFFD, 1 },
		{ "\x80", 1, 0xFFFD, 1 },		/* lone continuation */
		{ "\xE4\xB8", 2, 0xFFFD, 1 },		/* truncated 中 */
		{ "\xE4\xB8\xAD", 2, 0xFFFD, 1 },	/* n cuts 中 short */
		{ "\xE4\x41\xAD", 3, 0xFFFD, 1 },	/* bad continuation */
		{ "\xF0\x9F\x98", 3, 0xFFFD, 1 },
	};
	uint32_t cp;
	size_t i, len;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		len = 99;
		cp = text_utf8_decode(cases[i].bytes, cases[i].n, &len);
		if (cp != cases[i].cp || len != cases[i].len)
			fail_msg("case %zu: U+%04X len %zu, want U+%04X len %zu",
			    i, (unsigned)cp, len, (unsigned)cases[i].cp,
			    cases[i].len);
	}
}

/* Decoding nothing consumes nothing. */
static void
test_utf8_decode_empty(void **state)
{
	size_t len = 99;

	(void)state;
	assert_int_equal(text_utf8_decode("", 0, &len), 0xFFFD);
	assert_int_equal(len, 0);
}

struct encode_case {
	uint32_t	 cp;
	const char	*bytes;
};

/* Encoding gives the shortest form, and decoding it gives the code point back. */
static void
test_utf8_encode_roundtrip(void **state)
{
	static const struct encode_case cases[] = {
		{ 0x41, "A" },
		{ 0x7F, "\x7F" },
		{ 0x80, "\xC2\x80" },
		{ 0x7FF, "\xDF\xBF" },
		{ 0x800, "\xE0\xA0\x80" },
		{ 0x3002, "\xE3\x80\x82" },		/* 。 */
		{ 0xFFFF, "\xEF\xBF\xBF" },
		{ 0x10000, "\xF0\x90\x80\x80" },
		{ 0x10FFFF, "\xF4\x8F\xBF\xBF" },
	};
	char buf[4];
	size_t i, n, len;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		n = text_utf8_encode(cases[i].cp, buf);
		if (n != strlen(cases[i].bytes) ||
		    memcmp(buf, cases[i].bytes, n) != 0)
			fail_msg("U+%04X: wrong encoding (%zu bytes)",
			    (unsigned)cases[i].cp, n);
		if (text_utf8_decode(buf, n, &len) != cases[i].cp || len != n)
			fail_msg("U+%04X: does not decode back",
			    (unsigned)cases[i].cp);
	}
}

/* A surrogate or an out-of-range value is written as U+FFFD. */
static void
test_utf8_encode_invalid(void **state)
{
	static const uint32_t bad[] = { 0xD800, 0xDFFF, 0x110000, 0xFFFFFFFF };
	char buf[4];
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		assert_int_equal(text_utf8_encode(bad[i], buf), 3);
		assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
	}
}

struct valid_case {
	const char	*bytes;
	size_t		 n;
	bool		 valid;
};

/* Validation accepts well-formed text and rejects every malformed kind. */
static void
test_utf8_valid_rejects_malformed(void **state)
{
	static const struct valid_case cases[] = {
		{ "", 0, true },
		{ "abc", 3, true },
		{ "产出指标", 12, true },
		{ "a\xF0\x9F\x98\x80z", 6, true },
		{ "a\0b", 3, true },
		{ "\xC0\xAF", 2, false },		/* overlong */
		{ "\xE0\x9F\xBF", 3, false },		/* overlong */
		{ "\xF0\x8F\xBF\xBF", 4, false },	/* overlong */
		{ "\xED\xA0\x80", 3, false },		/* surrogate */
		{ "ab\xE4\xB8", 4, false },		/* truncated */
		{ "\xE4\xB8\xAD", 2, false },		/* cut by n */
		{ "\x80", 1, false },
		{ "\xF4\x90\x80\x80", 4, false },
		{ "ok\xFE", 3, false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		if (text_utf8_valid(cases[i].bytes, cases[i].n) !=
		    cases[i].valid)
			fail_msg("case %zu: valid is %d", i, !cases[i].valid);
}

/* Full-width ASCII and the ideographic space fold; nothing else changes. */
static void
test_fold_width_maps_fullwidth(void **state)
{
	static const uint32_t cases[][2] = {
		{ 0xFF01, '!' },
		{ 0xFF10, '0' },
		{ 0xFF19, '9' },
		{ 0xFF1D, '=' },
		{ 0xFF05, '%' },
		{ 0xFF21, 'A' },
		{ 0xFF5E, '~' },
		{ 0x3000, ' ' },
		{ 0xFF00, 0xFF00 },
		{ 0xFF5F, 0xFF5F },
		{ 0x300B, 0x300B },		/* 》 stays an operator of its own */
		{ 'a', 'a' },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		if (text_fold_width(cases[i][0]) != cases[i][1])
			fail_msg("U+%04X folds to U+%04X, want U+%04X",
			    (unsigned)cases[i][0],
			    (unsigned)text_fold_width(cases[i][0]),
			    (unsigned)cases[i][1]);
}

/* ASCII and Unicode spaces are space; letters and joiners are not. */
static void
test_is_space_unicode(void **state)
{
	static const uint32_t spaces[] = {
		' ', '\t', '\r', '\n', '\v', '\f', 0x00A0, 0x1680, 0x2000,
		0x2005, 0x200A, 0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
		0x3000, 0xFEFF
	};
	static const uint32_t others[] = {
		'a', '0', 0, 0x85, 0x200C, 0x200D, 0x2030, 0x3001, 0x4E2D,
		0xFFFD
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(spaces); i++)
		if (!text_is_space(spaces[i]))
			fail_msg("U+%04X is not space", (unsigned)spaces[i]);
	for (i = 0; i < NELEM(others); i++)
		if (text_is_space(others[i]))
			fail_msg("U+%04X is space", (unsigned)others[i]);
}

struct string_case {
	const char	*in;
	const char	*out;
};

static void
check_string_cases(char *(*fn)(const char *), const char *name,
    const struct string_case *c, size_t n)
{
	char *got;
	bool ok;
	size_t i;

	for (i = 0; i < n; i++) {
		got = fn(c[i].in);
		ok = strcmp(got, c[i].out) == 0;
		free(got);
		if (!ok)
			fail_msg("%s(\"%s\") is not \"%s\"", name,
			    show(c[i].in), c[i].out);
	}
}

/* Squeezing folds full-width ASCII and removes every kind of space. */
static void
test_squeeze_folds_and_drops_spaces(void **state)
{
	static const struct string_case cases[] = {
		{ "", "" },
		{ NULL, "" },
		{ "abc", "abc" },
		{ "＝１００％", "=100%" },
		{ "》 90 %", "》90%" },
		{ " a\tb\r\nc ", "abc" },
		{ "产出\u3000指标\u00a0", "产出指标" },
		{ "\xEF\xBB\xBF" "x\u200By", "xy" },
		{ "＞＝９０", ">=90" },
		{ "a\xFF" "b", "a\xFF" "b" },		/* stray bytes are kept */
	};

	(void)state;
	check_string_cases(text_squeeze, "text_squeeze", cases,
	    NELEM(cases));
}

/* The label form also drops one leading ★. */
static void
test_label_strips_star_and_spaces(void **state)
{
	static const struct string_case cases[] = {
		{ "★产出指标", "产出指标" },
		{ " ★ 数量指标", "数量指标" },
		{ "产出\n指标  ", "产出指标" },
		{ "★★数量指标", "★数量指标" },
		{ "数量★指标", "数量★指标" },
		{ "ＡＢＣ", "ABC" },
		{ "", "" },
	};

	(void)state;
	check_string_cases(text_label, "text_label", cases, NELEM(cases));
}

struct pair_case {
	const char	*a;
	const char	*b;
	bool		 equal;
};

/* Labels compare after folding, ignoring one trailing 。 or '.' per side. */
static void
test_label_equal_ignores_full_stop(void **state)
{
	static const struct pair_case cases[] = {
		{ "产出指标", "产出指标", true },
		{ "产出指标。", "产出指标", true },
		{ "产出指标", "产出指标.", true },
		{ "产出指标。", "产出指标．", true },
		{ "产出 指标", "★产出指标", true },
		{ "产出\n指标  ", "产出指标", true },
		{ "运行率。。", "运行率", false },
		{ "运行率。", "运行率。。", false },
		{ "数量指标", "质量指标", false },
		{ "abc", "ABC", false },
		{ "", NULL, true },
		{ "。", "", true },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		if (text_label_equal(cases[i].a, cases[i].b) !=
		    cases[i].equal)
			fail_msg("\"%s\" vs \"%s\": equal is %d",
			    show(cases[i].a), show(cases[i].b),
			    !cases[i].equal);
}

/* The buffer forms agree with text_squeeze() and text_label_key() on
 * CJK, full-width forms, spaces, stars, stops and stray or cut bytes. */
static void
test_into_forms_agree(void **state)
{
	static const char *const cases[] = {
		"", " ", "中文", "\u2605 项目\u3000名称。", "\uFF21\uFF42 c.",
		"\xE4\xB8", "中\xE4\xB8", "\xFF中", "\xED\xA0\x80", "\u00a0a\u200b",
		"\u3002", "..", "\u2605", "产出\n指标", "\xE4\x80\x80\xEC\xBF\xBF",
	};
	char out[64];
	char *want;
	size_t i, n;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		want = text_squeeze(cases[i]);
		n = text_squeeze_into(cases[i], strlen(cases[i]), out);
		assert_string_equal(out, want);
		assert_int_equal(n, strlen(want));
		free(want);
		want = text_label_key(cases[i]);
		n = text_label_key_into(cases[i], strlen(cases[i]), out);
		assert_string_equal(out, want);
		assert_int_equal(n, strlen(want));
		free(want);
	}
}

/* Trimming removes ASCII and Unicode spaces at both ends only. */
static size_t
put(uint32_t cp, char *out)
{
	unsigned char *u = (unsigned char *)out;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | cp >> 6);
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	u[0] = (unsigned char)(0xE0 | cp >> 12);
	u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[2] = (unsigned char)(0x80 | (cp & 0x3F));
	return 3;
}

/*
 * text_trim_span() settles most ends by their first two bytes: at either
 * end, every white space character of text_is_space() is trimmed, and no
 * character that shares its lead byte (or its first two bytes) is: the
 * result is the one a decoding of every character gives.
 */
static void
test_trim_span_every_end(void **state)
{
	static const uint32_t ends[] = {
		' ', '\t', '\r', '\n', '\v', '\f', 'a', 0x00A0, 0x00A9,
		0x00C2, 0x1680, 0x1681, 0x2000, 0x200A, 0x200B, 0x200C, 0x2014,
		0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0x3001, 0x3002,
		0x4E2D, 0xFEFF, 0xFEFE, 0xFF09, 0xFFFD,
	};
	char buf[32];
	size_t i, j, start, len, n, a, b;

	(void)state;
	for (i = 0; i < NELEM(ends); i++)
		for (j = 0; j < NELEM(ends); j++) {
			a = put(ends[i], buf);
			n = a + put(0x6587, buf + a);	/* 文 */
			b = put(ends[j], buf + n);
			n += b;
			buf[n] = '\0';
			len = text_trim_span(buf, n, &start);
			if (text_is_space(ends[i]))
				a = 0;
			if (text_is_space(ends[j]))
				b = 0;
			assert_int_equal(start, text_is_space(ends[i]) ?
			    put(ends[i], buf + n + 1) : 0);
			assert_int_equal(len, a + 3 + b);
		}
	/* Empty, and a lone lead byte at either end. */
	assert_int_equal(text_trim_span("", 0, &start), 0);
	assert_int_equal(text_trim_span("\xe3", 1, &start), 1);
	assert_int_equal(text_trim_span("a\xc2", 2, &start), 2);
}

static void
test_trim_both_ends(void **state)
{
	static const struct string_case cases[] = {
		{ " a b ", "a b" },
		{ "\u3000中 文\u00a0", "中 文" },
		{ "\t\r\n", "" },
		{ "", "" },
		{ NULL, "" },
		{ "x", "x" },
		{ "\xEF\xBB\xBF" "项目", "项目" },
	};

	(void)state;
	check_string_cases(text_trim, "text_trim", cases, NELEM(cases));
}

/* NULL and all-space text are blank; anything else is not. */
static void
test_blank_only_spaces(void **state)
{
	(void)state;
	assert_true(text_blank(NULL));
	assert_true(text_blank(""));
	assert_true(text_blank(" \t\u3000\u00a0\n"));
	assert_false(text_blank(" a "));
	assert_false(text_blank("\u3000*"));
	assert_false(text_blank("\xFF"));
}

/* Prefix and suffix tests compare whole UTF-8 byte strings. */
static void
test_starts_ends_with_whole_strings(void **state)
{
	(void)state;
	assert_true(text_starts_with("★产出", "★"));
	assert_true(text_starts_with("abc", ""));
	assert_false(text_starts_with("ab", "abc"));
	assert_false(text_starts_with(NULL, "a"));
	assert_true(text_ends_with("满意度", "意度"));
	assert_true(text_ends_with("95%以上", "以上"));
	assert_true(text_ends_with("abc", ""));
	assert_false(text_ends_with("上", "以上"));
	assert_false(text_ends_with(NULL, "a"));
}

struct width_case {
	const char	*s;
	size_t		 width;
};

/* CJK and full-width count 2, combining marks and controls 0, the rest 1. */
static void
test_width_columns(void **state)
{
	static const struct width_case cases[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "中文", 4 },
		{ "a中b", 4 },
		{ "《》", 4 },
		{ "》90%", 5 },
		{ "１００％", 8 },
		{ "한국", 4 },
		{ "\U00020000", 2 },
		{ "e\u0301", 1 },
		{ "a\u200Bb", 2 },
		{ "\t", 0 },
		{ "‰", 1 },
		{ "é", 1 },
		{ "\xFF", 1 },
	};
	size_t i, w;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		w = text_width(cases[i].s);
		if (w != cases[i].width)
			fail_msg("width of \"%s\" is %zu, want %zu",
			    cases[i].s, w, cases[i].width);
	}
	assert_int_equal(text_width(NULL), 0);
}

struct map_case {
	const char	*in;
	const char	*want;
};

/* Every byte that is not well-formed UTF-8 becomes one U+FFFD; valid text,
 * controls and a U+FFFD already there are kept as they are. */
static void
test_utf8_clean_replaces_bad_bytes(void **state)
{
	static const struct map_case cases[] = {
		{ "", "" },
		{ "abc", "abc" },
		{ "中文", "中文" },
		{ "\xEF\xBF\xBD", "\xEF\xBF\xBD" },
		{ "\x1B[2J\x7F\xC2\x85", "\x1B[2J\x7F\xC2\x85" },
		/* 测试 in GBK, as a Chinese Windows zip names a file. */
		{ "/t/\xB2\xE2\xCA\xD4.csv",
		    "/t/\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.csv" },
		{ "a\xFF", "a\xEF\xBF\xBD" },
		{ "\xC0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD" },	/* overlong */
		{ "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "\xE4\xB8", "\xEF\xBF\xBD\xEF\xBF\xBD" },	/* cut 中 */
		{ "\xE4\xB8中", "\xEF\xBF\xBD\xEF\xBF\xBD中" },
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		got = text_utf8_clean(cases[i].in);
		assert_true(text_utf8_valid(got, strlen(got)));
		if (strcmp(got, cases[i].want) != 0) {
			free(got);
			fail_msg("case %zu: not the expected text", i);
		}
		free(got);
	}
	got = text_utf8_clean(NULL);
	assert_string_equal(got, "");
	free(got);
}

/* C0, DEL, C1, the separators and the bidirectional controls are controls;
 * the characters either side of each range are not. */
static void
test_is_control_ranges(void **state)
{
	static const uint32_t yes[] = { 0x00, 0x09, 0x0A, 0x1B, 0x1F, 0x7F,
	    0x80, 0x85, 0x9B, 0x9F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066,
	    0x2069 };
	static const uint32_t no[] = { 0x20, 0x41, 0x7E, 0xA0, 0xE9, 0x2027,
	    0x202F, 0x2065, 0x206A, 0x4E2D, 0xFFFD, 0x1F600 };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(yes); i++)
		if (!text_is_control(yes[i]))
			fail_msg("U+%04X is a control", (unsigned)yes[i]);
	for (i = 0; i < NELEM(no); i++)
		if (text_is_control(no[i]))
			fail_msg("U+%04X is not a control", (unsigned)no[i]);
}

/* Text for a terminal: \t \n \r, other C0 and DEL and bad bytes as \xHH,
 * C1 and the other controls as \uHHHH; everything else unchanged. */
static void
test_escape_controls(void **state)
{
	static const struct map_case cases[] = {
		{ "", "" },
		{ "plain 中文 ＡＢ", "plain 中文 ＡＢ" },
		{ "\x1B[2J", "\\x1b[2J" },
		{ "a\tb\nc\rd", "a\\tb\\nc\\rd" },
		{ "\x07\x7F\x01", "\\x07\\x7f\\x01" },
		{ "\xC2\x85\xC2\x9B", "\\u0085\\u009b" },
		{ "\xE2\x80\xAE" "abc", "\\u202eabc" },
		{ "\xE2\x80\xA8", "\\u2028" },
		{ "/t/\xB2\xE2\xCA\xD4.csv", "/t/\\xb2\\xe2\\xca\\xd4.csv" },
		{ "\xEF\xBF\xBD", "\xEF\xBF\xBD" },
		{ "\xC2\xA0", "\xC2\xA0" },		/* NBSP is shown */
		{ "C:\\dir", "C:\\dir" },		/* backslash kept */
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		got = text_escape(cases[i].in);
		if (strcmp(got, cases[i].want) != 0) {
			char g[128];

			copy_text(g, sizeof(g), got);
			free(got);
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, g,
			    cases[i].want);
		}
		free(got);
	}
	got = text_escape(NULL);
	assert_string_equal(got, "");
	free(got);
}

/* XML text: what needs no replacing is the input itself, not a copy;
 * the rest becomes U+FFFD, each bad byte and each unfit character. */
static void
test_xml_clean_copies_only_to_replace(void **state)
{
	static const char *const same[] = { "", "abc <&>\"'", "中文 ＡＢ",
	    "a\tb\nc\rd", "\xEF\xBF\xBD", "\xC2\xA0\xC2\xA0", "\xF0\x9F\x98\x80",
	    "\xEF\xBF\xBC", "\xE2\x80\xA7\xE2\x80\xAF\xE2\x81\xAA" };
	static const struct map_case cases[] = {
		{ "\x01", "\xEF\xBF\xBD" },
		{ "a\x1B[2Jb", "a\xEF\xBF\xBD[2Jb" },
		{ "\x7F\x7F", "\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "x\xC2\x85", "x\xEF\xBF\xBD" },		/* C1 NEL */
		{ "\xE2\x80\xA8" "a\xE2\x80\xAE", "\xEF\xBF\xBD" "a\xEF\xBF\xBD" },
		{ "\xE2\x81\xA6\xE2\x81\xA9", "\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "\xEF\xBF\xBE\xEF\xBF\xBF", "\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "/t/\xB2\xE2\xCA\xD4.csv",
		    "/t/\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.csv" },
		{ "\xE4\xB8中", "\xEF\xBF\xBD\xEF\xBF\xBD中" },	/* cut 中 */
		{ "中\xE4\xB8", "中\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "\xC0\x80\x01", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },
	};
	size_t i;
	const char *got;
	char *copy;

	(void)state;
	for (i = 0; i < NELEM(same); i++) {
		got = text_xml_clean(same[i], &copy);
		if (got != same[i] || copy != NULL)
			fail_msg("same %zu: copied", i);
	}
	for (i = 0; i < NELEM(cases); i++) {
		got = text_xml_clean(cases[i].in, &copy);
		if (got != copy || strcmp(got, cases[i].want) != 0) {
			free(copy);
			fail_msg("case %zu: not the expected text", i);
		}
		free(copy);
	}
	assert_string_equal(text_xml_clean(NULL, &copy), "");
	assert_null(copy);
}

/* The XML cleaning as it was: text_utf8_clean(), then every unfit code
 * point replaced. */
static char *
xml_clean_ref(const char *s)
{
	struct strbuf b = {0};
	char *clean = text_utf8_clean(s);
	size_t i, n = strlen(clean), len;
	uint32_t cp;

	for (i = 0; i < n; i += len) {
		cp = text_utf8_decode(clean + i, n - i, &len);
		if ((text_is_control(cp) && cp != '\t' && cp != '\n' &&
		    cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)
			strbuf_puts(&b, "\xEF\xBF\xBD");
		else
			strbuf_add(&b, clean + i, len);
	}
	free(clean);
	return strbuf_take(&b);
}

/* The one scan gives what the two passes gave: for every string of one or
 * two bytes, 20,000 random ones up to 47 bytes, and every three-byte
 * string of a lead byte and two others among the interesting ones; it
 * copies exactly when something is replaced. */
static void
test_xml_clean_agrees(void **state)
{
	static const unsigned char some[] = { 0x00, 0x01, 0x09, 0x0A, 0x0D,
	    0x1F, 0x20, 0x41, 0x7F, 0x80, 0x81, 0x85, 0x9F, 0xA0, 0xA8, 0xAE,
	    0xA6, 0xA9, 0xBE, 0xBF, 0xC0, 0xC2, 0xE2, 0xE4, 0xED, 0xEF, 0xF0,
	    0xF4, 0xF5, 0xFF };
	char s[4];
	const char *got;
	char *copy, *want;
	unsigned a, b, c;

	(void)state;
	for (a = 1; a < 256; a++)
		for (b = 0; b < 256; b++) {
			s[0] = (char)a;
			s[1] = (char)b;
			s[2] = '\0';
			want = xml_clean_ref(s);
			got = text_xml_clean(s, &copy);
			if (strcmp(got, want) != 0) {
				free(copy);
				free(want);
				fail_msg("%02x %02x: not as before", a, b);
			}
			free(copy);
			free(want);
		}
	/* Longer strings, mostly ASCII, for the eight-byte steps. */
	srand(11);
	for (a = 0; a < 20000; a++) {
		char t[48];
		size_t k, len = (size_t)rand() % (sizeof(t) - 1);

		for (k = 0; k < len; k++) {
			b = (unsigned)rand() % 64;
			t[k] = (char)(b < 40 ? 0x20 + rand() % 0x5F :
			    b < 56 ? some[(unsigned)rand() % NELEM(some)] :
			    1 + rand() % 255);
			if (t[k] == '\0')
				t[k] = 'x';
		}
		t[len] = '\0';
		want = xml_clean_ref(t);
		got = text_xml_clean(t, &copy);
		if (strcmp(got, want) != 0 || (copy == NULL) !=
		    (strcmp(want, t) == 0)) {
			free(copy);
			free(want);
			fail_msg("random string %u: not as before", a);
		}
		free(copy);
		free(want);
	}
	for (a = 0xC2; a < 0xF5; a++)
		for (b = 0; b < NELEM(some); b++)
			for (c = 0; c < NELEM(some); c++) {
				s[0] = (char)a;
				s[1] = (char)some[b];
				s[2] = (char)some[c];
				s[3] = '\0';
				want = xml_clean_ref(s);
				got = text_xml_clean(s, &copy);
				if (strcmp(got, want) != 0) {
					free(copy);
					free(want);
					fail_msg("%02x %02x %02x: not as before",
					    a, some[b], some[c]);
				}
				free(copy);
				free(want);
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_decode_valid),
		cmocka_unit_test(test_utf8_decode_invalid),
		cmocka_unit_test(test_utf8_decode_empty),
		cmocka_unit_test(test_utf8_encode_roundtrip),
		cmocka_unit_test(test_utf8_encode_invalid),
		cmocka_unit_test(test_utf8_valid_rejects_malformed),
		cmocka_unit_test(test_fold_width_maps_fullwidth),
		cmocka_unit_test(test_is_space_unicode),
		cmocka_unit_test(test_squeeze_folds_and_drops_spaces),
		cmocka_unit_test(test_label_strips_star_and_spaces),
		cmocka_unit_test(test_label_equal_ignores_full_stop),
		cmocka_unit_test(test_into_forms_agree),
		cmocka_unit_test(test_trim_span_every_end),
		cmocka_unit_test(test_trim_both_ends),
		cmocka_unit_test(test_blank_only_spaces),
		cmocka_unit_test(test_starts_ends_with_whole_strings),
		cmocka_unit_test(test_width_columns),
		cmocka_unit_test(test_utf8_clean_replaces_bad_bytes),
		cmocka_unit_test(test_is_control_ranges),
		cmocka_unit_test(test_escape_controls),
		cmocka_unit_test(test_xml_clean_copies_only_to_replace),
		cmocka_unit_test(test_xml_clean_agrees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
