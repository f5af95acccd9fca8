"""Convert a corpus into Parquet shards, from the command line.

    python -m arabic_news.corpus.convert SRC DEST [--rows-per-shard N] [--on-error skip]
        [--text-column NAME] [--title-column NAME] [--date-column NAME]
        [--source-column NAME] [--id-column NAME] [--overwrite]

SRC is anything ``load_corpus`` accepts (a folder of .txt articles, ANT, CSV/TSV, JSON Lines,
Parquet); DEST a new folder outside it. Prints the rows and shards written and every skipped
document with its reason. Exit code 2 for a bad corpus or destination (one line saying why).
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

        from arabic_news.corpus.policy import SkippedDocumentWarning

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)  # listed below instead
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
