"""Corpus steps run before the analyses: each returns the corpus with something taken out,
and says in ``attrs`` what it took out and why.

* :mod:`.boilerplate`: the lines an outlet repeats across its articles (footers, bylines,
  datelines, contact and share text), found per source and removed
  (:func:`remove_boilerplate`, :func:`boilerplate_note`).
* :func:`drop_duplicates`: one article per story printed several times (the earliest by
  default), with :func:`deduplication_note` for the one line a lesson prints.
* :func:`prepare_corpus`: the lessons' steps in one call, and :func:`preparation_note`.
"""

from .boilerplate import (
    BoilerplateRules,
    boilerplate_note,
    find_boilerplate,
    remove_boilerplate,
)
from .duplicates import KEEP, deduplication_note, drop_duplicates
from .pipeline import preparation_note, prepare_corpus

__all__ = ["KEEP", "BoilerplateRules", "boilerplate_note", "deduplication_note",
           "drop_duplicates", "find_boilerplate", "preparation_note", "prepare_corpus",
           "remove_boilerplate"]
