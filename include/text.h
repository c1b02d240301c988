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

/* Maps full-width ASCII (U+FF01..U+FF5E) to ASCII and U+3000 to a space. */
uint32_t text_fold_width(uint32_t cp);

/* True for ASCII white space, U+00A0, U+3000 and other Unicode spaces. */
bool text_is_space(uint32_t cp);

/*
 * Returns a new string: s with full-width ASCII folded to ASCII and every
 * white-space character removed. Used for values (SPEC 3.2).
 */
char *text_squeeze(const char *s);

/*
 * Returns a new string: the label form of s (SPEC 3): text_squeeze() and a
 * leading U+2605 (black star) removed. Comparing two labels compares these.
 */
char *text_label(const char *s);

/*
 * Compares two texts as labels (SPEC 3.2 "comparing texts"): label forms,
 * ignoring one trailing U+3002 (ideographic full stop) or '.'. Returns true
 * when equal.
 */
bool text_label_equal(const char *a, const char *b);

/* Returns a new string: s without leading and trailing white space. */
char *text_trim(const char *s);

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
