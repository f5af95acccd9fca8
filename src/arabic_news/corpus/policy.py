"""What to do with a bad document: stop loading, or skip it and say so."""

import warnings
from dataclasses import dataclass, field

from arabic_news.errors import CorpusError, NoTextError

ON_ERROR_CHOICES = ("raise", "skip")


class SkippedDocumentWarning(UserWarning):
    """Emitted once per document left out by ``load_corpus(..., on_error="skip")``."""


class ColumnAsTextWarning(UserWarning):
    """An extra column holds values Arrow cannot store as one type: it is kept as text
    (see :mod:`arabic_news.corpus.extras`)."""


class DateColumnWarning(UserWarning):
    """A table has no date column by a known name, but one of its columns holds dates:
    name it with ``date_column=`` to use it."""


#: The warnings the loader records as notes (kept in a shards manifest and said again when
#: the shards are read), by name.
NOTE_WARNINGS = {cls.__name__: cls for cls in (ColumnAsTextWarning, DateColumnWarning)}


@dataclass
class ErrorPolicy:
    """Raise each :class:`CorpusError`, or record it, warn and carry on.

    ``skipped`` collects one record per skipped document: ``{"where": ..., "reason": ...}``,
    where ``where`` names the file (and line or row) and ``reason`` says what is wrong.
    ``notes`` collects what the loader said about the corpus as a whole (a column stored as
    text, a date column to name): ``{"warning": class name, "message": ...}``.
    """

    on_error: str = "raise"
    skipped: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self):
        if self.on_error not in ON_ERROR_CHOICES:
            raise ValueError(
                f"on_error={self.on_error!r} is not allowed: use 'raise' (stop at the first bad "
                "document) or 'skip' (leave bad documents out, warn, and list them in "
                "df.attrs['skipped'])"
            )

    def handle(self, error: CorpusError, where: str) -> None:
        """Re-raise ``error``, or record it as a skipped document at ``where``.

        A :class:`NoTextError` (a document without text) is recorded in both modes.
        """
        if self.on_error == "raise" and not isinstance(error, NoTextError):
            raise error
        message = str(error)
        prefix = f"{where}: "
        reason = message[len(prefix) :] if message.startswith(prefix) else message
        self.skipped.append({"where": where, "reason": reason})
        warnings.warn(f"skipped {where}: {reason}", SkippedDocumentWarning, stacklevel=4)

    def note(self, message: str, category: type[UserWarning]) -> None:
        """Record ``message`` in ``notes`` and warn with it."""
        self.notes.append({"warning": category.__name__, "message": message})
        warnings.warn(message, category, stacklevel=4)
