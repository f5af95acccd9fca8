"""What an index is keyed on: the corpus's content, the analyzer's settings, the format.

An index answers for one corpus as one analyzer cuts it, so its key holds three parts:

* the *files* the corpus was read from, as the shards cache keys them
  (:func:`arabic_news.corpus.cache.corpus_signature`: each file's relative name, size,
  modification time, status-change time and inode), found from the corpus's provenance
  (the shards read, else the corpus named, else none for a frame built by hand);
* the *rows* as this process holds them: a hash of every value of the stored columns
  (``doc_id``, ``title``, ``source``, ``published``, ``text``), per partition, as the
  results cache hashes them (:mod:`arabic_news.corpus.results_cache`). The file
  signature alone cannot see what happened after loading (rows filtered, a text replaced,
  another ``text_column=``), and a frame built by hand has no files: the rows can. On ANT
  hashing the rows takes about a second, far less than tokenising;
* the analyzer's :meth:`~arabic_news.text.analyzer.ArabicAnalyzer.cache_key` and the
  index format (:data:`INDEX_FORMAT`).

Equal keys, equal indexes: a stale index is never found under a new key.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from arabic_news.corpus.cache import corpus_signature, entry_name
from arabic_news.corpus.files import shown_path
from arabic_news.corpus.results_cache import content_digest, partition_digest
from arabic_news.corpus.seeds import seeds_path
from arabic_news.engines import engine_of

#: Raise when what an index stores, or how, changes: older indexes are then rebuilt.
INDEX_FORMAT = 1
#: The columns an index stores, hashed into its key.
STORED = ("doc_id", "title", "source", "published", "text")


def corpus_files(corpus) -> Path | None:
    """The files ``corpus`` was read from (the shards folder read, else the corpus named),
    from its provenance; None for a frame without one, or whose files are gone."""
    attrs = engine_of(corpus).attrs(corpus) or {}
    record = attrs.get("provenance") or {}
    named = record.get("shards") or record.get("corpus")
    if not named:
        return None
    path = seeds_path() if named == "<seeds>" else Path(named)
    return path if path.exists() else None


def rows_digest(corpus) -> str:
    """A hash of the stored columns of every row, in order: each partition hashed where it
    is (:func:`~arabic_news.corpus.results_cache.partition_digest`), then the digests."""
    digests = engine_of(corpus).per_partition(corpus[list(STORED)], partition_digest)
    return content_digest([tuple(digests)])


def index_key(corpus, analyzer) -> tuple[str, dict]:
    """The key of ``corpus`` indexed with ``analyzer`` (16 hex digits), and what it was made
    of (recorded in the index's manifest)."""
    files = corpus_files(corpus)
    described = {
        "format": INDEX_FORMAT,
        "files": None if files is None else {
            "path": shown_path(files.resolve()),
            "signature": corpus_signature(files.resolve())},
        "rows": rows_digest(corpus),
        "analyzer": analyzer.cache_key(),
    }
    blob = json.dumps(described, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16], described


def index_name(corpus) -> str:
    """The first part of an index folder's name: the name of the corpus the user named, as
    the shards cache names its entries ("corpus" for a frame without provenance)."""
    attrs = engine_of(corpus).attrs(corpus) or {}
    named = (attrs.get("provenance") or {}).get("corpus")
    if not named:
        return "corpus"
    return entry_name(None if named == "<seeds>" else named)
