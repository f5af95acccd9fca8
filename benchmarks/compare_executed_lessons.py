"""Do two runs of the lessons show the same thing? Compares executed notebooks and figures.

Usage: python benchmarks/compare_executed_lessons.py <RUN_A> <RUN_B>

Each folder is the ``--output`` of ``bench_notebooks.py`` (the executed lessons and a
``figures/`` folder). Every code cell's outputs are compared (text, HTML, images; progress
bars and widget model ids left out, as they change from run to run), and every figure byte
for byte. Prints the differing cells per lesson; exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

PROGRESS = re.compile(r"\d+%\|")
WIDGET = "application/vnd.jupyter.widget-view+json"


def shown(notebook: Path) -> list[list[tuple]]:
    """Per code cell, what it shows: stream texts and a hash of each rich output."""
    cells = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET in data and PROGRESS.search("".join(data.get("text/plain", ""))):
                continue  # a progress bar: shown only when something is computed
            if output["output_type"] == "stream":
                text = "".join(line for line in "".join(output["text"]).splitlines(True)
                               if not PROGRESS.search(line))
                if text:
                    outputs.append(("stream", output["name"], text))
                continue
            for kind in sorted(data):
                if kind == WIDGET:
                    continue
                value = data[kind]
                text = value if isinstance(value, str) else "".join(value) \
                    if isinstance(value, list) else json.dumps(value, sort_keys=True)
                outputs.append((kind, hashlib.sha256(text.encode()).hexdigest()))
        cells.append(outputs)
    return cells


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    differ, cells = False, 0
    for notebook in sorted(args.first.glob("*.ipynb")):
        other = args.second / notebook.name
        if not other.is_file():
            print(f"{notebook.name}: missing from {args.second}")
            differ = True
            continue
        first, second = shown(notebook), shown(other)
        changed: list = [number for number, (a, b)
                         in enumerate(zip(first, second, strict=False)) if a != b]
        if len(first) != len(second):
            changed.append(f"{len(first)} cells against {len(second)}")
        cells += len(first)
        differ |= bool(changed)
        print(f"{notebook.name}: {len(first)} code cells, differing: {changed or 'none'}")
    figures = sorted((args.first / "figures").glob("*"))
    unequal = [f.name for f in figures
               if not (args.second / "figures" / f.name).is_file()
               or f.read_bytes() != (args.second / "figures" / f.name).read_bytes()]
    differ |= bool(unequal)
    print(f"{cells} code cells compared; {len(figures)} figures, differing: {unequal or 'none'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
