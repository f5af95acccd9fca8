"""The project's two Arabic stop-word lists and a filter for token lists.

- ``data/stopwords_ar.txt``: function words (prepositions, pronouns, particles ...), the list
  of :func:`stop_words`.
- ``data/stopwords_news_ar.txt``: the words that news prose uses in every story whatever it
  reports (verbs of saying, تم, time words such as أمس and اليوم, عدد, أكثر), the list of
  :func:`news_stop_words`. Chosen by their frequency and their spread over outlets on two
  news corpora; its header explains each choice and the words left out on purpose.

Both were written for this project. Each is passed through the same
:class:`~arabic_news.Normalizer` as the text, so spelling variants match (فى/في, الى/إلى), and
every word of two letters or more also gets its forms with an attached و and ف (وهو، فإن),
generated here rather than listed.
"""

from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files

from arabic_news.text.tokenize import DEFAULT, _check_normalizer, tokenize

#: Conjunctions that attach to the following word.
ATTACHED_CONJUNCTIONS = ("و", "ف")


#: The packaged lists, by name.
LISTS = {"function": "stopwords_ar.txt", "news": "stopwords_news_ar.txt"}


def _listed_words(name: str = "function") -> list[str]:
    text = files("arabic_news.text").joinpath(f"data/{LISTS[name]}").read_text("utf-8")
    words = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    return [word for word in words if word]


def _prepare(words: Iterable[str], normalizer, origin: str) -> frozenset[str]:
    """Normalise ``words``, check each is one token, add the attached-conjunction forms."""
    if isinstance(words, str):
        raise TypeError(f"{origin} must be a collection of words, not one string")
    result = set()
    for position, word in enumerate(words):
        if not isinstance(word, str):
            raise TypeError(f"{origin}[{position}] is {type(word).__name__}, not str")
        tokens = tokenize(word, normalizer=normalizer)
        if len(tokens) != 1:
            raise ValueError(
                f"{origin}[{position}] {word!r} is not a single word after normalisation "
                f"(tokens: {tokens}); give one word per entry"
            )
        (token,) = tokens
        result.add(token)
        if len(token) >= 2:
            result.update(conjunction + token for conjunction in ATTACHED_CONJUNCTIONS)
    return frozenset(result)


@lru_cache(maxsize=8)
def _packaged(name: str, normalizer) -> frozenset[str]:
    return _prepare(_listed_words(name), normalizer, LISTS[name])


def _default(normalizer, name: str = "function") -> frozenset[str]:
    try:
        return _packaged(name, normalizer)
    except TypeError:  # an unhashable custom normaliser: skip the cache
        return _prepare(_listed_words(name), normalizer, LISTS[name])


def stop_words(
    extra: Iterable[str] = (),
    *,
    replace: Iterable[str] | None = None,
    normalizer=DEFAULT,
) -> frozenset[str]:
    """The normalised stop-word set: the project's list (or ``replace``) plus ``extra``.

    ``normalizer`` must be the one applied to the text the set will filter (``None`` if the
    text is not normalised). Raises ``ValueError`` for an entry that is not a single word.
    """
    _check_normalizer(normalizer)
    if replace is None:
        base = _default(normalizer)
    else:
        base = _prepare(replace, normalizer, "replace")
    extra = _prepare(extra, normalizer, "extra")
    return base | extra


def news_stop_words(*, normalizer=DEFAULT) -> frozenset[str]:
    """The normalised set of words that news prose uses whatever it reports (see the header of
    ``data/stopwords_news_ar.txt``): verbs of saying, auxiliaries, time and quantity words.

    :class:`~arabic_news.ArabicAnalyzer` removes them by default with the function words
    (``news_words=False`` keeps them). ``normalizer`` as in :func:`stop_words`.
    """
    _check_normalizer(normalizer)
    return _default(normalizer, "news")


def remove_stop_words(tokens: Iterable[str], stop_words: Iterable[str] | None = None) -> list[str]:
    """Return ``tokens`` without the stop words, in order.

    ``stop_words`` defaults to :func:`stop_words` for the default normaliser; any other
    collection is used as given (build it with :func:`stop_words` to normalise it).
    ``tokens`` is a list (or any iterable) of tokens, such as :func:`tokenize` returns; one
    string or bytes object is refused, since iterating it would yield its characters.
    """
    if isinstance(tokens, str | bytes | bytearray):
        raise TypeError(
            f"remove_stop_words expects a list of tokens, not one {type(tokens).__name__}; "
            "pass tokenize(text)"
        )
    if stop_words is None:
        stop_words = _default(DEFAULT)
    elif isinstance(stop_words, str):
        raise TypeError("stop_words must be a collection of words, not one string")
    elif not isinstance(stop_words, (set, frozenset)):
        stop_words = frozenset(stop_words)
    return [token for token in tokens if token not in stop_words]
