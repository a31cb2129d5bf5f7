# Vouch — `make run` starts everything, `make test` runs the suite on a real PostgreSQL.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench eval install clean

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
	$(BIN)/mypy shared services evaluation

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Every tests/bench/bench_*.py in turn (budget 25 min): one summary table, bench-results.json.
bench: $(STAMP)
	$(BIN)/python -m tests.bench.run_all $(BENCH_ARGS)

eval: $(STAMP)
	$(BIN)/vouch evaluate --text

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
