"""Parameter checks shared by the analysis functions, with messages that say what to pass."""


class NotApplicable(ValueError):
    """This analysis cannot apply to this corpus; the message says why, in one line.

    Raised for what a small or unusual corpus lacks, not for a programming error: no
    publication dates (timelines), fewer than three documents (comparing TF-IDF settings),
    no term left once stop words are removed (TF-IDF). A lesson catches it, prints the reason
    and goes on with its next section::

        try:
            start, end = analysis.core_date_range(corpus["published"])
        except analysis.NotApplicable as reason:
            print(f"No timeline: {reason}")
    """


def check_positive_int(name: str, value: object) -> None:
    """Raise ``ValueError`` unless ``value`` is an integer of at least 1."""
    if not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
