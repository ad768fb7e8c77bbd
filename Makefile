# The two commands a fresh clone needs (each installs what it needs first):
#   make demo   scan the bundled sample export: import into ./demo-case, verify, detect, analyse, and write
#               demo-case/report.html, report.pdf, result.json and the exhibit schedule (demo-case/csv/)
#   make test   run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench train clean debs

# Debian packages: Chromium prints the PDF report, pdftoppm renders its pages, Noto draws emoji, Tesseract
# reads text in images, espeak-ng speaks the test voice notes, PostgreSQL runs the storage and web tests on
# a second backend. Installed when missing and possible (root or sudo); without them the PDF output or
# the text in images is unavailable (said at run time) and their tests are skipped.
DEBS := chromium poppler-utils fonts-noto-color-emoji tesseract-ocr espeak-ng postgresql
debs:
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing="$$missing fonts-noto-color-emoji"; \
	command -v tesseract >/dev/null || missing="$$missing tesseract-ocr"; \
	command -v espeak-ng >/dev/null || missing="$$missing espeak-ng"; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo -n"; else SUDO=none; fi; \
	  if [ "$$SUDO" != none ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages:$$missing"; \
	    ($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null) \
	      || echo "warning: could not install$$missing; PDF reports / OCR and their tests are skipped"; \
	  else echo "warning: cannot install$$missing (need root or sudo); PDF reports / OCR and their tests are skipped"; fi; \
	fi

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || (echo "chatprobe needs Python >= 3.11" >&2; exit 1)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed debs
	rm -rf demo-case
	$(BIN)/chatprobe scan samples/response-team-b.zip --home demo-case --case demo \
	  --report demo-case/report.html --json demo-case/result.json --csv demo-case/csv \
	  $$(command -v chromium >/dev/null && echo --pdf demo-case/report.pdf)
	$(BIN)/chatprobe verify --home demo-case --case demo

test: $(BIN)/.installed debs
	CHATPROBE_REQUIRE_POSTGRES=$$(ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && echo 1) $(BIN)/python -m pytest -q

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/parse.py
	$(BIN)/python benchmarks/classify.py

# Rebuild the text model from ../shared/data/train (not needed to use chatprobe; ~70 min on 2 CPU cores):
# fine-tune the encoder, calibrate its int8 activations, train the heads, run the evaluation protocol and
# write the model card. torch==2.13.0 exactly: any other spec pulls GBs of CUDA.
train: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[train]' torch==2.13.0
	$(BIN)/python training/finetune.py
	$(BIN)/python training/calibrate.py
	$(BIN)/python training/train.py
	$(BIN)/python training/protocol.py --out training/protocol.json --flags training/flags.tsv
	$(BIN)/python training/long_texts.py
	$(BIN)/python training/model_card.py

clean:
	rm -rf $(VENV) demo-case .pytest_cache .hypothesis
