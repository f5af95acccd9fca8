"""Convert a corpus into Parquet shards, from the command line.

    python -m arabic_news.corpus.convert SRC DEST [--rows-per-shard N] [--on-error skip]
        [--text-column NAME] [--title-column NAME] [--date-column NAME]
        [--source-column NAME] [--id-column NAME] [--overwrite]

SRC is anything ``load_corpus`` accepts (a folder of .txt articles, ANT, CSV/TSV, JSON Lines,
a JSON array, Parquet, gzipped tables, or a shards folder to write again with another
``--rows-per-shard``); DEST a new folder outside it. Prints the rows and shards written, every
skipped document with its reason and what the loader noted (a column stored as text, a date
column to name). Exit code 2 for a bad corpus or destination (one line saying why). Stopped
by SIGTERM, it removes the half-written folder first (see :mod:`arabic_news.corpus.staging`).
"""

from __future__ import annotations

import argparse
import sys
import time

from arabic_news.corpus.shards import DEFAULT_ROWS_PER_SHARD, write_shards
from arabic_news.errors import CorpusError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arabic_news.corpus.convert",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("source", help="the corpus: a folder or a table file")
    parser.add_argument("dest", help="a new folder for the shards, outside the corpus")
    parser.add_argument("--rows-per-shard", type=int, default=DEFAULT_ROWS_PER_SHARD)
    parser.add_argument("--on-error", choices=("raise", "skip"), default="raise")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace the shards already in DEST")
    for field in ("text", "title", "date", "source", "id"):
        parser.add_argument(f"--{field}-column", default=None)
    args = parser.parse_args(argv)
    if args.rows_per_shard < 1:
        parser.error("--rows-per-shard must be a positive number of rows")
    options = {f"{field}_column": getattr(args, f"{field}_column")
               for field in ("text", "title", "date", "source", "id")}
    options = {key: value for key, value in options.items() if value is not None}
    start = time.perf_counter()
    try:
        import warnings

        from arabic_news.corpus.policy import NOTE_WARNINGS, SkippedDocumentWarning

        with warnings.catch_warnings():
            for category in (SkippedDocumentWarning, *NOTE_WARNINGS.values()):
                warnings.simplefilter("ignore", category)  # listed below instead
            report = write_shards(args.source, args.dest, rows_per_shard=args.rows_per_shard,
                                  overwrite=args.overwrite, on_error=args.on_error,
                                  progress=False, **options)
    except (CorpusError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - start
    print(f"{report.rows:,} articles in {len(report.shards)} shards written to {report.folder} "
          f"({seconds:.1f} s); columns: {', '.join(report.columns)}")
    print(f"{len(report.skipped)} documents skipped" + (":" if report.skipped else ""))
    for entry in report.skipped:
        print(f"  {entry['where']}: {entry['reason']}")
    for note in report.notes:
        print(f"note: {note['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
