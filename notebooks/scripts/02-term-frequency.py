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
# Counting words is the oldest method of text analysis and still the first thing to do with a
# new corpus. In Arabic it only works after cleaning (notebook 1): without it, <bdi>«الأمن»</bdi> and
# <bdi>«الامن»</bdi> are counted as two words, and the top of every list is filled with <bdi>في، من، على</bdi>.
#
# Here we count terms over the whole corpus and per article, count two-word phrases (bigrams),
# read a chosen term in its contexts, and measure how much normalisation changes the counts.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
top_n = 20  # terms in the overall ranking and chart
per_article_n = 8  # terms per article
max_articles = 6  # articles shown in the per-article table (the first ones by doc_id)
kwic_term = "حلب"  # the term to read in context
kwic_window = 6  # words of context on each side
kwic_limit = 12  # occurrences shown
chart_language = "ar"  # language of the charts' axis labels: "ar" or "en"

# %%
import matplotlib.pyplot as plt

import arabic_news as an
from arabic_news import analysis

an.use_arabic_style(language=chart_language)
corpus = an.load_corpus(corpus_path)
figures_dir = an.figures_folder(corpus_path, figures_dir)
analyzer = an.ArabicAnalyzer()  # normalise, tokenise, drop stop words
forms = an.display_forms(corpus["text"], analyzer)  # normalised term -> usual written form
print(f"{len(corpus)} articles")

# %% [markdown]
# ## The most frequent terms
#
# `ArabicAnalyzer` turns a text into terms: it normalises, splits at spaces and punctuation of
# every script, and drops stop words. We count single terms and pairs of adjacent terms
# (bigrams, below) in one pass over the corpus. `share` is the term's part of all terms.
#
# Counting needs the normalised form (the *key*), but a normalised word often looks like a typo
# (<bdi>الروسيه</bdi> for <bdi>الروسية</bdi>). So each term is shown in its most frequent written
# form in the corpus (`an.display_forms`), with its key beside it.

# %%
counts = analysis.ngram_counts(corpus["text"], analyzer.tokens, sizes=(1, 2))
top = analysis.ranked_terms(counts[1], n=top_n)
top.insert(0, "written", forms.labels(top["term"]))
an.rtl_table(top, headers={"term": "normalised key"})

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
articles = corpus.sort_values("doc_id").head(max_articles)
per_article = analysis.top_terms_by_document(articles, analyzer, n=per_article_n)
per_article["term"] = forms.labels(per_article["term"])
# keyed on doc_id (reprints share a headline), shown with the headlines
by_article = per_article.pivot(index="rank", columns="doc_id", values="term")
an.rtl_table(by_article.rename(columns=analysis.document_labels(articles)))

# %% [markdown]
# ## Bigrams: names of institutions and places
#
# Many of the subjects of news are two-word names: <bdi>وزارة الدفاع، مجلس الأمن، الجيش السوري</bdi>. A
# bigram count is a count of pairs of adjacent terms, the same as
# `ArabicAnalyzer(ngram_range=(2, 2))` would give. Stop words are removed first, as
# scikit-learn does, so a pair may bridge a removed function word.

# %%
top_bigrams = analysis.ranked_terms(counts[2], n=top_n)
top_bigrams.insert(0, "written", forms.labels(top_bigrams["term"]))
an.rtl_table(top_bigrams, headers={"term": "normalised key"})

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
an.kwic_table(analysis.keyword_in_context(corpus, kwic_term, an.normalize, window=kwic_window,
                                          limit=kwic_limit))

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
