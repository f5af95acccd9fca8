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
# # 8. Reprints and shared stories: one story printed many times
#
# **What you will learn**: how to find the articles of a corpus that are copies of one another
# (exact copies, and near copies that differ by a few words, a footer or an update); how to
# read two copies side by side with their differences marked; who reprints whom, and how fast
# a story spreads; and how much counting each story once changes the top terms and the
# keyness between outlets.
#
# - **Level**: intermediate.
# - **Time**: about 50 minutes: 25 to read and run, 25 for the exercises.
# - **Prerequisites**: lessons 1 and 2 (normalisation, term counts); lesson 5 for keyness.
# - **Data**: the two bundled seed articles by default, which are not copies of each other,
#   so the lesson makes three reprints of one of them to show the method; set `corpus_path`
#   to run it on your own corpus.
#
# News outlets print agency wires, republish their own articles, and update reports: the same
# story appears several times in a corpus, and every count of the other lessons counts it as
# many times as it was printed. Text reuse is also a subject of its own: which outlets take
# their stories from which, and how fast. The same method answers both.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
remove_boilerplate = True  # remove each outlet's repeated lines (footers, datelines; lesson 1)
threshold = 0.8  # two articles are one story from this Jaccard similarity of their shingles
shingle_size = 5  # words per shingle
top_n = 15  # rows shown in each table
outlet = None  # keyness: the outlet compared with the others; None: the one with most articles
alpha = 0.05  # keyness: significance level, after the Bonferroni correction
chart_language = "ar"  # language of the charts' text: "ar" or "en"

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import arabic_news as an
from arabic_news import analysis
from arabic_news.plotting import reprints as reprint_charts

an.use_arabic_style(language=chart_language)
corpus = an.load_corpus(corpus_path)
corpus = an.remove_boilerplate(corpus) if remove_boilerplate else corpus
print(an.boilerplate_note(corpus))
figures_dir = an.figures_folder(corpus_path, figures_dir)
analyzer = an.ArabicAnalyzer()  # normalise, tokenise, drop stop words
print(f"{len(corpus):,} articles")

# %% [markdown]
# ## How copies are found
#
# Each text is normalised and cut into words (lesson 1), and the words into overlapping
# *shingles* of `shingle_size` words: <bdi>أعلنت وزارة الدفاع الروسية أمس</bdi> is one shingle of five
# words, <bdi>وزارة الدفاع الروسية أمس أن</bdi> the next. Two articles are compared by the Jaccard
# similarity of their sets of shingles: the shingles they share divided by the shingles
# either has. One changed word breaks the five shingles that hold it, so a copy with a few
# edits keeps most of its shingles, while two different articles on the same subject share
# almost none, even when they use the same words.
#
# Comparing every pair of articles would take too long on a large corpus (half a billion pairs
# for 31,000 articles). `analysis.near_duplicates` therefore works in steps:
# 1. *exact copies* (the same words in the same order, whatever the spacing, punctuation or
#    diacritics) are found at once by a hash of the normalised text;
# 2. each remaining article gets a *MinHash* signature (128 numbers, with the `datasketch`
#    library) whose values agree between two articles about as often as their shingles do;
# 3. *locality-sensitive hashing* cuts the signatures into bands: two articles that agree on a
#    whole band become a candidate pair, and only candidates are compared;
# 4. each candidate pair is confirmed by its true Jaccard similarity, and pairs of at least
#    `threshold` are joined into groups: one group per story.
#
# The earliest article of each group is its *origin*; the others are its *reprints*.

# %%
groups = analysis.near_duplicates(corpus, threshold, shingle_size=shingle_size)
if groups.empty:
    print(f"No article of this corpus repeats another (no pair reaches a similarity of "
          f"{threshold}): there is nothing to find. To see the method at work, we make three "
          f"reprints of the first article below.")
    study = analysis.made_reprints(corpus)  # the corpus and three articles made from its first
    groups = analysis.near_duplicates(study, threshold, shingle_size=shingle_size)
else:
    study = corpus
counts = analysis.duplicate_counts(groups)
print(f"{counts['articles']:,} of {len(study):,} articles belong to {counts['groups']:,} "
      f"{'story' if counts['groups'] == 1 else 'stories'} printed more than once; beyond the "
      f"first article of each: exact copies {counts['exact']:,}, near copies {counts['near']:,}.")

# %% [markdown]
# When the corpus has no copy, the lesson goes on with three articles made from its first one
# (`analysis.made_reprints`): an exact copy printed three hours later by another outlet, with
# other spacing and no punctuation; a near copy printed the next day, with a word in every
# sixty replaced and another footer; and an article that takes three quarters of the original
# and adds a sentence of its own.
#
# Each row of the groups table is one article: its group, its source and date, its estimated
# similarity to the group's origin, whether its words are exactly those of an earlier article
# of the group, and how many days after the origin it was published.

# %%
shown = groups[["group", "doc_id", "source", "published", "similarity", "exact", "origin",
                "lag_days"]]
an.rtl_table(analysis.first_rows(shown, top_n), decimals=2)

# %% [markdown]
# ## Reading one group side by side
#
# We take the story printed by the most outlets and put its origin beside the copy that
# differs from it most. Words that the two do not share are marked; words are compared after
# normalisation, so a spelling variant (<bdi>فى</bdi> and <bdi>في</bdi>) is not a difference. The origin
# (<bdi>الأصل</bdi>) is the right-hand column, where an Arabic reader starts; the copy (<bdi>النسخة</bdi>) is on
# its left, with its similarity (<bdi>التشابه</bdi>) to the origin.

# %%
story = groups[groups["group"] == analysis.widest_story(groups)]
origin = story[story["origin"]].iloc[0]
other = story[~story["origin"]].sort_values("similarity", kind="stable").iloc[0]
texts = study.set_index("doc_id")["text"]
first, second = analysis.word_differences(texts[origin["doc_id"]], texts[other["doc_id"]])
an.side_by_side([first, second], [
    analysis.article_caption(origin, "الأصل"),  # "origin: source, date"
    analysis.article_caption(other, "النسخة") + f" (التشابه {other['similarity']:.2f})",
])

# %%
marked = [word for line in second for word, differs in line if differs]
words = sum(len(line) for line in second)
print(f"The copy differs from the origin in {len(marked)} of its {words} words "
      f"({len(marked) / words:.0%}): that is what its similarity of {other['similarity']:.2f} "
      f"measures, in shingles rather than in words.")

# %% [markdown]
# ## Who reprints whom
#
# For every reprint, the source of its group's origin and its own source make one *flow*. An
# outlet that prints its own story again (a republished or updated article, or an article
# filed under two sections) is a flow to itself. The lag is the time from the origin's
# publication to the reprint's.

# %%
flows = analysis.reprint_flows(groups)
an.rtl_table(analysis.first_rows(flows, top_n), decimals=2)

# %%
ax = reprint_charts.flow_chart(flows, title="من يعيد نشر قصص من: عدد المقالات ووسيط التأخير")
an.save_figure(ax.figure, "08-reprint-flows", directory=figures_dir)
plt.show()

# %%
between = flows[flows["origin_source"] != flows["reprint_source"]]
own = int(flows.loc[flows["origin_source"] == flows["reprint_source"], "reprints"].sum())
print(f"{own:,} of {int(flows['reprints'].sum()):,} reprints come from the same outlet as "
      f"their origin (republished or filed twice).")
if len(between):
    top = between.iloc[0]
    lag = top["median_lag_days"] * 24
    print(f"The largest flow between two outlets: {int(top['reprints']):,} "
          f"{'story' if top['reprints'] == 1 else 'stories'} first printed by "
          f"{an.isolate(top['origin_source'])} and then by {an.isolate(top['reprint_source'])}"
          + (f", {lag:.1f} hours later (median)." if pd.notna(lag) else " (undated)."))

# %% [markdown]
# A flow says who printed a story *first in this corpus*, not who wrote it: an agency wire
# printed by two outlets makes the faster outlet the origin, and the corpus may lack the
# outlet that printed it first. Publication times matter too: a corpus dated by the day, or by
# when the article was collected, gives lags of whole days or of the collector's rounds.
#
# ## How one story spread
#
# The same story over time: each point is one printing, on the row of its outlet, placed by
# the hours (or days) after its first publication, with its similarity to the origin.

# %%
if story["lag_days"].notna().sum() >= 2:
    ax = reprint_charts.spread_chart(story, title="انتشار قصة واحدة بين المصادر")
    an.save_figure(ax.figure, "08-story-spread", directory=figures_dir)
    plt.show()
else:
    print("No timeline: fewer than two articles of this story have a publication date.")

# %% [markdown]
# ## Passage reuse
#
# An article may take most of another, shorter one and add its own paragraphs: a report that
# quotes a wire, or a long analysis built on a short news item. Their Jaccard similarity is
# low (the long article has many shingles of its own), but the *containment* of the shorter in
# the longer (the share of its shingles found there) is high. `analysis.passage_reuse` lists
# the pairs compared by `near_duplicates` whose containment is at least 0.8; pairs already in
# one group are near copies, the others are passage reuse.

# %%
reuse = analysis.passage_reuse(study)
passages = reuse[~reuse["same_group"]]
print(f"{len(passages):,} pairs share a passage without being copies "
      f"({len(reuse):,} pairs with a containment of at least 0.8 in all).")
an.rtl_table(analysis.first_rows(passages, top_n).reset_index(drop=True), decimals=2)

# %% [markdown]
# The bands of step 3 are tuned to find pairs of similar length: a short item copied whole
# into an article several times its length has a low Jaccard similarity and is rarely made a
# candidate. This list is therefore passage reuse between articles of comparable length, not
# every quotation.
#
# ## What counting each story once changes
#
# `an.drop_duplicates` keeps one article per group (the earliest, by default; `keep="longest"`
# keeps the fullest version) and sets the others aside. This is what lessons 2 to 6 do by
# default. How much does it change what we count?

# %%
once = an.drop_duplicates(study, groups)
print(an.deduplication_note(once))
compared = analysis.top_terms_compared(study["text"], once["text"], analyzer, n=top_n)
forms = an.display_forms(corpus["text"], analyzer)  # term -> its usual written form in the corpus
compared["term"] = forms.labels(compared["term"])
an.rtl_table(compared, headers={"rank_before": "rank (all articles)",
                                "count_before": "count (all articles)",
                                "rank_after": "rank (each story once)",
                                "count_after": "count (each story once)"})

# %%
moved = compared["rank_before"].ne(compared["rank_after"]).sum()
print(f"{moved} of the {len(compared)} terms above change rank or leave the top {top_n} "
      f"when each story is counted once.")

# %% [markdown]
# Keyness compares an outlet with all the others (lesson 5). A story that one outlet prints
# several times makes its words look typical of that outlet; a wire that every outlet prints
# weighs on both sides. Here are the terms most over-used by one outlet, with every printing
# counted and with each story counted once:

# %%
sources = study["source"].dropna()
chosen = outlet or (sources.value_counts().index[0] if len(sources) else None)
key = {}
try:
    if sources.nunique() < 2:
        raise analysis.NotApplicable(f"this corpus names {sources.nunique()} outlet(s); "
                                     "comparing outlets needs at least two")
    for name, frame in (("all articles", study), ("each story once", once)):
        table = analysis.keyness_between(frame.reset_index(drop=True), {"source": chosen},
                                         analyzer=analyzer, units="auto", alpha=alpha)
        key[name] = analysis.key_terms(table, "a", n=top_n)  # in 5 documents or more
except analysis.NotApplicable as reason:
    print(f"No comparison of outlets: {reason}.")
else:
    kept = set(key["all articles"]["term"]) & set(key["each story once"]["term"])
    print(f"{an.isolate(chosen)} against the other outlets: {len(key['all articles'])} key terms "
          f"with every printing, {len(key['each story once'])} with each story once; "
          f"{len(kept)} in both lists.")
    if any(len(terms) for terms in key.values()):
        display(an.rtl_table(analysis.side_by_side(
            {f"{name}": forms.labels(terms["term"]) for name, terms in key.items()})))
    else:
        print("No term is significantly more frequent in this outlet: too few articles "
              "to tell (lesson 5 compares passages on such a corpus).")

# %% [markdown]
# ## Summary
#
# **What you learned**
# - Copies are found by comparing sets of word shingles: exact copies by a hash of the
#   normalised text, near copies by MinHash signatures and locality-sensitive hashing, each
#   candidate confirmed by its true Jaccard similarity.
# - A group is one story; its earliest article is the origin, the others its reprints. Flows
#   between outlets, and their lags, show who reprints whom and how fast.
# - Counting each story once (`an.drop_duplicates`) changes counts, ranks and keyness, most on
#   corpora full of wires and republished articles.
#
# **Pitfalls**
# - "First in the corpus" is not "first to publish": the corpus may lack the outlet that wrote
#   the story, and collection dates are not publication dates.
# - A group can chain articles: A is close to B and B to C while A and C are further apart;
#   the similarity to the origin shows it.
# - The threshold is a choice: at 0.8 updated reports join their first version; at 0.95 only
#   light edits do. Template articles (weather, prayer times, market reports) can look alike
#   while telling different stories: read a group before setting it aside.
#
# **Where next**: run lessons 2 to 6 with `count_each_story_once = False` and compare; run this
# lesson on your own corpus to see who reprints whom.
#
# ## Exercises
#
# Each exercise ends with a cell that assigns your answer to a variable, and a cell that checks
# it: the check says whether you are right, or what is wrong, without giving the answer away.
# Run this cell first.

# %%
from arabic_news.exercises import check

# %% [markdown]
# ### Exercise 1: a stricter threshold
#
# How many articles does counting each story once set aside when two articles must have a
# similarity of at least 0.9 (instead of 0.8)? Give a whole number.

# %% tags=["solution"]
answer_8_1 = len(an.drop_duplicates(study, threshold=0.9).attrs["duplicates"])

# %%
check("8.1", answer_8_1, corpus=study, threshold=0.9)

# %% [markdown]
# ### Exercise 2: the busiest reprinter
#
# Which outlet prints the most stories that another outlet printed first? Give its name as in
# the `source` column (flows from an outlet to itself do not count).

# %% tags=["solution"]
others = flows[flows["origin_source"] != flows["reprint_source"]]
answer_8_2 = (others.groupby("reprint_source")["reprints"].sum().idxmax()
              if len(others) else None)

# %%
check("8.2", answer_8_2, groups=groups)

# %% [markdown]
# ### Exercise 3: what the copy changed
#
# In the side-by-side reading above, which words of the copy (the left column) are marked?
# Give them as a list of words as written, each once.

# %% tags=["solution"]
answer_8_3 = list(dict.fromkeys(marked))

# %%
check("8.3", answer_8_3, origin=texts[origin["doc_id"]], copy=texts[other["doc_id"]])

# %% [markdown]
# ### Exercise 4: how long the story took to spread
#
# How many hours after its origin was the last article of the story in the spread chart
# published? Give a number (to a tenth of an hour).

# %% tags=["solution"]
answer_8_4 = round(story["lag_days"].max() * 24, 1)

# %%
check("8.4", answer_8_4, groups=groups, group=int(story["group"].iloc[0]))
