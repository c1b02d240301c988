/* UTF-8 helpers that let labels and values be compared and laid out. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define TEXT_REPLACEMENT	0xFFFDu

/*
 * Decodes one well-formed sequence. Overlong forms and surrogates are
 * rejected because they let two different byte strings compare equal
 * after decoding, which label matching must not allow.
 */
static bool
utf8_next(const unsigned char *s, size_t n, uint32_t *cp, size_t *len)
{
	uint32_t c, min;
	size_t need, i;

	if (n == 0)
		return false;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		*len = 1;
		return true;
	}
	if (c < 0xC2)
		return false;
	if (c < 0xE0) {
		need = 1;
		c &= 0x1F;
		min = 0x80;
	} else if (c < 0xF0) {
		need = 2;
		c &= 0x0F;
		min = 0x800;
	} else if (c < 0xF5) {
		need = 3;
		c &= 0x07;
		min = 0x10000;
	} else
		return false;
	if (n <= need)
		return false;
	for (i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return false;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return false;
	*cp = c;
	*len = need + 1;
	return true;
}

uint32_t
text_utf8_decode(const char *s, size_t n, size_t *len)
{
	uint32_t cp;
	size_t l;

	if (!utf8_next((const unsigned char *)s, n, &cp, &l)) {
		cp = TEXT_REPLACEMENT;
		l = n > 0 ? 1 : 0;
	}
	if (len != NULL)
		*len = l;
	return cp;
}

size_t
text_utf8_encode(uint32_t cp, char *buf)
{
	unsigned char *b = (unsigned char *)buf;

	/* A surrogate or an out-of-range value would make invalid text. */
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = TEXT_REPLACEMENT;
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (unsigned char)(0xF0 | (cp >> 18));
	b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
text_utf8_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	size_t len;

	while (n > 0) {
		/* ASCII needs no decoding: most of a CSV's punctuation. */
		if (*u < 0x80) {
			u++;
			n--;
			continue;
		}
		if (!utf8_next(u, n, &cp, &len))
			return false;
		u += len;
		n -= len;
	}
	return true;
}

char *
text_utf8_clean(const char *s)
{
	struct strbuf b = {0};
	uint32_t cp;
	size_t n, len;

	if (s == NULL)
		return xstrdup("");
	n = strlen(s);
	/* Nearly all text is valid already: one copy, no rebuilding. */
	if (text_utf8_valid(s, n))
		return xstrndup(s, n);
	while (n > 0) {
		if (!utf8_next((const unsigned char *)s, n, &cp, &len)) {
			strbuf_puts(&b, "\xEF\xBF\xBD");
			len = 1;
		} else
			strbuf_add(&b, s, len);
		s += len;
		n -= len;
	}
	return strbuf_take(&b);
}

bool
text_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    cp == 0x2028 || cp == 0x2029 ||
	    (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/* A code point XML 1.0 text cannot carry, not even as a reference, or
 * that a reader of the report would act on (text_xml_clean()). */
static bool
xml_unfit(uint32_t cp)
{
	return (text_is_control(cp) && cp != '\t' && cp != '\n' &&
	    cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
}

const char *
text_xml_clean(const char *s, char **copy)
{
	const unsigned char *u = (const unsigned char *)s;
	struct strbuf b = {0};
	size_t n, i, len, kept;
	uint32_t cp;

	*copy = NULL;
	if (s == NULL)
		return "";
	n = strlen(s);
	/* One scan; the text is copied only from its first replacement. */
	for (i = 0, kept = 0; i < n; i += len) {
		/* Eight bytes at a time while they are printable ASCII: no
		 * byte >= 0x80, none < 0x20, none 0x7F (as bit tricks). */
		if (n - i >= 8) {
			uint64_t x, y;

			memcpy(&x, u + i, 8);
			y = x ^ 0x7F7F7F7F7F7F7F7FULL;
			if (((x | ((x - 0x2020202020202020ULL) & ~x) |
			    ((y - 0x0101010101010101ULL) & ~y)) &
			    0x8080808080808080ULL) == 0) {
				len = 8;
				continue;
			}
		}
		len = 1;
		if (u[i] < 0x80) {
			if ((u[i] >= 0x20 && u[i] != 0x7F) || u[i] == '\t' ||
			    u[i] == '\n' || u[i] == '\r')
				continue;
		} else if (u[i] >= 0xE3 && u[i] <= 0xEC && n - i > 2 &&
		    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			/* U+3000..U+CFFF, most CJK: well-formed and fit. */
			len = 3;
			continue;
		} else if (utf8_next(u + i, n - i, &cp, &len)) {
			if (!xml_unfit(cp))
				continue;
		} else
			len = 1;
		strbuf_add(&b, s + kept, i - kept);
		strbuf_puts(&b, "\xEF\xBF\xBD");
		kept = i + len;
	}
	if (b.len == 0)
		return s;
	strbuf_add(&b, s + kept, n - kept);
	*copy = strbuf_take(&b);
	return *copy;
}

void
text_escape_add(struct strbuf *b, const char *s)
{
	const char *run;
	uint32_t cp;
	size_t n, len;

	if (s == NULL)
		return;
	n = strlen(s);
	/* Text that needs no escape is copied in runs, not by character. */
	run = s;
	while (n > 0) {
		const unsigned char *u = (const unsigned char *)s;

		if (u[0] >= 0x20 && u[0] < 0x7F) {
			s++;
			n--;
			continue;
		}
		/* U+4000..U+CFFF (CJK): no control among them. */
		if (u[0] >= 0xE4 && u[0] <= 0xEC && n >= 3 &&
		    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
			s += 3;
			n -= 3;
			continue;
		}
		if (utf8_next((const unsigned char *)s, n, &cp, &len) &&
		    cp >= 0x20 && cp != 0x7F && !text_is_control(cp)) {
			s += len;
			n -= len;
			continue;
		}
		strbuf_add(b, run, (size_t)(s - run));
		if (!utf8_next((const unsigned char *)s, n, &cp, &len)) {
			strbuf_printf(b, "\\x%02x", (unsigned char)*s);
			len = 1;
		} else if (cp == '\t')
			strbuf_puts(b, "\\t");
		else if (cp == '\n')
			strbuf_puts(b, "\\n");
		else if (cp == '\r')
			strbuf_puts(b, "\\r");
		else if (cp < 0x20 || cp == 0x7F)
			strbuf_printf(b, "\\x%02x", (unsigned)cp);
		else
			strbuf_printf(b, "\\u%04x", (unsigned)cp);
		s += len;
		n -= len;
		run = s;
	}
	strbuf_add(b, run, (size_t)(s - run));
}

char *
text_escape(const char *s)
{
	struct strbuf b = {0};

	text_escape_add(&b, s);
	return strbuf_take(&b);
}

uint32_t
text_fold_width(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	return cp;
}

bool
text_is_space(uint32_t cp)
{
	switch (cp) {
	case ' ':
	case '\t':
	case '\r':
	case '\n':
	case '\v':
	case '\f':
	case 0x00A0:
	case 0x1680:
	case 0x2028:
	case 0x2029:
	case 0x202F:
	case 0x205F:
	case 0x3000:
	case 0xFEFF:
		return true;
	default:
		return cp >= 0x2000 && cp <= 0x200B;
	}
}

/* ASCII white space of text_is_space(), by byte. */
static const bool ascii_space[128] = {
	['\t'] = true, ['\n'] = true, ['\v'] = true, ['\f'] = true,
	['\r'] = true, [' '] = true,
};

/* Whether a character led by byte c may be white space. */
static bool
space_lead(unsigned char c)
{
	if (c < 0x80)
		return ascii_space[c];
	return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}

/*
 * Squeezes s[0..n) into out (room for n + 1 bytes; folding never lengthens
 * a character) and returns the length written, NUL-terminated. ASCII and
 * the three-byte characters led by E4..EC (U+4000..U+CFFF: CJK, no space,
 * nothing folded) are copied as they are; the rest is decoded.
 */
size_t
text_squeeze_into(const char *s, size_t n, char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	char *w = out;
	uint32_t cp;
	size_t len;

	while (n > 0) {
		if (u[0] < 0x80) {
			if (!ascii_space[u[0]])
				*w++ = (char)u[0];
			u++;
			n--;
			continue;
		}
		if (u[0] >= 0xE4 && u[0] <= 0xEC && n >= 3 &&
		    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
			w[0] = (char)u[0];
			w[1] = (char)u[1];
			w[2] = (char)u[2];
			w += 3;
			u += 3;
			n -= 3;
			continue;
		}
		/*
		 * A stray byte is copied as it is rather than replaced, so
		 * that squeezing never invents text the reader did not see.
		 */
		if (!utf8_next(u, n, &cp, &len)) {
			*w++ = (char)*u++;
			n--;
			continue;
		}
		u += len;
		n -= len;
		cp = text_fold_width(cp);
		if (!text_is_space(cp))
			w += text_utf8_encode(cp, w);
	}
	*w = '\0';
	return (size_t)(w - out);
}

/* A new copy of s (NULL: "") in the form into() writes, which is never
 * longer than its input. */
static char *
form_new(const char *s, size_t (*into)(const char *, size_t, char *))
{
	size_t n;
	char *out;

	if (s == NULL)
		return xstrdup("");
	n = strlen(s);
	out = xmalloc(n + 1);
	into(s, n, out);
	return out;
}

char *
text_squeeze(const char *s)
{
	return form_new(s, text_squeeze_into);
}

static const char label_star[] = "\xE2\x98\x85";	/* U+2605 */

/* The label form of s[0..n) into out (room for n + 1): its length. */
size_t
text_label_into(const char *s, size_t n, char *out)
{
	size_t len = text_squeeze_into(s, n, out);
	const size_t sl = sizeof(label_star) - 1;

	if (len >= sl && memcmp(out, label_star, sl) == 0) {
		memmove(out, out + sl, len - sl + 1);
		len -= sl;
	}
	return len;
}

char *
text_label(const char *s)
{
	return form_new(s, text_label_into);
}

/* Drops one trailing full stop: people end some cells with one, some not. */
static size_t
label_drop_stop(char *s, size_t n)
{
	static const char stop[] = "\xE3\x80\x82";	/* U+3002 */
	const size_t sl = sizeof(stop) - 1;

	if (n >= sl && memcmp(s + n - sl, stop, sl) == 0)
		n -= sl;
	else if (n > 0 && s[n - 1] == '.')
		n--;
	s[n] = '\0';
	return n;
}

size_t
text_label_key_into(const char *s, size_t n, char *out)
{
	return label_drop_stop(out, text_label_into(s, n, out));
}

char *
text_label_key(const char *s)
{
	return form_new(s, text_label_key_into);
}

bool
text_label_equal(const char *a, const char *b)
{
	char sa[256], sb[256], *la, *lb;
	size_t na, nb, ka, kb;
	bool equal;

	if (a == NULL)
		a = "";
	if (b == NULL)
		b = "";
	/* Identical texts are equal labels: the common case, without copies. */
	if (strcmp(a, b) == 0)
		return true;
	/* The keys of short texts (nearly all) are made on the stack. */
	na = strlen(a);
	nb = strlen(b);
	la = na < sizeof(sa) ? sa : xmalloc(na + 1);
	lb = nb < sizeof(sb) ? sb : xmalloc(nb + 1);
	ka = text_label_key_into(a, na, la);
	kb = text_label_key_into(b, nb, lb);
	equal = ka == kb && memcmp(la, lb, ka) == 0;
	if (la != sa)
		free(la);
	if (lb != sb)
		free(lb);
	return equal;
}

/* The start of the character that ends just before s + n. */
static size_t
utf8_last_start(const char *s, size_t n)
{
	size_t i = n - 1;

	while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/*
 * Whether a cell of n > 0 bytes surely has no white space at either end:
 * it starts with printable ASCII but the space or with a CJK character
 * (lead byte E4..E9), and ends with the one or the other. Most cells do;
 * the rest are decoded at their ends.
 */
static bool
untrimmed(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], e = s[n - 1];

	if (!((c > 0x20 && c < 0x7F) || (c >= 0xE4 && c <= 0xE9)))
		return false;
	if (e > 0x20 && e < 0x7F)
		return true;
	return n >= 3 && (e & 0xC0) == 0x80 && (s[n - 2] & 0xC0) == 0x80 &&
	    s[n - 3] >= 0xE4 && s[n - 3] <= 0xE9;
}

size_t
text_trim_span(const char *s, size_t n, size_t *start)
{
	const char *p;
	uint32_t cp;
	size_t len, end, i;

	/*
	 * Most cells start and end with ASCII that is not a space or with
	 * a character led by none of C2, E1, E2, E3 and EF, the leads of
	 * the Unicode spaces (U+00A0, U+1680, U+2000.., U+3000, U+FEFF): no
	 * end needs decoding then. Their first and last bytes settle most
	 * at once (untrimmed()).
	 */
	if (n > 0 && untrimmed((const unsigned char *)s, n)) {
		*start = 0;
		return n;
	}
	if (n > 0 && !space_lead((unsigned char)s[0]) &&
	    !space_lead((unsigned char)s[utf8_last_start(s, n)])) {
		*start = 0;
		return n;
	}
	/* Leading white space, decoded forwards. */
	for (p = s; (size_t)(p - s) < n; p += len) {
		if (!utf8_next((const unsigned char *)p, n - (size_t)(p - s), &cp,
		    &len)) {
			cp = TEXT_REPLACEMENT;
			len = 1;
		}
		if (!text_is_space(cp))
			break;
	}
	*start = (size_t)(p - s);
	/* Trailing white space, decoded backwards: only the ends are read. */
	end = n;
	while (end > *start) {
		i = utf8_last_start(s, end);
		if (!utf8_next((const unsigned char *)s + i, end - i, &cp, &len) ||
		    i + len != end) {
			cp = TEXT_REPLACEMENT;
			i = end - 1;
		}
		if (!text_is_space(cp))
			break;
		end = i;
	}
	return end - *start;
}

char *
text_trim(const char *s)
{
	size_t start, len;

	if (s == NULL)
		return xstrdup("");
	len = text_trim_span(s, strlen(s), &start);
	return xstrndup(s + start, len);
}

bool
text_blank(const char *s)
{
	uint32_t cp;
	size_t n, len;

	if (s == NULL)
		return true;
	/* A first character that cannot be a space (or a stray byte)
	 * settles it without measuring the text. */
	if (*s != '\0' && !space_lead((unsigned char)*s))
		return false;
	n = strlen(s);
	while (n > 0) {
		if (!utf8_next((const unsigned char *)s, n, &cp, &len))
			return false;
		if (!text_is_space(cp))
			return false;
		s += len;
		n -= len;
	}
	return true;
}

bool
text_ends_with(const char *s, const char *suffix)
{
	size_t n, m;

	if (s == NULL || suffix == NULL)
		return false;
	n = strlen(s);
	m = strlen(suffix);
	return m <= n && memcmp(s + n - m, suffix, m) == 0;
}

bool
text_starts_with(const char *s, const char *prefix)
{
	if (s == NULL || prefix == NULL)
		return false;
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Wide and full-width blocks of East Asian Width, enough for CJK tables. */
static bool
width_is_wide(uint32_t cp)
{
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115F },
		{ 0x2E80, 0x303E },
		{ 0x3041, 0x33FF },
		{ 0x3400, 0x4DBF },
		{ 0x4E00, 0x9FFF },
		{ 0xA000, 0xA4CF },
		{ 0xAC00, 0xD7A3 },
		{ 0xF900, 0xFAFF },
		{ 0xFE30, 0xFE4F },
		{ 0xFF00, 0xFF60 },
		{ 0xFFE0, 0xFFE6 },
		{ 0x20000, 0x2FFFD },
		{ 0x30000, 0x3FFFD }
	};
	size_t i;

	for (i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return true;
	return false;
}

static bool
width_is_zero(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
	    (cp >= 0x0300 && cp <= 0x036F) ||
	    (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F);
}

size_t
text_width(const char *s)
{
	uint32_t cp;
	size_t n, len, width;

	if (s == NULL)
		return 0;
	n = strlen(s);
	width = 0;
	while (n > 0) {
		/* A stray byte is shown as one U+FFFD by terminals. */
		if (!utf8_next((const unsigned char *)s, n, &cp, &len)) {
			cp = TEXT_REPLACEMENT;
			len = 1;
		}
		if (width_is_wide(cp))
			width += 2;
		else if (!width_is_zero(cp))
			width++;
		s += len;
		n -= len;
	}
	return width;
}
