"""Find and resolve date expressions in Arabic news text.

``extract_dates(text, published)`` returns :class:`DateMention` objects with offsets into
the original text; ``dates_table(documents)`` does the same for a whole corpus and returns
one tidy row per mention. See :mod:`.resolve` for how relative expressions are placed.
"""

from .extract import GRANULARITIES, DateMention, extract_dates
from .table import dates_table

__all__ = ["GRANULARITIES", "DateMention", "dates_table", "extract_dates"]
