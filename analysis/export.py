"""Exporting charts and tables: safe file names, nothing written outside the folder.

>>> save(fig, "02-top-terms", "reports/csto/charts")      # doctest: +SKIP
[PosixPath('reports/csto/charts/02-top-terms.png'), PosixPath('reports/csto/charts/02-top-terms.svg')]
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

FORMATS = ("png", "svg", "pdf")


def safe_name(name: str) -> str:
    """A file name made of ASCII letters, digits, ``-``, ``_`` and ``.`` only (no folders, no ``..``)."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    text = re.sub(r"\.{2,}", ".", text)
    if not text:
        raise ValueError(f"{name!r} gives an empty file name; use letters or digits")
    return text[:120]


def _target(folder, name: str, ext: str) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = (folder / f"{safe_name(name)}.{ext}").resolve()
    if path.parent != folder.resolve():  # pragma: no cover - safe_name makes this impossible
        raise ValueError(f"refusing to write {path} outside {folder}")
    return path


def save(fig, name: str, folder, *, formats=("png", "svg"), dpi: int = 200) -> list[Path]:
    """Write ``fig`` as ``folder/name.png`` and ``.svg`` (``"pdf"`` on request); return the paths.

    ``folder=None`` writes nothing and returns ``[]`` (handy in notebooks whose export folder
    is a parameter). The name is made safe: slashes and ``..`` cannot leave the folder.
    """
    if folder is None:
        return []
    if isinstance(formats, str):
        formats = (formats,)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown format(s) {bad}; choose from {', '.join(FORMATS)}")
    if dpi < 150 and "png" in formats:
        raise ValueError("PNG charts are written at 150 dpi or more")
    paths = []
    for ext in formats:
        path = _target(folder, name, ext)
        fig.savefig(path, dpi=dpi, bbox_inches="tight", metadata={"Date": None} if ext == "svg" else None)
        paths.append(path)
    return paths


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T|$)")


def csv_ready(df):
    """``df`` as it is written to CSV: a ``date`` is only as precise as its TIMEX3 ``value``.

    A table with a datetime ``date`` column and a ``value`` column (the events, a combined
    timeline) keeps the first day of each value in memory, for sorting and charts; in the CSV a
    date is written as a day only when the value is a day: ``2000`` stays ``2000`` (not
    ``2000-01-01``), ``2021-04`` stays ``2021-04``. Other tables are returned unchanged.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"date": pd.to_datetime(["2000-01-01", "2021-06-16"]), "value": ["2000", "2021-06-16"]})
    >>> csv_ready(t)["date"].tolist()
    ['2000', '2021-06-16']
    """
    import pandas as pd

    if "date" not in getattr(df, "columns", ()) or "value" not in df.columns:
        return df
    if not pd.api.types.is_datetime64_any_dtype(df["date"]):
        return df
    days = df["date"].dt.strftime("%Y-%m-%d")
    shown = [None if pd.isna(d) else (d if isinstance(v, str) and _DAY.match(v) else
                                      (v.split("T")[0] if isinstance(v, str) and v[:4].isdigit() else d))
             for d, v in zip(days, df["value"])]
    return df.assign(date=pd.array(shown, dtype="string"))


def save_table(df, name: str, folder) -> Path | None:
    """Write a DataFrame as ``folder/name.csv`` (UTF-8, no index); ``folder=None`` writes nothing.

    Dates are written at the precision of their value (see :func:`csv_ready`).
    """
    if folder is None:
        return None
    path = _target(folder, name, "csv")
    csv_ready(df).to_csv(path, index=False)
    return path
