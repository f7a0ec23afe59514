# Two commands for a new user: `make run` and `make test`. Both start with `make setup`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
DEMO_READOUTS ?= 300

.PHONY: setup run test lint format migrate demo stop clean

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
	$(MANAGE) runserver 127.0.0.1:8000

test: setup
	$(BIN)/pytest

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
