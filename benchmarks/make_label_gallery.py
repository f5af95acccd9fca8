"""Draw the gallery of tricky Arabic labels (``figures/gallery_tricky_labels.png``).

The labels are those of the glyph-level proof (``tests/rendering/tricky_labels.txt``), drawn
through ``ar()`` under ``use_arabic_style()`` as the charts draw them: right-aligned, one per
cell, the two-line ones on two lines. The title names the matplotlib version, its text path
(native shaping or reshaper) and the font, so galleries made in both environments can be told
apart.

    .venv/bin/python benchmarks/make_label_gallery.py                 # figures/ (native)
    .venv-mpl310/bin/python benchmarks/make_label_gallery.py --name gallery_tricky_labels_mpl310
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the headless backend)

from arabic_news.plotting.bidi import NATIVE_SHAPING, ar  # noqa: E402
from arabic_news.plotting.save import save_figure  # noqa: E402
from arabic_news.plotting.style import ARABIC_FONT_FAMILY, use_arabic_style  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS_FILE = ROOT / "tests" / "rendering" / "tricky_labels.txt"
COLUMNS = 2


def load_labels(path: Path) -> list[str]:
    """One label per line, ``\\n`` as a line break, ``#`` lines skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n") for line in lines if line and not line.startswith("#")]


def draw_gallery(labels: list[str]):
    """A figure with ``labels`` in numbered cells, read right to left, top to bottom; a row is
    as tall as its longest label has lines."""
    rows = [labels[i:i + COLUMNS] for i in range(0, len(labels), COLUMNS)]
    heights = [max(label.count("\n") + 1 for label in row) for row in rows]
    fig, ax = plt.subplots(figsize=(11, 0.55 * sum(heights) + 0.8))
    ax.set_xlim(0, COLUMNS)
    ax.set_ylim(sum(heights), -0.2)
    ax.axis("off")
    top = 0
    for row_index, (row, height) in enumerate(zip(rows, heights, strict=True)):
        for offset, label in enumerate(row):
            column, y = COLUMNS - 1 - offset, top + height / 2
            ax.text(column + 0.90, y, ar(label), ha="right", va="center", fontsize=14)
            ax.text(column + 0.97, y, str(row_index * COLUMNS + offset + 1), ha="right",
                    va="center", fontsize=8, color="0.5")
        top += height
        ax.axhline(top, color="0.9", linewidth=0.6)
    path = "native shaping (raqm)" if NATIVE_SHAPING else "ar(): arabic-reshaper + python-bidi"
    ax.set_title(f"matplotlib {matplotlib.__version__}, {path}, font {ARABIC_FONT_FAMILY}",
                 fontsize=10)
    return fig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--directory", type=Path, default=ROOT / "figures")
    parser.add_argument("--name", default="gallery_tricky_labels")
    args = parser.parse_args()
    use_arabic_style()
    fig = draw_gallery(load_labels(LABELS_FILE))
    for path in save_figure(fig, args.name, directory=args.directory, formats=("png",)):
        print(path)


if __name__ == "__main__":
    main()
