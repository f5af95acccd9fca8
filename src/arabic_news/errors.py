"""The one exception type users catch for bad corpus input."""


class CorpusError(ValueError):
    """A corpus file or row cannot be read.

    The message always names the file (and the line or row where one applies) and says what
    is wrong, so that the user can find and fix the input.
    """


class NoTextError(CorpusError):
    """A document without text: an empty or blank file, an empty, blank or missing text cell,
    an ANT ``<DOC>`` without ``<TEXT>``.

    ``load_corpus`` leaves such a document out in both error modes, with a
    ``SkippedDocumentWarning`` and a record in ``df.attrs["skipped"]``: it is not malformed
    input (real corpora hold a few: 2 of ANT's 31,525 articles), so it should not stop a
    load, but loading it as ``''`` would silently add an empty row to every per-document
    statistic.
    """
