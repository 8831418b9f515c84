"""The layer's rows (dicts) as its DataFrame, built column by column without pandas' inference.

The table is small (a few rows per article) and has 21 columns, so what costs is not the data but
the per-column bookkeeping: a string column typed through ``pd.array`` or a list inferred by the
``DataFrame`` constructor costs several microseconds each. Here each column is typed once from
what it holds: ``Int64`` for the optional offsets and clause ids, pandas' ``str`` for strings with
gaps, numpy for ints and bools; a column of ``None`` only stays ``object`` as pandas would leave it.
Any column holding something else (a number among the strings, say) sends the whole table through
the general constructor (:func:`~analysis._frames.frame_from_columns`), which types it as pandas does.
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter

import numpy as np
import pandas as pd

from .._frames import _column_index, frame_from_columns, string_array

_NONE = type(None)
_STR_OR_NONE = frozenset({str, _NONE})
_OPTIONAL_INTS = ("target_start", "target_end", "clause_id")


@lru_cache(maxsize=1)
def _strings():
    """``make(values, pieces)``: one list of strings (``None`` for a gap) to one pyarrow array, cut
    into pandas' ``str`` arrays of the given lengths, when pandas keeps ``str`` in arrow and has the
    constructor used here; else None."""
    try:
        import pyarrow as pa

        template = string_array(["x"])
        wrap = template._from_pyarrow_array
        probe = wrap(pa.array(["y", "x", None], type=pa.large_string()).slice(1, 2))
        if probe.dtype != template.dtype or probe.tolist() != string_array(["x", None]).tolist():  # pragma: no cover
            return None
    except (ImportError, AttributeError, TypeError, ValueError):  # pragma: no cover - another pandas
        return None
    large = pa.large_string()

    def make(values: list, n: int, count: int) -> list:
        whole = pa.array(values, type=large)
        return [wrap(whole.slice(k * n, n)) for k in range(count)]

    return make


def _optional_ints(values) -> pd.api.extensions.ExtensionArray:
    mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    return pd.arrays.IntegerArray(np.fromiter((0 if v is None else v for v in values), dtype="int64",
                                              count=len(values)), mask)


def rows_frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """The DataFrame of ``rows`` (dicts with every name of ``columns`` but the first, ``stance_id``,
    which is numbered here from 1); the same table, dtypes and values as the general constructor gives."""
    n = len(rows)
    names = columns[1:]
    cols = list(zip(*map(itemgetter(*names), rows)))
    make = _strings()
    arrays: list = [np.arange(1, n + 1, dtype="int64")]
    strings: list = []  # (position in arrays, values): made in one piece below
    for name, values in zip(names, cols):
        if name in _OPTIONAL_INTS:
            arrays.append(_optional_ints(values))
            continue
        kinds = set(map(type, values))
        if len(kinds) == 1 and (kind := next(iter(kinds))) in (int, bool):
            arrays.append(np.array(values, dtype="int64" if kind is int else "bool"))
        elif str in kinds and kinds <= _STR_OR_NONE and make is not None:
            strings.append((len(arrays), values))
            arrays.append(None)
        elif kinds == {_NONE}:
            arrays.append(np.array(values, dtype=object))  # as pandas leaves a column of None
        else:
            return _general(rows, columns)
    if strings:
        made = make([v for _k, values in strings for v in values], n, len(strings))
        for (k, _values), array in zip(strings, made):
            arrays[k] = array
    return _from_arrays(arrays, _column_index(tuple(columns)), n)


@lru_cache(maxsize=1)
def _from_blocks():
    """pandas' ``create_dataframe_from_blocks`` (pandas >= 3), else None."""
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:  # pragma: no cover - pandas 2
        return None
    return create_dataframe_from_blocks


def _from_arrays(arrays: list, columns: pd.Index, n: int) -> pd.DataFrame:
    """The DataFrame of 1-D arrays of length n, in the blocks pandas' own constructor makes of them
    (numpy columns of one dtype stacked, in the order the dtypes first appear; one block for each
    extension array), handed to pandas as blocks: the constructor's grouping and checks are skipped."""
    make = _from_blocks()
    if make is None:  # pragma: no cover - pandas 2
        return pd.DataFrame._from_arrays(arrays, columns=columns, index=pd.RangeIndex(n), verify_integrity=False)
    groups: dict = {}
    for k, array in enumerate(arrays):
        dtype = array.dtype
        groups.setdefault(dtype if isinstance(dtype, np.dtype) else id(dtype), []).append(k)
    blocks = []
    for key, places in groups.items():
        if isinstance(key, np.dtype):
            blocks.append((np.vstack([arrays[k] for k in places]) if len(places) > 1 else arrays[places[0]].reshape(1, n),
                           np.array(places, dtype=np.intp)))
        else:
            blocks.extend((arrays[k], np.array([k], dtype=np.intp)) for k in places)
    return make(blocks, index=pd.RangeIndex(n), columns=columns)


def _general(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """The table through :func:`~analysis._frames.frame_from_columns` (pandas types what it holds)."""
    data = {c: [r[c] for r in rows] for c in columns if c != "stance_id"}
    data["stance_id"] = list(range(1, len(rows) + 1))
    for name in _OPTIONAL_INTS:
        data[name] = _optional_ints(data[name])
    for name, values in data.items():
        # strings with gaps: typed here as pandas would (str), without its slower inference
        if isinstance(values, list) and values and all(v is None or type(v) is str for v in values) \
                and any(v is not None for v in values):
            data[name] = string_array(values)
    return frame_from_columns(columns, [data[c] for c in columns])
