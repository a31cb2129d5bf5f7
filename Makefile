# Vouch — `make run` starts everything, `make test` runs the suite on a real PostgreSQL.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench eval eval-trust demo install clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/vouch up

# The console's end-to-end tests drive Debian's Chromium; as root, install it when missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The console tests need Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

test: $(STAMP) chromium
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy shared services evaluation demo

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Every tests/bench/bench_*.py in turn (budget 25 min): one summary table, bench-results.json.
bench: $(STAMP)
	$(BIN)/python -m tests.bench.run_all $(BENCH_ARGS)

# The demo agency (2,000 freelancers, seed 7) in an empty database (a populated one is kept), then
# everything runs. `vouch demo seed --reset` replaces existing data.
demo: $(STAMP)
	$(BIN)/vouch demo seed --keep-existing
	$(BIN)/vouch up

eval: $(STAMP)
	$(BIN)/vouch evaluate --text

eval-trust: $(STAMP)
	$(BIN)/vouch evaluate --trust --output eval-report

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
