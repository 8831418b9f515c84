"""environment.yml and pyproject.toml name the same runtime dependencies; the Makefile is honest."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[; ]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_name(d) for d in project["dependencies"]}
    notebooks = {_name(d) for d in project["optional-dependencies"]["notebooks"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert runtime <= conda, f"missing from environment.yml: {runtime - conda}"
    assert conda <= runtime | notebooks, f"in environment.yml but not in pyproject: {conda - runtime - notebooks}"
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip
    assert "python=3.11" in env["dependencies"]


def test_makefile_targets_set_themselves_up():
    make = (ROOT / "Makefile").read_text()
    for target in ("report:", "test:", "lab:", "test-browser:"):
        assert target in make
    assert "-m venv" in make and 'pip install --quiet -e ".[dev]"' in make
    assert "--ip=127.0.0.1" in make and "token=''" not in make and "--IdentityProvider.token=" not in make


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_no_download_calls_in_the_package():
    # analysis/article/fetch.py is the one module that opens a connection, and only for a URL the
    # user gives (tests/test_url.py); nothing else may
    fetcher = ROOT / "analysis" / "article" / "fetch.py"
    for path in list((ROOT / "analysis").rglob("*.py")) + list((ROOT / "notebooks").glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        for bad in ("nltk.download(", "download_corpora", "hf_hub_download", "urlopen(", "build_opener(",
                    "fetch_url(", "http.client"):
            if path == fetcher and bad in ("urlopen(", "build_opener("):
                continue
            assert bad not in text, f"{path} calls {bad}"
