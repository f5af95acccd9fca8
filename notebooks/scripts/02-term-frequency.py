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
# # 2. Term frequency: what the articles talk about
#
# **What you will learn**: to rank the terms of a corpus and of each article, to count
# two-word phrases (bigrams), to read a term in its contexts (keyword in context), and to see
# how much normalisation changes the counts.
#
# - **Level**: beginner.
# - **Time**: about 45 minutes: 20 to read and run, 25 for the exercises.
# - **Prerequisites**: lesson 1 (cleaning, stop words); Python lists and dictionaries;
#   selecting rows and columns of a pandas DataFrame.
# - **Data**: the two bundled seed articles by default; set `corpus_path` in the first code
#   cell to run the lesson on your own corpus, and `kwic_term` to read another term.
#
# Counting words is the oldest method of text analysis and still the first thing to do with a
# new corpus. In Arabic it only works after cleaning (notebook 1): without it, <bdi>«الأمن»</bdi> and
# <bdi>«الامن»</bdi> are counted as two words, and the top of every list is filled with <bdi>في، من، على</bdi>.
#
# Here we count terms over the whole corpus and per article, count two-word phrases (bigrams),
# read a chosen term in its contexts, and measure how much normalisation changes the counts.
#
# For a large corpus, set `engine = "dask"`: the corpus is then read in partitions (Parquet
# shards) and every count is made by Dask, on a local cluster or on the scheduler at
# `scheduler_address`; each table and chart is the same as with pandas. Lesson 7 explains how.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
remove_boilerplate = True  # remove each outlet's repeated lines (footers, datelines; lesson 1)
count_each_story_once = True  # True: one article per story, reprints set aside (lesson 8)
engine = "pandas"  # "pandas" (one DataFrame in memory) or "dask" (partitioned; a LocalCluster)
scheduler_address = None  # for engine "dask": a running scheduler such as "tcp://10.0.0.5:8786"
top_n = 20  # terms in the overall ranking and chart
per_article_n = 8  # terms per article
max_articles = 6  # articles shown in the per-article table (the first ones by doc_id)
kwic_term = "حلب"  # the term to read in context
kwic_window = 6  # words of context on each side
kwic_limit = 12  # occurrences shown
chart_language = "ar"  # language of the charts' axis labels: "ar" or "en"
explorer_on = True  # the interactive explorer (its corpus index: ~15 s on 30,000 articles, once)

# %%
import matplotlib.pyplot as plt

import arabic_news as an
from arabic_news import analysis, scale

an.use_arabic_style(language=chart_language)
client = scale.start_engine(engine, scheduler_address)  # None on pandas
corpus = an.load_corpus(corpus_path, engine=engine)
# the corpus steps of lessons 1 and 8: boilerplate out, each story counted once
corpus = an.prepare_corpus(corpus, remove_boilerplate=remove_boilerplate,
                           count_each_story_once=count_each_story_once)
print(an.preparation_note(corpus))
figures_dir = an.figures_folder(corpus_path, figures_dir)
analyzer = an.ArabicAnalyzer()  # normalise, tokenise, drop stop words
forms = an.display_forms(corpus["text"], analyzer)  # normalised term -> usual written form
print(f"{len(corpus)} articles")

# %% [markdown]
# ## The most frequent terms
#
# `ArabicAnalyzer` turns a text into terms: it normalises, splits at spaces and punctuation of
# every script, and drops stop words. We count single terms and pairs of adjacent terms
# (bigrams, below) in one pass over the corpus. `analysis.count_table` keeps the counts of each
# size in a table that answers the questions of this lesson: `.top(n)` ranks the terms,
# `.total`, `.distinct` and `.once` sum them up, and `table[term]` is one term's count. With
# `engine = "dask"` the table stays on the engine, which answers each question without this
# notebook ever holding every count (millions of different bigrams in a large corpus).
# `share` is the term's part of all terms.
#
# Counting needs the normalised form (the *key*), but a normalised word often looks like a typo
# (<bdi>الروسيه</bdi> for <bdi>الروسية</bdi>). So each term is shown in its most frequent written
# form in the corpus (`an.display_forms`), with its key beside it.

# %%
counts = analysis.count_table(corpus["text"], analyzer.tokens, sizes=(1, 2))
top = counts[1].top(top_n)
top.insert(0, "written", forms.labels(top["term"]))
an.rtl_table(top, headers={"term": "normalised key"})

# %% [markdown]
# A frequency list has a long tail: a few terms are very frequent and most occur once. How
# concentrated is this corpus?

# %%
terms = counts[1]
total, distinct, once = terms.total, terms.distinct, terms.once
top_share = int(top["count"].sum()) / max(total, 1)
if total:
    print(f"{total:,} terms, {distinct:,} distinct. The top {top_n} make "
          f"{top_share:.0%} of all terms; {once:,} terms ({once / distinct:.0%} of the "
          f"distinct ones) occur only once.")
else:
    print("No term is left once stop words are removed.")

# %%
if top.empty:
    print("No chart: no term is left once stop words are removed.")
else:
    ax = an.bar_terms(top["written"], top["count"], title="الكلمات الأكثر تكرارا",
                      xlabel="occurrences")
    an.save_figure(ax.figure, "02-top-terms", directory=figures_dir)
    plt.show()

# %% [markdown]
# ## Top terms of each article
#
# The overall ranking is dominated by the longest articles and the most common subjects. Per
# article, the ranking shows what each one is about.

# %%
articles = analysis.first_articles(corpus, max_articles, by="doc_id")
per_article = analysis.top_terms_by_document(articles, analyzer, n=per_article_n)
per_article["term"] = forms.labels(per_article["term"])
# keyed on doc_id (reprints share a headline), shown with the headlines
by_article = per_article.pivot(index="rank", columns="doc_id", values="term")
an.rtl_table(by_article.rename(columns=analysis.document_labels(articles)))

# %% [markdown]
# Terms at the top of every article are the corpus's common ground; terms at the top of one
# article only are what sets it apart (lesson 3 makes this idea precise with TF-IDF):

# %%
tops = per_article.groupby("doc_id", sort=False)["term"].apply(set)
shared = set.intersection(*tops) if len(tops) > 1 else set()
print(f"Of the {len(tops)} articles' top {per_article_n} terms, {len(shared)} are shared by all"
      + (": " + "، ".join(an.isolate(t) for t in sorted(shared)) if shared else "") + ".")

# %% [markdown]
# ## Bigrams: names of institutions and places
#
# Many of the subjects of news are two-word names: <bdi>وزارة الدفاع، مجلس الأمن، الجيش السوري</bdi>. A
# bigram count is a count of pairs of adjacent terms, the same as
# `ArabicAnalyzer(ngram_range=(2, 2))` would give. Stop words are removed first, as
# scikit-learn does, so a pair may bridge a removed function word.

# %%
top_bigrams = counts[2].top(top_n)
top_bigrams.insert(0, "written", forms.labels(top_bigrams["term"]))
an.rtl_table(top_bigrams, headers={"term": "normalised key"})

# %% [markdown]
# A bigram is a name only when its two words occur together more than chance would have them.
# A first sign: how many of a bigram's first word's occurrences it accounts for.

# %%
if not top_bigrams.empty:
    first_bigram = top_bigrams["term"].iloc[0]
    head = first_bigram.split(" ")[0]
    pair_count, head_count = counts[2][first_bigram], counts[1][head]
    print(f"The most frequent bigram, {an.isolate(forms.label(first_bigram))}, occurs "
          f"{pair_count} times; its first word occurs {head_count} times, "
          f"so {pair_count / head_count:.0%} of its uses start this pair.")

# %%
if top_bigrams.empty:
    print("No chart: no text has two terms in a row once stop words are removed.")
else:
    ax = an.bar_terms(top_bigrams["written"], top_bigrams["count"],
                      title="أكثر الثنائيات تكرارا", xlabel="occurrences")
    an.save_figure(ax.figure, "02-top-bigrams", directory=figures_dir)
    plt.show()

# %% [markdown]
# ## Keyword in context
#
# A count says how often, not how. Reading every occurrence of a term with the words around it
# (a *concordance*) shows its uses. The match is made on normalised words, so the search term
# finds every spelling; the context is shown as written. Each row reads from right to left as
# the sentence does: the words *before* the keyword on its right, the words *after* it on its
# left.

# %%
# the lesson's term, or the corpus's most frequent one when this corpus hardly uses it
kwic_term, replaced = analysis.choose_terms(kwic_term, counts[1], normalize=an.normalize,
                                            forms=forms)
print(replaced or f"Reading {an.isolate(kwic_term)} in context.")
an.kwic_table(analysis.keyword_in_context(corpus, kwic_term, an.normalize, window=kwic_window,
                                          limit=kwic_limit))

# %% [markdown]
# Read the lines: the words that come back around the term (places, actors, verbs) are its
# typical company, the subject of collocation measures. How much of the corpus do they cover?

# %%
occurrences = counts[1][an.normalize(kwic_term)]
shown = min(occurrences, kwic_limit)
print(f"{an.isolate(kwic_term)} occurs {occurrences} times after cleaning; the table shows "
      f"{shown} of them" + (" (raise kwic_limit to see more)." if occurrences > shown else "."))

# %% [markdown]
# ## How much normalisation changes the counts
#
# For the top terms, the spellings found in the text that normalisation merged into each one,
# and how the count of the most frequent spelling compares with the merged count. Without
# normalisation a frequency list undercounts exactly the words written in several ways.

# %%
merged = analysis.merged_spellings(corpus["text"], top["term"].head(top_n))
merged.insert(0, "written", forms.labels(merged["term"]))
an.rtl_table(merged, headers={"term": "normalised key"})

# %% [markdown]
# Terms with more than one spelling are the ones a raw count gets wrong:

# %%
several = merged[merged["spellings"] > 1]
undercount = (1 - several["largest spelling"] / several["count"]).max() if len(several) else 0
print(f"{len(several)} of the top {top_n} terms are written in several ways; without "
      f"normalisation the worst of them would be undercounted by {undercount:.0%}.")

# %% [markdown]
# ## Exploring interactively, then verifying
#
# Every table above answers one question you chose in advance. To look around first, open the
# explorer: `an.explore(corpus)` shows linked views of the corpus (a summary, the top terms
# with a search box that accepts any spelling, the chosen terms over time, keyword in context,
# collocates, the articles that hold the term, and a reader with the term marked). Click a
# term anywhere and every view follows; drag across the chart to keep a period; click a source
# to keep its articles. Keyword in context sorts by the words before or after the keyword, as
# AntConc does. For readers who do not write code, `make explore CORPUS=...` opens the same
# explorer as a page in the browser. It needs a running Python kernel: on the lessons' website
# you see a snapshot.

# %%
if explorer_on:
    explorer = an.explore(corpus, language=chart_language, term=kwic_term)
else:
    explorer = None
    print("The explorer is off (explorer_on = False).")
explorer

# %% [markdown]
# The explorer is for finding things. Before you cite a figure it showed, compute it with the
# lessons, where every setting is written down, and check what the explorer chose for you:
#
# - **the same count**: the explorer counts the same terms as this lesson (the default
#   `ArabicAnalyzer`), so a count it shows must equal the lesson's, as below;
# - **the filters**: a brushed period or a chosen source changes every figure; say which;
# - **the spellings**: the search box merges spellings by normalisation (the message under it
#   says into what); check with `merged_spellings` that they are the word you mean;
# - **the period length and the dates**: the trend picks days, weeks or months and charts the
#   central 99% of the dates; lesson 4 shows how dates are read and which articles lack one;
# - **the articles themselves**: read them in the reader, and look for reprints of one
#   wire story, which multiply a count.

# %%
if explorer is None or explorer.term is None:
    print("No term to compare: the explorer is off, or no term is left once stop words are "
          "removed.")
else:
    key = explorer.term
    shown = explorer.data.count(key)
    print(f"{an.isolate(explorer.data.form(key))}: the explorer counts {shown}, "
          f"this lesson's count_table {terms[key]}: "
          + ("the same." if shown == terms[key] else "DIFFERENT: do not cite it."))

# %% [markdown]
# ## Summary
#
# **What you learned**
# - A frequency list of cleaned terms, with stop words removed, shows what a corpus is about;
#   per article, it shows what each one is about.
# - Bigrams catch the two-word names of news (institutions, places, titles).
# - Keyword in context shows how a term is used, which a count cannot.
# - Normalisation gathers the spellings of a word into one count.
#
# **Pitfalls**
# - Raw counts favour long articles and frequent subjects: compare shares, not counts, across
#   corpora of different sizes.
# - A bigram count bridges removed stop words, so a pair may not be adjacent in the text.
# - Counting strings instead of cleaned terms undercounts exactly the words written in several
#   ways, often the most important ones.
#
# **Where next**: lesson 3 weighs terms by how specific they are to each article (TF-IDF) and
# measures how alike the articles are.
#
# ## Exercises
#
# Each exercise ends with a cell that assigns your answer to a variable, and a cell that checks
# it: the check says whether you are right, or what is wrong, without giving the answer away.
# Run this cell first.

# %%
from arabic_news.exercises import check

# %% [markdown]
# ### Exercise 1: keep the stop words
#
# Count bigrams again with an analyzer that keeps the stop words,
# `an.ArabicAnalyzer(stop_words=None)`. Which bigram is the most frequent? Answer with the
# bigram as a string, its two words separated by one space.

# %% tags=["solution"]
# Hint: analysis.top_ngrams with the .tokens of the new analyzer (size=2).
keeping_stops = an.ArabicAnalyzer(stop_words=None)
first_pair = analysis.top_ngrams(corpus["text"], keeping_stops.tokens, size=2, n=1)["term"]
answer_2_1 = first_pair.iloc[0] if len(first_pair) else None  # None: no two words in a row

# %%
check("2.1", answer_2_1, corpus=corpus)

# %% [markdown]
# ### Exercise 2: how often, all spellings together?
#
# How many times does `kwic_term` occur in the corpus after cleaning, all its spellings
# together? Answer with an integer. Change `kwic_term` in the first code cell, run the lesson
# again, and answer for your own term.

# %% tags=["solution"]
# Hint: counts[1] is the table of cleaned terms; look the term up in its cleaned form.
answer_2_2 = counts[1][an.normalize(kwic_term)]

# %%
check("2.2", answer_2_2, corpus=corpus, term=kwic_term)

# %% [markdown]
# ### Exercise 3: the words written in several ways
#
# Which of the `top_n` most frequent terms does the corpus write in more than one way? Answer
# with a list of the terms.

# %% tags=["solution"]
# Hint: the table of merged spellings above has a column for this.
answer_2_3 = merged.loc[merged["spellings"] > 1, "term"].tolist()

# %%
check("2.3", answer_2_3, corpus=corpus, n=top_n)

# %% [markdown]
# ### Exercise 4: the most widespread term, in context
#
# On your own corpus (or the seeds): which term, not a stop word, is found in the most
# articles? It need not be the most frequent one. Answer with the term, then read it in context
# with `analysis.keyword_in_context`: is it a subject of the news, or a function word that the
# stop-word list misses?

# %% tags=["solution"]
# Hint: count in how many articles each term appears (analysis.document_frequency_table).
document_frequency = analysis.document_frequency_table(corpus["text"], analyzer.tokens)
widest = document_frequency.top(1)["term"]  # empty: no term is left once stop words are removed
answer_2_4 = widest.iloc[0] if len(widest) else None

# %%
check("2.4", answer_2_4, corpus=corpus)
