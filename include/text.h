/* UTF-8 text helpers: decoding, label normalisation and display width. */
#ifndef PBCHECK_TEXT_H
#define PBCHECK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes one code point from s (at most n bytes). Stores the number of
 * bytes consumed in *len (at least 1 when n > 0). An invalid or truncated
 * sequence yields 0xFFFD and consumes one byte.
 */
uint32_t text_utf8_decode(const char *s, size_t n, size_t *len);

/* Appends the UTF-8 encoding of cp to buf (room for 4 bytes); returns bytes. */
size_t text_utf8_encode(uint32_t cp, char *buf);

/* True if s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
bool text_utf8_valid(const char *s, size_t n);

/*
 * Returns a new string: s (NULL as "") with every byte that is not part of
 * well-formed UTF-8 replaced by U+FFFD. The one sanitiser of report text:
 * every writer passes what it did not make itself (file names, cells)
 * through this or text_escape(), so that every report is valid UTF-8.
 */
char *text_utf8_clean(const char *s);

/*
 * True for a code point a terminal obeys instead of showing: the C0
 * controls, DEL, the C1 controls (U+0080..U+009F), the line and paragraph
 * separators and the bidirectional embeddings, overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069), which reorder what a line shows.
 */
bool text_is_control(uint32_t cp);

/*
 * s (NULL as "") as XML 1.0 text can carry it: every byte that is not part
 * of well-formed UTF-8, every control of text_is_control() but tab, LF
 * and CR, and U+FFFE and U+FFFF, as U+FFFD. Returns s itself when there
 * is none of them, as nearly always; else a new string, also put in
 * *copy for the caller to free (*copy is NULL when s is returned).
 */
const char *text_xml_clean(const char *s, char **copy);

/*
 * Returns a new string safe for a terminal or a log (SPEC 5.1): tab, LF
 * and CR as \t, \n and \r; other C0 controls, DEL and every byte that is
 * not well-formed UTF-8 as \xHH (so a file name keeps its bytes); the
 * other controls of text_is_control() as \uHHHH. Hex digits are lower
 * case; a backslash already in s is left as it is.
 */
char *text_escape(const char *s);
/* The same appended to b. */
struct strbuf;
void text_escape_add(struct strbuf *b, const char *s);

/* Maps full-width ASCII (U+FF01..U+FF5E) to ASCII and U+3000 to a space. */
uint32_t text_fold_width(uint32_t cp);

/* True for ASCII white space, U+00A0, U+3000 and other Unicode spaces. */
bool text_is_space(uint32_t cp);

/*
 * Returns a new string: s with full-width ASCII folded to ASCII and every
 * white-space character removed. Used for values (SPEC 3.2).
 */
char *text_squeeze(const char *s);
/* The same into out, which has room for n + 1 bytes: s[0..n) squeezed,
 * NUL-terminated; returns its length. */
size_t text_squeeze_into(const char *s, size_t n, char *out);

/*
 * Returns a new string: the label form of s (SPEC 3): text_squeeze() and a
 * leading U+2605 (black star) removed. Comparing two labels compares these.
 */
char *text_label(const char *s);
/* The same into out, which has room for n + 1 bytes; returns its length. */
size_t text_label_into(const char *s, size_t n, char *out);

/*
 * Compares two texts as labels (SPEC 3.2 "comparing texts"): label forms,
 * ignoring one trailing U+3002 (ideographic full stop) or '.'. Returns true
 * when equal.
 */
bool text_label_equal(const char *a, const char *b);
/* Returns a new string: what text_label_equal() compares, so that equal
 * labels have equal keys (for a hash of labels). */
char *text_label_key(const char *s);
/* The same into out, which has room for n + 1 bytes (a key is never
 * longer than its text): s[0..n) is keyed, NUL-terminated; returns the
 * key's length. */
size_t text_label_key_into(const char *s, size_t n, char *out);

/* Returns a new string: s without leading and trailing white space. */
char *text_trim(const char *s);
/* The same without a copy: the trimmed part of s[0..n) starts at *start;
 * returns its length. */
size_t text_trim_span(const char *s, size_t n, size_t *start);

/* True if s is NULL or holds only white space. */
bool text_blank(const char *s);

/* True if s ends with the UTF-8 string suffix. */
bool text_ends_with(const char *s, const char *suffix);

/* True if s starts with the UTF-8 string prefix. */
bool text_starts_with(const char *s, const char *prefix);

/*
 * Terminal display width of s: East Asian wide and full-width characters
 * count 2, combining marks 0, everything else 1.
 */
size_t text_width(const char *s);

#endif
