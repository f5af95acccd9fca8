"""What to do with a bad document: stop loading, or skip it and say so."""

import warnings
from dataclasses import dataclass, field

from arabic_news.errors import CorpusError, NoTextError

ON_ERROR_CHOICES = ("raise", "skip")


class SkippedDocumentWarning(UserWarning):
    """Emitted once per document left out by ``load_corpus(..., on_error="skip")``."""


@dataclass
class ErrorPolicy:
    """Raise each :class:`CorpusError`, or record it, warn and carry on.

    ``skipped`` collects one record per skipped document: ``{"where": ..., "reason": ...}``,
    where ``where`` names the file (and line or row) and ``reason`` says what is wrong.
    """

    on_error: str = "raise"
    skipped: list[dict[str, str]] = field(default_factory=list)

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
