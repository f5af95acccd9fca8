"""``save_figure``: PNG and SVG files that are byte-identical when re-made from the same inputs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import matplotlib

_FORMATS = ("png", "svg", "pdf")
# Metadata that would otherwise stamp each file with the software version or the time.
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "Creator": None, "Producer": None},
}


def save_figure(
    fig,
    name: str,
    directory: str | Path = "figures",
    formats: Iterable[str] = ("png", "svg"),
    dpi: int | None = None,
) -> list[Path]:
    """Write ``fig`` as ``directory/name.<format>`` for each format; return the paths.

    The folder is created when missing. Files carry no time stamp or version, and SVG ids
    come from a fixed salt, so re-running the same code gives the same bytes.
    """
    formats = tuple(formats)
    unknown = sorted(set(formats) - set(_FORMATS))
    if unknown:
        raise ValueError(f"unknown format(s) {unknown}; choose from {list(_FORMATS)}")
    if not name or Path(name).name != name:
        raise ValueError(f"name must be a plain file name without folders, got {name!r}")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    with matplotlib.rc_context({"svg.hashsalt": "arabic-news"}):
        for fmt in formats:
            path = folder / f"{name}.{fmt}"
            fig.savefig(path, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
            paths.append(path)
    return paths
