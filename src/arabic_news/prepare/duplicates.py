"""Count each story once: keep one article of each group of copies, set the others aside.

A story printed by five outlets is counted five times by every frequency, TF-IDF weight,
keyness score and topic share. :func:`drop_duplicates` keeps one article per group of
:func:`arabic_news.analysis.near_duplicates` and sets the others aside; nothing is deleted: the
result's ``attrs["duplicates"]`` lists each article set aside with the one kept in its place
(``pd.DataFrame(corpus.attrs["duplicates"])`` shows them as a table), and
``attrs["deduplication"]`` the counts that :func:`deduplication_note` puts in one line. Both
are lists and dicts, as the loader's ``attrs["skipped"]``: a table kept in ``attrs``
would break ``pd.concat`` of two corpora, which compares their ``attrs``. The list is a
read-only :class:`~arabic_news.corpus.records.Records`, which pandas shares between the
frames it derives instead of deep-copying it in every operation.
"""

from __future__ import annotations

import pandas as pd

from arabic_news.analysis.reprints import duplicate_counts, near_duplicates
from arabic_news.corpus.records import Records

#: Which article of a group is kept: the first published (the origin), the last published
#: (a story's final version, when outlets update a report), or the one with the most words
#: (the fullest version; ties go to the earliest).
KEEP = ("earliest", "latest", "longest")


def drop_duplicates(corpus, groups: pd.DataFrame | None = None, *, keep: str = "earliest",
                    threshold: float = 0.8):
    """``corpus`` with one article per group of copies; the others set aside.

    ``groups``: a table from :func:`arabic_news.analysis.near_duplicates` (found with
    ``threshold`` when not given; pass a filtered table to set aside exact copies only, for
    example ``groups[groups.groupby("group")["exact"].transform("any")]``). ``keep``: one
    of :data:`KEEP`. Articles keep their order; the result's ``attrs["duplicates"]`` lists the
    articles set aside, one dict each (``doc_id``, ``group``, ``kept``: the doc id kept in
    their place, ``source``, ``published``, ``similarity`` and ``exact``),
    ``attrs["deduplication"]`` the counts. Works on a pandas or a Dask corpus (its ``attrs``
    is then an attribute of the returned collection).
    """
    if keep not in KEEP:
        raise ValueError(f"keep must be one of {list(KEEP)} (which article of a group to "
                         f"keep), got {keep!r}")
    if groups is None:
        groups = near_duplicates(corpus, threshold)
    set_aside = _set_aside(groups, keep)
    before = len(corpus)
    if len(set_aside):
        kept = corpus[~corpus["doc_id"].isin(set_aside["doc_id"].tolist())]
    else:  # a new frame over the same data: nothing copied, the caller's attrs untouched
        kept = corpus.copy(deep=False)
    counts = duplicate_counts(groups)
    exact = int(set_aside["exact"].sum())
    kept.attrs = {**getattr(corpus, "attrs", {}),
                  "duplicates": Records(set_aside.to_dict("records")),  # shared, not copied
                  "deduplication": {"articles": before, "set_aside": len(set_aside),
                                    "exact": exact, "near": len(set_aside) - exact,
                                    "groups": counts["groups"], "keep": keep}}
    return kept


def _set_aside(groups: pd.DataFrame, keep: str) -> pd.DataFrame:
    missing = {"group", "doc_id", "origin", "exact", "similarity", "words"} - set(groups)
    if missing:
        raise ValueError(f"groups lacks {sorted(missing)}: pass the table of "
                         f"analysis.near_duplicates(corpus)")
    order = groups.reset_index(drop=True)
    if keep == "earliest":
        chosen = order["origin"].to_numpy(bool)
    elif keep == "latest":
        chosen = ~order.duplicated("group", keep="last").to_numpy()
    else:
        chosen = order.index.isin(order.groupby("group")["words"].idxmax())
    kept_id = order.loc[chosen].set_index("group")["doc_id"]
    aside = order.loc[~chosen]
    columns = ["doc_id", "group", *[c for c in ("source", "published") if c in aside]]
    table = aside[columns].assign(kept=aside["group"].map(kept_id).to_numpy(object),
                                  similarity=aside["similarity"], exact=aside["exact"])
    return table[["doc_id", "group", "kept", *columns[2:], "similarity", "exact"]] \
        .reset_index(drop=True)


def deduplication_note(corpus) -> str:
    """One line on what :func:`drop_duplicates` set aside from ``corpus`` (or that it did not
    run)."""
    counts = getattr(corpus, "attrs", {}).get("deduplication")
    if counts is None:
        return ("Every printing of a story is counted (reprints kept); "
                "an.drop_duplicates(corpus) counts each story once.")
    if counts["set_aside"] == 0:
        return (f"No article repeats another (exact or near copy): all {counts['articles']:,} "
                f"articles are counted.")
    kinds = " and ".join(f"{number:,} {kind} cop{'y' if number == 1 else 'ies'}"
                         for number, kind in ((counts["exact"], "exact"),
                                              (counts["near"], "near")) if number)
    return (f"Each story counted once: {counts['set_aside']:,} of {counts['articles']:,} "
            f"articles set aside ({kinds} of {counts['groups']:,} "
            f"{'story' if counts['groups'] == 1 else 'stories'} printed more than once; "
            f"the {counts['keep']} article of each kept).")
