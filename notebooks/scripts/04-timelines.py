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
# News has two clocks. One is the publication date: when each article appeared. The other is
# inside the text: <bdi>«اليوم الإثنين»</bdi>, <bdi>«يوم السبت الماضي»</bdi>, <bdi>«17 نوفمبر»</bdi>, dates that place the
# reported events, often relative to the publication date. This notebook charts both.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
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

# %%
import matplotlib.pyplot as plt
from IPython.display import display

import arabic_news as an
from arabic_news import analysis

an.use_arabic_style(language=chart_language)
corpus = an.load_corpus(corpus_path)
figures_dir = an.figures_folder(corpus_path, figures_dir)
dated = corpus[corpus["published"].notna()]
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
terms = [an.normalize(term) for term in timeline_terms]
if start is not None:
    shares = analysis.term_share_over_time(corpus, terms, analyzer, frequency=frequency,
                                           start=start, end=end)
    shares.columns = timeline_terms  # show each term as written, not as its normalised key
    display(an.rtl_table(shares.tail(12), decimals=1))

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
mentions = an.dates_table(corpus)
an.rtl_table(mentions.head(20))

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

# %%
if events.empty:
    print("No event timeline: no date in the texts could be resolved to a day, week or month.")
else:
    ax = an.timeline(events, kind="events", title="الأحداث المذكورة في النصوص")
    an.save_figure(ax.figure, "04-event-timeline", directory=figures_dir)
    plt.show()
