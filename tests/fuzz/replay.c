/*
 * A main() for the fuzz targets built without libFuzzer (gcc, ASan and
 * UBSan): runs LLVMFuzzerTestOneInput over every file named, or every
 * file in every directory named, so `make check` replays the corpora and
 * the regression inputs. Prints "NAME: N inputs" and exits 0; a sanitizer
 * report aborts it.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
run_file(const char *path)
{
	FILE *fp;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			if ((buf = realloc(buf, cap)) == NULL) {
				perror("realloc");
				exit(2);
			}
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	fclose(fp);
	/* An exact-size copy, so reading one byte past the input shows. */
	{
		uint8_t *exact = malloc(len ? len : 1);

		if (exact == NULL)
			exit(2);
		memcpy(exact, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	return 0;
}

static int
compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	struct stat st;
	long runs = 0;
	int i, bad = 0;

	for (i = 1; i < argc; i++) {
		DIR *d;
		struct dirent *e;
		char **names = NULL;
		size_t n = 0, k;

		if (stat(argv[i], &st) != 0)
			continue;	/* an empty regression directory */
		if (!S_ISDIR(st.st_mode)) {
			bad |= run_file(argv[i]) != 0;
			runs++;
			continue;
		}
		if ((d = opendir(argv[i])) == NULL) {
			perror(argv[i]);
			return 2;
		}
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			names = realloc(names, (n + 1) * sizeof(*names));
			if (names == NULL ||
			    (names[n] = malloc(strlen(argv[i]) +
			    strlen(e->d_name) + 2)) == NULL)
				return 2;
			sprintf(names[n++], "%s/%s", argv[i], e->d_name);
		}
		closedir(d);
		qsort(names, n, sizeof(*names), compare);
		for (k = 0; k < n; k++) {
			if (stat(names[k], &st) == 0 && S_ISREG(st.st_mode)) {
				bad |= run_file(names[k]) != 0;
				runs++;
			}
			free(names[k]);
		}
		free(names);
	}
	printf("%s: %ld inputs\n", argv[0], runs);
	return bad ? 1 : 0;
}
