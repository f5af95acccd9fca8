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
# # 6. Topics over time: the themes of a corpus, and how they rise and fall
#
# **What you will learn**: how to find the themes (topics) of a corpus with non-negative
# matrix factorisation (NMF) of TF-IDF; how to read a topic from its words and its closest
# articles; how to choose the number of topics with a stability check; how to follow each
# topic's share of the articles over time, as lesson 4 followed single words.
#
# - **Level**: intermediate.
# - **Time**: about 40 minutes.
# - **Prerequisites**: lesson 3 (TF-IDF) and lesson 4 (timelines).
# - **Data**: the two bundled seed articles by default (split into passages, see below); any
#   corpus through `corpus_path` (the ANT corpus: 31,525 articles, 2018).
#
# A topic model looks for groups of words that tend to appear in the same documents. NMF
# writes the TF-IDF matrix (documents × terms) as the product of two smaller non-negative
# matrices: documents × topics (how much of each topic an article holds) and topics × terms
# (which words make up a topic). Nothing tells the model what the topics are: we name them
# by reading their words and their articles.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
remove_boilerplate = True  # remove each outlet's repeated lines (footers, datelines; lesson 1)
short_text_words = 5  # texts of at most this many words are left out (lesson 1)
count_each_story_once = True  # True: one article per story, reprints set aside (lesson 8)
n_topics = 10  # topics to fit (at most one per 5 documents on a small corpus)
topic_options = [5, 10, 20]  # numbers of topics compared for stability
stability_seeds = [0, 1, 2]  # random starts compared for each number of topics
stability_documents = 1000  # documents sampled for the stability check
top_terms = 8  # words shown per topic
frequency = None  # "D", "W", "MS", "QS" or "YS"; None chooses from the corpus's date range
random_state = 0

# %%
import matplotlib.pyplot as plt
from IPython.display import display

import arabic_news as an
from arabic_news import analysis
from arabic_news.plotting import lenses

an.use_arabic_style()
corpus = an.load_corpus(corpus_path)
# the corpus steps of lessons 1 and 8: boilerplate out, very short texts out, each story once
corpus = an.prepare_corpus(corpus, remove_boilerplate=remove_boilerplate,
                           short_text_words=short_text_words,
                           count_each_story_once=count_each_story_once)
print(an.preparation_note(corpus))
figures_dir = an.figures_folder(corpus_path, figures_dir)
analyzer = an.ArabicAnalyzer()
forms = an.display_forms(corpus["text"], analyzer)  # normalised term -> usual written form
documents = analysis.documents_for_comparison(corpus, len(corpus), random_state=random_state)
passages = "article_id" in documents.columns
k = max(2, min(n_topics, len(documents) // 5))
print(f"{len(corpus)} articles; modelling {len(documents)} "
      f"{'passages' if passages else 'articles'} with {k} topics")

# %% [markdown]
# Two articles are too few to find themes: a topic model needs many documents that share
# some words and not others. On a corpus of fewer than ten articles we therefore model
# *passages* (lines and sentences of at least 60 characters, as in lesson 3), and fit at
# most one topic per five documents.
#
# ## Fitting the topics
#
# TF-IDF uses sublinear term frequency, drops terms of a single document (`min_df=2`, typos
# and one-off names) and terms found in more than half of the documents (`max_df=0.5`,
# which would join every topic). NMF starts from an SVD of the matrix (`init="nndsvda"`), so
# the same corpus gives the same topics on every run.

# %%
min_df = 1 if passages else 2
max_df = 0.9 if passages else 0.5
try:
    model = analysis.fit_topics(documents["text"], analyzer, k, min_df=min_df, max_df=max_df,
                                random_state=random_state)
except analysis.NotApplicable as reason:
    model = terms = labels = None
    print(f"No topics: {reason}")
else:
    terms = analysis.topic_terms(model, n=top_terms, forms=forms)
    labels = analysis.topic_labels(model, n=3, forms=forms)
    words = terms.groupby("topic")["written"].agg("، ".join)
    display(an.rtl_table(words.rename_axis("topic").to_frame("words"), index=True))

# %% [markdown]
# Each row is a topic, its words in order of weight. Read them as a theme and give it a name
# of your own; the labels used below are simply the first three words. A topic made of
# function words or boilerplate (an outlet's name, "agency", "photo") says more about the
# sources than about the news: a stop-word list or a lower `max_df` removes it.
#
# ## The articles closest to each topic
#
# A topic is clearer through its examples. For each topic, the documents with the largest
# share of it (their topic weights scaled to sum to 1).

# %%
if model is not None:
    names = (documents["text"].str.slice(0, 70) + "…") if passages else documents["title"]
    closest = analysis.topic_documents(model, names.tolist(), n=2)
    closest.insert(1, "label", [labels[topic] for topic in closest["topic"]])
    display(an.rtl_table(closest, decimals=2))

# %%
if model is not None and model.document_topics.sum() > 0:
    shares_overall = model.document_topics.sum(axis=0) / model.document_topics.sum()
    largest = int(shares_overall.argmax())
    print(f"The largest topic, {an.isolate(labels[largest])}, holds {shares_overall[largest]:.0%} "
          f"of all topic weight; the smallest {shares_overall.min():.0%}. Its closest document: "
          f"{an.isolate(closest[closest['topic'] == largest]['document'].iloc[0])}")

# %% [markdown]
# ## How many topics? Stability across random starts
#
# There is no true number of topics: five topics give broad themes, fifty give narrow ones.
# A useful check is **stability**: fit the model several times from different random
# starting points and compare the topics. Each topic of one fit is matched to its most
# similar topic of the other (cosine similarity of their word weights; 1 = the same words
# with the same weights). A number of topics whose topics come back the same from every start
# describes structure in the corpus; one whose topics change with the seed splits or merges
# themes arbitrarily. `worst_topic` shows how far the least reproducible topic drifts.
# On a large corpus a sample of `stability_documents` keeps this quick.

# %%
sample = analysis.sample_articles(documents, stability_documents, random_state=random_state)
options = [option for option in topic_options if option <= len(sample) // 5]
if len(options) < 2:  # a small corpus: compare the few numbers of topics it can hold
    options = list(range(2, max(3, len(sample) // 4) + 1))
options = sorted(set(options) | {k})
try:
    stability = analysis.topic_stability(sample["text"], analyzer, options, stability_seeds,
                                         min_df=min_df, max_df=max_df)
except analysis.NotApplicable as reason:
    stability = None
    print(f"No stability check: {reason}")
else:
    display(an.rtl_table(stability, decimals=3))

# %%
if stability is not None:
    steadiest = stability.sort_values(["mean_similarity", "n_topics"],
                                      ascending=[False, True]).iloc[0]
    print(f"On {len(sample)} documents, {int(steadiest['n_topics'])} topics come back most alike "
          f"across seeds (mean similarity {steadiest['mean_similarity']:.2f}).")
    if k in set(stability["n_topics"]):
        chosen = stability.set_index("n_topics").loc[k]
        print(f"The {k} topics used here score {chosen['mean_similarity']:.2f}, their least "
              f"stable topic {chosen['worst_topic']:.2f}.")

# %% [markdown]
# Stability is one argument among others: fewer topics are usually more stable, but too
# broad to be useful. Choose the largest number whose topics stay stable (say a mean
# similarity above 0.8), then read the topics: if two of them are one theme, take fewer; if
# one mixes two themes, take more.
#
# ## Topics over time
#
# As in lesson 4, we count per period (day, week, month …, at most 60 periods) over the
# central 99 % of publication dates. A period's row says which share of its articles'
# topic weight goes to each topic: a theme that rises around an event shows as a darker
# stretch of its row.

# %%
try:
    if model is None:
        raise analysis.NotApplicable("there are no topics (see above)")
    start, end = analysis.core_date_range(documents["published"])
    shares = analysis.topic_share_over_time(model, documents, frequency=frequency, start=start,
                                            end=end)
except analysis.NotApplicable as reason:
    shares = None
    print(f"No topics over time: {reason}")
else:
    print(f"{len(shares)} periods from {shares.index.min():%Y-%m-%d} to "
          f"{shares.index.max():%Y-%m-%d}")
    display(an.rtl_table(shares.set_axis(labels, axis=1).tail(8), decimals=2, index=True))

# %%
if shares is not None:
    ax = lenses.topic_share_chart(shares, labels, title="حصة كل موضوع من المقالات عبر الزمن")
    an.save_figure(ax.figure, "06-topics-over-time", directory=figures_dir)
    plt.show()

# %%
if shares is not None and len(shares) >= 2:
    change = shares.iloc[-1] - shares.iloc[0]
    rising, falling = int(change.idxmax()), int(change.idxmin())
    print(f"From the first period to the last, {an.isolate(labels[rising])} gains the most "
          f"({shares.iloc[0][rising]:.0%} → {shares.iloc[-1][rising]:.0%}) and "
          f"{an.isolate(labels[falling])} loses the most ({shares.iloc[0][falling]:.0%} → "
          f"{shares.iloc[-1][falling]:.0%}).")

# %% [markdown]
# Compare the chart with lesson 4's event timeline: a topic whose share jumps in one period
# is often one event covered by every outlet at once. A share is a proportion: a topic can
# lose share while the number of its articles grows, if other topics grow faster.
#
# ## Summary
#
# **What you learned**
# - NMF on TF-IDF finds topics as groups of words that share documents; started from an SVD
#   (`init="nndsvda"`) it gives the same topics on every run.
# - A topic is named by reading its words *and* its closest documents.
# - The number of topics is a choice: check that the topics come back the same from
#   different random starts, then read them.
# - Topic share over time follows themes as lesson 4 followed words.
#
# **Pitfalls**
# - Two articles are too few for topics: use passages, and read the result as a
#   demonstration.
# - Boilerplate and function words make topics of their own: a stop-word list or a lower
#   `max_df` removes them.
# - A share hides volume: a topic can lose share while its number of articles grows.
# - A sample used for the stability check must be large enough to hold every theme.
#
# **Where next**: run the lesson on your own corpus (`corpus_path`), and compare its topics
# with the keyness of its outlets (lesson 5).
#
# ## Exercises
#
# Each exercise ends with a cell that assigns your answer to a variable, and a cell that checks
# it: the check says whether you are right, or what is wrong, without giving the answer away.
# Run this cell first.

# %%
from arabic_news.exercises import check

# %% [markdown]
# ### Exercise 1: the steadiest number of topics
#
# In the stability table, which number of topics has the highest mean similarity? Give a
# whole number (if two are equal, the smaller).

# %% tags=["solution"]
# Hint: sort the stability table (the smaller number first on a tie).
answer_6_1 = None if stability is None else int(
    stability.sort_values(["mean_similarity", "n_topics"], ascending=[False, True])["n_topics"].iloc[0])

# %%
check("6.1", answer_6_1, stability=stability)

# %% [markdown]
# ### Exercise 2: the leading topic of the last period
#
# Which topic holds the largest share in the **last** period of the table `shares`? Give the
# topic's number (the column name).

# %% tags=["solution"]
# Hint: the last row of `shares`; idxmax gives the column of its largest value.
answer_6_2 = None if shares is None else int(shares.iloc[-1].idxmax())

# %%
check("6.2", answer_6_2, shares=shares)

# %% [markdown]
# ### Exercise 3: a topic's strongest word
#
# Which word has the largest weight in topic 0? Give the normalised term, as in the `term`
# column of `terms` (not the written form).

# %% tags=["solution"]
# Hint: the rows of `terms` for topic 0, in order of rank.
topic_0 = None if terms is None else terms[terms["topic"] == 0].sort_values("rank")
answer_6_3 = topic_0["term"].iloc[0] if topic_0 is not None and len(topic_0) else None

# %%
check("6.3", answer_6_3, model=model, topic=0)
