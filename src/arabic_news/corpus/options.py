"""The options of ``load_corpus`` that say how to read a corpus: their defaults and checks.

One table of defaults serves the loader, which checks the options before reading anything,
and the shards cache, which keys an entry on the options that differ from these defaults (so
that ``cached_shards(path, {})`` and ``load_corpus(path)`` name the same entry).
"""

from __future__ import annotations

from arabic_news.corpus.files import DEFAULT_MAX_FILE_SIZE, check_max_file_size
from arabic_news.corpus.policy import ErrorPolicy

DEFAULTS = {
    "text_column": None, "title_column": None, "date_column": None, "source_column": None,
    "id_column": None, "metadata": None, "on_error": "raise", "progress": None,
    "follow_symlinks": False, "max_file_size": DEFAULT_MAX_FILE_SIZE,
}
#: Each ``*_column`` option and the document field it names.
FIELD_OF = {
    "id_column": "doc_id", "title_column": "title", "text_column": "text",
    "date_column": "published", "source_column": "source",
}


def check_options(**given) -> tuple[dict, dict[str, str | None], ErrorPolicy]:
    """Check the loader options at once; return them with the defaults filled in, the
    explicit columns keyed by document field, and the error policy."""
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise TypeError(f"unknown loader option(s) {', '.join(unknown)}; the options are "
                        f"{', '.join(DEFAULTS)}")
    options = {**DEFAULTS, **given}
    for parameter in FIELD_OF:
        name = options[parameter]
        if name is not None and not (isinstance(name, str) and name):
            raise ValueError(
                f"{parameter}={name!r}: column names must be non-empty strings (or None to detect)"
            )
    explicit = {field: options[parameter] for parameter, field in FIELD_OF.items()}
    policy = ErrorPolicy(options["on_error"])
    if options["progress"] not in (None, True, False):
        raise ValueError(f"progress={options['progress']!r} is not allowed: use None (auto), "
                         "True or False")
    if not isinstance(options["follow_symlinks"], bool):
        raise ValueError(f"follow_symlinks={options['follow_symlinks']!r}: use True or False")
    options["max_file_size"] = check_max_file_size(options["max_file_size"])
    return options, explicit, policy
