# pbcheck: a validator for budget project performance target tables.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
DATADIR ?= $(PREFIX)/share/pbcheck
PKG_CONFIG ?= pkg-config
CC ?= cc
CFLAGS ?= -O2 -g
CSV_LIBS ?= -lcsv
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
XML_CFLAGS = $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XML_LIBS = $(shell $(PKG_CONFIG) --libs libxml-2.0 2>/dev/null || echo -lxml2)
ZIP_CFLAGS = $(shell $(PKG_CONFIG) --cflags libzip 2>/dev/null)
ZIP_LIBS = $(shell $(PKG_CONFIG) --libs libzip 2>/dev/null || echo -lzip)

WARN = -std=c11 -Wall -Wextra -Werror
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Iinclude $(XML_CFLAGS) $(ZIP_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(WARN) -pthread $(CFLAGS) -MMD -MP
LIBS = $(CSV_LIBS) $(XML_LIBS) $(ZIP_LIBS) -lm -pthread
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

SRCS = $(wildcard src/*.c)
LIB_SRCS = $(filter-out src/main.c,$(SRCS))
OBJS = $(SRCS:src/%.c=build/%.o)
LIB_OBJS = $(LIB_SRCS:src/%.c=build/%.o)
ASAN_OBJS = $(SRCS:src/%.c=build/asan/%.o)
ASAN_LIB_OBJS = $(LIB_SRCS:src/%.c=build/asan/%.o)
TESTS = $(patsubst tests/%.c,%,$(wildcard tests/test_*.c))
SAMPLE = data/chengde-2021/targets.csv

.PHONY: docx-scale docx-scale-asan schema precommit all deps run check unit unit-asan cli cli-asan csv csv-asan formats formats-asan forms forms-asan output output-asan data-check install-check install uninstall bench fuzz clean settings settings-asan readme io io-asan xlsx xlsx-asan layouts layouts-asan gate gate-asan html html-asan scale scale-asan parallel parallel-asan

all: pbcheck

deps:
	@sh scripts/deps.sh

pbcheck: $(OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

build/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O1 $(SAN) -c -o $@ $<

build/asan/pbcheck: $(ASAN_OBJS)
	$(CC) $(ALL_CFLAGS) $(SAN) $(LDFLAGS) -o $@ $(ASAN_OBJS) $(LIBS)

build/tests/support.o: tests/support.c tests/support.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

build/asan/tests/support.o: tests/support.c tests/support.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -O1 $(SAN) -c -o $@ $<

build/tests/%: tests/%.c tests/support.h build/tests/support.o $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -o $@ $< \
	    build/tests/support.o $(LIB_OBJS) $(CMOCKA_LIBS) $(LIBS)

build/asan/tests/%: tests/%.c tests/support.h build/asan/tests/support.o \
    $(ASAN_LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -O1 $(SAN) -o $@ $< \
	    build/asan/tests/support.o $(ASAN_LIB_OBJS) $(CMOCKA_LIBS) $(LIBS)

# Installs what is missing, builds, and validates the bundled sample.
run: deps
	@$(MAKE) --no-print-directory pbcheck
	./pbcheck $(SAMPLE) || [ $$? -eq 1 ]

# Installs what is missing, builds, and runs every test.
CHECKS = unit unit-asan
CHECKS += cli cli-asan
CHECKS += csv csv-asan
CHECKS += formats formats-asan
CHECKS += forms forms-asan
CHECKS += output output-asan
CHECKS += data-check
CHECKS += install-check
CHECKS += settings settings-asan
CHECKS += readme
CHECKS += io io-asan
CHECKS += xlsx xlsx-asan
CHECKS += gate gate-asan
CHECKS += html html-asan
CHECKS += schema
CHECKS += precommit
CHECKS += layouts layouts-asan
CHECKS += docx-scale docx-scale-asan
CHECKS += scale scale-asan
CHECKS += parallel parallel-asan

# The last line adds up every suite's own count of passed checks.
check: deps
	@mkdir -p build
	@bash -o pipefail -c '$(MAKE) --no-print-directory $(CHECKS) 2>&1 | \
	    tee build/check.log'
	@awk '/\[  PASSED  \] [0-9]+ test/ { p += $$4 } \
	    /^[a-z_]+: [0-9]+ passed, [0-9]+ failed$$/ { p += $$2; f += $$4 } \
	    END { printf "check: %d passed, %d failed\n", p, f; exit f > 0 }' \
	    build/check.log

unit: $(TESTS:%=build/tests/%)
	@for t in $(TESTS); do echo "== $$t"; ./build/tests/$$t || exit 1; done

unit-asan: $(TESTS:%=build/asan/tests/%)
	@for t in $(TESTS); do echo "== $$t (ASan+UBSan)"; \
	    ./build/asan/tests/$$t || exit 1; done

cli: pbcheck
	@sh tests/cli.sh ./pbcheck

cli-asan: build/asan/pbcheck
	@sh tests/cli.sh ./build/asan/pbcheck

csv: pbcheck
	@sh tests/csv.sh ./pbcheck

csv-asan: build/asan/pbcheck
	@sh tests/csv.sh ./build/asan/pbcheck

io: pbcheck
	@sh tests/io.sh ./pbcheck

io-asan: build/asan/pbcheck
	@sh tests/io.sh ./build/asan/pbcheck

formats: pbcheck
	@sh tests/formats.sh ./pbcheck

formats-asan: build/asan/pbcheck
	@sh tests/formats.sh ./build/asan/pbcheck

forms: pbcheck
	@sh tests/forms.sh ./pbcheck

forms-asan: build/asan/pbcheck
	@sh tests/forms.sh ./build/asan/pbcheck

output: pbcheck
	@sh tests/output.sh ./pbcheck

output-asan: build/asan/pbcheck
	@sh tests/output.sh ./build/asan/pbcheck

# The layout samples (data/layouts) read field by field as their
# expect.json says; not in CHECKS until the form recogniser reads them all.
layouts: pbcheck
	@sh tests/layouts.sh ./pbcheck

layouts-asan: build/asan/pbcheck
	@sh tests/layouts.sh ./build/asan/pbcheck

# A .docx of 60 MB of table XML and one of 1,300 projects, each read in
# under 64 MB of peak RSS (the .docx reader streams; issue 11).
docx-scale: pbcheck
	@sh tests/docx_scale.sh ./pbcheck

docx-scale-asan: build/asan/pbcheck
	@sh tests/docx_scale.sh ./build/asan/pbcheck

settings: pbcheck
	@sh tests/settings.sh ./pbcheck

# The HTML report; the first also renders it in headless Chromium
# (installed when missing) and keeps a screenshot and a PDF in build/html/.
html: pbcheck
	@sh tests/html.sh --browser ./pbcheck

html-asan: build/asan/pbcheck
	@sh tests/html.sh ./build/asan/pbcheck

settings-asan: build/asan/pbcheck
	@sh tests/settings.sh ./build/asan/pbcheck

gate: pbcheck
	@sh tests/gate.sh ./pbcheck

gate-asan: build/asan/pbcheck
	@sh tests/gate.sh ./build/asan/pbcheck

# Runs README's settings examples, its pbcheck command lines and its git
# pre-commit hook (in a temporary repository).
readme: pbcheck
	@sh tests/readme.sh ./pbcheck

xlsx: pbcheck
	@sh tests/xlsx.sh ./pbcheck

xlsx-asan: build/asan/pbcheck
	@sh tests/xlsx.sh ./build/asan/pbcheck

precommit: pbcheck
	@sh tests/precommit.sh ./pbcheck

schema: pbcheck
	@sh tests/schema.sh ./pbcheck

# Peak memory and termination on generated large inputs (SPEC 2.1).
scale: pbcheck build/bench/floor
	@sh tests/scale.sh ./pbcheck

scale-asan: build/asan/pbcheck build/bench/floor
	@sh tests/scale.sh ./build/asan/pbcheck

# -j N against -j 1 (every format, byte for byte, and the exit status)
# and the progress line under a pseudo-terminal.
parallel: pbcheck
	@sh tests/parallel.sh ./pbcheck

parallel-asan: build/asan/pbcheck
	@sh tests/parallel.sh ./build/asan/pbcheck

data-check:
	@bash tests/data_check.sh

# Fuzzes every reader, the rules and the reporters with libFuzzer (clang);
# not part of check: run it for FUZZ_SECONDS and read what it finds.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
build/fuzz/fuzz_input: tests/fuzz/fuzz_input.c $(LIB_SRCS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	    -o $@ tests/fuzz/fuzz_input.c $(LIB_SRCS) $(LIBS)

fuzz: build/fuzz/fuzz_input
	@mkdir -p build/fuzz/corpus
	@cp -n data/chengde-2021/targets.csv build/fuzz/corpus/ 2>/dev/null || true
	./build/fuzz/fuzz_input -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    build/fuzz/corpus tests/fuzz/seeds

# Times generated inputs against a bare libcsv pass over the same bytes
# and measures peak memory; report the ratios it prints, not seconds.
build/bench/floor: tests/bench/floor.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CSV_LIBS)

bench: pbcheck build/bench/floor
	@sh scripts/bench.sh

install-check: pbcheck
	@sh tests/install.sh

install: pbcheck
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(DATADIR)
	install -m 0755 pbcheck $(DESTDIR)$(BINDIR)/pbcheck
	install -m 0644 doc/pbcheck.1 $(DESTDIR)$(MANDIR)/man1/pbcheck.1
	install -m 0644 contrib/bash-completion/pbcheck \
	    $(DESTDIR)$(BASHCOMPDIR)/pbcheck
	install -m 0644 doc/report.schema.json \
	    $(DESTDIR)$(DATADIR)/report.schema.json

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pbcheck $(DESTDIR)$(MANDIR)/man1/pbcheck.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/pbcheck \
	    $(DESTDIR)$(DATADIR)/report.schema.json
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build pbcheck

# The test support object copies model structs: rebuild it when they change.
-include $(OBJS:.o=.d) $(ASAN_OBJS:.o=.d) build/tests/support.d \
    build/asan/tests/support.d
