# Two commands for a new user: `make run` and `make test`. Both start with `make setup`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
DEMO_READOUTS ?= 300

.PHONY: setup run test lint format migrate demo stop clean browsers lighthouse bench loadtest fuzz sqlmap fuzz-archive

setup: $(VENV)/.installed

# Reinstalls only when a requirements file changed.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: setup
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) generate_demo --readouts $(DEMO_READOUTS) --if-empty

run: demo
	@echo ""
	@echo "  Readout Archive:  http://127.0.0.1:8000/"
	@echo "  Admin:            http://127.0.0.1:8000/admin/"
	@echo "  Create an admin user first with:  $(MANAGE) createsuperuser"
	@echo ""
	@echo "  The demo readouts are generated (real people, invented words) and marked so on every page."
	@echo "  Import real ones with:            $(MANAGE) import_readouts PATH...   (or the admin's Import from text)"
	@echo "  Remove the demo with:             $(MANAGE) generate_demo --remove"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:8000

test: setup browsers
	$(BIN)/pytest

# For the browser tests (tests/browser/): Debian's Chromium, installed only when it is missing and we may (root
# with apt-get; elsewhere those tests skip, and fail under CI), and axe-core and the Nu HTML checker from npm.
browsers: node_modules/.package-lock.json
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

# --ignore-scripts: vnu-jar's install script would download a Java runtime; the machine's Java runs vnu.jar.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund; \
	else echo "npm is missing: the browser tests will skip their axe-core and HTML checks"; fi

# Search benchmark on its own multilingual archive of 3,000,000 paragraphs (built on first use, its indexes after
# the load: most of an hour on a busy 2-core machine; reused after). With DATABASE_URL set it runs on that database
# instead, adding demo readouts when it has too few. BENCH_ARGS="--statements 1000000 --runs 20" varies it.
bench: setup
	EMBEDDED_DATABASE_NAME=archive_bench $(MANAGE) migrate --no-input
	EMBEDDED_DATABASE_NAME=archive_bench $(MANAGE) bench_search $(BENCH_ARGS)

# Load test: 32 users browsing, searching and calling the API for 60 s against gunicorn on 127.0.0.1, on its own
# archive of 100,000 demo readouts (`archive_load`, built on first use in a few minutes; reused after). Prints
# requests per second, p50/p95/p99 and errors (bench/loadtest.py). LOADTEST_ARGS="--users 8 --seconds 20" varies it.
loadtest: setup
	EMBEDDED_DATABASE_NAME=archive_load $(MANAGE) migrate --no-input
	EMBEDDED_DATABASE_NAME=archive_load $(MANAGE) generate_demo --readouts 100000 --if-empty
	DEBUG=0 SECRET_KEY=collectstatic-only ALLOWED_HOSTS=127.0.0.1 $(MANAGE) collectstatic --no-input --verbosity 0
	EMBEDDED_DATABASE_NAME=archive_load $(BIN)/python bench/loadtest.py $(LOADTEST_ARGS)

# Bad input across the whole site, on its own small archive (`archive_fuzz`, 300 demo readouts): every page type
# with mutated query strings, form values and addresses through Django's test client (bench/crawl_bad_input.py);
# fails on any 5xx. `make sqlmap` runs sqlmap against the search, list and API parameters of the same archive served
# by gunicorn on 127.0.0.1 (bench/sqlmap_check.py); fails on any injection.
fuzz-archive: setup
	EMBEDDED_DATABASE_NAME=archive_fuzz $(MANAGE) migrate --no-input
	EMBEDDED_DATABASE_NAME=archive_fuzz $(MANAGE) generate_demo --readouts 300 --if-empty
	DEBUG=0 SECRET_KEY=collectstatic-only ALLOWED_HOSTS=127.0.0.1 $(MANAGE) collectstatic --no-input --verbosity 0

fuzz: fuzz-archive
	EMBEDDED_DATABASE_NAME=archive_fuzz $(BIN)/python bench/crawl_bad_input.py $(FUZZ_ARGS)

sqlmap: fuzz-archive
	EMBEDDED_DATABASE_NAME=archive_fuzz $(BIN)/python bench/sqlmap_check.py $(SQLMAP_ARGS)

# Lighthouse scores (performance, accessibility, best practices, SEO) of the main pages: a check, not a test.
lighthouse: demo browsers
	$(BIN)/python bench/lighthouse.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

stop: setup
	$(BIN)/python -m archive.db stop

clean: stop
	rm -rf .data staticfiles
