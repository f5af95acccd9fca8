"""Charts with Arabic labels that render correctly on every matplotlib version.

``ar`` prepares a label for the running matplotlib, ``use_arabic_style`` registers an Arabic
typeface and deterministic output settings, ``charts`` draws the lessons' figures from plain
Arabic strings, and ``save_figure`` writes byte-identical PNG and SVG files.

Importing this package needs only matplotlib, numpy, arabic-reshaper and python-bidi.
"""

from .bidi import NATIVE_SHAPING, ar
from .charts import bar_terms, heatmap, timeline
from .language import chart_language, format_date, set_chart_language
from .save import save_figure
from .style import ARABIC_FONT_FILE, use_arabic_style

__all__ = [
    "ARABIC_FONT_FILE",
    "NATIVE_SHAPING",
    "ar",
    "bar_terms",
    "chart_language",
    "format_date",
    "set_chart_language",
    "heatmap",
    "save_figure",
    "timeline",
    "use_arabic_style",
]
