/* An operating system error in the message language. */
#ifndef PBCHECK_ERRTEXT_H
#define PBCHECK_ERRTEXT_H

#include "rules.h"

/* strerror(errnum) in English; in Chinese for the errors a user meets
 * opening files, else the English text. */
const char	*errtext(int errnum, enum lang lang);

#endif
