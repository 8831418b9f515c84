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
    mask = np.array([v is None for v in values], dtype=bool)  # (lists, not generators: a table is a few rows)
    return pd.arrays.IntegerArray(np.array([0 if v is None else v for v in values], dtype="int64"), mask)


def rows_frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """The DataFrame of ``rows`` (dicts with every name of ``columns`` but the first, ``stance_id``,
    which is numbered here from 1); the same table, dtypes and values as the general constructor gives."""
    n = len(rows)
    names = columns[1:]
    make = _strings()
    from_blocks = _from_blocks()
    if make is None or from_blocks is None:  # pragma: no cover - pandas 2
        return _general(rows, columns)
    # the columns by what they hold, each group in the order pandas' constructor makes its blocks:
    # the numpy columns of one dtype stacked, one block for each extension array, the groups in the
    # order their first column comes
    groups: dict[str, tuple[list, list]] = {"int": ([0], [range(1, n + 1)])}
    for k, (name, values) in enumerate(zip(names, zip(*map(itemgetter(*names), rows))), 1):
        if name in _OPTIONAL_INTS:
            key = "Int64"
        else:
            kinds = set(map(type, values))
            if len(kinds) == 1 and (kind := next(iter(kinds))) in (int, bool):
                key = "int" if kind is int else "bool"
            elif str in kinds and kinds <= _STR_OR_NONE:
                key = "str"
            elif kinds == {_NONE}:
                key = "object"  # as pandas leaves a column of None
            else:
                return _general(rows, columns)
        places, cols = groups.setdefault(key, ([], []))
        places.append(k)
        cols.append(values)
    blocks: list = []
    for key, (places, cols) in groups.items():
        if key == "str":
            blocks.extend(zip(make([v for values in cols for v in values], n, len(cols)), _places(places)))
        elif key == "Int64":
            blocks.extend(zip(map(_optional_ints, cols), _places(places)))
        else:
            blocks.append((np.array(cols, dtype="int64" if key == "int" else key).reshape(len(cols), n),
                           np.array(places, dtype=np.intp)))
    return from_blocks(blocks, index=pd.RangeIndex(n), columns=_column_index(tuple(columns)))


def _places(places: list[int]) -> list:
    return [np.array([k], dtype=np.intp) for k in places]


@lru_cache(maxsize=1)
def _from_blocks():
    """pandas' ``create_dataframe_from_blocks`` (pandas >= 3), else None; or the same made directly
    (see :func:`_direct_from_blocks`) when that gives the same frame here."""
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:  # pragma: no cover - pandas 2
        return None
    return _direct_from_blocks(create_dataframe_from_blocks) or create_dataframe_from_blocks


def _direct_from_blocks(general):
    """``from_blocks(blocks, index, columns)`` that makes the blocks of the 1-D extension arrays (the
    strings, the optional ints) itself and skips the manager's checks, which cost several
    microseconds a block, most of the table's making; the numpy blocks go through pandas' own
    maker. None unless it gives, on a probe, what ``general`` gives (frame, dtypes and blocks)."""
    try:
        from pandas._libs.internals import BlockPlacement
        from pandas.core.internals.api import _make_block
        from pandas.core.internals.blocks import ExtensionBlock
        from pandas.core.internals.managers import BlockManager

        def direct(blocks, index, columns):
            made = [ExtensionBlock(values, ndim=2, placement=BlockPlacement(places))
                    if isinstance(values, pd.api.extensions.ExtensionArray) and not values.dtype._supports_2d
                    else _make_block(values, places) for values, places in blocks]
            mgr = BlockManager(made, [columns, index], verify_integrity=False)
            return pd.DataFrame._from_mgr(mgr, mgr.axes)

        make = _strings()
        probe = [(np.array([[1, 2]], dtype="int64"), np.array([0], dtype=np.intp)),
                 *zip(make(["a", None, "b", "c"], 2, 2), _places([1, 2])),
                 (_optional_ints([None, 3]), np.array([3], dtype=np.intp)),
                 (np.array([[True, False]]), np.array([4], dtype=np.intp))]
        args = dict(index=pd.RangeIndex(2), columns=pd.Index(["a", "b", "c", "d", "e"]))
        want, got = general(probe, **args), direct(probe, **args)
        if not (got.equals(want) and got.dtypes.equals(want.dtypes) and got._mgr.nblocks == want._mgr.nblocks
                and got.to_csv() == want.to_csv()):  # pragma: no cover - another pandas
            return None
        return direct
    except (ImportError, AttributeError, TypeError, ValueError):  # pragma: no cover - another pandas
        return None


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
