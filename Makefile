# The README's steps. `make run` and `make test` set up the virtual environment on first use.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock 2>/dev/null | sha256sum | cut -c1-12)
ENV := source scripts/env.sh &&

.PHONY: help venv system-deps run run-generated test test-unit lint fmt airflow eval bench bench-scale bench-warehouse withdraw review docs clean lock

help:
	@echo "make run      run the pipeline once through Airflow (land -> ingest -> dbt -> GX -> publish)"
	@echo "make test     run the whole test suite (installs missing Debian packages as root)"
	@echo "make test-unit  parser and mapping tests only (seconds, no services)"
	@echo "make lint     ruff (Python) and sqlfluff (dbt SQL)"
	@echo "make airflow  start the Airflow UI at http://localhost:8080 (login printed)"
	@echo "make eval     extraction precision/recall against ../shared/gold"
	@echo "make bench    parser throughput on ../shared/seeds and ../shared/corpus"
	@echo "make run-generated   make run on COUNT=200 synthetic reports; prints wall time and peak memory"
	@echo "make bench-scale N=1000   N real-size reports through the pipeline: per-stage time, peak memory"
	@echo "make bench-warehouse   dbt cost of one new report vs a full rebuild (REPORTS=200)"
	@echo "make withdraw REPORT=… REASON=…   take a landed report out of the warehouse"
	@echo "make review ARGS='FINDING_ID --status explained --note …'   record a decision on a finding"
	@echo "make docs     dbt docs generate (catalog of the warehouse)"
	@echo "make clean    remove the run's working folder and warehouse (keeps .venv)"

venv: $(STAMP)

$(STAMP): requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) on PATH (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==25.3
	$(BIN)/pip install --quiet --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

# Re-resolve requirements.in into the fully pinned requirements.lock.
lock:
	$(PYTHON) -m venv /tmp/esg-lock-venv && /tmp/esg-lock-venv/bin/pip install --quiet -r requirements.in \
	  && /tmp/esg-lock-venv/bin/pip freeze --exclude-editable > requirements.lock && rm -rf /tmp/esg-lock-venv

run: venv
	$(ENV) scripts/run_pipeline.sh

airflow: venv
	$(ENV) scripts/airflow_ui.sh

# Debian packages the integration tests need (Chromium, docker-compose, PostgreSQL, a CJK font).
system-deps:
	@scripts/system_deps.sh

# Two pytest workers (pytest-xdist): the integration tests spend much of their time waiting on
# Airflow, dbt and browsers, so two run in about two thirds of the time of one. TEST_WORKERS=0 runs
# the suite in one process (easier to read when a test fails).
TEST_WORKERS ?= 2
test: venv system-deps
	$(ENV) $(BIN)/python -m pytest $(if $(filter-out 0,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist worksteal)

# Parser, mapping, reference-data and tree-shape tests: no services, a few seconds.
test-unit: venv
	$(ENV) $(BIN)/python -m pytest -m "not integration" tests/test_parser.py tests/test_layouts.py \
	  tests/test_read_tables.py tests/test_lexicon.py tests/test_reference.py tests/test_layout_fixtures.py \
	  tests/test_notes.py tests/test_architecture.py tests/test_load.py tests/test_expectations.py \
	  tests/test_arrival.py

lint: venv
	$(ENV) $(BIN)/ruff check . && $(BIN)/ruff format --check .
	$(ENV) cd dbt_project && $(BIN)/sqlfluff lint models

fmt: venv
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

eval: venv
	$(ENV) $(BIN)/python -m ingest eval

bench: venv
	$(ENV) $(BIN)/python -m ingest bench

run-generated: venv  ## make run on COUNT synthetic reports (default 200): wall time and peak memory
	$(ENV) rm -rf "$$ESG_WORKDIR/generated" && $(BIN)/python -m ingest generate --count $(or $(COUNT),200) --out "$$ESG_WORKDIR/generated" \
	  && ESG_LANDING_DIR="$$ESG_WORKDIR/generated" scripts/run_pipeline.sh

bench-scale: venv  ## N real-size reports (default 1000) through the pipeline: per-stage time, peak memory
	$(ENV) $(BIN)/python -m ingest bench-scale --reports $(or $(N),1000)

bench-warehouse: venv
	$(ENV) $(BIN)/python -m ingest bench-warehouse --reports $(or $(REPORTS),200)

withdraw: venv
	$(ENV) $(BIN)/python -m ingest withdraw "$(REPORT)" --reason "$(REASON)"

docs: venv
	$(ENV) cd dbt_project && dbt docs generate --target-path "$$ESG_WORKDIR/dbt_target" --log-path "$$ESG_WORKDIR/dbt_logs" \
	  && echo "dbt docs: $$ESG_WORKDIR/dbt_target/index.html (or: cd dbt_project && dbt docs serve --target-path $$ESG_WORKDIR/dbt_target)"

clean:
	@# Only the in-repo defaults: a folder you pointed ESG_WORKDIR at is yours to remove.
	rm -rf .work dbt_project/target dbt_project/logs

# A decision on a data-quality finding, e.g. ARGS='year_over_year_jump-1a2b3c4d5e6f --status explained --note "acquisition"'
review: venv
	$(ENV) $(BIN)/python -m ingest review $(ARGS)
