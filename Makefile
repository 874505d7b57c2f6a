# The README's two commands are `make run` and `make test`. `make help` lists every target.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

.DEFAULT_GOAL := help
.PHONY: help run setup demo serve worker chromium messages makemessages test test-browser test-plugin test-postgres test-postgres-server fuzz-api bench bench-small bench-requests bench-submission bench-steps bench-http bench-pages bench-readers bench-directory bench-sessions bench-scaleout bench-scale bench-scale-small reliability reliability-small lint format check ci clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-15s %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(STAMP)

setup: $(STAMP) messages ## Install, compile the translations, migrate SQLite and load the demo content (idempotent)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_initial_data

# The links in mails and feeds follow the address served at: the set-up (load_initial_data) moves the demo's
# default site there, and the server and the worker build Django's links from the same WAGTAILADMIN_BASE_URL.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: setup ## Set up, then serve the site with demo content at http://$(HOST):$(PORT)/ (and the mail worker)
	$(BIN)/python manage.py run_worker --queue-name '*' & \
	worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

worker: $(STAMP) ## Run only the background worker (mail)
	$(BIN)/python manage.py run_worker --queue-name '*'

chromium: ## Install Debian's chromium for the browser tests if it is missing (as root, with apt-get)
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		{ apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }; }; } || \
		echo "chromium could not be installed: the browser tests (tests/browser) will be skipped"

messages: $(STAMP) ## Compile the translation catalogs (.po -> .mo; the .mo files are build output, not committed)
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore='node_modules' -v 0

makemessages: $(DEV_STAMP) ## Bring the ko, es and fr catalogs up to date with the source (then translate the new entries)
	$(BIN)/python manage.py makemessages --locale=ko --locale=es --locale=fr --ignore=.venv --ignore=tests --ignore=bench --no-obsolete

test: $(DEV_STAMP) chromium messages ## Run the whole test suite on SQLite (or on DATABASE_URL when set)
	$(BIN)/python -m pytest -n 2 -q

test-browser: $(DEV_STAMP) chromium messages ## Run only the browser tests (pytest marker "browser": Playwright and Debian's chromium)
	$(BIN)/python -m pytest -n 2 -q -m browser

# The plugin's own tests on settings without the site's apps; --confcutdir leaves out the site's tests/conftest.py.
test-plugin: $(DEV_STAMP) messages ## Run the plugin's tests (tests/workflows) alone, on settings without cluster_pages and home
	$(BIN)/python -m pytest -n 2 -q --ds=tests.workflows.settings --confcutdir=tests/workflows tests/workflows

test-postgres: $(DEV_STAMP) chromium messages ## Run the whole test suite on the local PostgreSQL
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest -n 2 -q

# CI's PostgreSQL pass: the browser tests read what a person sees, the same page on either database; they run in
# `make test` (SQLite, as `make run` has it), and here the rest of the suite (the browser tests take about 7.5 minutes of a pass on two cores).
test-postgres-server: $(DEV_STAMP) messages ## Run the suite on the local PostgreSQL without the browser tests (what CI runs)
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest -n 2 -q -m "not browser"

fuzz-api: $(DEV_STAMP) messages ## schemathesis over the API v3 OpenAPI document against a throwaway server with demo data
	$(BIN)/python tests/api/fuzz_api.py

# Every benchmark prints a table. The production-like figures (bench/README.md) need PostgreSQL and Redis:
# BENCH_POSTGRES (a server: each script gets an empty database of its own, dropped afterwards) or
# BENCH_DATABASE_URL (one empty database), and REDIS_URL. bench-scale (100k rows) runs too where it exists.
bench: bench-requests bench-submission bench-steps bench-http bench-pages bench-readers bench-directory bench-sessions bench-scaleout ## Run every benchmark (tens of minutes)
	@if $(MAKE) -n bench-scale >/dev/null 2>&1; then $(MAKE) bench-scale; fi

bench-small: $(STAMP) ## Every benchmark in its quick mode, for CI (a few seconds per figure)
	BENCH_ROUNDS=5 $(BIN)/python bench/submission.py
	BENCH_ROUNDS=5 $(BIN)/python bench/steps.py
	BENCH_HTTP_SECONDS=2 BENCH_HTTP_CONNECTIONS=1,4 $(BIN)/python bench/http.py
	BENCH_ROUNDS=5 BENCH_MEMBERS=100 $(BIN)/python bench/pages.py
	BENCH_READERS_SECONDS=1 BENCH_READERS_ROUNDS=1 $(BIN)/python bench/readers.py
	BENCH_ROUNDS=5 BENCH_MEMBERS=100 $(BIN)/python bench/directory.py
	BENCH_ROUNDS=5 BENCH_SESSION_REGISTRATIONS=50 $(BIN)/python bench/sessions.py
	BENCH_SCALEOUT_SUBMISSIONS=10 $(BIN)/python bench/scaleout.py
	@if $(MAKE) -n bench-scale-small >/dev/null 2>&1; then $(MAKE) bench-scale-small; fi

bench-requests: $(STAMP) ## Time the main pages and API calls on demo content (median/p95 ms, queries)
	$(BIN)/python bench/requests.py

bench-submission: $(STAMP) ## P1: city application POST and GET vs a stock Wagtail form page (median/p95 ms, queries, ratio)
	$(BIN)/python bench/with_database.py bench/submission.py

bench-steps: $(STAMP) ## The city application in steps: a step's GET and POST, and Send, vs the same form on one page
	$(BIN)/python bench/with_database.py bench/steps.py

bench-http: $(STAMP) ## P2: submissions/s over HTTP (gunicorn, 1/4/16/50 connections) vs a stock Wagtail form page and a bare view
	$(BIN)/python bench/with_database.py bench/http.py

bench-pages: $(STAMP) ## P4: cluster page at 0 and 1,000 members, home page, filtered case studies
	$(BIN)/python bench/with_database.py bench/pages.py

bench-readers: $(STAMP) ## P7: anonymous readers' requests/s with the page cache vs without (4 connections), and a publish seen at once
	$(BIN)/python bench/with_database.py bench/readers.py

bench-sessions: $(STAMP) ## P8: an event page whose session has 500 registrations vs the cluster index page
	$(BIN)/python bench/with_database.py bench/sessions.py

bench-directory: $(STAMP) ## P8: the member directory with 1,000 listed members against the cluster index page
	$(BIN)/python bench/with_database.py bench/directory.py

bench-scaleout: $(STAMP) ## Two gunicorns and two workers on one database and one Redis: limits, sessions, mail, uploads
	$(BIN)/python bench/with_database.py bench/scaleout.py

bench-scale: $(STAMP) ## Workspace and staff API at 100,000 applications; staff list vs v3 pages list (BENCH_DATABASE_URL)
	$(BIN)/python bench/with_database.py bench/scale.py

bench-scale-small: $(STAMP) ## bench-scale's small mode: 2,000 applications on a throwaway SQLite database
	$(BIN)/python bench/scale.py --rows 2000 --rounds 3

# Both build their own PostgreSQL database on POSTGRES_SERVER_URL and drop it at the end (reliability/README.md).
POSTGRES_SERVER_URL ?= postgres://postgres@127.0.0.1:5432/postgres

reliability: $(DEV_STAMP) messages ## Load and fault figures on PostgreSQL; RESTARTS the local PostgreSQL cluster once (see reliability/README.md)
	$(BIN)/python -m reliability --postgres-url $(POSTGRES_SERVER_URL)

reliability-small: $(DEV_STAMP) messages ## The CI version: 300 submissions, 20 races, one worker kill, no database restart
	$(BIN)/python -m reliability --small --postgres-url $(POSTGRES_SERVER_URL)

lint: $(DEV_STAMP) ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP) ## Format and auto-fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(DEV_STAMP) ## Django system checks, missing migrations, deploy checks
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=tests.workflows.settings $(BIN)/python -m django makemigrations --check --dry-run
	$(BIN)/python manage.py workflow_diagram --check
	DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-enough-secret-value \
		ALLOWED_HOSTS=clusters.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

ci: lint check test test-plugin test-postgres-server ## Everything CI runs

clean: ## Remove the virtualenv, the SQLite database and uploads
	rm -rf $(VENV) db.sqlite3 media private_media .test-media .test-private-media
