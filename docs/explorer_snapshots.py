"""Snapshots of the explorer for the website and the README: ``python docs/explorer_snapshots.py
--corpus PATH --name NAME`` writes docs/explorer/explorer-NAME-*.png.

The web app of ``make explore`` serves the corpus; headless Chromium opens it, then takes the
steps of the browser test (tests/browser/explorer_driver.py): choose a term by typing it,
brush a period, choose a source. A screenshot after each. Only the seeds and ANT are shown
in committed snapshots (never a corpus whose licence forbids it).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from conftest import chromium  # noqa: E402
from explorer_driver import brush, choose_source, type_term, wait_until_shown  # noqa: E402

from arabic_news.explorer.app import serve, wait_until_listening  # noqa: E402

OUT = ROOT / "docs" / "explorer"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=None, help="default: the seeds")
    parser.add_argument("--name", required=True)
    parser.add_argument("--term", default="حلب")
    parser.add_argument("--brush", nargs=2, type=float, default=None, metavar=("FROM", "TO"),
                        help="fractions of the chart's width to brush")
    parser.add_argument("--source", default=None, help="a source to choose")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    log = open(os.devnull, "w")
    process, address = serve(args.corpus, stdout=log, stderr=log)
    try:
        wait_until_listening(address, process)
        with chromium(1400, 1900) as driver:
            driver.set_page_load_timeout(3600)
            driver.get(address)
            wait_until_shown(driver, timeout=3600)
            page = driver.find_element("css selector", ".an-explorer")
            type_term(driver, args.term)
            page.screenshot(str(OUT / f"explorer-{args.name}.png"))
            if args.brush:
                brush(driver, *args.brush)
            if args.source:
                choose_source(driver, args.source)
            if args.brush or args.source:
                page.screenshot(str(OUT / f"explorer-{args.name}-filtered.png"))
    finally:
        process.terminate()
        process.wait(timeout=60)
    print(f"wrote {OUT}/explorer-{args.name}*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
