"""What a loaded corpus is made of: where it was read from, and what the loader left out.

Both engines carry the same record. A pandas corpus holds it in ``df.attrs``; a Dask corpus
in the attrs of its meta (Dask frames have no ``attrs`` of their own), so read it with the
functions below rather than from ``attrs``:

* ``"skipped"``: one ``{"where": ..., "reason": ...}`` per document left out: documents
  without text in both error modes, any bad document with ``on_error="skip"``. It survives
  the shards cache (the manifest keeps the list), so a corpus read from shards reports what
  was left out when the original files were read;
* ``"notes"``: what the loader said about the corpus as a whole (a column stored as text, a
  date column to name), as ``{"warning": ..., "message": ...}``;
* ``"provenance"``: ``{"corpus": ..., "shards": ..., "cache": ...}``: the corpus the user
  named (resolved; ``"<seeds>"`` for the bundled seeds), the shards folder actually read
  (None when the original files were), and ``"hit"`` when those shards were found ready in
  the cache, ``"built"`` when this call converted the corpus into the cache, else None.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from arabic_news.corpus.files import shown_path
from arabic_news.engines import engine_of


def corpus_attrs(corpus) -> dict:
    """The loader's record of ``corpus`` (a pandas or Dask corpus): see the module docstring."""
    attrs = engine_of(corpus).attrs(corpus)  # a Dask frame: its meta carries them
    if attrs is None:
        raise TypeError(f"expected a corpus from load_corpus, got {type(corpus).__name__}")
    return attrs


def provenance(path: str | os.PathLike | None, shards: str | os.PathLike | None,
               cache: str | None) -> dict:
    """``attrs["provenance"]`` of a corpus loaded from ``path`` (see the module docstring)."""
    return {"corpus": "<seeds>" if path is None else shown_path(Path(path).expanduser().resolve()),
            "shards": None if shards is None else shown_path(Path(shards).resolve()),
            "cache": cache}


def skipped_documents(corpus) -> pd.DataFrame:
    """The documents the loader left out: one row each, columns ``where`` and ``reason``."""
    skipped = corpus_attrs(corpus).get("skipped", [])
    return pd.DataFrame(skipped, columns=["where", "reason"]).astype(str)


def skipped_summary(corpus) -> pd.DataFrame:
    """The documents left out, counted by kind of reason, most frequent first.

    Columns: ``reason`` (the first document's reason, in full), ``documents`` (how many were
    left out for that kind of reason) and ``first`` (where the first one is). Reasons that
    differ only in a quoted value or a number (``unparseable date '2015-99-01'`` and
    ``unparseable date '1436-13-01'``) are one kind.
    """
    skipped = skipped_documents(corpus)
    columns = ["reason", "documents", "first"]
    if skipped.empty:
        return pd.DataFrame(columns=columns).astype({"documents": int})
    kinds = skipped["reason"].map(_kind)
    summary = (skipped.assign(kind=kinds, order=range(len(skipped)))
               .groupby("kind", sort=False)
               .agg(reason=("reason", "first"), documents=("reason", "size"),
                    first=("where", "first"), order=("order", "first")))
    summary = summary.sort_values(["documents", "order"], ascending=[False, True])
    return summary[columns].reset_index(drop=True)


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NUMBER = re.compile(r"\d+")


def _kind(reason: str) -> str:
    return _NUMBER.sub("N", _QUOTED.sub("'…'", reason))
