"""Light stemming for normalised Arabic tokens: strip prefixes, never roots.

Two modes, both conservative so that names survive:

``"article"``
    Strip one prefix of the definite-article family (:data:`ARTICLE_PREFIXES`, longest
    first) when at least :data:`MIN_STEM` letters remain: والبيت → بيت, للمرة → مره.
``"proclitic"``
    The article step, and otherwise strip one proclitic letter (و ف ب ك ل) only when what
    remains is itself a word of the corpus ``vocabulary``: وبيروت → بيروت because بيروت
    occurs, while بوتين, بغداد and فلسطين stay whole because وتين, غداد and لسطين do not.
    Given a mapping of counts, the remainder must also be at least as frequent as the whole
    token, which keeps لبنان whole even when the rare word بنان occurs.
"""

from collections.abc import Collection, Mapping

#: Definite article with the conjunctions and prepositions that attach before it.
ARTICLE_PREFIXES = ("وبال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
#: Single-letter proclitics: conjunctions و ف and prepositions ب ك ل.
PROCLITICS = frozenset("وفبكل")
#: Fewest letters a stem may keep.
MIN_STEM = 3
MODES = ("article", "proclitic")


def strip_article(token: str) -> str:
    """``token`` without its definite-article prefix, if :data:`MIN_STEM` letters remain."""
    for prefix in ARTICLE_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= MIN_STEM:
            return token[len(prefix) :]
    return token


def strip_proclitic(token: str, vocabulary: Collection[str] | Mapping[str, int]) -> str:
    """``token`` without one proclitic letter when the remainder is a vocabulary word."""
    if len(token) - 1 < MIN_STEM or token[0] not in PROCLITICS:
        return token
    rest = token[1:]
    if rest not in vocabulary:
        return token
    if isinstance(vocabulary, Mapping) and vocabulary[rest] < vocabulary.get(token, 0):
        return token
    return rest


def light_stem(
    token: str,
    mode: str = "article",
    vocabulary: Collection[str] | Mapping[str, int] | None = None,
) -> str:
    """Return the light stem of one normalised ``token`` (see the module docs for modes).

    ``vocabulary`` (a set of normalised tokens, or a mapping token -> count) is required by
    ``mode="proclitic"`` and ignored by ``mode="article"``.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(map(repr, MODES))}, got {mode!r}")
    if not isinstance(token, str):
        raise TypeError(f"token must be str, got {type(token).__name__}")
    if mode == "proclitic" and vocabulary is None:
        raise ValueError(
            "mode='proclitic' needs vocabulary=: the set (or counts) of normalised tokens of "
            "the corpus, e.g. collections.Counter(tokenize(text))"
        )
    stem = strip_article(token)
    if mode == "proclitic" and stem == token:
        stem = strip_proclitic(token, vocabulary)
    return stem
