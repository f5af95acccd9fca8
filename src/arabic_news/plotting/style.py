"""``use_arabic_style()``: an Arabic typeface and deterministic output for every chart.

The typeface is Amiri, a classical naskh face under the SIL Open Font Licence, shipped on
PyPI by ``fontpkg-amiri`` so that no download happens at run time. Compared rendered with Noto
Sans Arabic (``justmytype-intl-rtl``), Amiri is the more legible at tick-label sizes, covers
Latin, digits, brackets and the «الله» ligature itself, and is a static font (Noto Sans Arabic
is shipped as a variable font, whose default instance depends on the FreeType build).
DejaVu Sans, bundled with matplotlib, follows it in the family list as the fallback for any
symbol Amiri lacks.

On matplotlib older than 3.11 (no native shaping) the first font is DejaVu Sans instead.
There every glyph is reached through the font's character map, one presentation-form code
point at a time (see ``bidi.py``). Amiri draws its contextual forms through OpenType
substitutions that are not reachable that way, so an Amiri label would not be the glyphs
a shaping engine chooses; DejaVu Sans maps each Arabic presentation form to exactly the
glyph HarfBuzz picks for that letter in context, which the tests prove glyph by glyph.
:data:`ARABIC_FONT_FILE` always names the font that is first in the family list.
"""

from __future__ import annotations

from pathlib import Path

import fontpkg_amiri
import matplotlib
from matplotlib import font_manager

from .bidi import NATIVE_SHAPING
from .language import set_chart_language

_FONT_FILES = Path(fontpkg_amiri.__file__).parent / "files"
_DEJAVU_FILE = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
FALLBACK_FAMILY = "DejaVu Sans"

#: The family drawn first, and its regular file (also the tests' shaping reference).
ARABIC_FONT_FAMILY = "Amiri" if NATIVE_SHAPING else FALLBACK_FAMILY
ARABIC_FONT_FILE: Path = _FONT_FILES / "Amiri-Regular.ttf" if NATIVE_SHAPING else _DEJAVU_FILE

#: rcParams that make every chart use the Arabic typeface and save byte-identical files.
STYLE: dict[str, object] = {
    "font.family": list(dict.fromkeys([ARABIC_FONT_FAMILY, FALLBACK_FAMILY])),
    "axes.unicode_minus": False,  # U+2212 is not in every Arabic font; "-" always is
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.fonttype": "path",  # SVGs draw glyph outlines, independent of the reader's fonts
    "svg.hashsalt": "arabic-news",  # fixed ids inside SVG files
    "pdf.fonttype": 42,
    "axes.titlesize": 13,
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
}


def register_fonts() -> None:
    """Make the Amiri files known to matplotlib's font manager (idempotent)."""
    known = {Path(entry.fname) for entry in font_manager.fontManager.ttflist}
    for path in sorted(_FONT_FILES.glob("Amiri-*.ttf")):
        if path not in known:
            font_manager.fontManager.addfont(str(path))


def use_arabic_style(language: str = "ar") -> None:
    """Register the fonts and set :data:`STYLE` in matplotlib's rcParams, for all later charts.

    ``language`` ("ar" or "en") is the language of every later chart's furniture: axis
    labels, month names, "week of", legends (see :mod:`.language`).

    Call it once at the top of a notebook or script. It is safe to call again. In Jupyter,
    importing pyplot first lets the inline backend apply its own settings before ours, so
    that ours are the ones in force when figures are drawn and saved.
    """
    import matplotlib.pyplot  # noqa: F401  (activates the backend before our settings)

    set_chart_language(language)
    register_fonts()
    matplotlib.rcParams.update(STYLE)
