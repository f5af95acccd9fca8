"""Reprints and shared stories: which articles tell one story, who reprints whom, how fast.

:func:`near_duplicates` groups the articles that are copies of one another (exact copies, and
near copies whose word shingles mostly agree; the method and its error rates are in
:mod:`arabic_news.analysis.minhash_lsh`). The earliest article of a group is its *origin*;
the others are its *reprints*. :func:`reprint_flows` counts them between sources, with the
time from origin to reprint; :func:`passage_reuse` lists the pairs where most of a shorter
article is found in a longer one; :func:`word_differences` marks, word by word, where two
articles of a group differ.

Lessons call :func:`near_duplicates` every time they run, so its result is kept on disk
(:mod:`arabic_news.analysis.duplicates_cache`), keyed by the corpus's content and the
parameters: a second call on the same corpus reads the table instead of hashing every text.
"""

from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from arabic_news.corpus.results_cache import kept_digests
from arabic_news.engines import engine_of
from arabic_news.errors import NotApplicable
from arabic_news.text.tokenize import tokenize

from . import duplicates_cache, minhash_lsh
from .frequency import ranked_terms, term_counts

#: The corpus columns that describe an article in the groups table, when the corpus has them.
DESCRIBED = ("source", "published", "title")
#: Articles from which the groups are kept on disk by default (below, finding them is quick).
CACHE_FROM = 500
UNKNOWN_SOURCE = "(unknown)"


def near_duplicates(corpus, threshold: float = 0.8, *, shingle_size: int = 5,
                    num_perm: int = 128, cache: bool | None = None) -> pd.DataFrame:
    """The articles that belong to a story printed at least twice, one row each.

    Columns: ``group`` (numbered from 1 in the order of the groups' first publication),
    ``doc_id``, ``source``, ``published`` and ``title`` (where the corpus has them),
    ``similarity`` (the estimated Jaccard similarity of the article's word shingles to the
    group's earliest article, from 128 MinHash values by default; 1.0 for an exact copy),
    ``exact`` (its words are those of an earlier article of the group), ``origin`` (it is the
    group's earliest article), ``lag_days`` (days after the origin) and ``words``. Rows are
    ordered by group, then publication, then corpus order. Two articles are put in one group
    when the Jaccard similarity of their sets of ``shingle_size``-word shingles (normalised
    words) is at least ``threshold``, or through a chain of such pairs.

    ``cache``: keep the table on disk, keyed by the corpus's content and the parameters
    (``None``: from :data:`CACHE_FROM` articles). ``attrs["settings"]`` holds the parameters
    and the banding (plain values only: a table in ``attrs`` would break ``pd.concat``);
    :func:`compared_pairs` gives the pairs compared.
    """
    found = _detection(corpus, minhash_lsh.settings(threshold, shingle_size, num_perm), cache)
    groups = found["groups"].copy()
    groups.attrs = {"settings": dict(found["settings"])}
    return groups


def compared_pairs(corpus, threshold: float = 0.8, *, shingle_size: int = 5,
                   num_perm: int = 128, cache: bool | None = None) -> pd.DataFrame:
    """Every candidate pair that :func:`near_duplicates` compared, confirmed or not:
    ``first_doc``, ``second_doc``, their numbers of distinct shingles, and their true
    ``jaccard`` and ``containment`` (exact copies are not compared: they share a hash)."""
    found = _detection(corpus, minhash_lsh.settings(threshold, shingle_size, num_perm), cache)
    return found["pairs"].copy()


def passage_reuse(corpus, containment: float = 0.8, *, threshold: float = 0.8,
                  shingle_size: int = 5, num_perm: int = 128,
                  cache: bool | None = None) -> pd.DataFrame:
    """Pairs of articles where most of the shorter one is found in the longer one.

    One row per pair compared by :func:`near_duplicates` whose ``containment`` (the share of
    the shorter article's shingles found in the longer one) is at least ``containment``:
    ``shorter`` and ``longer`` (doc ids), their sources (``shorter_source``,
    ``longer_source``, where the corpus has sources), ``containment`` and ``jaccard``, and
    ``same_group`` (whether they are also near copies). Only pairs the banding made
    candidates are seen: passage reuse between articles of comparable length is found,
    a short article copied into one several times its length mostly is not (see
    :mod:`arabic_news.analysis.minhash_lsh`).
    """
    if isinstance(containment, bool) or not isinstance(containment, (int, float)) \
            or not 0 < containment <= 1:
        raise ValueError(f"containment must be a share above 0 and at most 1 (0.8: four "
                         f"fifths of the shorter article), got {containment!r}")
    groups = near_duplicates(corpus, threshold, shingle_size=shingle_size, num_perm=num_perm,
                             cache=cache)
    pairs = compared_pairs(corpus, threshold, shingle_size=shingle_size, num_perm=num_perm,
                           cache=cache)
    pairs = pairs[pairs["containment"] >= containment]
    first_shorter = pairs["first_shingles"] <= pairs["second_shingles"]
    table = pd.DataFrame({
        "shorter": np.where(first_shorter, pairs["first_doc"], pairs["second_doc"]),
        "longer": np.where(first_shorter, pairs["second_doc"], pairs["first_doc"]),
        "containment": pairs["containment"].to_numpy(),
        "jaccard": pairs["jaccard"].to_numpy(),
    })
    if "source" in corpus.columns and len(table):
        wanted = pd.unique(pd.concat([table["shorter"], table["longer"]])).tolist()
        engine = engine_of(corpus)
        found = engine.collect(corpus[corpus["doc_id"].isin(wanted)][["doc_id", "source"]])
        source_of = dict(zip(found["doc_id"].tolist(), found["source"].tolist(), strict=True))
        table.insert(1, "shorter_source", table["shorter"].map(source_of))
        table.insert(3, "longer_source", table["longer"].map(source_of))
    group_of = dict(zip(groups["doc_id"], groups["group"], strict=True))
    table["same_group"] = [group_of.get(a, -1) == group_of.get(b, -2)
                           for a, b in zip(table["shorter"], table["longer"], strict=True)]
    return table.sort_values(["containment", "shorter"], ascending=[False, True],
                             ignore_index=True)


def reprint_flows(groups: pd.DataFrame) -> pd.DataFrame:
    """Reprints from the source of each group's origin to the source of each other article.

    Columns: ``origin_source``, ``reprint_source``, ``reprints`` (articles) and
    ``median_lag_days`` (median days from the origin's publication to the reprint's; NaN
    without dates). An outlet that prints its own story again is a flow to itself. Rows are
    ordered by ``reprints``, most first. A missing source is ``"(unknown)"``.
    """
    _check_groups(groups, ("group", "source", "origin"))
    sources = groups["source"].astype(object).where(groups["source"].notna(), UNKNOWN_SOURCE)
    origin_source = sources[groups["origin"].to_numpy(bool)].set_axis(
        groups.loc[groups["origin"].to_numpy(bool), "group"])
    reprints = groups[~groups["origin"].to_numpy(bool)]
    lags = reprints["lag_days"] if "lag_days" in reprints else pd.Series(np.nan, reprints.index)
    table = pd.DataFrame({
        "origin_source": reprints["group"].map(origin_source).to_numpy(),
        "reprint_source": sources[reprints.index].to_numpy(),
        "lag": lags.to_numpy(float),
    })
    flows = (table.groupby(["origin_source", "reprint_source"], sort=True)
             .agg(reprints=("lag", "size"), median_lag_days=("lag", "median"))
             .reset_index())
    flows["reprints"] = flows["reprints"].astype("int64")
    return flows.sort_values(["reprints", "origin_source", "reprint_source"],
                             ascending=[False, True, True], ignore_index=True)


def widest_story(groups: pd.DataFrame) -> int:
    """The group printed by the most sources (then the most articles, then the earliest)."""
    _check_groups(groups, ("group", "source"))
    if groups.empty:
        raise NotApplicable("no article is printed twice in this corpus")
    reach = groups.groupby("group").agg(sources=("source", "nunique"),
                                        articles=("doc_id", "size"))
    reach = reach.sort_values(["sources", "articles"], ascending=False, kind="stable")
    return int(reach.index[0])


def duplicate_counts(groups: pd.DataFrame) -> dict[str, int]:
    """How many stories were printed more than once, and how many extra copies they made.

    ``groups``: stories printed twice or more; ``articles``: articles in them;
    ``set_aside``: articles beyond the first of each group (counting each story once removes
    these); ``exact``: of those, exact copies of an earlier article of their group;
    ``near``: the others.
    """
    _check_groups(groups, ("group", "exact"))
    stories = int(groups["group"].nunique())
    exact = int(groups["exact"].sum())
    return {"groups": stories, "articles": len(groups), "set_aside": len(groups) - stories,
            "exact": exact, "near": len(groups) - stories - exact}


def word_differences(first: str, second: str) -> tuple[list[list[tuple[str, bool]]], ...]:
    """Both texts as lines of ``(word, differs)``, word by word as written.

    Words are compared by their normalised form (so ``فى`` and ``في``, or a word with and
    without diacritics or punctuation, are the same word), aligned with
    :class:`difflib.SequenceMatcher`; a word is marked when it is not part of a run the two
    texts share. Punctuation standing alone is never marked. Line breaks are kept.
    """
    lines = [_written_lines(text) for text in (first, second)]
    keys = [[" ".join(tokenize(word)) for line in text for word in line] for text in lines]
    # punctuation alone (no word in it) is neither compared nor marked
    kept = [[number for number, key in enumerate(text_keys) if key] for text_keys in keys]
    marked = [np.zeros(len(text_keys), bool) for text_keys in keys]
    for text, places in enumerate(kept):
        marked[text][places] = True
    matcher = difflib.SequenceMatcher(None, [keys[0][i] for i in kept[0]],
                                      [keys[1][i] for i in kept[1]], autojunk=False)
    for block in matcher.get_matching_blocks():
        marked[0][kept[0][block.a:block.a + block.size]] = False
        marked[1][kept[1][block.b:block.b + block.size]] = False
    result = []
    for text, flags in zip(lines, marked, strict=True):
        flags = iter(flags)
        result.append([[(word, bool(next(flags))) for word in line] for line in text])
    return tuple(result)


CAPTION_WORDS = {
    "ar": {"unknown": "مصدر غير معروف", "undated": "غير مؤرخ", "comma": "،"},
    "en": {"unknown": "unknown source", "undated": "undated", "comma": ","},
}


def article_caption(article, role: str, *, language: str = "ar") -> str:
    """``"<role>: <source>, <date and time>"`` for a row of the groups table, in
    ``language`` ("ar" or "en"), with an unknown source and a missing date said in words.

    The side-by-side reading is an Arabic table (each cell a right-to-left paragraph), so its
    captions are Arabic by default: an English caption around an Arabic outlet's name would be
    reordered by the bidi algorithm."""
    if language not in CAPTION_WORDS:
        raise ValueError(f"language must be one of {list(CAPTION_WORDS)}, got {language!r}")
    words = CAPTION_WORDS[language]
    source = article.get("source")
    published = article.get("published")
    source = source if isinstance(source, str) and source else words["unknown"]
    when = f"{published:%Y-%m-%d %H:%M}" if pd.notna(published) else words["undated"]
    return f"{role}: {source}{words['comma']} {when}"


def _written_lines(text: str) -> list[list[str]]:
    return [line.split() for line in text.split("\n") if line.strip()]


def _check_groups(groups, columns) -> None:
    if not isinstance(groups, pd.DataFrame):
        raise TypeError(f"pass the table of analysis.near_duplicates(corpus), got "
                        f"{type(groups).__name__}")
    missing = [column for column in columns if column not in groups]
    if missing:
        raise ValueError(f"the groups table lacks the columns {missing}: pass the table of "
                         f"analysis.near_duplicates(corpus)")


# ----------------------------------------------------------------------------- running it
def _detection(corpus, settings: minhash_lsh.Settings, cache: bool | None) -> dict:
    columns = ["doc_id", "text", *[c for c in DESCRIBED if c in corpus.columns]]
    if "doc_id" not in corpus.columns or "text" not in corpus.columns:
        raise ValueError("the corpus needs doc_id and text columns: load it with "
                         "arabic_news.load_corpus")
    store = None
    digests = kept_digests(corpus[columns], cache, CACHE_FROM)
    if digests is not None:
        store = duplicates_cache.Store([tuple(digests)], settings)
        found = store.read()
        if found is not None:
            return found
    found = _find(corpus, settings)
    if store is not None:
        store.write(found)
    return found


def _find(corpus, settings: minhash_lsh.Settings) -> dict:
    found = minhash_lsh.find_groups(corpus, settings)
    groups, pairs = found["groups"], found["pairs"]
    origin = groups.groupby("group")["published"].transform("first") \
        if "published" in groups else None
    groups["origin"] = ~groups.duplicated("group")
    groups["lag_days"] = ((groups["published"] - origin) / pd.Timedelta(days=1)
                          if origin is not None else np.nan)
    groups = groups[["group", "doc_id", *[c for c in DESCRIBED if c in groups],
                     "similarity", "exact", "origin", "lag_days", "words"]]
    bands, rows = settings.layout
    return {"groups": groups, "pairs": _pairs_by_id(pairs, found["sketches"]),
            "settings": {"threshold": settings.threshold, "shingle_size": settings.shingle_size,
                         "num_perm": settings.num_perm, "bands": bands, "rows": rows}}


def _pairs_by_id(pairs: pd.DataFrame, sketches: pd.DataFrame) -> pd.DataFrame:
    described = sketches.set_index("position")
    return pd.DataFrame({
        "first_doc": pairs["first"].map(described["doc_id"]).to_numpy(object),
        "second_doc": pairs["second"].map(described["doc_id"]).to_numpy(object),
        "first_shingles": pairs["first"].map(described["shingles"]).to_numpy("int64"),
        "second_shingles": pairs["second"].map(described["shingles"]).to_numpy("int64"),
        "jaccard": pairs["jaccard"].to_numpy(float),
        "containment": pairs["containment"].to_numpy(float),
    })


# ----------------------------------------------------------------------------- teaching
#: Sources, delays and footer of the reprints that :func:`made_reprints` makes.
MADE = {
    "exact": ("صحيفة الأمس", pd.Timedelta(hours=3)),
    "edited": ("موقع النهار", pd.Timedelta(hours=20)),
    "passage": ("مجلة الأسبوع", pd.Timedelta(days=2)),
}
MADE_FOOTER = "تابعوا آخر الأخبار على موقعنا وعلى حساباتنا في شبكات التواصل الاجتماعي"
MADE_ADDITION = "وقال مراسلنا إن الوضع ما زال متوترا في المنطقة حتى ساعة كتابة هذا الخبر."


def made_reprints(corpus: pd.DataFrame) -> pd.DataFrame:
    """``corpus`` with three articles made from its first one, to show the method on a corpus
    without copies (such as the seeds).

    * ``exact``: the same words, without punctuation and with doubled spaces, 3 hours later;
    * ``edited``: every 60th word replaced by its neighbour and another footer, 20 hours later
      (a near copy);
    * ``passage``: the first three quarters of the article and a sentence of its own, two days
      later (passage reuse: most of it is in the original).

    Each comes from another (made-up) outlet; the first article's date is kept, or 1 January
    2016 when it has none.
    """
    first = corpus.iloc[0]
    text = str(first["text"])
    words = text.split(" ")
    edited = [words[i + 1] if i % 60 == 59 and i + 1 < len(words) else word
              for i, word in enumerate(words)]
    made = {
        "exact": "  ".join(tokenize(text, normalizer=None)),
        "edited": " ".join(edited) + "\n" + MADE_FOOTER,
        "passage": " ".join(words[:len(words) * 3 // 4]) + "\n" + MADE_ADDITION,
    }
    published = first["published"] if pd.notna(first["published"]) else \
        pd.Timestamp("2016-01-01", tz="UTC")
    rows = [{"doc_id": f"{first['doc_id']}-{kind}", "title": first["title"],
             "source": MADE[kind][0], "published": published + MADE[kind][1], "text": body}
            for kind, body in made.items()]
    extra = pd.DataFrame(rows).astype({"published": corpus["published"].dtype})
    return pd.concat([corpus, extra], ignore_index=True)


def top_terms_compared(before, after, analyzer, n: int = 20) -> pd.DataFrame:
    """The top ``n`` terms of two versions of a corpus (``before`` and ``after`` setting
    copies aside, as lists of texts), side by side: ``term``, ``rank_before``,
    ``count_before``, ``rank_after``, ``count_after`` (missing when outside that top n),
    ordered by the better of the two ranks."""
    tables = []
    for name, texts in (("before", before), ("after", after)):
        ranked = ranked_terms(term_counts(texts, analyzer), n).reset_index()
        tables.append(ranked.rename(columns={"rank": f"rank_{name}", "count": f"count_{name}"})
                      [["term", f"rank_{name}", f"count_{name}"]])
    table = tables[0].merge(tables[1], on="term", how="outer")
    best = table[["rank_before", "rank_after"]].min(axis=1)
    table = table.assign(_best=best).sort_values(["_best", "term"], kind="stable")
    for column in ("rank_before", "count_before", "rank_after", "count_after"):
        table[column] = table[column].astype("Int64")
    return table.drop(columns="_best").reset_index(drop=True)
