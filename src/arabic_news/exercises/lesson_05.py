"""Checkers for lesson 5, collocations and keyness."""

from __future__ import annotations

import math

from arabic_news.analysis.collocations import TokenizedCorpus, collocations
from arabic_news.analysis.keyness import keyness
from arabic_news.errors import NotApplicable
from arabic_news.exercises.compare import (
    expect_finite,
    expect_number,
    expect_term,
    expect_type,
    expect_whole,
    is_close,
    isolated,
    shown,
)
from arabic_news.exercises.core import Wrong, exercise


def _compared(counts_a, counts_b) -> None:
    if counts_a is None or counts_b is None:
        raise NotApplicable("the corpus could not be split into two parts to compare")


@exercise("5.1")
def collocate_with_the_highest_t_score(answer, *, tokenized, term, window=5, min_freq=2):
    """The collocate of ``term`` with the highest t-score (any of those tied is right)."""
    if not isinstance(tokenized, TokenizedCorpus):
        raise TypeError("pass tokenized=analysis.TokenizedCorpus(...) as made in the lesson")
    table = collocations(tokenized, term, window=window, min_freq=min_freq)
    if table.empty:
        raise NotApplicable(f"{isolated(term)} has no collocate seen {min_freq} times here")
    best = table["t_score"].max()
    tied = table.loc[table["t_score"] >= best - 1e-9, "collocate"].tolist()
    expect_type(answer, str, "a collocate (a normalised term)")
    if answer.strip() in set(table["collocate"]):
        expect_term(answer, tied, what="the collocate with the highest t-score")
        return "The t-score favours frequent company: compare it with the top by logDice."
    raise Wrong(f"{shown(answer.strip())} is not among the collocates of the table: "
                "give the normalised term, as in the collocate column.")


@exercise("5.2")
def log_ratio_by_hand(answer, *, counts_a, counts_b, term):
    """The log ratio of ``term`` between the two parts, zero counts taken as 0.5."""
    _compared(counts_a, counts_b)
    row = keyness(counts_a, counts_b).set_index("term")
    if term not in row.index:
        raise ValueError(f"{term!r} is in neither part: pass a term of the keyness table")
    expect_finite(answer, "a number")
    expected = float(row.loc[term, "log_ratio"])
    if is_close(answer, -expected, 1e-6) and abs(expected) > 1e-6:
        raise Wrong("the sign is reversed: divide A's relative frequency by B's.")
    if is_close(answer, math.log(2 ** expected), 1e-6) and abs(expected) > 1e-6:
        raise Wrong("that is the natural logarithm: log ratio uses log base 2.")
    expect_number(answer, expected, tolerance=1e-6, what="the log ratio")
    return f"The term is {2 ** abs(expected):.1f} times as frequent on one side."


@exercise("5.3")
def strongest_evidence_for_side_b(answer, *, counts_a, counts_b):
    """The term used more in part B with the largest G² (ties: any of them)."""
    _compared(counts_a, counts_b)
    table = keyness(counts_a, counts_b)
    side_b = table[table["used_more_in"] == "b"]
    if side_b.empty:
        raise NotApplicable("no term is used more in part B")
    tied = side_b.loc[side_b["g2"] >= side_b["g2"].max() - 1e-9, "term"].tolist()
    expect_type(answer, str, "a term")
    if answer.strip() in set(table.loc[table["used_more_in"] == "a", "term"]):
        raise Wrong(f"{shown(answer.strip())} is used more in part A, not B.")
    expect_term(answer, tied, what="the term of part B with the largest G²")


@exercise("5.4")
def significant_with_benjamini_hochberg(answer, *, counts_a, counts_b, alpha=0.05):
    """How many terms are significant with the Benjamini-Hochberg correction."""
    _compared(counts_a, counts_b)
    table = keyness(counts_a, counts_b, alpha=alpha, correction="fdr_bh")
    expected = int(table["significant"].sum())
    bonferroni = int(keyness(counts_a, counts_b, alpha=alpha)["significant"].sum())
    answer = expect_whole(answer, "a whole number")
    if answer == bonferroni and bonferroni != expected:
        raise Wrong("that is the count with Bonferroni: pass correction=\"fdr_bh\".")
    expect_number(answer, expected, what="the number of significant terms")
    if expected == bonferroni:
        return "Here both corrections agree."
    return "Benjamini-Hochberg keeps more terms: it bounds the share of false ones, not any."
