/* The version of pbcheck. */
#ifndef PBCHECK_VERSION_H
#define PBCHECK_VERSION_H

#define PBCHECK_VERSION "0.1.0"

#endif
