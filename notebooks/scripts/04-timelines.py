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
# # 4. Timelines: when articles appear, what they talk about over time, and the events they date
#
# **What you will learn**: to count articles per day, week or month and per source; to follow
# chosen terms over time as a relative frequency; to find the dates mentioned inside the texts
# (in three regional month systems, and relative to the publication date) and to draw an
# event timeline from them.
#
# - **Level**: intermediate.
# - **Time**: about 50 minutes: 20 to read and run, 30 for the exercises.
# - **Prerequisites**: lessons 1 and 2; pandas, including dates (`Timestamp`) and grouping.
# - **Data**: the two bundled seed articles by default (published 2016-08-01 and 2016-11-18;
#   see `seeds/metadata.csv`); set `corpus_path` in the first code cell to run the lesson on
#   your own corpus, and `timeline_terms` to follow other terms.
#
# News has two clocks. One is the publication date: when each article appeared. The other is
# inside the text: <bdi>«اليوم الإثنين»</bdi>, <bdi>«يوم السبت الماضي»</bdi>, <bdi>«17 نوفمبر»</bdi>, dates that place the
# reported events, often relative to the publication date. This notebook charts both.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
remove_boilerplate = True  # remove each outlet's repeated lines (footers, datelines; lesson 1)
count_each_story_once = True  # True: one article per story, reprints set aside (lesson 8)
engine = "pandas"  # "pandas" (one DataFrame in memory) or "dask" (partitioned; a LocalCluster)
scheduler_address = None  # for engine "dask": a running scheduler such as "tcp://10.0.0.5:8786"
frequency = None  # "D", "W", "MS", "QS" or "YS"; None chooses from the corpus's date range
# terms to follow over time, as written (one per line: JupyterLab's editor shows a one-line
# list of Arabic strings in reversed order)
timeline_terms = [
    "حلب",
    "روسيا",
    "داعش",
]
max_events = 15  # events annotated on the event timeline
event_granularities = ["day", "week", "month"]  # which kinds of mention make an event
chart_language = "ar"  # language of the charts' axis labels and dates: "ar" or "en"

# %% [markdown]
# `engine = "dask"` reads the corpus in partitions (Parquet shards, converted once) and runs
# every count below on Dask, on a LocalCluster of this machine or on the cluster at
# `scheduler_address`: for a corpus too large for one process's memory. The tables, numbers
# and charts are the same as with `"pandas"`; lesson 7 shows how it works.

# %%
import matplotlib.pyplot as plt
from IPython.display import display

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
# the dated articles' doc_id and publication date only (the texts are not copied)
dated = analysis.dated_articles(corpus)
print(f"{len(corpus)} articles, {len(dated)} with a publication date")

# %% [markdown]
# ## Articles over time
#
# Articles are counted per period (day, week, month …), one series per source. The period is
# chosen to give at most 60 points over the corpus's date range, so that a corpus of a few
# months and one of several years both give a readable chart.
#
# A large corpus often holds a few articles far older than the rest; one of them would stretch
# the chart over years. So on a corpus of more than 200 dated articles we chart the range that
# holds the central 99 % of publication dates, and say how many articles fall outside it.

# %%
try:
    start, end = analysis.core_date_range(corpus["published"])
except analysis.NotApplicable as reason:  # no publication dates: no timeline of articles
    start = end = None
    print(f"No timeline of articles or terms: {reason}.")
else:
    outside = len(dated) - dated["published"].between(start, end).sum()
    print(f"charting {start:%Y-%m-%d} to {end:%Y-%m-%d}; {outside} dated articles fall outside")

# %%
if start is not None:
    per_period = analysis.articles_per_period(corpus, frequency=frequency, by="source",
                                              start=start, end=end)
    display(an.rtl_table(per_period.tail(12)))

# %% [markdown]
# Empty periods matter as much as full ones: a gap can be a quiet time, or a hole in the
# collection. On this corpus:

# %%
if start is not None:
    totals = per_period.sum(axis=1)
    empty = int(per_period.isna().all(axis=1).sum())  # no article at all: a gap, not a zero
    print(f"{len(totals)} periods from {totals.index.min():%Y-%m-%d} to "
          f"{totals.index.max():%Y-%m-%d}; {empty} have no article (shown as gaps); the "
          f"busiest, {totals.idxmax():%Y-%m-%d}, has {int(totals.max())}. "
          f"{per_period.shape[1]} sources"
          + (f": the chart draws the 7 largest and sums the other {per_period.shape[1] - 7}."
             if per_period.shape[1] > 8 else "."))

# %%
if start is not None:
    ax = an.timeline(per_period, title="عدد المقالات عبر الزمن", ylabel="articles")
    an.save_figure(ax.figure, "04-articles-over-time", directory=figures_dir)
    plt.show()

# %% [markdown]
# ## Chosen terms over time
#
# Raw counts rise and fall with the number of articles; dividing by the number of terms
# published in each period gives a *relative frequency* (here per 10,000 terms) that can be
# compared across periods. The terms are normalised with the same cleaning as the texts, and
# shown as you wrote them in `timeline_terms`. With few articles a term is seen in only a few
# periods: the chart then draws each observation on its own (a stem and a dot) rather than a
# line, which would suggest a trend between observations months apart.

# %%
analyzer = an.ArabicAnalyzer()
# the lesson's terms, each replaced by a frequent one when this corpus hardly uses it
counts = analysis.count_table(corpus["text"], analyzer.tokens, sizes=(1,))[1]
timeline_terms, replaced = analysis.choose_terms(timeline_terms, counts, normalize=an.normalize)
print(replaced or "Following " + ", ".join(an.isolate(term) for term in timeline_terms) + ".")
terms = [an.normalize(term) for term in timeline_terms]
if start is not None:
    shares = analysis.term_share_over_time(corpus, terms, analyzer, frequency=frequency,
                                           start=start, end=end)
    shares.columns = timeline_terms  # show each term as written, not as its normalised key
    display(an.rtl_table(shares.tail(12), decimals=1))

# %% [markdown]
# Each term's peak: when was it most talked about, relative to everything published then?

# %%
for written in shares.columns if start is not None else []:  # the terms as written
    series = shares[written].dropna()
    if series.empty or series.max() == 0:
        print(f"{an.isolate(written)}: not found in this corpus.")
    else:
        print(f"{an.isolate(written)}: highest in the period of {series.idxmax():%Y-%m-%d}, "
              f"{series.max():.1f} per 10,000 terms (mean {series.mean():.1f}).")

# %%
if start is not None:
    ax = an.timeline(shares, title="تكرار الكلمات عبر الزمن", ylabel="per 10,000 terms")
    an.save_figure(ax.figure, "04-terms-over-time", directory=figures_dir)
    plt.show()

# %% [markdown]
# ## The dates inside the text
#
# `extract_dates` finds date expressions in the three regional month systems
# (<bdi>يناير، كانون الثاني، جانفي</bdi> …), weekdays, and relative expressions (<bdi>أمس، الأسبوع الماضي، منذ ثلاثة أيام</bdi>), and
# resolves each against the article's publication date. Each mention keeps its place in the
# text, its resolved value and its granularity (day, week, month or year).

# %%
# scale.keep: extracted once; on Dask kept in the workers' memory for the cells below
mentions = scale.keep(an.dates_table(corpus))
an.rtl_table(analysis.first_rows(mentions, 20))  # on Dask: read until 20 are found

# %% [markdown]
# Most dates in news are relative (<bdi>«اليوم»</bdi>, <bdi>«أمس»</bdi>, <bdi>«يوم السبت الماضي»</bdi>): without the
# publication date they could not be placed at all.

# %%
counts = analysis.mention_counts(mentions)  # per granularity: mentions, relative, resolved
total = counts.sum()
print(f"{total['mentions']} date mentions: {total['relative']} relative, "
      f"{total['resolved']} resolved to a date"
      + ("; by granularity: " + ", ".join(f"{kind} {n}" for kind, n in counts["mentions"].items())
         if len(counts) else "") + ".")

# %% [markdown]
# ## An event timeline
#
# Each point is a date mentioned in the articles, annotated with the words that named it and
# the date they resolve to (written in the chart's language); the larger the point, the more mentions. On a large corpus only the
# most-mentioned dates are shown. Bare years (<bdi>«عام 2016»</bdi>) are left out by default: they are
# frequent in any corpus and rarely name an event.

# %%
events = analysis.event_points(mentions, max_events=max_events, granularities=event_granularities)
an.rtl_table(events)

# %% [markdown]
# Mentions such as <bdi>«أمس»</bdi> and <bdi>«اليوم»</bdi> name no event: they point from the
# publication day, so on a corpus of many days each day's <bdi>«أمس»</bdi> would become an
# "event" of its own. The timeline draws them apart, without labels: one grey bar per date
# below the axis, as deep as the number of articles that point to it that way (one point per
# article).

# %%
pointing = analysis.relative_points(mentions, start=start, end=end)  # the charted range
print(f"{int(pointing['articles'].sum()):,} article-days pointed to from the publication day "
      f"(أمس، اليوم …); {len(events)} named events.")
if events.empty and pointing.empty:
    print("No event timeline: no date in the texts could be resolved to a day, week or month.")
else:
    ax = an.timeline(events, kind="events", relative=pointing,
                     title="الأحداث المذكورة في النصوص")
    an.save_figure(ax.figure, "04-event-timeline", directory=figures_dir)
    plt.show()

# %% [markdown]
# Read the timeline against the publication dates: the grey bars sit on and just before the
# days the articles were published (today, yesterday, last Saturday), while a named event
# (a date, a month) can lie far from them; each label is the words the articles used. How far
# back do the day mentions of this corpus reach?

# %%
# each mention of a day, joined to its article's publication date: days between the two
days_before = analysis.days_before_publication(mentions, corpus)
if len(days_before):
    print(f"{len(days_before)} mentions of a day: from {days_before.min()} to "
          f"{days_before.max()} days before the article that mentions them "
          f"(median {days_before.median():.0f}; a negative number is a day after it).")
else:
    print("No mention of a day could be placed on the calendar.")

# %% [markdown]
# ## Summary
#
# **What you learned**
# - Articles per period and per source show when a corpus was collected, and its gaps.
# - A term's relative frequency (per 10,000 terms) can be compared across periods with
#   different numbers of articles; its raw count cannot.
# - Dates inside the texts come in three month systems and are mostly relative: `dates_table`
#   resolves them against each article's publication date, and the event timeline shows the
#   most-mentioned ones.
#
# **Pitfalls**
# - A few very old or misdated articles stretch a chart over years: chart the core range.
# - A peak in a relative frequency from a period with very few articles is noise.
# - A relative date in an undated article cannot be resolved; a wrong publication date moves
#   every event of its article.
#
# **Where next**: run the four lessons on your own corpus (`make run-corpus
# CORPUS=/path/to/corpus`); then go further with collocations (which words keep company with a
# term), keyness (which words set one part of a corpus apart from another) and topics.
#
# ## Exercises
#
# Each exercise ends with a cell that assigns your answer to a variable, and a cell that checks
# it: the check says whether you are right, or what is wrong, without giving the answer away.
# Run this cell first.

# %%
from arabic_news.exercises import check

# %% [markdown]
# ### Exercise 1: mentions of a day
#
# How many date mentions of the corpus resolve to a day (granularity `"day"`, with a value)?
# Answer with an integer.

# %% tags=["solution"]
# Hint: two conditions on the columns of `mentions`, combined with &; len() counts the rows kept.
answer_4_1 = len(mentions[mentions["value"].notnull() & (mentions["granularity"] == "day")])

# %%
check("4.1", answer_4_1, corpus=corpus, mentions=mentions)

# %% [markdown]
# ### Exercise 2: the most mentioned day
#
# Which day is mentioned most often in the texts? Answer with a string `"YYYY-MM-DD"`. What
# happened on that day, according to the articles?

# %% tags=["solution"]
# Hint: the event timeline counts the mentions of each date; keep days only, and one event,
# counting the days that «أمس» and «اليوم» point to as well (relative=True).
top_day = analysis.event_points(mentions, max_events=1, granularities=["day"], relative=True)
answer_4_2 = top_day["when"].iloc[0] if len(top_day) else None

# %%
check("4.2", answer_4_2, corpus=corpus, mentions=mentions)

# %% [markdown]
# ### Exercise 3: months
#
# Count the articles per month instead (`frequency="MS"` in `analysis.articles_per_period`).
# How many monthly periods does the table have? Answer with an integer.

# %% tags=["solution"]
# Hint: one row per period.
try:
    answer_4_3 = len(analysis.articles_per_period(corpus, frequency="MS"))
except analysis.NotApplicable:  # no publication dates (the check says so)
    answer_4_3 = None

# %%
check("4.3", answer_4_3, corpus=corpus)

# %% [markdown]
# ### Exercise 4: your own term over time
#
# Put a term of your own first in `timeline_terms` (first code cell) and run the lesson again,
# on your corpus or the seeds. In which period is its relative frequency highest? Answer with
# the start of that period, a string `"YYYY-MM-DD"`. Is the peak an event, or a period with
# very few articles?

# %% tags=["solution"]
# Hint: the table `shares` has one column per term (as written), one row per period.
answer_4_4 = None  # stays None without dates or without the term (the check says why)
if start is not None:
    observed = shares[timeline_terms[0]].dropna()
    if len(observed) and observed.max() > 0:
        answer_4_4 = observed.idxmax().strftime("%Y-%m-%d")

# %%
check("4.4", answer_4_4, corpus=corpus, term=timeline_terms[0], frequency=frequency, start=start, end=end)
