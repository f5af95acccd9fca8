"""Arabic that reads right for a person in JupyterLab, in the HTML export and in printed text.

JupyterLab has no right-to-left mode: a DataFrame is a left-to-right table, and a cell or a
sentence that mixes Arabic with Latin letters, digits or markers is reordered by the Unicode
bidi algorithm with a left-to-right paragraph. This package shows Arabic results the way an
Arabic reader reads them:

* :func:`rtl_table` and :func:`kwic_table`: right-to-left HTML tables (first column on the
  right), each cell its own bidi paragraph, with a deterministic ``_repr_html_`` (no random
  ids), so that nbval can compare committed outputs;
* :func:`isolate`: Arabic wrapped in Unicode isolates for printing inside English prose;
* :func:`rtl_block`: a long Arabic passage shown as a right-to-left block;
* :func:`side_by_side`: articles in right-to-left columns, the words where they differ marked.

Display forms (the usual written form of a normalised key) live in
:mod:`arabic_news.text.display_forms`, a text-level concern that analyses may use too.
"""

from .bidi_text import has_rtl, isolate, rtl_block
from .side_by_side import side_by_side
from .tables import RtlTable, kwic_table, rtl_table

__all__ = ["RtlTable", "has_rtl", "isolate", "kwic_table", "rtl_block", "rtl_table", "side_by_side"]
