"""Corpus steps run before the analyses: each returns the corpus with something set aside,
and says in ``attrs`` what it set aside and why.

* :func:`drop_duplicates`: one article per story printed several times (the earliest by
  default), with :func:`deduplication_note` for the one line a lesson prints.
"""

from .duplicates import KEEP, deduplication_note, drop_duplicates

__all__ = ["KEEP", "deduplication_note", "drop_duplicates"]
