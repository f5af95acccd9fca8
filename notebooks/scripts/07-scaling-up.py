# ---
# jupyter:
#   jupytext:
#     formats: ipynb,scripts//py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 7. Scaling up: corpora of millions of articles with Dask
#
# **What you will learn**: when a corpus is too large for the in-memory lessons; how to turn
# it into Parquet shards once; how to run the same analyses (term and bigram counts, document
# frequencies, term share over time, date mentions) on Dask, on this machine or on a cluster;
# what Dask's dashboard shows; and what changes in the results (nothing in the values).
#
# - **Level**: intermediate to advanced.
# - **Time**: about 30 minutes (more on a large corpus).
# - **Prerequisites**: lessons 1, 2 and 4 (loading, term frequency, timelines); Dask
#   installed (`pip install 'arabic-news[dask]'`, part of `make test`'s environment).
# - **Data**: the bundled seeds by default (two articles: every step runs in seconds, which
#   shows the method, not the speed); set `corpus_path` to a large corpus to see the point.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet, ANT or shards
figures_dir = None  # unused here: this lesson draws no figure
remove_boilerplate = True  # remove each outlet's repeated lines (footers, datelines; lesson 1)
count_each_story_once = True  # True: one article per story, reprints set aside (lesson 8)
engine = "dask"  # "dask" (lazy, partitioned, parallel) or "pandas" (one DataFrame in memory)
rows_per_shard = None  # articles per shard (per partition); None: 1 on the seeds, else 50,000
scheduler_address = None  # e.g. "tcp://10.0.0.5:8786": run on that running Dask cluster
start_cluster = False  # True: start a LocalCluster on this machine (and its dashboard)
n_workers = 2  # worker processes of the LocalCluster
memory_limit = "3GB"  # per worker: past 60 % it spills to disk, past 95 % it is restarted
top_n = 10  # rows of the top-terms and top-bigrams tables
# a term to follow over time, as written
followed_term = "روسيا"

# %% [markdown]
# ## When to scale up
#
# The in-memory lessons hold the whole corpus, and every count over it, in one Python process
# on one core. Measured on a 2-core, 24 GB machine (`benchmarks/results/`):
#
# - loading keeps about 1.1 GB per 300,000 articles (peak about twice that while reading);
# - a Counter of every bigram costs about 130 bytes an entry, and bigram types grow almost as
#   fast as the corpus: 3 million at ANT's 31,500 articles, hundreds of millions at 5 million
#   articles (the Arabic Billion Words corpus);
# - so a 16 GB laptop tops out near half a million articles for the in-memory lessons.
#
# Beyond that, two things change: the corpus is read in **partitions** (one Parquet shard
# each), and counts that cross partitions are **aggregated by the engine**, which spreads a
# large vocabulary over several partitions and spills to disk, instead of one Counter.

# %%
import dask

import arabic_news as an
from arabic_news import analysis, scale

figures_dir = an.figures_folder(corpus_path, figures_dir)  # no figure here; kept for the runner
client = None
if scheduler_address is not None or start_cluster:
    client = scale.client(scheduler_address, n_workers=n_workers, memory_limit=memory_limit)
    print(scale.describe(client))
else:
    dask.config.set(scheduler="threads")
    print("No cluster: Dask runs on this process's threads (set start_cluster = True for a "
          "LocalCluster and its dashboard)")

# %% [markdown]
# ## Parquet shards, once
#
# `load_corpus(path, engine="dask")` reads the corpus from Parquet shards. The first call
# converts the corpus (with every check of the loader) into a cache outside the corpus folder;
# later calls, and the other lessons run by `make run-corpus`, read the shards directly. The
# same conversion from a terminal, for a corpus you will use often:
#
# ```bash
# python -m arabic_news.corpus.convert /path/to/corpus /path/to/shards --rows-per-shard 50000
# ```
#
# which also lists every skipped document with its reason.

# %%
if engine == "dask":
    corpus = an.load_corpus(corpus_path, engine="dask",
                            dask_options={"rows_per_shard": rows_per_shard or (
                                1 if corpus_path is None else 50_000)})
    print(f"a Dask DataFrame of {corpus.npartitions} partitions; nothing is read yet")
else:
    corpus = an.load_corpus(corpus_path)
    print(f"a pandas DataFrame of {len(corpus)} articles, all in memory")
print("columns:", ", ".join(corpus.columns))
# the corpus steps of lessons 1 and 8: boilerplate out, each story counted once
corpus = an.prepare_corpus(corpus, remove_boilerplate=remove_boilerplate,
                           count_each_story_once=count_each_story_once)
print(an.preparation_note(corpus))

# %% [markdown]
# The columns are those of the pandas corpus. A Dask DataFrame is *lazy*: it is a plan, and
# work happens only when a result is asked for (`.compute()`, or an analysis that returns a
# table). `len(corpus)` reads every partition to count its rows.

# %%
articles = len(corpus)
print(f"{articles} articles")

# %% [markdown]
# ## The same analyses
#
# Every analysis of the lessons that reads the whole corpus accepts the Dask corpus or its
# `text` column and returns the same table as on pandas. The analyzer, the tokenizer and the
# date extractor run unchanged on each partition.
#
# Words are shown as usually written in the corpus. The written forms are counted over the
# whole corpus, but only for the words shown (`keys=`), reading one partition at a time
# (`analysis.iter_texts`), so their memory is bounded by the tables, not by the corpus.

# %%
analyzer = an.ArabicAnalyzer()
top = analysis.top_terms(corpus["text"], analyzer, n=top_n)
bigrams = analysis.top_ngrams(corpus["text"], analyzer.tokens, size=2, n=top_n)
forms = an.display_forms(analysis.iter_texts(corpus["text"]), analyzer,
                         keys=[*top["term"], *bigrams["term"]])
top["term"] = forms.labels(top["term"])
an.rtl_table(top, decimals=4)

# %% [markdown]
# Bigrams: on the Dask path the top bigrams are taken from the engine's aggregated counts,
# partition by partition, exactly; no process holds every bigram of the corpus.

# %%
bigrams["term"] = forms.labels(bigrams["term"])
an.rtl_table(bigrams, decimals=4)

# %% [markdown]
# Document frequency: in how many articles each term occurs. `document_frequency_table` keeps
# the table on the engine (on a cluster, in the workers' memory) and answers questions about
# it, one term, a top n, the terms found at least k times, so only the answers come back to
# this notebook, never the whole vocabulary.

# %%
frequencies = analysis.document_frequency_table(corpus["text"], analyzer)
key = an.normalize(followed_term)
print(f"{an.isolate(followed_term)} occurs in {frequencies[key]} of {articles} articles")

# %% [markdown]
# Over time, and the dates mentioned in the texts: `dates_table` on a Dask corpus is itself
# lazy (the mentions of millions of articles may not fit in memory); `event_points` counts
# the mentions per date in the engine.

# %%
try:  # over the core dates, as in lesson 4: a few stray old articles would stretch the periods
    start, end = analysis.core_date_range(corpus["published"])
    shares = analysis.term_share_over_time(corpus, [key], analyzer, start=start, end=end)
    shares.columns = [followed_term]
    display_shares = an.rtl_table(shares.tail(12), decimals=1)
except analysis.NotApplicable as reason:
    display_shares = f"No timeline: {reason}"
display_shares

# %%
mentions = an.dates_table(corpus)
events = analysis.event_points(mentions, max_events=5, granularities=("day",))
an.rtl_table(events)

# %% [markdown]
# ## Same values, other habits
#
# What does not change: every count, document frequency, top-n table (ties broken by the term,
# as on pandas), share and date. `tests/test_engine_equality.py` proves it for every analysis
# on a generated corpus, and `benchmarks/bench_scale.py equal` on ANT's 31,523 articles (10
# results, all equal).
#
# What changes:
# - **Row order and index** of raw tables: each partition has its own index starting at 0;
#   `.compute()` on the corpus gives the rows in shard order (the original order) with a
#   repeated index. `reset_index(drop=True)` gives the pandas corpus exactly.
# - **`.head()`** reads the first partition only, and **`len()`** reads them all: both are
#   cheap on the shards, costly on a corpus that must be converted first.
# - **Results that are a whole vocabulary** (`ngram_counts`, `term_counts`,
#   `document_frequencies`) come back as one Counter: on millions of articles that result
#   alone may not fit. Ask for what you will show instead: `top_terms`, `top_ngrams`, or keep
#   the table on the engine with `count_table` and `document_frequency_table` and ask it.
# - **Time**: on a small corpus Dask is slower (scheduling, shuffles, processes); it pays when
#   the corpus does not fit in memory, or when workers add cores.
#
# On one machine too, Dask is the way to count a vocabulary larger than memory: the workers
# of `scale.client()` are capped (`memory_limit`) and spill to disk past it, and the tables
# are exactly those of pandas.

# %% [markdown]
# ## The dashboard
#
# With `start_cluster = True` (or a `scheduler_address`), `scale.describe(client)` prints the
# dashboard's address. Open it while an analysis runs:
#
# - **Task stream**: one row per worker thread, one coloured bar per task: reading a shard,
#   counting its terms, shuffling counts between workers; white gaps are idle time.
# - **Progress**: tasks done per kind: `read_parquet`, the counting of each partition,
#   the aggregation.
# - **Workers memory**: each worker's memory against its limit; orange when it spills to disk,
#   and a worker that exceeds its limit is restarted (its tasks run again elsewhere).
#
# On a cluster of many machines, start `dask scheduler` on one and `dask worker
# tcp://HOST:8786` on the others, then set `scheduler_address = "tcp://HOST:8786"`: the rest of
# the lesson is unchanged. The shards must be readable by every worker (a shared file system
# or object storage).

# %%
if client is not None:
    client.close()

# %% [markdown]
# ## Summary
#
# What you learned:
# - A corpus larger than memory is read as **Parquet shards**, one Dask partition each:
#   `load_corpus(path, engine="dask")` converts once into a cache, or read shards written by
#   `python -m arabic_news.corpus.convert`.
# - The analyses take the Dask corpus or its columns and return the **same values** as the
#   in-memory path; large vocabularies are aggregated by the engine, never in one Counter.
# - `arabic_news.scale.client()` starts a LocalCluster (workers capped in memory, spilling to
#   disk) or joins any scheduler: the same notebook runs on a laptop or a cluster.
#
# Pitfalls: asking for a whole vocabulary as a result (`ngram_counts` on millions of
# articles); `len()` and `.compute()` read everything; Dask on a small corpus is slower than
# pandas; a cluster's workers must all reach the shards.
#
# Where next: `benchmarks/bench_scale.py` measures two workers against one and a
# 2-million-article corpus on 2 workers of 3 GB each (`benchmarks/results/scale.md`); the
# analyses of lessons 2 and 4 (`top_terms`, `ngram_counts`, `articles_per_period`,
# `term_share_over_time`, `dates_table`, `event_points`) take a Dask corpus as they are.

# %% [markdown]
# ## Exercises

# %% [markdown]
# ### Exercise 1: partitions
#
# How many partitions does `corpus` have? (A number; a pandas corpus counts as one.)

# %% tags=["solution"]
answer_7_1 = corpus.npartitions if engine == "dask" else 1

# %%
from arabic_news.exercises import check

check("7.1", answer_7_1, corpus=corpus)

# %% [markdown]
# ### Exercise 2: top bigrams on the engine
#
# Which are the 3 most frequent bigrams of the corpus (normalised, as the analyzer gives
# them, stop words removed)? A list of 3 strings, most frequent first.

# %% tags=["solution"]
answer_7_2 = analysis.top_ngrams(corpus["text"], analyzer.tokens, size=2, n=3)["term"].tolist()

# %%
check("7.2", answer_7_2, corpus=corpus)

# %% [markdown]
# ### Exercise 3: in how many articles
#
# In how many articles does the normalised term `followed_term` occur? (A number.)

# %% tags=["solution"]
answer_7_3 = frequencies[key]

# %%
check("7.3", answer_7_3, corpus=corpus, term=followed_term)
