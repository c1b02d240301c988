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
ASAN_OBJS = $(SRCS:src/%.c=build/asan/%.o)
ASAN_LIB_OBJS = $(LIB_SRCS:src/%.c=build/asan/%.o)

# `make SANITIZE=1` builds ./pbcheck and build/tests/* with ASan + UBSan
# from the objects of build/asan/; the stamp build/mode-* relinks them
# when the switch changes, so a plain build never keeps sanitized code.
ifeq ($(SANITIZE),1)
MODE = sanitize
MODE_CFLAGS = -O1 $(SAN)
OBJS = $(ASAN_OBJS)
LIB_OBJS = $(ASAN_LIB_OBJS)
SUPPORT_OBJ = build/asan/tests/support.o
else
MODE = plain
MODE_CFLAGS =
OBJS = $(SRCS:src/%.c=build/%.o)
LIB_OBJS = $(LIB_SRCS:src/%.c=build/%.o)
SUPPORT_OBJ = build/tests/support.o
endif
MODE_STAMP = build/mode-$(MODE)
TESTS = $(patsubst tests/%.c,%,$(wildcard tests/test_*.c))
SAMPLE = data/chengde-2021/targets.csv

.PHONY: docx-scale docx-scale-asan schema precommit all deps run check unit unit-asan cli cli-asan csv csv-asan formats formats-asan forms forms-asan output output-asan data-check install-check install uninstall bench fuzz clean settings settings-asan readme io io-asan xlsx xlsx-asan layouts layouts-asan gate gate-asan html html-asan scale scale-asan fuzz-run fuzz-replay memcheck hostile hostile-asan parallel parallel-asan tsan

all: pbcheck

deps:
	@sh scripts/deps.sh

pbcheck: $(OBJS) $(MODE_STAMP)
	$(CC) $(ALL_CFLAGS) $(MODE_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(MODE_STAMP):
	@mkdir -p $(@D)
	@rm -f build/mode-*
	@touch $@

build/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O1 $(SAN) -c -o $@ $<

build/asan/pbcheck: $(ASAN_OBJS)
	$(CC) $(ALL_CFLAGS) $(SAN) $(LDFLAGS) -o $@ $(ASAN_OBJS) $(LIBS)

# ThreadSanitizer: a build of its own, from the sources at once.
build/tsan/pbcheck: $(SRCS) $(wildcard include/*.h)
	@mkdir -p build/tsan
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O1 -fsanitize=thread $(LDFLAGS) \
	    -o $@ $(SRCS) $(LIBS)

build/tests/support.o: tests/support.c tests/support.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

build/asan/tests/support.o: tests/support.c tests/support.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -O1 $(SAN) -c -o $@ $<

build/tests/%: tests/%.c tests/support.h $(SUPPORT_OBJ) $(LIB_OBJS) \
    $(MODE_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) $(MODE_CFLAGS) \
	    -o $@ $< $(SUPPORT_OBJ) $(LIB_OBJS) $(CMOCKA_LIBS) $(LIBS)

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
CHECKS += hostile hostile-asan
CHECKS += fuzz-replay
CHECKS += memcheck
CHECKS += parallel parallel-asan
CHECKS += tsan

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

# The layout samples (data/layouts, probes/ included) read field by field
# as their expect.json says; tests/layouts-pending.txt lists any left out.
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

tsan: build/tsan/pbcheck
	@sh tests/tsan.sh ./build/tsan/pbcheck

data-check:
	@bash tests/data_check.sh

# Hostile inputs (tests/hostile.sh, written by scripts/make_hostile.py):
# each ends in time, bounded in memory, names its file, leaves it as it was.
hostile: pbcheck
	@sh tests/hostile.sh ./pbcheck

hostile-asan: build/asan/pbcheck
	@sh tests/hostile.sh ./build/asan/pbcheck

# The CLI over every sample input format under valgrind; the script says
# "skipped" where valgrind is missing (scripts/deps.sh installs it).
memcheck: pbcheck
	@sh tests/memcheck.sh ./pbcheck

# One libFuzzer target per reader, plus the value grammar, the settings
# parser and the reporters (tests/fuzz/fuzz_NAME.c, each with a seed
# corpus tests/fuzz/corpus/NAME/ and a dictionary tests/fuzz/NAME.dict).
# `make fuzz` builds them with clang; `make fuzz-run FUZZ_SECONDS=600`
# runs each in turn and prints a line per target. Not part of check.
FUZZ_TARGETS = value csv text form docx xlsx settings report
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_FLAGS = -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=all

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIB_SRCS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_FLAGS) -o $@ $< $(LIB_SRCS) $(LIBS)

fuzz: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

fuzz-run: fuzz
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The same targets built by gcc under ASan + UBSan with a main() that
# replays the committed corpora and every regression input: in check, so
# what fuzzing once found stays fixed without clang.
build/asan/fuzz/%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h \
    $(ASAN_LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O1 $(SAN) -o $@ $< \
	    tests/fuzz/replay.c $(ASAN_LIB_OBJS) $(LIBS)

fuzz-replay: $(FUZZ_TARGETS:%=build/asan/fuzz/%)
	@sh tests/fuzz/replay.sh $(FUZZ_TARGETS)

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
