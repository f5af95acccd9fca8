"""The exceptions users catch: bad corpus input, and an analysis that cannot apply."""


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


class NotApplicable(ValueError):
    """This analysis cannot apply to this corpus; the message says why, in one line.

    Raised for what a small or unusual corpus lacks, not for a programming error: no
    publication dates (timelines), fewer than three documents (comparing TF-IDF settings),
    no term left once stop words are removed (TF-IDF). A lesson catches it, prints the reason
    and goes on with its next section::

        try:
            start, end = analysis.core_date_range(corpus["published"])
        except an.NotApplicable as reason:
            print(f"No timeline: {reason}")
    """
