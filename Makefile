# Vouch — `make run` starts everything, `make test` runs the suite on a real PostgreSQL.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench eval install clean demo

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/vouch up

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy shared services evaluation demo

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python -m tests.bench.bench_intake
	$(BIN)/python -m tests.bench.bench_extract
	$(BIN)/python -m tests.bench.bench_referrals
	$(BIN)/python -m tests.bench.bench_matching

# The demo agency (2,000 freelancers, seed 7) in an empty database (a populated one is kept), then
# everything runs. `vouch demo seed --reset` replaces existing data.
demo: $(STAMP)
	$(BIN)/vouch demo seed --keep-existing
	$(BIN)/vouch up

eval: $(STAMP)
	$(BIN)/vouch evaluate --text

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
