"""Split articles into passages, for lessons that need more than a handful of documents."""

from __future__ import annotations

import re

import pandas as pd

# A passage ends at a line break (news sites write one paragraph a line) or a sentence end.
_PASSAGE_END = re.compile(r"\n+|(?<=[.!?؟])\s+")


def passages(corpus: pd.DataFrame, min_chars: int = 60) -> pd.DataFrame:
    """One row per passage of at least ``min_chars`` characters.

    Headlines, captions and bylines are short and fall below the threshold. The result keeps
    the corpus columns, with ``doc_id`` extended by ``#<passage number>`` and the article's id
    in a new ``article_id`` column.
    """
    if min_chars < 0:
        raise ValueError(f"min_chars must be zero or positive, got {min_chars}")
    rows = []
    for record in corpus.to_dict("records"):
        parts = (part.strip() for part in _PASSAGE_END.split(record["text"]))
        kept = [part for part in parts if len(part) >= min_chars]
        for number, part in enumerate(kept, start=1):
            rows.append(
                {**record, "article_id": record["doc_id"],
                 "doc_id": f"{record['doc_id']}#{number}", "text": part}
            )
    return pd.DataFrame(rows, columns=[*corpus.columns, "article_id"])
