"""Preparing a corpus before analysis: what to take out of the texts, and why.

* :mod:`.boilerplate`: the lines an outlet repeats across its articles (footers, bylines,
  datelines, contact and share text), found per source and removed.
"""

from arabic_news.prepare.boilerplate import (
    BoilerplateRules,
    boilerplate_note,
    find_boilerplate,
    remove_boilerplate,
)

__all__ = ["BoilerplateRules", "boilerplate_note", "find_boilerplate", "remove_boilerplate"]
