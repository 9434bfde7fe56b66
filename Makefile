# pg_news: PGXS build, plus the developer targets that run a private cluster.
EXTENSION    = pg_news
EXTVERSION   = $(shell sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" $(EXTENSION).control)
MODULE_big   = pg_news
OBJS         = $(patsubst %.c,%.o,$(sort $(wildcard src/core/*.c src/*.c)))
PGFILEDESC   = "pg_news - news articles as typed columns"
DATA_built   = $(EXTENSION)--$(EXTVERSION).sql
DATA         = $(wildcard src/extension/updates/$(EXTENSION)--*--*.sql)
DATA_TSEARCH = $(wildcard src/tsearch_data/pg_news_*)
# Every sql/NAME.sql is a regression test, run in name order (files are numbered).
REGRESS      = $(sort $(patsubst sql/%.sql,%,$(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION)
# A UTF8 test database with lc_ctype C, even for installcheck.
ENCODING     = UTF8
NO_LOCALE    = 1
EXTRA_CLEAN  = $(EXTENSION)--$(EXTVERSION).sql
XML2_CONFIG ?= xml2-config
PG_CPPFLAGS += -Isrc/core $(shell $(XML2_CONFIG) --cflags)
SHLIB_LINK  += $(shell $(XML2_CONFIG) --libs)
PG_CONFIG   ?= pg_config
PGXS        := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS tracks no header dependencies: a struct changed in a header must
# rebuild every object, or two objects disagree on its layout.
$(OBJS): $(wildcard src/core/*.h src/*.h)

$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard src/extension/[0-9]*.sql))
	cat $^ > $@

# The bulk loader pg_news_load: its own PGXS PROGRAM makefile in src/loader.
.PHONY: loader install-loader clean-loader
all: loader
install: install-loader
clean: clean-loader
loader:
	$(MAKE) -C src/loader
install-loader: loader
	$(MAKE) -C src/loader install
clean-loader:
	$(MAKE) -C src/loader clean

# Developer targets: each installs missing Debian packages, builds, installs
# into a private staging directory and runs against a private throwaway cluster.
HARNESS = bash test/harness/run.sh
.PHONY: demo psql test eval bench fuzz stress
demo:
	$(HARNESS) demo
psql:
	$(HARNESS) psql
test:
	$(HARNESS) test
eval:
	$(HARNESS) eval
bench:
	$(HARNESS) bench
fuzz:
	$(HARNESS) fuzz
stress:
	$(HARNESS) stress
