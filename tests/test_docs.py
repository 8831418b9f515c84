"""The README is short and starts with the two commands; every link in it and in docs/ resolves;
the pages describe the product (no work log), and the README puts no perfect score forward."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = sorted((ROOT / "docs").glob("*.md"))
# pages written together with their layers; once they are all in docs/, this set can go
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^```.*?^```", re.M | re.S)
# phrases of a work log, not of a product description
_PROJECT_TALK = re.compile(r"\bthe issue\b|\bissue \d+|\bnot met\b|\bthis session\b|\bTODO\b"
                           r"|\b(?:target|budget)s? ?(?:≤|≥|<=|>=)|\((?:target|budget)\b|\b(?:target|budget)s? (?:is|are|was|were) (?:not )?met\b", re.I)


def _anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown file."""
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    out = set()
    for line in text.splitlines():
        m = re.match(r"#{1,6}\s+(.*)", line)
        if m:
            slug = re.sub(r"[^\w\- ]", "", m[1].strip().lower()).replace(" ", "-")
            out.add(slug)
    return out


def test_readme_is_short_and_opens_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= 12_000, "the README is the teacher's page: keep the reference in docs/"
    first_block = _FENCE.search(text)
    assert first_block and text.index(first_block[0]) < text.index("\n## "), "the commands come before any section"
    commands = [line.split("#")[0].strip() for line in first_block[0].splitlines()[1:-1]]
    assert commands[:2] == ["make report", "make test"]


def test_readme_has_the_sections_a_teacher_needs():
    text = README.read_text(encoding="utf-8")
    for needed in ("make lab", "00-start-here", "python -m analysis report", "venv", "How far to trust",
                   "## Layout", "docs/index.md"):
        assert needed in text, needed
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        assert f"`{nb.stem}`" in text, f"the README does not say what {nb.name} teaches"
    assert re.search(r"!\[[^\]]*\]\(docs/[^)]+\.png\)", text), "one picture of the product"


def test_readme_puts_no_perfect_score_forward():
    text = README.read_text(encoding="utf-8")
    assert "1.00" not in text
    assert not re.search(r"\b(\d+)/\1\b", text), "an n/n score on the project's own texts is not accuracy"


@pytest.mark.parametrize("path", [README] + PAGES, ids=lambda p: p.name)
def test_links_resolve(path):
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    for target in _LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        file_part, _, anchor = target.partition("#")
        dest = (path.parent / file_part).resolve() if file_part else path
        assert dest.exists(), f"{path.name} links to {target}, which does not exist"
        if anchor and dest.suffix == ".md":
            assert anchor in _anchors(dest), f"{path.name} links to {target}: no such heading"


@pytest.mark.parametrize("path", [README] + PAGES, ids=lambda p: p.name)
def test_pages_describe_the_product(path):
    text = path.read_text(encoding="utf-8")
    found = _PROJECT_TALK.findall(text)
    assert not found, f"{path.name}: {found}"


def test_distribution_name_and_its_extras():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    name = project["name"]
    assert name != "analysis", "the import package is analysis; the distribution has a name of its own"
    for extra, deps in project["optional-dependencies"].items():
        for dep in deps:
            if dep.split("[")[0] in ("analysis", name):
                assert dep.startswith(f"{name}["), f"extra {extra!r} refers to {dep!r}"


def test_make_report_takes_paths_with_spaces():
    import shlex
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    out = subprocess.run(["make", "-n", "-s", "report", "ARTICLE=My Articles/teacher's article.txt", "OUT=reports/my report"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    line = next(l for l in out.splitlines() if "-m analysis report" in l)
    args = shlex.split(line)
    assert "My Articles/teacher's article.txt" in args and "reports/my report" in args
