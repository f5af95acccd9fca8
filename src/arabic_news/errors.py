"""The one exception type users catch for bad corpus input."""


class CorpusError(ValueError):
    """A corpus file or row cannot be read.

    The message always names the file (and the line or row where one applies) and says what
    is wrong, so that the user can find and fix the input.
    """
