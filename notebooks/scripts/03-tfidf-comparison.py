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
# # 3. TF-IDF: what makes each article distinctive, and how alike they are
#
# **What you will learn**: what TF-IDF weights are and how to compute them with scikit-learn
# and the project's Arabic analyzer; how to find the terms that set each article apart; how to
# measure how alike articles are (cosine similarity); and what `sublinear_tf`, `min_df`,
# `max_df` and bigrams change.
#
# - **Level**: intermediate.
# - **Time**: about 60 minutes: 25 to read and run, 35 for the exercises.
# - **Prerequisites**: lessons 1 and 2; pandas; the idea of a vector (a list of numbers, one
#   per term). No linear algebra beyond "the cosine of the angle between two vectors".
# - **Data**: the two bundled seed articles by default (and their passages, for the settings);
#   set `corpus_path` in the first code cell to run the lesson on your own corpus.
#
# A raw count favours words that are frequent everywhere. TF-IDF (term frequency × inverse
# document frequency) weighs a term up when it is frequent in one document and down when it
# appears in many: the highest-weighted terms of an article are the ones that set it apart from
# the rest of the corpus. Each article becomes a vector of weights, and the cosine of the angle
# between two vectors measures how alike two articles are (1: same weighted vocabulary, 0:
# nothing shared).
#
# We use scikit-learn's `TfidfVectorizer` with the project's `ArabicAnalyzer`, so that Arabic is
# normalised and tokenised properly before weighting.
#
# With `engine = "dask"` the corpus is read in partitions (Parquet shards) and the passes over
# the whole corpus (document frequencies, similarity to every article) run on a Dask cluster,
# a local one by default: the same tables and charts, for corpora too large for one
# DataFrame. Lesson 7 explains how.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
remove_boilerplate = True  # remove each outlet's repeated lines (footers, datelines; lesson 1)
short_text_words = 5  # texts of at most this many words are left out (lesson 1)
count_each_story_once = True  # True: one article per story, reprints set aside (lesson 8)
engine = "pandas"  # "pandas" (one DataFrame in memory) or "dask" (partitioned; a LocalCluster)
scheduler_address = None  # for engine "dask": a running scheduler such as "tcp://10.0.0.5:8786"
distinctive_n = 10  # distinctive terms per article
max_articles = 12  # articles compared (a fixed random sample when the corpus is larger)
settings_documents = 2000  # documents used to compare weighting settings
random_state = 0
chart_language = "ar"  # language of the charts' text: "ar" or "en"

# %%
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

import arabic_news as an
from arabic_news import analysis, scale

an.use_arabic_style(language=chart_language)
client = scale.start_engine(engine, scheduler_address)  # None on pandas
corpus = an.load_corpus(corpus_path, engine=engine)
# the corpus steps of lessons 1 and 8: boilerplate out, very short texts out, each story once
corpus = an.prepare_corpus(corpus, remove_boilerplate=remove_boilerplate,
                           short_text_words=short_text_words,
                           count_each_story_once=count_each_story_once)
print(an.preparation_note(corpus))
figures_dir = an.figures_folder(corpus_path, figures_dir)
articles = analysis.sample_articles(corpus, max_articles, random_state=random_state)
analyzer = an.ArabicAnalyzer()
# normalised term -> its usual written form (counted once, then kept in the cache folder)
forms = an.display_forms(corpus["text"], analyzer)
print(f"{len(corpus)} articles; comparing {len(articles)}")

# %% [markdown]
# ## Distinctive terms
#
# We weigh the articles being compared with the document frequencies of the whole corpus:
# `analysis.document_frequency_table` reads the corpus once to count, for each term, the
# articles it is found in, and `analysis.tfidf_of_shown` weighs the shown articles only with
# those counts. The weights are the ones that fitting
# `TfidfVectorizer` on the whole corpus gives them (`analysis.tfidf_matrix`), without a matrix
# of every article by every term, which would not fit in memory on a large corpus. With only
# two articles, a term found in both gets the lowest IDF, so distinctive terms are the ones
# found in one article only. Terms are shown in their usual written form in the corpus.

# %%
frequencies = analysis.document_frequency_table(corpus["text"], analyzer)  # counted once
try:
    matrix, vectorizer = analysis.tfidf_of_shown(articles["text"], corpus["text"], analyzer,
                                                 frequencies=frequencies,
                                                 sublinear_tf=True)  # one row per article
except analysis.NotApplicable as reason:  # e.g. every text is stop words
    matrix = None
    print(f"No TF-IDF: {reason}.")
if matrix is not None:
    labels = analysis.document_labels(articles)  # headlines, unique even for reprints
    distinctive = analysis.distinctive_terms(matrix, vectorizer, articles["doc_id"].tolist(),
                                             n=distinctive_n)
    distinctive["term"] = forms.labels(distinctive["term"])
    display(an.rtl_table(distinctive.pivot(index="rank", columns="document", values="term")
                         .rename(columns=labels)))

# %% [markdown]
# Compare with the top terms of lesson 2: a term frequent in every article drops down here,
# and a term frequent in one article only rises. How many of each article's distinctive terms
# does it share with another article's list?

# %%
if matrix is not None and len(articles) > 1:
    lists = distinctive.groupby("document", sort=False)["term"].apply(set)
    overlap = [len(terms & set().union(*(other for other in lists if other is not terms)))
               for terms in lists]
    shared = (f"{min(overlap)}" if min(overlap) == max(overlap)
              else f"{min(overlap)} to {max(overlap)}")
    print(f"On {len(lists)} articles, each list of {distinctive_n} distinctive terms shares "
          f"{shared} of them with another article's list.")

# %% [markdown]
# ## How alike are the articles?
#
# Cosine similarity between the TF-IDF vectors, one row and one column per article, labelled
# with its headline.

# %%
if matrix is not None:
    similarity = analysis.similarity_table(matrix, labels.tolist())
    display(an.rtl_table(similarity, decimals=3))

# %% [markdown]
# The diagonal is 1 (each article with itself). Off the diagonal:

# %%
if matrix is not None and len(articles) > 1:
    values = similarity.to_numpy()
    pairs = values[~np.eye(len(values), dtype=bool)]
    spread = (f"is {pairs.max():.3f}" if len(values) == 2 else
              f"goes from {pairs.min():.3f} to {pairs.max():.3f} (mean {pairs.mean():.3f})")
    print(f"Between different articles the cosine {spread}: "
          + ("they share little weighted vocabulary." if pairs.max() < 0.3 else
             "some pairs share a large part of their weighted vocabulary (same story, outlet?)."))

# %%
if matrix is not None:
    ax = an.heatmap(similarity.to_numpy(), similarity.index.tolist(),
                    title="تشابه المقالات (جيب التمام)")
    an.save_figure(ax.figure, "03-similarity-heatmap", directory=figures_dir)
    plt.show()

# %% [markdown]
# ## What the weighting settings change
#
# Three settings of `TfidfVectorizer` change what counts:
# - `sublinear_tf=True` replaces a term's count *c* by 1 + log *c*, so that a word repeated
#   twenty times does not outweigh everything else;
# - `min_df` drops terms found in fewer than that many documents (typos, rare names);
# - `max_df` drops terms found in more than that share of documents (words that say nothing
#   about any one document).
# N-grams are set on the analyzer: bigrams add phrases such as <bdi>مجلس الأمن</bdi> to the vocabulary.
#
# These settings need more than two documents to mean anything. When the corpus is that small,
# we compare its *passages* (lines and sentences of at least 60 characters) instead; on a large
# corpus, a fixed sample of `settings_documents` articles keeps this quick.

# %%
documents = analysis.documents_for_comparison(corpus, settings_documents, random_state=random_state)
print(f"{len(documents)} documents")
effects = None
try:
    effects = analysis.tfidf_settings_effects(
        documents["text"].tolist(),
        analyzers={"words": analyzer, "words + bigrams": an.ArabicAnalyzer(ngram_range=(1, 2))},
        settings={
            "raw counts": {},
            "sublinear tf": {"sublinear_tf": True},
            "min_df=2": {"min_df": 2},
            "max_df=0.3": {"max_df": 0.3},
        },
    )
    display(an.rtl_table(effects, decimals=3))
except analysis.NotApplicable as reason:  # too few documents, or no term at all
    print(f"No comparison: {reason}.")

# %% [markdown]
# Look at the largest similarity between two documents under each setting:

# %%
if effects is not None:
    largest = effects.loc["words", "max similarity"]
    print("Words only, largest similarity: " + "; ".join(
        f"{setting} {value:.3f}" for setting, value in largest.items()) + ". "
        f"min_df=2 multiplies it by {largest['min_df=2'] / largest['raw counts']:.1f}.")

# %% [markdown]
# Why does `min_df` raise it? A term found in one document only is zero in every other vector: it adds
# nothing to the dot product of two documents, only to their lengths. `min_df=2` drops those
# terms, so the same dot product is divided by shorter vectors. For the pair of documents most
# alike under `min_df=2`, the arithmetic is exact:

# %%
try:
    effect = analysis.min_df_effect(documents["text"].tolist(), analyzer, min_df=2)
except (analysis.NotApplicable, ValueError) as reason:  # too few documents, or no shared term
    effect = None
    print(f"No pair to explain: {reason}.")
if effect is not None:
    u, v = effect["dropped share first"], effect["dropped share second"]
    print(f"min_df=2 keeps {effect['terms kept']} of {effect['terms']} terms. The two most "
          f"alike documents (#{effect['first']} and #{effect['second']}) have a cosine of "
          f"{effect['cosine']:.3f} with every term. Terms found in no other document carry "
          f"{u:.0%} and {v:.0%} of their squared weights; dropping them divides the same dot "
          f"product by sqrt({1 - u:.3f} × {1 - v:.3f}), which gives "
          f"{effect['cosine with min_df']:.3f}.")

# %% [markdown]
# So a higher similarity under `min_df` does not mean the documents became more alike: the
# measure now ignores everything that made each one unique. Use `min_df` to drop typos and rare
# names from a large vocabulary, not to make documents look alike.
#
# ## Summary
#
# **What you learned**
# - TF-IDF weighs a term up when it is frequent in a document and down when it is found in many
#   documents; the highest-weighted terms of an article are the ones that set it apart.
# - Cosine similarity between TF-IDF vectors measures how alike two articles are, from 0
#   (nothing shared) to 1.
# - `sublinear_tf` damps repeated terms, `max_df` drops terms found almost everywhere, `min_df`
#   drops rare terms, and bigrams add phrases.
#
# **Pitfalls**
# - IDF depends on the corpus: the same article has different distinctive terms in a different
#   corpus. With two articles, "distinctive" simply means "found in one only".
# - A similarity is relative to the settings: compare similarities only under the same
#   analyzer and vectorizer settings.
# - `min_df` raises similarities by removing what is unique to each document (above).
#
# **Where next**: lesson 4 puts the articles, and the events they report, on a timeline.
#
# ## Exercises
#
# Each exercise ends with a cell that assigns your answer to a variable, and a cell that checks
# it: the check says whether you are right, or what is wrong, without giving the answer away.
# Run this cell first.

# %%
from arabic_news.exercises import check

# %% [markdown]
# ### Exercise 1: raw counts
#
# Weigh the first article compared, `articles.iloc[0]`, again with the corpus's document
# frequencies, but with `sublinear_tf=False` (raw term counts). Which term has the highest
# weight? Answer with the term. Is it still distinctive, or just frequent?

# %% tags=["solution"]
# Hint: analysis.tfidf_of_shown on the first article's text only (frequencies= saves counting
# the corpus again), then analysis.distinctive_terms on its row.
answer_3_1 = None  # stays None where TF-IDF does not apply (the check says why)
if matrix is not None:
    raw_matrix, raw_vectorizer = analysis.tfidf_of_shown(articles["text"].iloc[:1],
                                                         corpus["text"], analyzer,
                                                         frequencies=frequencies,
                                                         sublinear_tf=False)
    first_article = analysis.distinctive_terms(raw_matrix, raw_vectorizer,
                                               articles["doc_id"].tolist()[:1], n=1)
    answer_3_1 = first_article["term"].iloc[0]

# %%
check("3.1", answer_3_1, corpus=corpus, doc_id=articles["doc_id"].iloc[0])

# %% [markdown]
# ### Exercise 2: what min_df keeps
#
# On the documents used to compare the settings (`documents`), what share of the vocabulary
# does `min_df=2` keep? Answer with a number between 0 and 1.

# %% tags=["solution"]
# Hint: fit twice, with and without min_df, and compare the sizes of the vocabularies.
answer_3_2 = None  # stays None where the settings cannot be compared (the check says why)
if effects is not None:
    texts = documents["text"].tolist()
    _, every_term = analysis.tfidf_matrix(texts, analyzer)
    try:
        _, frequent_terms = analysis.tfidf_matrix(texts, analyzer, min_df=2)
        answer_3_2 = len(frequent_terms.vocabulary_) / len(every_term.vocabulary_)
    except analysis.NotApplicable:  # min_df=2 prunes every term
        answer_3_2 = 0.0

# %%
check("3.2", answer_3_2, documents=documents["text"].tolist())

# %% [markdown]
# ### Exercise 3: what max_df drops first
#
# `max_df` drops the terms found in the largest share of documents. Which three terms of
# `documents` are found in the most documents? Answer with a list of three terms. Are they
# stop words that the list missed, or the corpus's main subjects?

# %% tags=["solution"]
# Hint: count, for each term, the documents it is found in (a set of terms per document).
from collections import Counter

in_documents = Counter(term for text in documents["text"] for term in set(analyzer(text)))
answer_3_3 = [term for term, _ in in_documents.most_common(3)]

# %%
check("3.3", answer_3_3, documents=documents["text"].tolist())

# %% [markdown]
# ### Exercise 4: the nearest article, in your corpus
#
# On your own corpus (or the seeds), which article of the *whole corpus* is the most similar
# to the first article compared, `articles.iloc[0]`? Weigh it as above (`sublinear_tf=True`,
# the corpus's document frequencies). `analysis.similarity_to_corpus(texts, corpus["text"],
# analyzer, sublinear_tf=True, frequencies=frequencies)` gives, for each of `texts`, its
# cosine to every article of the corpus, in the corpus's order; it weighs the corpus a batch
# of articles at a time, so that it works on a corpus of any size. Answer with the `doc_id` of the most similar article. Then
# read the two headlines: why are they alike?

# %% tags=["solution"]
# Hint: the article itself has a cosine of 1: skip it. Position j of the scores is the j-th
# article of the corpus; read the doc_id column in the same order
# (list(analysis.iter_texts(corpus["doc_id"])) works on both engines).
answer_3_4 = None  # stays None with one article or no TF-IDF (the check says why)
if matrix is not None and len(corpus) > 1:
    first = articles.iloc[0]
    scores = analysis.similarity_to_corpus([first["text"]], corpus["text"], analyzer,
                                           sublinear_tf=True, frequencies=frequencies)[0]
    doc_ids = list(analysis.iter_texts(corpus["doc_id"]))
    scores[doc_ids.index(first["doc_id"])] = -1  # not the article itself
    answer_3_4 = doc_ids[int(scores.argmax())]

# %%
check("3.4", answer_3_4, corpus=corpus, doc_id=articles["doc_id"].iloc[0])
