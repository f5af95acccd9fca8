"""What cleaning does to a corpus: each normalisation step's effect, vocabulary sizes, stemming.

These functions show the package's cleaning at work on the user's own texts, for lessons.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from arabic_news.analysis._checks import check_positive_int
from arabic_news.analysis.frequency import ranked_terms
from arabic_news.engines import engine_of
from arabic_news.engines.base import as_counter, counts_frame
from arabic_news.text.analyzer import ArabicAnalyzer, is_number, is_single_letter
from arabic_news.text.kept_tokens import encoded_tokens
from arabic_news.text.normalize import DEFAULT_STEPS, Normalizer
from arabic_news.text.remembered import remembered
from arabic_news.text.stemming import PROCLITICS, light_stem, light_stems
from arabic_news.text.stopwords import news_stop_words, stop_words
from arabic_news.text.tokenize import DEFAULT, tokenize

# Words as written: split at ASCII whitespace only, so that a no-break space or a bidi
# control inside a chunk stays visible to the steps that handle them.
_ASCII_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")


def visible(text: str) -> str:
    """``text`` with invisible characters (spaces other than U+0020, controls, marks on their
    own) written as ``<U+XXXX>``, so that a table shows what a step removed or replaced.

    Each marker is a left-to-right isolate (LRI ... PDI): inside Arabic text it stays where
    the invisible character was and cannot reorder the words around it, as a bare ``<``,
    ``U+00A0`` and ``>`` would in a right-to-left paragraph."""
    shown = []
    for char in text:
        category = unicodedata.category(char)
        if char != " " and (category in {"Zs", "Cf", "Cc"}):
            shown.append(f"\u2066<U+{ord(char):04X}>\u2069")
        else:
            shown.append(char)
    return "".join(shown)


def written_words(texts: Iterable[str]) -> Counter:
    """Whitespace-separated chunks of the texts, as written, with their counts, in word order.

    ``texts`` may be a Dask column: each partition is counted by its task and the counts are
    summed by the engine; the Counter returned (the corpus's written vocabulary, which the
    cleaning tables need whole) is the only thing materialised.
    """
    engine = engine_of(texts)
    table = engine.collect(engine.sum_by(texts, *remembered(_written_rows), keys=["term"]))
    return as_counter(table.sort_values("term"))


def _written_rows(texts) -> pd.DataFrame:
    counts: Counter = Counter()
    for text in texts:
        counts.update(chunk for chunk in _ASCII_WHITESPACE.split(text) if chunk)
    return counts_frame(counts)


def word_token_counts(words: Counter, normalizer=DEFAULT) -> Counter:
    """The token counts of a corpus from its written words and their counts
    (:func:`written_words`): each distinct word is tokenised once (with ``normalizer``;
    None: as written) and weighted by its count, which gives the counts of tokenising every
    text, since tokens never span whitespace and a normaliser maps characters one by one.
    Tokens come in the order they are first met, as counting word by word gives them.

    The words' tokens are kept on disk (:mod:`arabic_news.text.kept_tokens`) when the
    normaliser is one a key can hold: a lesson, its checkers and the next lesson tokenise a
    vocabulary of half a million words once."""
    tokens = ArabicAnalyzer(normalizer=normalizer, stop_words=None, news_words=False,
                            keep_numbers=True, keep_single_letters=True).tokens
    encoded = encoded_tokens(pd.Series(list(words), dtype=object), tokens, token_lists=False)
    counts = np.fromiter(words.values(), dtype=np.int64, count=len(words))
    totals = np.bincount(encoded.ids, weights=np.repeat(counts, encoded.lengths),
                         minlength=len(encoded.vocabulary)).astype(np.int64)  # exact below 2**53
    return Counter(dict(zip(encoded.vocabulary.tolist(), totals.tolist(), strict=True)))


def cleaning_examples(words: Counter, per_step: int = 3) -> pd.DataFrame:
    """For each normalisation step alone: how many written words it changes, with examples.

    ``words`` holds the written words of a corpus and their counts (:func:`written_words`).
    One row per step. The examples are the most frequent changed words (ties: alphabetical),
    before and after, separated by «،». Steps are applied one at a time (every other step
    off), so each row shows that step's own effect.
    """
    check_positive_int("per_step", per_step)
    written = list(words)
    weights = np.fromiter(words.values(), dtype=np.int64, count=len(written))  # in key order
    # Every step maps characters one by one and never touches "\n": one call does all words.
    joined = "\n".join(written)
    before = _lines(joined)
    rows = []
    for step, default in DEFAULT_STEPS.items():
        alone = Normalizer(**{name: name == step for name in DEFAULT_STEPS})
        changed, after = _changed_words(written, before, alone(joined))
        shown = most_frequent(changed, weights, written, per_step)
        rows.append({
            "step": step,
            "on by default": default,
            "words changed": len(changed),
            "occurrences changed": int(weights[changed].sum()),
            "before": " ، ".join(visible(written[at]) for at in shown),
            "after": " ، ".join(visible(after(at)) for at in shown),
        })
    return pd.DataFrame(rows).set_index("step")


def _lines(text: str) -> pa.Array | None:
    """The lines of ``text`` as an Arrow array, split in C without a Python string per
    line; None when UTF-8 cannot hold ``text`` (a lone surrogate)."""
    try:
        return pc.split_pattern(pa.array([text], type=pa.large_string()), "\n").flatten()
    except (pa.ArrowException, UnicodeError):
        return None


def _changed_words(words: list[str], before: pa.Array | None, after_text: str):
    """The positions of ``words`` (``before``: their :func:`_lines`) whose line in
    ``after_text`` differs, and a function giving the line at a position."""
    after = _lines(after_text) if before is not None else None
    if after is None:  # a lone surrogate somewhere: word by word
        lines = after_text.split("\n")
        changed = np.flatnonzero(np.array(words, dtype=object) != np.array(lines, dtype=object))
        return changed, lines.__getitem__
    changed = np.flatnonzero(pc.not_equal(before, after).to_numpy(zero_copy_only=False))
    return changed, lambda at: after[at].as_py()


def most_frequent(positions: np.ndarray, weights: np.ndarray, words: list[str],
                  n: int) -> list[int]:
    """The ``n`` of ``positions`` with the largest ``weights``, ties in the order of
    ``words``: only the candidates at least as heavy as the ``n``-th are sorted."""
    chosen = weights[positions]
    if len(positions) > n:
        positions = positions[chosen >= np.partition(chosen, len(chosen) - n)[len(chosen) - n]]
    return sorted(positions.tolist(), key=lambda at: (-weights[at], words[at]))[:n]


def stage_counts(words: Counter) -> dict[str, Counter]:
    """Term counts at each cleaning stage, from the written words of a corpus and their counts.

    ``words`` comes from :func:`written_words`. Tokens never span ASCII whitespace and the
    normaliser maps characters one by one, so tokenising each distinct written word once and
    weighting by its count gives the counts of tokenising every text, for a fraction of the
    work. Stop-word removal and stemming map tokens one by one, so their counts follow from
    the normalised token counts exactly as if ``ArabicAnalyzer(stop_words=..., stem=...,
    news_words=False, keep_numbers=True, keep_single_letters=True)`` had been run on every
    text (tests check both): the stages are the cleaning steps alone, and
    :func:`dropped_by_default` shows what the analyzer's default filters remove on top.
    """
    written = word_token_counts(words, normalizer=None)
    normalised = word_token_counts(words)
    stops = stop_words()
    content = Counter({token: n for token, n in normalised.items() if token not in stops})
    article: dict[str, int] = {}
    proclitic: dict[str, int] = {}
    for n, by_article, by_proclitic in zip(content.values(), light_stems(content, "article"),
                                           light_stems(content, "proclitic", normalised),
                                           strict=True):
        article[by_article] = article.get(by_article, 0) + n
        proclitic[by_proclitic] = proclitic.get(by_proclitic, 0) + n
    return {
        "as written": written,
        "normalised": normalised,
        "stop words removed": content,
        "definite article stripped": Counter(article),
        "one proclitic stripped": Counter(proclitic),
    }


def compare_cleanings(stages: dict[str, Counter], n: int = 10) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Vocabulary sizes and top ``n`` terms at each cleaning stage (from :func:`stage_counts`).

    Returns (sizes, top): ``sizes`` has tokens and types per stage; ``top`` has one column of
    the ``n`` most frequent terms per stage (ties: alphabetical).
    """
    sizes = pd.DataFrame([
        {"cleaning": name, "tokens": sum(counts.values()), "types": len(counts)}
        for name, counts in stages.items()
    ]).set_index("cleaning")
    top = pd.DataFrame({
        name: pd.Series(ranked_terms(counts, n)["term"].to_list(), dtype=object)
        for name, counts in stages.items()
    })
    top.index = pd.RangeIndex(1, len(top) + 1, name="rank")
    return sizes, top


def stemming_examples(normalised: Counter, n: int = 8) -> pd.DataFrame:
    """Frequent words each stemming mode changes, and frequent words it keeps whole.

    ``normalised`` holds the counts of normalised tokens (``stage_counts(texts)["normalised"]``).
    Three groups of at most ``n`` rows, most frequent first: words that lose their definite
    article (both modes), words that lose one proclitic (second mode only), and words that
    begin with a proclitic letter (و ف ب ك ل) but are kept whole because their remainder is
    not a word of the corpus at least as frequent, such as most names.
    """
    check_positive_int("n", n)
    stops = stop_words()
    ranked = sorted((t for t in normalised if t not in stops), key=lambda t: (-normalised[t], t))
    groups: dict[str, list] = {"article stripped": [], "proclitic stripped": [], "kept whole": []}
    for token in ranked:
        article = light_stem(token, "article")
        proclitic = light_stem(token, "proclitic", normalised)
        if article != token:
            group = "article stripped"
        elif proclitic != token:
            group = "proclitic stripped"
        elif token[0] in PROCLITICS:
            group = "kept whole"
        else:
            continue
        if len(groups[group]) < n:
            groups[group].append({"what happens": group, "word": token, "count": normalised[token],
                                  "article mode": article, "proclitic mode": proclitic})
    columns = ["what happens", "word", "count", "article mode", "proclitic mode"]
    return pd.DataFrame([row for rows in groups.values() for row in rows], columns=columns)


def _terms_of(word: str) -> list[str]:
    """The normalised terms a written token stands for: one as a rule, several for a
    ligature of words (ﷺ is four once normalised)."""
    return tokenize(word)


def _spelling_rows(texts, wanted: frozenset) -> pd.DataFrame:
    """One partition's written tokens that stand for a term in ``wanted``, with their
    counts: only those tokens leave the partition."""
    written: Counter = Counter()
    for text in texts:
        written.update(tokenize(text, normalizer=None))
    return counts_frame(Counter({word: count for word, count in written.items()
                                 if not wanted.isdisjoint(_terms_of(word))}))


def merged_spellings(texts: Iterable[str], terms: Iterable[str]) -> pd.DataFrame:
    """For normalised ``terms``: the written spellings merged into each, with their counts.

    ``largest spelling`` is the count of the most frequent spelling: what a frequency list
    without normalisation would report for the term. ``texts`` may be a Dask column: only
    the spellings of ``terms`` leave each partition's task, summed by the engine.
    """
    wanted = list(terms)
    engine = engine_of(texts)
    written = as_counter(engine.collect(engine.sum_by(texts, *remembered(_spelling_rows,
                                                                  frozenset(wanted)),
                                                      keys=["term"])))
    spellings: dict[str, Counter] = {term: Counter() for term in wanted}
    for word, count in written.items():
        for term in _terms_of(word):
            if term in spellings:
                spellings[term][word] += count
    rows = []
    for term in wanted:
        found = spellings[term]
        ordered = sorted(found.items(), key=lambda item: (-item[1], item[0]))
        rows.append({
            "term": term,
            "count": sum(found.values()),
            "spellings": len(found),
            "largest spelling": ordered[0][1] if ordered else 0,
            "written as": "، ".join(f"{word} ({count})" for word, count in ordered[:4]),
        })
    columns = ["term", "count", "spellings", "largest spelling", "written as"]
    return pd.DataFrame(rows, columns=columns)


def dropped_by_default(normalised: Counter, n: int = 6, label=None) -> pd.DataFrame:
    """What :class:`ArabicAnalyzer`'s default filters remove from the normalised tokens.

    ``normalised`` counts the normalised tokens (``stage_counts(...)["normalised"]``). One
    row per filter, in the order the analyzer applies them, each token counted by the first
    filter that removes it: the function words (:func:`stop_words`), the news words
    (:func:`news_stop_words`), number-only tokens and single letters. Columns: the tokens
    and types removed, the share of all tokens, and the ``n`` most frequent removed terms
    (ties: alphabetical), passed through ``label`` (e.g. ``display_forms(...).label``) to show
    them as the corpus writes them.
    """
    check_positive_int("n", n)
    label = label or (lambda key: key)
    function, news = stop_words(), news_stop_words()
    filters = {
        "function words": lambda token: token in function,
        "news words": lambda token: token in news,
        "numbers": is_number,
        "single letters": is_single_letter,
    }
    removed: dict[str, Counter] = {name: Counter() for name in filters}
    for token, count in normalised.items():
        for name, drops in filters.items():
            if drops(token):
                removed[name][token] = count
                break
    total = sum(normalised.values())
    rows = []
    for name, counts in removed.items():
        tokens = sum(counts.values())
        top = sorted(counts, key=lambda token: (-counts[token], token))[:n]
        rows.append({
            "filter": name,
            "tokens removed": tokens,
            "share of tokens": round(tokens / total, 3) if total else 0.0,
            "types removed": len(counts),
            "most frequent": " ، ".join(label(token) for token in top),
        })
    return pd.DataFrame(rows).set_index("filter")
