# The two commands: `make report` (the main job) and `make test` (the whole suite).
# Each creates .venv when missing and installs what it needs; nothing else is required
# but python3 (3.10+) and the package index. Without make (Windows): see README, the same
# jobs are `python -m analysis report ...` and `python -m analysis lab`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
ARTICLE ?= seeds/csto_dushanbe_2021.txt
OUT    ?=
CORPUS ?=
PUBLISHED ?=

# paths may hold spaces (ARTICLE="My Articles/x.txt"): every value is passed in single quotes,
# with any single quote inside escaped
quote = '$(subst ','\'',$(1))'

.PHONY: report test test-browser lab bench clean help

help:
	@echo "make report        run the whole analysis on the seed article -> reports/<slug>/"
	@echo "                   ARTICLE=path (a file, or a folder to compare)  CORPUS=folder|demo  PUBLISHED=YYYY-MM-DD  OUT=folder"
	@echo "make test          run the test suite (executes every notebook too)"
	@echo "make test-browser  drive JupyterLab in headless Chromium (installs chromium if missing)"
	@echo "make lab           JupyterLab on my-notebooks/ (a working copy of notebooks/), 127.0.0.1 with a token"
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
	$(PY) -m analysis report $(call quote,$(ARTICLE)) $(if $(OUT),--out $(call quote,$(OUT)),) $(if $(CORPUS),--corpus $(call quote,$(CORPUS)),) $(if $(PUBLISHED),--published $(call quote,$(PUBLISHED)),)

test: $(VENV)/.installed-dev
	$(PY) -m pytest

# a real JupyterLab in headless Chromium (Debian's chromium, installed with apt-get when missing);
# the screenshots land in tests/_out/
test-browser: $(VENV)/.installed-browser
	bash tests/browser/ensure_chromium.sh
	$(PY) -m pytest -m browser tests/browser -p no:cacheprovider

# my-notebooks/ is made from notebooks/ when missing (git ignores it; notebooks/ is never changed);
# kernels start in this folder. It runs `jupyter lab --ip=127.0.0.1 ...` (only this machine can
# connect; the token stays on) with Lab's news pop-up off: see lab_command in analysis/lab.py.
lab: $(VENV)/.installed-notebooks
	$(PY) -m analysis lab

bench: $(VENV)/.installed-dev
	$(PY) benchmarks/run_all.py

clean:
	rm -rf reports build *.egg-info .pytest_cache
