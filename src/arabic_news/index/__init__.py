"""The corpus index: a corpus tokenised once, stored on disk, asked many questions.

Lessons re-read and re-tokenise a corpus in cell after cell; an explorer must answer a click
in a fraction of a second. Both ask an index instead::

    from arabic_news.index import build_index

    index = build_index(corpus, analyzer)         # built once, then found in the cache
    index.term_counts(index.select(source="X"))   # == analysis.term_counts(texts, analyzer)
    index.kwic("روسيا", limit=20)                  # keyword in context, no tokenising
    matrix, terms = index.counts_matrix()         # documents x terms, for TF-IDF

* **What it holds** (:mod:`~arabic_news.index.layout`): document metadata, the token
  vocabulary (stop words included) with each token's term, the written forms of each
  term with counts, per-document term and bigram counts (sparse), the token stream with
  each token's characters in the text, and the texts.
* **Key** (:mod:`~arabic_news.index.key`): the corpus's files as the shards cache keys
  them, a hash of its rows, the analyzer's ``cache_key()`` and the index format.
* **Build** (:mod:`~arabic_news.index.build`): one task per partition through the engine
  seam (``per_partition(..., numbered=True)``), then a merge of the vocabularies, with
  memory bounded by a partition and the counts; atomic (staging folder, then rename).
* **Store** (:mod:`~arabic_news.index.store`): where indexes live, and rebuilding a
  damaged one with a warning; never served stale.
* **Questions** (:mod:`~arabic_news.index.corpus_index`): :class:`CorpusIndex`, each answer
  equal to the package's analysis of the same documents.
"""

from arabic_news.index.corpus_index import CorpusIndex
from arabic_news.index.layout import DamagedIndexWarning
from arabic_news.index.store import build_index, index_folder

__all__ = ["CorpusIndex", "DamagedIndexWarning", "build_index", "index_folder"]
