"""The lessons' corpus steps in one call, in the order that keeps each step's meaning.

Boilerplate first (an outlet's footer would otherwise make its articles look alike to the
near-duplicate search, and make short texts look long), then very short texts (they are not
articles), then one article per story. Each step says in the corpus's ``attrs`` what it
took out; :func:`preparation_note` puts that in the lines a lesson prints.
"""

from __future__ import annotations

from arabic_news.analysis.provenance import short_texts_note, without_short_texts
from arabic_news.prepare import boilerplate as boilerplate_step
from arabic_news.prepare.duplicates import deduplication_note, drop_duplicates


def prepare_corpus(corpus, *, remove_boilerplate: bool = True,
                   short_text_words: int | None = None, count_each_story_once: bool = True):
    """``corpus`` after the chosen steps: boilerplate removed
    (:func:`~arabic_news.prepare.boilerplate.remove_boilerplate`), texts of at most
    ``short_text_words`` words left out (None: kept;
    :func:`~arabic_news.analysis.provenance.without_short_texts`), one article per story
    (:func:`~arabic_news.prepare.duplicates.drop_duplicates`). The input is left as it is.
    Works on a pandas or a Dask corpus."""
    if remove_boilerplate:
        corpus = boilerplate_step.remove_boilerplate(corpus)
    if short_text_words is not None:
        corpus = without_short_texts(corpus, short_text_words)
    if count_each_story_once:
        corpus = drop_duplicates(corpus)
    return corpus


def preparation_note(corpus) -> str:
    """What :func:`prepare_corpus` did to ``corpus``, one line per step (the short-text line
    only where short texts were looked for)."""
    lines = [boilerplate_step.boilerplate_note(corpus)]
    if "short_texts_left_out" in getattr(corpus, "attrs", {}):
        lines.append(short_texts_note(corpus))
    lines.append(deduplication_note(corpus))
    return "\n".join(lines)
