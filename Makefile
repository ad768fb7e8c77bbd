# The two commands a fresh clone needs (each installs what it needs first):
#   make demo   import the bundled sample export into ./demo-case, verify its evidence, classify its messages
#   make test   run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench train clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || (echo "chatprobe needs Python >= 3.11" >&2; exit 1)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	rm -rf demo-case
	$(BIN)/chatprobe import samples/response-team-b.zip --home demo-case --case demo
	$(BIN)/chatprobe verify --home demo-case --case demo
	$(BIN)/chatprobe parse samples/response-team-b.zip --jsonl > demo-case/messages.jsonl
	$(BIN)/chatprobe classify demo-case/messages.jsonl --id-column id -o demo-case/classified.jsonl

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/parse.py
	$(BIN)/python benchmarks/classify.py

# Rebuild the text model's heads and its model card from ../shared/data/train (not needed to use chatprobe)
train: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python training/train.py
	$(BIN)/python training/model_card.py

clean:
	rm -rf $(VENV) demo-case .pytest_cache .hypothesis
