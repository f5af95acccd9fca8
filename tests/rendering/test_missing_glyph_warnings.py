"""Drawing every tricky label under ``use_arabic_style()`` warns of no missing glyph.

matplotlib reports a missing glyph with a UserWarning issued through ``warn_external``, which
attributes it to the caller's module; ``MISSING_GLYPH_IS_ERROR`` matches it by message so it
fails these tests. ``test_a_missing_glyph_fails`` proves that filter really bites.
"""

from __future__ import annotations

import io
import warnings

import matplotlib
import pytest
from shaping_reference import MISSING_GLYPH_IS_ERROR, load_labels

from arabic_news.plotting.bidi import ar
from arabic_news.plotting.style import use_arabic_style

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the headless backend)

pytestmark = [pytest.mark.rendering, pytest.mark.filterwarnings(MISSING_GLYPH_IS_ERROR)]


def _draw(labels: list[str]) -> None:
    """Draw ``labels`` as title, tick labels and texts; render with Agg and as SVG paths."""
    fig, ax = plt.subplots(figsize=(6, 0.3 * len(labels) + 1))
    try:
        ax.set_title(ar(labels[0]))
        ax.set_yticks(range(len(labels)), [ar(label) for label in labels])
        for y, label in enumerate(labels):
            ax.text(0.5, y, ar(label), ha="right")
        fig.canvas.draw()
        fig.savefig(io.BytesIO(), format="svg")  # svg.fonttype "path": matplotlib's own layout
    finally:
        plt.close(fig)


def test_tricky_labels_draw_without_any_warning():
    use_arabic_style()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _draw(load_labels())
    assert [str(w.message) for w in caught] == []


def test_a_missing_glyph_fails():
    use_arabic_style()
    with pytest.raises(UserWarning, match="missing from font"):
        _draw(["\u6f22"])  # a CJK ideograph: in neither Amiri nor DejaVu Sans
