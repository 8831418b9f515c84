"""Fast construction of small result tables (shared by the analysis layers).

``pandas.DataFrame({...})`` spends most of its time on a small table not on the data but on
bookkeeping: it builds a new column index (an Arrow string index under pandas 3, ~50 µs),
infers every column's type and checks the lengths one by one (~100–250 µs for a table of a
few hundred rows). The layers build a dozen such tables per article, so this adds up to as
much as the analysis itself. :func:`frame_from_columns` builds the same DataFrame (same
columns, dtypes and values) in a fraction of that time: the column index is made once per
list of names and reused, and columns that are already numpy arrays are taken as they are.

>>> frame_from_columns(["term", "count"], [["peace", "talks"], [2, 1]]).dtypes.tolist()  # doctest: +SKIP
[<StringDtype(na_value=nan)>, dtype('int64')]
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

_NUMPY_KIND = {bool: "bool", int: "int64", float: "float64"}


@lru_cache(maxsize=1)
def str_dtype():
    """The dtype pandas gives a column of Python strings (``str`` under pandas 3, else object)."""
    return pd.Series(["x"]).dtype


@lru_cache(maxsize=512)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    # an Index is immutable, so tables with the same columns can share one
    return pd.Index(names)


def column_array(values: list):
    """A list of Python values as the array pandas would infer for it: strings -> ``str``
    dtype, all-bool / all-int / all-float -> numpy, ints mixed with floats -> float64,
    anything else (None included) is left as a list for pandas to infer as it always does."""
    if not len(values):
        return np.array([], dtype=object)  # as pandas itself types an empty column
    kinds = {type(v) for v in values}
    if kinds == {str}:
        return string_array(values)
    if len(kinds) == 1 and next(iter(kinds)) in _NUMPY_KIND:
        return np.array(values, dtype=_NUMPY_KIND[next(iter(kinds))])
    if kinds and kinds <= {int, float}:
        return np.array(values, dtype="float64")
    return list(values)


def frame_from_columns(names: list[str], columns: list) -> pd.DataFrame:
    """A DataFrame with the given column names and columns (lists, numpy or pandas arrays of
    equal length). Lists go through :func:`column_array`; arrays are used as they are."""
    if len(names) != len(columns):
        raise ValueError(f"{len(names)} column names for {len(columns)} columns")
    arrays = [column_array(c) if isinstance(c, (list, tuple)) else c for c in columns]
    n = len(arrays[0]) if arrays else 0
    index = _column_index(tuple(names))
    # pandas' checks (lengths, 1-D, types) are only needed for what is not already a 1-D numpy
    # or pandas array of the right length; for those, we check the lengths here
    ready = all(len(a) == n and (isinstance(a, pd.api.extensions.ExtensionArray)
                                 or (isinstance(a, np.ndarray) and a.ndim == 1 and a.dtype != object))
                for a in arrays)
    try:
        # DataFrame._from_arrays is what DataFrame() itself ends in. Fall back to the public
        # constructor if it ever changes.
        return pd.DataFrame._from_arrays(arrays, columns=index, index=pd.RangeIndex(n), verify_integrity=not ready)
    except (AttributeError, TypeError):  # pragma: no cover - a pandas without _from_arrays
        return pd.DataFrame(dict(zip(names, arrays)), columns=list(names))


def frame_from_rows(rows: list[tuple], names: list[str]) -> pd.DataFrame:
    """:func:`frame_from_columns` from row tuples; an empty list gives empty object columns."""
    if not rows:
        return pd.DataFrame({c: pd.Series([], dtype="object") for c in names})
    return frame_from_columns(names, [list(col) for col in zip(*rows)])


def column_values(frame: pd.DataFrame, name: str):
    """A column's values (numpy or pandas array), without building a Series (~10 µs each)."""
    try:
        return frame._get_column_array(frame.columns.get_loc(name))
    except AttributeError:  # pragma: no cover - a pandas without the internal accessor
        return frame[name].array


@lru_cache(maxsize=1)
def _arrow_strings():
    """``(pyarrow.array, large_string, ArrowStringArray, dtype)`` when pandas keeps ``str``
    columns in arrow (pandas 3), else None."""
    dtype = str_dtype()
    if getattr(dtype, "storage", None) != "pyarrow":  # pragma: no cover - pandas 2
        return None
    try:
        import pyarrow as pa
        from pandas.arrays import ArrowStringArray
    except ImportError:  # pragma: no cover
        return None
    return pa.array, pa.large_string(), ArrowStringArray, dtype


def string_array(values) -> pd.api.extensions.ExtensionArray:
    """Python strings as the array of pandas' ``str`` dtype (built through pyarrow directly when
    that is its storage: about twice as fast as ``pd.array``)."""
    arrow = _arrow_strings()
    if arrow is None:  # pragma: no cover - pandas 2
        return pd.array(list(values), dtype=str_dtype())
    make, large_string, array_type, dtype = arrow
    return array_type(make(values, type=large_string), dtype=dtype)


def nullable_ints(values: list) -> pd.api.extensions.ExtensionArray:
    """Python ints and Nones as pandas' ``Int64`` array: ``pd.array(values, dtype="Int64")``
    (the same values, mask and fill under the mask), built directly from numpy.

    >>> nullable_ints([3, None]).tolist()
    [3, <NA>]
    """
    n = len(values)
    if not all(v is None or type(v) is int for v in values):
        return pd.array(list(values), dtype="Int64")
    mask = np.fromiter((v is None for v in values), dtype=bool, count=n)
    data = np.fromiter((1 if v is None else v for v in values), dtype="int64", count=n)
    return pd.arrays.IntegerArray(data, mask)
