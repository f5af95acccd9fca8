"""Read-only records kept in a corpus's ``attrs`` (the articles set aside as copies, the
documents the loader skipped), which pandas shares instead of copying.

pandas deep-copies a frame's ``attrs`` into every frame or column it derives from it: each
column taken, each slice, each ``to_frame``. With the 1,600 articles that ANT sets aside as
copies listed there, one slice of the text column took 37 ms instead of 0.02 ms, and a
lesson spent seconds copying the same list. A :class:`Records` is a list of rows that
cannot be changed, so a copy of it can be itself. It is still a list of dicts for everything
that reads it: ``len``, ``pd.DataFrame(records)``, ``json.dumps``, ``==`` with a list; it
pickles (Dask sends a corpus's ``attrs`` with its metadata). To change one, make a list of
it: ``[dict(row) for row in records]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def _read_only(self, *args, **kwargs):
    raise TypeError(f"a {type(self).__name__} of a corpus's attrs cannot be changed: "
                    "copy it first (list(...) or dict(...))")


class _Shared:
    """A read-only value: its copies are itself, and it pickles as its plain contents."""

    _plain: type

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (type(self), (self._plain(self),))


class Row(_Shared, dict):
    """One record: a dict that cannot be changed."""

    _plain = dict
    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _read_only
    __ior__ = _read_only


class Records(_Shared, list):
    """Rows (:class:`Row`) in order: a list that cannot be changed."""

    _plain = list
    __setitem__ = __delitem__ = append = extend = insert = pop = remove = clear = _read_only
    sort = reverse = __iadd__ = __imul__ = _read_only

    def __init__(self, rows: Iterable[Mapping] = ()) -> None:
        super().__init__(row if isinstance(row, Row) else Row(row) for row in rows)
