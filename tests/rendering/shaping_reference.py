"""The independent reference for the glyph-level proofs, and matplotlib's own layout.

Reference: each line's characters get their embedding levels from the Unicode bidi algorithm
as implemented by the Rust ``unicode-bidi`` crate (reached through python-bidi's compiled
``get_display(..., debug=True)``, not the pure-Python algorithm ``ar()`` uses), are split into
level runs, the runs are put in visual order by rule L2, and each run is shaped by HarfBuzz
(``uharfbuzz``) from its LOGICAL text with the same font file, right-to-left for odd levels.
HarfBuzz output is already in visual order, so the glyph ids concatenate left to right.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import bidi
import uharfbuzz as hb
from matplotlib import font_manager
from matplotlib._text_helpers import layout
from matplotlib.font_manager import FontProperties

LABELS_FILE = Path(__file__).with_name("tricky_labels.txt")

#: A filterwarnings mark argument that turns matplotlib's missing-glyph warning into an error.
#: matplotlib issues it with ``warn_external``, which names the CALLER's module, so the
#: ``error::UserWarning:matplotlib.*`` filter of pyproject.toml does not catch it; matching
#: the message does.
MISSING_GLYPH_IS_ERROR = r"error:Glyph .* missing from font:UserWarning"


def load_labels(path: Path = LABELS_FILE) -> list[str]:
    """The labels of ``path``: one per line, ``\\n`` as a line break, ``#`` lines skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n") for line in lines if line and not line.startswith("#")]


def bidi_levels(line: str) -> list[int]:
    """Resolved level of each character of one line (rules up to I2, then L1), per unicode-bidi.

    The crate reports one level per UTF-8 byte; a character takes its first byte's level.
    """
    if "\n" in line:
        raise ValueError("bidi_levels takes one line; split the label at '\\n' first")
    report = bidi.get_display(line, debug=True)
    section = report.split("levels:", 1)[1].split("paragraphs:", 1)[0]
    per_byte = [int(level) for level in re.findall(r"Level\(\s*(\d+),?\s*\)", section)]
    if len(per_byte) != len(line.encode()):
        raise AssertionError(f"could not read unicode-bidi's levels for {line!r}: {report}")
    levels, offset = [], 0
    for char in line:
        levels.append(per_byte[offset])
        offset += len(char.encode())
    base = bidi.get_base_level(line)
    for i in range(len(line) - 1, -1, -1):  # rule L1: trailing whitespace at paragraph level
        if unicodedata.bidirectional(line[i]) not in ("WS", "B", "S"):
            break
        levels[i] = base
    return levels


def visual_runs(line: str) -> list[tuple[str, int]]:
    """The line's level runs ``(logical text, level)``, in left-to-right visual order (L2)."""
    if not line:
        return []
    levels = bidi_levels(line)
    runs, start = [], 0
    for i in range(1, len(line) + 1):
        if i == len(line) or levels[i] != levels[start]:
            runs.append((line[start:i], levels[start]))
            start = i
    odd = [level for _, level in runs if level % 2]
    for level in range(max(lv for _, lv in runs), min(odd, default=99) - 1, -1):
        i = 0
        while i < len(runs):  # reverse every maximal sequence of runs at `level` or higher
            if runs[i][1] < level:
                i += 1
                continue
            j = i
            while j < len(runs) and runs[j][1] >= level:
                j += 1
            runs[i:j] = runs[i:j][::-1]
            i = j
    return runs


def visual_text(line: str) -> str:
    """The line's characters in visual order (runs by L2, odd runs reversed), unmirrored."""
    return "".join(text[::-1] if level % 2 else text for text, level in visual_runs(line))


@functools.cache
def _hb_font(path: str) -> hb.Font:
    return hb.Font(hb.Face(hb.Blob.from_file_path(path)))


def reference_glyphs(line: str, font_file: Path) -> list[int]:
    """Glyph ids HarfBuzz draws for one logical line, left to right, with ``font_file``."""
    font, glyphs = _hb_font(str(font_file)), []
    for text, level in visual_runs(line):
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        buffer.direction = "rtl" if level % 2 else "ltr"
        hb.shape(font, buffer, {})
        glyphs += [info.codepoint for info in buffer.glyph_infos]
    return glyphs


def styled_font():
    """The FT2Font (with its fallback chain) matplotlib uses for text under the current rcParams."""
    paths = font_manager.fontManager._find_fonts_by_props(FontProperties())
    font = font_manager.get_font(paths)
    font.set_size(12, 72)
    return font, [Path(p) for p in paths]


def matplotlib_glyphs(line: str, font) -> list[tuple[int, Path]]:
    """``(glyph id, font file)`` for each glyph matplotlib lays out for ``line``, left to right."""
    glyphs = []
    for item in layout(line, font):
        # matplotlib 3.11 calls it glyph_index, 3.10 glyph_idx.
        glyph = item.glyph_index if hasattr(item, "glyph_index") else item.glyph_idx
        glyphs.append((glyph, Path(item.ft_object.fname)))
    return glyphs
