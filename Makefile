# soviet-purges: `make` sets up .venv from the lock file and builds the release;
# `make test` sets up the same and runs lint, tests and the release checks.

PYTHON ?= python3.11
UV_VERSION := 0.13.8
VENV := .venv
UV := .tools/bin/uv
BIN := $(VENV)/bin
VERSION := $(shell sed -n 's/^DATA_VERSION = "\(.*\)"/\1/p' etl/version.py)
RELEASE := dist/$(VERSION)/datapackage.json
CODE := $(shell find etl -name '*.py' -o -name '*.csv') frictionless_parquetstats.py
SEEDS := $(wildcard seeds/*.txt) seeds/registry.csv
SCHEMA_FILES := $(patsubst %,schemas/%.schema.json,sources persons mentions trials defendants sentences expulsion_stats checks)
# Bytecode of the project's own modules. Python here may run with PYTHONDONTWRITEBYTECODE=1,
# so nothing would ever cache it: compile it before every command that runs them (a no-op
# for files whose .pyc is current). The installed packages are compiled by `uv sync`.
COMPILE := $(BIN)/python -m compileall -q etl frictionless_parquetstats.py

.DEFAULT_GOAL := all
.PHONY: all help setup build schemas test lint unittest check eval bench release serve clean \
	check-contributions check-reproduction check-releases

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

all: $(RELEASE) $(SCHEMA_FILES) ## Set up .venv and build dist/<version>/ (the default)

setup: $(VENV)/.stamp ## Create .venv from uv.lock

$(UV):
	@echo '==> Installing uv $(UV_VERSION) into .tools/'
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.stamp: pyproject.toml uv.lock | $(UV)
	@echo '==> Creating .venv from uv.lock'
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@$(COMPILE)
	@touch $@

build: $(RELEASE) ## Build dist/<version>/ (no work if nothing changed)

$(RELEASE): $(VENV)/.stamp $(SEEDS) $(CODE)
	@echo '==> Building release $(VERSION)'
	@$(COMPILE)
	$(BIN)/etl build

schemas: $(SCHEMA_FILES) ## Regenerate schemas/ from the Pandera models

$(SCHEMA_FILES) &: $(VENV)/.stamp etl/contract/schemas.py etl/contract/tableschema.py
	@echo '==> Writing schemas/ from the Pandera models'
	$(BIN)/etl schemas > /dev/null

# After the unit tests, `make check` without its rebuild of the release (the unit tests have
# built the seed release, and test_the_seeds_reproduce_the_committed_release compares it with
# the committed one by the rule `etl build` applies; `make check` alone still rebuilds it),
# and the evaluation: independent of each other, so they run at once, as in `make check`.
test: lint unittest ## Set up .venv, then lint, unit tests, release checks and the evaluation floors
	@$(MAKE) --no-print-directory -j3 --output-sync=target check-contributions check-releases eval

lint: $(VENV)/.stamp ## ruff check and format check
	@echo '==> Linting'
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The plugins the suite uses are named rather than autoloaded: pytest rewrites the asserts of
# every module of every installed distribution that ships a plugin (hypothesis, anyio,
# typeguard, ...: 150 modules), and under PYTHONDONTWRITEBYTECODE=1 it cannot cache them, so
# the main process and each worker did it again (0.9 s each). Work stealing: the tests last
# from milliseconds to seconds, and a worker that runs out takes half of the other's queue
# instead of waiting for its last few slow tests.
unittest: $(VENV)/.stamp ## Run the test suite
	@echo '==> Running tests'
	@$(COMPILE)
	PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 $(BIN)/pytest -p xdist -p hypothesispytest -n auto \
		--dist worksteal

# The three checks are independent (each reads seeds/ and dist/, the reproduction writes
# only .scratch/) and mostly single-threaded: they run at once, each one's output printed
# whole when it ends.
check: $(VENV)/.stamp ## Check contributions, reproduce the committed release, verify all releases
	@$(COMPILE)
	@$(MAKE) --no-print-directory -j3 --output-sync=target \
		check-contributions check-reproduction check-releases

check-contributions: $(VENV)/.stamp
	@echo '==> Checking the registry, the curation files and the data (etl check)'
	$(BIN)/etl check

check-reproduction: $(VENV)/.stamp
	@echo '==> Checking that the committed release $(VERSION) is reproduced byte for byte'
	@rm -rf .scratch && mkdir -p .scratch && cp -r dist/$(VERSION) .scratch/
	$(BIN)/etl build --quiet --no-cache --dist .scratch
	@rm -rf .scratch

check-releases: $(VENV)/.stamp
	@echo '==> Verifying every span of every release and validating them with frictionless'
	@$(BIN)/python scripts/check_releases.py dist

eval: $(VENV)/.stamp ## Score extraction against the hand-annotated gold of tests/eval/ (fails below the floors)
	@echo '==> Scoring extraction against tests/eval/ (etl eval)'
	$(BIN)/etl eval --no-rows

release: $(RELEASE) ## Write CSV copies, the dataset page, SHA256SUMS and zips; dist/CHANGELOG.md
	@echo '==> Writing release artefacts'
	$(BIN)/etl release

serve: $(RELEASE) ## Explore the current release in Datasette on http://127.0.0.1:8001/
	$(BIN)/etl serve $(VERSION)

bench: $(VENV)/.stamp ## Seeds and 10x/100x corpora timed as ratios (BENCH='--factors 10' to cut)
	@$(COMPILE)
	$(BIN)/python bench/bench.py $(BENCH)

clean: ## Remove .venv, .tools and scratch folders (never dist/)
	rm -rf $(VENV) .tools .scratch .cache .pytest_cache .ruff_cache
