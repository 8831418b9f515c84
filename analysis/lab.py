"""``make lab`` / ``python -m analysis lab``: JupyterLab on a working copy of the notebooks.

The lessons in ``notebooks/`` stay as they are: Lab opens ``my-notebooks/``, a copy made from
them the first time (later runs copy only the notebooks it does not have yet, and never
overwrite one). ``my-notebooks/`` is ignored by git, so running, editing and autosaving there
changes no tracked file. The kernels start in the project folder (the folder Lab was started
from), so ``ARTICLE = "my_article.txt"`` finds a file put beside ``README.md``, exactly as
``python -m analysis report my_article.txt`` does. Lab's news pop-up is switched off, the
server listens on 127.0.0.1 only and keeps token authentication.

>>> cmd = lab_command(Path("."))                     # doctest: +SKIP
>>> "--ip=127.0.0.1" in cmd                          # doctest: +SKIP
True
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: the working copy of the notebooks, in the project folder
WORKSPACE = "my-notebooks"
#: JupyterLab settings this package sets in the environment's Lab (no news pop-up, no update check)
LAB_OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}

README = """# my-notebooks: your working copy of the lessons

`make lab` (or `python -m analysis lab`) made this folder from `notebooks/` and opens JupyterLab here.
Run, change and save these notebooks as you like: the lessons in `notebooks/` stay as they are, and
git ignores this folder.

* **Your own article.** Put the file (`.txt`, `.md`, or a web page saved as `.html`) in the project
  folder, beside `README.md`, and set `ARTICLE = "my_article.txt"` in the parameters cell of a notebook:
  the notebooks run in the project folder, so paths are read from there (`"articles/my_article.txt"` for
  a subfolder). A file uploaded into this folder with Lab's upload button is `"my-notebooks/my_article.txt"`.
* **A fresh copy of a lesson.** Delete (or rename) the notebook here and run `make lab` again: every
  notebook that is missing here is copied from `notebooks/`; the ones you have are never overwritten.
  To start again from scratch, rename the whole `my-notebooks/` folder.
"""


def prepare_workspace(project, *, source=None) -> tuple[Path, list[str]]:
    """Create ``project/my-notebooks/`` from the lessons, or add the lessons it lacks.

    Returns the folder and the names of the notebooks copied this time (existing files are
    never overwritten).
    """
    from .report import NOTEBOOK_DIR

    source = Path(source) if source is not None else NOTEBOOK_DIR
    folder = Path(project) / WORKSPACE
    folder.mkdir(parents=True, exist_ok=True)
    copied = []
    for nb in sorted(source.glob("*.ipynb")):
        target = folder / nb.name
        if not target.exists():
            shutil.copyfile(nb, target)
            copied.append(nb.name)
    readme = folder / "README.md"
    if not readme.exists():
        readme.write_text(README, encoding="utf-8")
    return folder, copied


def switch_off_news(prefix=None) -> Path | None:
    """Write :data:`LAB_OVERRIDES` into the environment's Lab settings (``overrides.json``).

    Other settings already in that file are kept. Returns the file, or ``None`` when the
    environment is not writable (Lab then asks once about news, nothing else changes).
    """
    path = Path(prefix or sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    try:
        current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        current = {}
    merged = dict(current)
    for plugin, values in LAB_OVERRIDES.items():
        merged[plugin] = {**current.get(plugin, {}), **values}
    if merged == current and path.is_file():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
    except OSError:
        return None
    return path


def lab_command(project, *, python=None, port: int | None = None, open_browser: bool = False) -> list[str]:
    """The ``jupyter lab`` command line: the project as the server's root, the workspace opened first,
    kernels started in the project folder, localhost only, token authentication on, no news."""
    project = Path(project).resolve()
    cmd = [python or sys.executable, "-m", "jupyterlab",
           "--ip=127.0.0.1",
           f"--ServerApp.root_dir={project}",
           f"--FileContentsManager.preferred_dir={project / WORKSPACE}",
           f"--LabApp.default_url=/lab/tree/{WORKSPACE}/00-start-here.ipynb",
           "--ServerApp.kernel_manager_class=analysis._lab_kernels.ProjectKernelManager",
           f"--ProjectKernelManager.project_dir={project}",
           "--LabApp.news_url=None",
           f"--ServerApp.open_browser={open_browser}"]
    if port:
        cmd.append(f"--port={port}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers run as root
        cmd.append("--allow-root")
    return cmd


def main(args) -> int:
    """``python -m analysis lab``: prepare ``my-notebooks/`` in the current folder and start Lab."""
    import importlib.util

    from .errors import InputError
    from .report import NOTEBOOK_DIR

    if importlib.util.find_spec("jupyterlab") is None:
        raise InputError("JupyterLab is not installed here: run 'make lab', or pip install -e \".[notebooks]\" first")
    if not any(NOTEBOOK_DIR.glob("*.ipynb")):
        raise InputError(f"no notebooks in {NOTEBOOK_DIR}: 'lab' needs a source checkout of the project")
    project = Path.cwd()
    folder, copied = prepare_workspace(project)
    switch_off_news()
    if copied:
        print(f"copied {len(copied)} notebook(s) from notebooks/ into {folder.name}/")
    print(f"JupyterLab opens {folder.name}/ (your working copy; notebooks/ is never changed).")
    print(f"Put your article in {project} and write ARTICLE = \"my_article.txt\" in a notebook.")
    print("Open the address with the token that Lab prints below; Ctrl+C stops it.", flush=True)
    cmd = lab_command(project, port=getattr(args, "port", None), open_browser=getattr(args, "browser", False))
    try:
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 0
