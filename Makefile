# The two commands: `make report` (the main job) and `make test` (the whole suite).
# Each creates .venv when missing and installs what it needs; nothing else is required
# but python3 (3.10+) and the package index.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
ARTICLE ?= seeds/csto_dushanbe_2021.txt
OUT    ?=

.PHONY: report test test-browser lab bench clean help

help:
	@echo "make report        run the whole analysis on the seed article -> reports/<slug>/"
	@echo "make test          run the test suite (executes every notebook too)"
	@echo "make test-browser  drive JupyterLab in headless Chromium (installs chromium if missing)"
	@echo "make lab           JupyterLab on notebooks/, on 127.0.0.1 with a token"
	@echo "make bench         run the benchmarks in benchmarks/"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# stamps: reinstall only when pyproject.toml changes
$(VENV)/.installed-notebooks: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[notebooks]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@ $(VENV)/.installed-notebooks

$(VENV)/.installed-browser: $(VENV)/.installed-dev
	$(PY) -m pip install --quiet -e ".[dev,browser]"
	touch $@

report: $(VENV)/.installed-notebooks
	$(PY) -m analysis report "$(ARTICLE)" $(if $(OUT),--out $(OUT),)

test: $(VENV)/.installed-dev
	$(PY) -m pytest

# a real JupyterLab in headless Chromium (Debian's chromium, installed with apt-get when missing);
# the screenshot lands in tests/_out/
test-browser: $(VENV)/.installed-browser
	bash tests/browser/ensure_chromium.sh
	$(PY) -m pytest -m browser tests/browser -p no:cacheprovider

# token authentication stays on (the URL with the token is printed); only this machine can connect
lab: $(VENV)/.installed-notebooks
	$(VENV)/bin/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=notebooks --ServerApp.open_browser=False $(if $(filter 0,$(shell id -u)),--allow-root,)

bench: $(VENV)/.installed-dev
	$(PY) benchmarks/run_all.py

clean:
	rm -rf reports build *.egg-info .pytest_cache
