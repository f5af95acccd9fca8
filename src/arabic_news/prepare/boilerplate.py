"""Boilerplate: the lines an outlet repeats across its articles (footers, bylines, datelines,
share and navigation text, contact lines), found per source and removed from the text.

**What is counted.** Each article is cut into its non-blank lines, and each line into words
keyed as templates (:mod:`.templates`: numbers, links, month names, the article's own title
and author become slots, so ``الرياض 25 شوال 1436 هـ`` and ``جدة 3 ذو القعدة 1436 هـ`` share
the template of their last words). Per source, the engine counts in how many articles (and on
how many publication days) each template occurs:

* every whole line;
* the opening and the closing 3 to ``max_affix_words`` words of the first and the last line,
  because a footer is often glued to the end of the last paragraph (``... آخر جملة. للتواصل
  مع الكاتب ...``) and a byline or dateline to the start of the first one.

Counts are keyed by (source, kind, template id), so memory is bounded by the number of
distinct templates, not by the text; each partition is counted apart and the counts are
summed (:func:`count_partition`, :func:`sum_counts`).

**What is boilerplate** (:class:`BoilerplateRules`; each threshold is a parameter). A template
of source S is boilerplate when all of these hold:

1. it has at least one fixed word (two for an opening or closing run of words), so a line
   that is only a number, a link or the article's own title never is;
2. it occurs in at least ``min_articles`` (10) articles of S, and in at least ``min_share``
   (0.2%) of them; a run glued to a line, in at least ``glued_share`` (2%): news has
   formulaic openings and closings («استقبل صاحب السمو الملكي ...», «... المزيد من التقدم
   والازدهار»), which recur in up to about 0.5% of an outlet's articles;
3. it is written by the site, not by the news, which shows in one of three ways:

   a. *spread*: its articles span at least ``min_day_share`` (25%) of the days on which S
      published, and at least 3 days. A quoted statement, a decree or an agency dispatch
      reprinted in several articles is reported on one to a few days, so it fails here;
   b. *coverage*: on the days it occurs, it is in at least ``min_day_coverage`` (50%) of
      S's articles, and S published at least ``4 * min_articles`` articles on those days:
      a layout element on every page while it lasted (share buttons that appear on the
      last day of a collection). A statement quoted on one day is in a few of that day's
      articles, not in most of forty or more;
   c. where S has fewer than ``min_days`` (8) publication days, or no dates, spread cannot
      be judged, and a template in at least ``undated_share`` (5%) of S's articles is.

**Markup and code.** A line of a scraped page's CSS or JavaScript (a poll widget, an HTML
fragment: see ``templates.looks_like_code``) is removed wherever it is, in any source, and
reported once per source as ``[code]`` (its ``days`` unknown: <NA>).

**Where it is removed.** Position decides, article by article:

* a boilerplate line is removed where it belongs to the run of boilerplate lines at the
  start or the end of the article (lines of punctuation only do not break the run);
* a boilerplate line in the middle of an article is removed only when its template occurs
  in at least ``middle_share`` (5%) of S's articles (navigation text, a recurring caption):
  a repeated line in mid-text is more likely quoted news;
* a glued run is removed from the first or last line left after that, choosing the longest
  boilerplate run whose articles are at least half of those of the run one word shorter
  (where most articles diverge, the footer has ended).

A corpus without a ``source`` column is one source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from arabic_news import text as text_package
from arabic_news.corpus.results_cache import ResultStore, code_digest, kept_digests
from arabic_news.engines import engine_of
from arabic_news.prepare import templates as tpl
from arabic_news.progress import progress

LINE, START, END, CODE = 0, 1, 2, 3
POSITIONS = {LINE: "whole line", START: "start of a line", END: "end of a line",
             CODE: "markup or code"}
CODE_TEMPLATE = "[code]"  # one template for every markup or code line of a source
MIN_AFFIX_WORDS = 3
NO_DAY = -1
_WORD = re.compile(r"\S+")
_CODE_WORD = re.compile(r"[{};=A-Za-z]")
TABLE_COLUMNS = ["source", "line", "articles", "share", "position", "days", "words"]


@dataclass(frozen=True)
class BoilerplateRules:
    """The thresholds that decide what is boilerplate (see the module docstring)."""

    min_articles: int = 10
    min_share: float = 0.002
    glued_share: float = 0.02
    min_day_share: float = 0.25
    min_day_coverage: float = 0.5
    min_days: int = 8
    undated_share: float = 0.05
    middle_share: float = 0.05
    max_affix_words: int = 32
    max_line_words: int = 80

    def __post_init__(self) -> None:
        for name in ("min_articles", "min_days", "max_affix_words", "max_line_words"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")
        if self.max_affix_words < MIN_AFFIX_WORDS:
            raise ValueError(f"max_affix_words must be at least {MIN_AFFIX_WORDS}, "
                             f"got {self.max_affix_words!r}")
        for name in ("min_share", "glued_share", "min_day_share", "min_day_coverage",
                     "undated_share", "middle_share"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise ValueError(f"{name} must be a share between 0 and 1, got {value!r}")


def rules_of(rules: BoilerplateRules | None = None, **thresholds) -> BoilerplateRules:
    """``rules`` (default :class:`BoilerplateRules`) with the given thresholds changed."""
    known = {field.name for field in fields(BoilerplateRules)}
    unknown = sorted(set(thresholds) - known)
    if unknown:
        raise TypeError(f"unknown boilerplate threshold(s) {unknown}; choose among {sorted(known)}")
    return BoilerplateRules(**{**asdict(rules or BoilerplateRules()), **thresholds})


# ----------------------------------------------------------------------------- articles
@dataclass(frozen=True, slots=True)
class _Line:
    """A non-blank line of an article: its span and its template ('' when no word has a
    key; None when the line is longer than ``max_line_words``, so never boilerplate)."""

    start: int
    end: int
    template: str | None


def _lines(text: str, fields_: dict[str, str], max_line_words: int) -> list[_Line]:
    """The non-blank lines of ``text`` with their templates."""
    lines = []
    start = 0
    for part in text.split("\n"):
        end = start + len(part)
        if part.strip():
            short = max_line_words > 0 and (part.count(" ") < max_line_words
                                            or len(part.split()) <= max_line_words)
            lines.append(_Line(start, end, tpl.line_template(part, fields_) if short else None))
        start = end + 1
    return lines


def _window(text: str, line: _Line, kind: int, longest: int) -> tuple[int, int]:
    """The span of ``line`` that its opening (kind START) or closing (END) runs can reach:
    the whole line, or for a long one its first or last ``longest + 8`` words."""
    if line.template is not None:
        return line.start, line.end
    part = text[line.start:line.end]
    reach = longest + 8
    if kind == START:
        words = part.split(None, reach)
        if len(words) <= reach:
            return line.start, line.end
        return line.start, line.start + len(part[:len(part) - len(words[-1])].rstrip())
    words = part.rsplit(None, reach)
    if len(words) <= reach:
        return line.start, line.end
    first = _WORD.search(part, len(words[0]))
    return line.start + first.start(), line.end


def _window_keys(text: str, line: _Line, span: tuple[int, int], fields_: dict[str, str]
                 ) -> list[str]:
    if line.template is not None:
        return line.template.split()
    return tpl.line_template(text[span[0]:span[1]], fields_).split()


def _runs(keys: list[str], kind: int, longest: int) -> Iterator[tuple[int, str, int]]:
    """(length, template, fixed words) of the opening (kind START) or closing (END) runs of
    a line's keys, from 3 to ``longest`` words and never the whole line, shortest first."""
    ordered = keys if kind == START else keys[::-1]
    run: list[str] = []
    fixed = 0
    for length, key in enumerate(ordered[:min(longest, len(keys) - 1)], start=1):
        run.append(key)
        fixed += key not in tpl.SLOTS
        if length >= MIN_AFFIX_WORDS:
            yield length, " ".join(run if kind == START else run[::-1]), fixed


SHORT_LINE_WORDS = 15  # a line of at most this many words may be a footer or a title line


def _edge_lines(text: str, lines: list[_Line], depth: int = 1
                ) -> list[tuple[_Line, tuple[int, ...]]]:
    """The lines where a run of words may be glued boilerplate, with the kinds of run: the
    first keyed line (opening and closing runs: a byline, a dateline) and the last one
    (closing runs: a footer). With ``depth=2`` (counting), also the line after a short
    first line (a title line before the first paragraph) and the line before a short last
    line (a footer line of its own after the paragraph a footer is glued to)."""
    keyed = [line for line in lines if line.template != ""]
    kinds: dict[int, set[int]] = {}

    def short(line: _Line) -> bool:
        return len(text[line.start:line.end].split(None, SHORT_LINE_WORDS)) <= SHORT_LINE_WORDS

    first = keyed[:2] if depth > 1 and keyed and short(keyed[0]) else keyed[:1]
    last = keyed[-2:] if depth > 1 and keyed and short(keyed[-1]) else keyed[-1:]
    for line in first:
        kinds.setdefault(line.start, set()).update((START, END))
    for line in last:
        kinds.setdefault(line.start, set()).add(END)
    return [(line, tuple(sorted(kinds[line.start]))) for line in keyed if line.start in kinds]


def _sources_and_days(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each article's source ('' without a source column) and publication day (days since
    1970-01-01, ``NO_DAY`` when unknown)."""
    sources = (frame["source"].fillna("").astype(str) if "source" in frame.columns
               else pd.Series("", index=frame.index))
    if "published" in frame.columns:
        published = pd.to_datetime(frame["published"], utc=True)
        days = (published.dt.floor("D") - pd.Timestamp(0, tz="UTC")).dt.days
        days = days.fillna(NO_DAY).astype("int64")
    else:
        days = pd.Series(NO_DAY, index=frame.index, dtype="int64")
    return sources, days


def _own_fields(frame: pd.DataFrame) -> list[dict[str, str]]:
    """Each article's own title and author as templates, for the ``[title]`` and
    ``[author]`` slots (empty where the corpus lacks the column or the field is short)."""
    none = [None] * len(frame)
    pairs = zip(frame["title"] if "title" in frame.columns else none,
                frame["author"] if "author" in frame.columns else none, strict=True)
    return [{slot: field for slot, value in ((tpl.TITLE, title), (tpl.AUTHOR, author))
             if (field := tpl.field_template(value))} for title, author in pairs]


# ----------------------------------------------------------------------------- counting
_COUNT_COLUMNS = {"source": "str", "kind": "int8", "template": "uint64", "length": "int64",
                  "day": "int64", "articles": "int64"}


def count_partition(frame: pd.DataFrame, rules: BoilerplateRules,
                    openings: frozenset[tuple[str, int, int]] | None = None) -> pd.DataFrame:
    """Per (source, kind, template, length, day): in how many articles of ``frame`` it
    occurs; the per-partition step of the count (:func:`sum_counts` adds partitions up).

    Counting is done in two rounds, so that most articles add a handful of keys, not one
    per run length. With ``openings=None``, the whole lines and the shortest runs (3 words)
    at the edges; then, given the shortest runs that passed the rules (``openings``: (source,
    kind, template id)), the longer runs of the lines whose shortest run is among them (a
    run can be boilerplate only if its outermost 3 words are). Templates that can never be
    boilerplate (too few fixed words) are not counted.
    """
    sources, days = _sources_and_days(frame)
    own = _own_fields(frame)
    longest = MIN_AFFIX_WORDS if openings is None else rules.max_affix_words
    rows_source, rows_kind, rows_template, rows_day, rows_length = [], [], [], [], []
    articles = zip(frame["text"], sources, days, own, strict=True)
    step = "finding boilerplate" if openings is None else "finding boilerplate (longer runs)"
    for text, source, day, fields_ in progress(articles, len(frame), step):
        lines = _lines(text, fields_, rules.max_line_words if openings is None else 0)
        found: set[tuple[int, str]] = set()
        if openings is None:
            found.update((LINE, line.template) for line in lines
                         if line.template and tpl.fixed_words(line.template) >= 1)
        for line, kinds in _edge_lines(text, lines, depth=2):
            for kind in kinds:
                span = _window(text, line, kind, rules.max_affix_words)
                keys = _window_keys(text, line, span, fields_)
                if openings is not None:
                    shortest = next(_runs(keys, kind, MIN_AFFIX_WORDS), None)
                    if shortest is None or (source, kind, tpl.template_id(shortest[1])
                                            ) not in openings:
                        continue
                found.update((kind, template) for length, template, fixed
                             in _runs(keys, kind, longest)
                             if fixed >= 2 and (openings is None or length > MIN_AFFIX_WORDS))
        for kind, template in found:  # ids, not strings: memory bounded by the keys
            rows_source.append(source)
            rows_kind.append(kind)
            rows_template.append(tpl.template_id(template))
            rows_length.append(template.count(" ") + 1)
            rows_day.append(day)
    counted = pd.DataFrame({"source": pd.Series(rows_source, dtype="str"),
                            "kind": np.asarray(rows_kind, dtype="int8"),
                            "template": np.asarray(rows_template, dtype=np.uint64),
                            "length": np.asarray(rows_length, dtype="int64"),
                            "day": np.asarray(rows_day, dtype="int64"),
                            "articles": np.ones(len(rows_kind), dtype="int64")})
    return sum_counts(counted)


def shortest_runs(chosen: pd.DataFrame) -> frozenset[tuple[str, int, int]]:
    """(source, kind, template id) of the chosen runs of 3 words: the ``openings`` of the
    second round of :func:`count_partition`."""
    runs = chosen[(chosen["kind"] != LINE) & (chosen["length"] == MIN_AFFIX_WORDS)]
    return frozenset(zip(runs["source"], runs["kind"].astype(int), map(int, runs["template"]),
                         strict=True))


def sum_counts(counted: pd.DataFrame) -> pd.DataFrame:
    """Partitions' counts added together, by (source, kind, template, day)."""
    keys = ["source", "kind", "template", "length", "day"]
    summed = counted.groupby(keys, sort=False, observed=True)["articles"].sum().reset_index()
    return summed.astype(_COUNT_COLUMNS)


def articles_per_source(frame: pd.DataFrame) -> pd.DataFrame:
    """Per (source, day): how many articles; the per-partition step of the sources' sizes."""
    sources, days = _sources_and_days(frame)
    counted = pd.DataFrame({"source": sources.to_numpy(dtype=str), "day": days.to_numpy(),
                            "articles": 1, "words": frame["text"].str.count(r"\S+")})
    return sum_sizes(counted)


def sum_sizes(sizes: pd.DataFrame) -> pd.DataFrame:
    """Partitions' sizes added together, by (source, day)."""
    summed = sizes.groupby(["source", "day"], sort=False)[["articles", "words"]].sum()
    return summed.reset_index().astype({"articles": "int64", "words": "int64"})


def boilerplate_templates(counts: pd.DataFrame, sizes: pd.DataFrame,
                          rules: BoilerplateRules) -> pd.DataFrame:
    """The templates that pass the rules: source, kind, template, articles, share, days,
    and ``middle`` (whether it may be removed in mid-article)."""
    keys = ["source", "kind", "template", "length"]
    dated = sizes[sizes["day"] != NO_DAY]
    published = dated.set_index(["source", "day"])["articles"].rename("published")
    counts = counts.join(published, on=["source", "day"])  # S's articles on each day
    counts = counts.assign(dated=(counts["day"] != NO_DAY).astype("int64"),
                           published=counts["published"].fillna(0).astype("int64"))
    per_template = _per_template(counts, keys)
    per_template = per_template[per_template["articles"] >= rules.min_articles]
    per_source = sizes.assign(dated=(sizes["day"] != NO_DAY).astype("int64")).groupby(
        "source").agg(total=("articles", "sum"), source_days=("dated", "sum"))
    table = per_template.merge(per_source, left_on="source", right_index=True)
    table["share"] = table["articles"] / table["total"]
    judged = table["source_days"] >= rules.min_days
    spread = (table["days"] >= np.maximum(3, rules.min_day_share * table["source_days"]))
    covering = ((table["dated_articles"] >= rules.min_day_coverage * table["published"])
                & (table["published"] >= 4 * rules.min_articles))
    least = np.where(table["kind"] == LINE, rules.min_share, rules.glued_share)
    keep = ((table["articles"] >= rules.min_articles) & (table["share"] >= least)
            & ((judged & spread) | covering
               | (~judged & (table["share"] >= rules.undated_share))))
    table = table[keep].assign(middle=lambda t: t["share"] >= rules.middle_share)
    return table[["source", "kind", "template", "length", "articles", "share", "days",
                  "middle"]].reset_index(drop=True)


def _per_template(counts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per template: its articles, its publication days, and, over those days, its dated
    articles and all the articles its source published then."""
    dated = counts["dated"].astype(bool)
    counts = counts.assign(dated_articles=counts["articles"].where(dated, 0),
                           published=counts["published"].where(dated, 0))
    return counts.groupby(keys, sort=False).agg(
        articles=("articles", "sum"), days=("dated", "sum"),
        dated_articles=("dated_articles", "sum"), published=("published", "sum"),
    ).reset_index()


# ----------------------------------------------------------------------------- removing
@dataclass(frozen=True)
class _Lookup:
    """The chosen templates: articles per (source, kind, template id), and those that may
    be removed in mid-article."""

    articles: dict[tuple[str, int, int], int]
    middle: frozenset[tuple[str, int, int]]
    longest: dict[str, int]  # per source, the most keys of a boilerplate line
    glued: frozenset[str]  # the sources with glued runs
    sources: frozenset[str]  # the sources with any boilerplate

    @classmethod
    def of(cls, chosen: pd.DataFrame) -> _Lookup:
        keys = list(zip(chosen["source"], chosen["kind"].astype(int),
                        map(int, chosen["template"]), strict=True))
        lines = chosen[chosen["kind"] == LINE]
        return cls(dict(zip(keys, chosen["articles"].astype(int), strict=True)),
                   frozenset(key for key, middle in zip(keys, chosen["middle"], strict=True)
                             if middle),
                   lines.groupby("source")["length"].max().astype(int).to_dict(),
                   frozenset(chosen.loc[chosen["kind"] != LINE, "source"]),
                   frozenset(chosen["source"]))

    def count(self, source: str, kind: int, template: str | None) -> int:
        if not template:
            return 0
        return self.articles.get((source, kind, tpl.template_id(template)), 0)

    def is_middle(self, source: str, template: str) -> bool:
        return (source, LINE, tpl.template_id(template)) in self.middle


@dataclass(frozen=True, slots=True)
class _Cut:
    """One removed piece of an article: its span, kind and template."""

    start: int
    end: int
    kind: int
    template: str


def _edge_run(lines: list[_Line], flags: list[bool]) -> list[int]:
    """Indices of the run of boilerplate lines at the start of ``lines``. A line without a
    fixed word (punctuation, a lone e-mail address or number) joins the run when it lies
    between the edge and a boilerplate line; a line of links only (the author's e-mail
    address above a contact footer) also when it just follows the run."""
    run, pending = [], []
    for index, (line, flag) in enumerate(zip(lines, flags, strict=True)):
        if flag:
            run += pending + [index]
            pending = []
        elif line.template is not None and tpl.fixed_words(line.template) == 0:
            pending.append(index)
        else:
            break
    if run:
        for index in pending:
            if set(lines[index].template.split()) - {tpl.LINK}:
                break
            run.append(index)
    return run


def _glued(keys: list[str], source: str, kind: int, lookup: _Lookup, longest: int
           ) -> tuple[int, str] | None:
    """(length in words, template) of the boilerplate opening (kind START) or closing (END)
    run of a line's ``keys``: the longest one whose articles are at least half of those of
    the run one word shorter."""
    best, previous = None, 0
    for length, template, _ in _runs(keys, kind, longest):
        count = lookup.count(source, kind, template)
        if not count or count * 2 < previous:
            break
        best, previous = (length, template), count
    return best


def _cuts(text: str, source: str, fields_: dict[str, str], lookup: _Lookup,
          rules: BoilerplateRules) -> list[_Cut]:
    """The pieces of one article to remove (see "Where it is removed" above)."""
    # A line with many more words than any boilerplate line of its source cannot be one
    # (punctuation-only words and the title's words, one key each, allowed for twice over).
    reach = 2 * (lookup.longest.get(source, 0)
                 + sum(len(field.split()) for field in fields_.values())) + 8
    lines = _lines(text, fields_, min(rules.max_line_words, reach))
    flags = [lookup.count(source, LINE, line.template) > 0 for line in lines]
    edges = set(_edge_run(lines, flags))
    edges |= {len(lines) - 1 - index for index in _edge_run(lines[::-1], flags[::-1])}
    removed = {index for index, flag in enumerate(flags) if index in edges or (
        flag and lookup.is_middle(source, lines[index].template))}
    cuts = [_Cut(lines[index].start, lines[index].end, LINE, lines[index].template)
            for index in sorted(removed)]
    cuts += [cut for cut in _code_cuts(text) if not any(
        cut.start == other.start for other in cuts)]
    if source not in lookup.glued:
        return sorted(cuts, key=lambda cut: cut.start)
    kept = [line for index, line in enumerate(lines) if index not in removed]
    for line, kinds in _edge_lines(text, kept):
        reached = line.start
        for kind in kinds:
            span = _window(text, line, kind, rules.max_affix_words)
            if kind == END:
                span = (max(span[0], reached), span[1])
            keys = _window_keys(text, line, span, fields_)
            found = _glued(keys, source, kind, lookup, rules.max_affix_words)
            if not found:
                continue
            length, template = found
            words = tpl.line_words(text, span[0], span[1], fields_)
            run = words[:length] if kind == START else words[-length:]
            if " ".join(word[tpl.KEY] for word in run) != template:
                continue  # a title cut by the window: leave the line alone
            if kind == START:  # the run and the spaces after it
                end = run[-1][tpl.END]
                end += len(text[end:line.end]) - len(text[end:line.end].lstrip())
                cuts.append(_Cut(line.start, end, START, template))
                reached = end
            else:  # the spaces before the run, and the run
                start = len(text[:run[0][tpl.START]].rstrip(" \t\u00a0"))
                cuts.append(_Cut(max(start, reached), line.end, END, template))
    return sorted(cuts, key=lambda cut: cut.start)


def _code_cuts(text: str) -> list[_Cut]:
    """The lines of markup or code in ``text`` (see ``templates.looks_like_code``)."""
    if "{" not in text or ";" not in text:
        return []
    cuts, start = [], 0
    for part in text.split("\n"):
        if tpl.looks_like_code(part):
            cuts.append(_Cut(start, start + len(part), CODE, CODE_TEMPLATE))
        start += len(part) + 1
    return cuts


def _without(text: str, cuts: list[_Cut]) -> str:
    pieces, cursor = [], 0
    for cut in cuts:
        end = cut.end
        if cut.kind in (LINE, CODE) and end < len(text) and text[end] == "\n":
            end += 1  # the line's own line break goes with it
        pieces.append(text[cursor:cut.start])
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return "".join(pieces)


def _apply(frame: pd.DataFrame, chosen: pd.DataFrame, rules: BoilerplateRules,
           clean: bool) -> tuple[pd.DataFrame, list[str] | None]:
    """The report of one partition, and its texts without boilerplate when ``clean``."""
    lookup = _Lookup.of(chosen)
    sources, _ = _sources_and_days(frame)
    own = _own_fields(frame) if lookup.sources else [{}] * len(frame)
    rows, texts = [], [] if clean else None
    articles = zip(frame["text"], sources, own, strict=True)
    step = "removing boilerplate" if clean else "measuring boilerplate"
    for text, source, fields_ in progress(articles, len(frame), step):
        cuts = (_cuts(text, source, fields_, lookup, rules) if source in lookup.sources
                else _code_cuts(text))
        for cut in cuts:
            if cut.kind == CODE:
                code = [word for word in text[cut.start:cut.end].split()
                        if _CODE_WORD.search(word)]  # the code, not the prose inside it
                shown = " ".join(code[:8]) + " …"
            elif not tpl.fixed_words(cut.template):
                continue  # punctuation or a lone link beside boilerplate: removed, unreported
            else:
                shown = tpl.written(text, tpl.line_words(text, cut.start, cut.end, fields_),
                                    cut.start, cut.end)
            rows.append((source, cut.kind, cut.template, shown,
                         len(text[cut.start:cut.end].split())))
        if clean:
            texts.append(_without(text, cuts) if cuts else text)
    report = pd.DataFrame(rows, columns=["source", "kind", "template", "line", "words"])
    report["template"] = tpl.template_ids(report["template"].tolist())
    report = sum_reports(report.assign(removed=1).astype(
        {"source": "str", "kind": "int8", "line": "str", "words": "int64", "removed": "int64"}))
    return report, texts


def report_partition(frame: pd.DataFrame, chosen: pd.DataFrame, rules: BoilerplateRules
                     ) -> pd.DataFrame:
    """Per (source, kind, template): in how many articles of ``frame`` it is removed, the
    words removed, and one occurrence as written (slots named); the per-partition step of
    the report (:func:`sum_reports` adds partitions up)."""
    return _apply(frame, chosen, rules, clean=False)[0]


def sum_reports(report: pd.DataFrame) -> pd.DataFrame:
    """Partitions' reports added together: removals and words summed, the first occurrence
    kept."""
    return report.groupby(["source", "kind", "template"], sort=False).agg(
        line=("line", "first"), removed=("removed", "sum"), words=("words", "sum")
    ).reset_index()


def clean_partition(frame: pd.DataFrame, chosen: pd.DataFrame, rules: BoilerplateRules
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(``frame`` with its boilerplate removed from ``text``, its report); the
    per-partition step of :func:`remove_boilerplate`."""
    report, texts = _apply(frame, chosen, rules, clean=True)
    out = frame.copy()
    out["text"] = pd.Series(texts, index=frame.index, dtype=frame["text"].dtype)
    return out, report


class BoilerplateTable(pd.DataFrame):
    """The table of :func:`find_boilerplate`: a DataFrame, except that ``==`` between two of
    them says whether they are equal as a whole (one bool, as ``DataFrame.equals``).

    ``remove_boilerplate`` carries it in the corpus's ``attrs``, and pandas compares the
    ``attrs`` of the frames it concatenates with ``==``: an element-wise comparison there
    would fail ("the truth value of a DataFrame is ambiguous"). Compare columns as usual.
    """

    @property
    def _constructor(self):
        return BoilerplateTable

    def __eq__(self, other):
        return isinstance(other, pd.DataFrame) and self.equals(other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None


def boilerplate_table(report: pd.DataFrame, chosen: pd.DataFrame, sizes: pd.DataFrame
                      ) -> pd.DataFrame:
    """The public table: one row per template removed somewhere, most articles first."""
    totals = sizes.groupby("source")["articles"].sum()
    table = report.merge(chosen[["source", "kind", "template", "days"]],
                         on=["source", "kind", "template"], how="left")
    table = table.assign(articles=table["removed"].astype("int64"),
                         share=table["removed"] / table["source"].map(totals).astype(float),
                         position=table["kind"].map(POSITIONS).astype("str"),
                         days=table["days"].astype("Int64"), words=table["words"].astype("int64"))
    table = table.sort_values(["articles", "source", "line"], ascending=[False, True, True],
                              kind="stable")
    return BoilerplateTable(table[TABLE_COLUMNS].reset_index(drop=True))


# ----------------------------------------------------------------------------- public
def _check_corpus(corpus) -> None:
    if not hasattr(corpus, "columns") or "text" not in corpus.columns:
        raise ValueError("pass a corpus DataFrame with a 'text' column (from load_corpus)")


def _chosen(corpus, rules: BoilerplateRules) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(chosen templates, sizes): the two counting rounds and the rules, each a sum over the
    partitions by the engine (memory bounded by the distinct templates)."""
    engine = engine_of(corpus)
    sizes = engine.collect(engine.sum_by(corpus, articles_per_source, keys=["source", "day"],
                                         few_keys=True))
    count_keys = ["source", "kind", "template", "length", "day"]

    def counted(*openings) -> pd.DataFrame:
        table = engine.collect(engine.sum_by(corpus, count_partition, rules, *openings,
                                             keys=count_keys))
        return table.sort_values(count_keys, kind="stable").reset_index(drop=True)

    chosen = boilerplate_templates(counted(), sizes, rules)
    openings = shortest_runs(chosen)
    if openings:
        chosen = pd.concat([chosen, boilerplate_templates(counted(openings), sizes, rules)],
                           ignore_index=True)
    return chosen, sizes


def _report(corpus, chosen: pd.DataFrame, rules: BoilerplateRules) -> pd.DataFrame:
    """The partitions' reports, added together (a row per template removed somewhere)."""
    parts = engine_of(corpus).per_partition(corpus, report_partition, chosen, rules)
    return sum_reports(pd.concat(parts, ignore_index=True))


def _cleaned(frame: pd.DataFrame, number: int, chosen: pd.DataFrame, rules: BoilerplateRules,
             entry: tuple[str, list[str]] | None = None) -> pd.DataFrame:
    """Partition ``number``, ``frame``, without its boilerplate. With ``entry`` (the key of
    the corpus's templates in the cache, and the digests of its partitions that key was made
    from), the texts that changed are kept on disk under the key and this partition's
    digest, and read back by the next lesson instead of being cut again."""
    if entry is None or frame.empty:
        return clean_partition(frame, chosen, rules)[0]
    key, digests = entry
    store = ResultStore("boilerplate-edits", [digests[number]], key, key, ("edits",))
    found = store.read()
    if found is None:
        texts = frame["text"].tolist()
        cleaned = clean_partition(frame, chosen, rules)[0]
        edits = pd.DataFrame([(row, new) for row, (old, new)
                              in enumerate(zip(texts, cleaned["text"].tolist(), strict=True))
                              if new != old], columns=["row", "text"])
        store.write({"edits": edits.astype({"row": "int64", "text": "str"})},
                    {"rows": len(frame)})
        return cleaned
    out = frame.copy()
    out["text"] = with_texts_at(frame["text"], found["edits"]["row"].to_numpy(),
                                found["edits"]["text"].tolist())
    return out


def with_texts_at(column: pd.Series, rows: np.ndarray, texts: list[str]) -> pd.Series:
    """``column`` (same index and type) with the values at positions ``rows`` replaced by
    ``texts``. A column of Arrow strings is rebuilt by Arrow: building 30,000 texts again
    from Python strings takes about half a second, which every lesson paid."""
    if isinstance(column.array, pd.arrays.ArrowStringArray) and len(rows):
        values = pa.array(column.array)
        if isinstance(values, pa.ChunkedArray):
            values = values.combine_chunks()
        order = np.argsort(rows, kind="stable")  # Arrow fills the masked rows in order
        mask = np.zeros(len(column), dtype=bool)
        mask[rows] = True
        replaced = pc.replace_with_mask(values, pa.array(mask),
                                        pa.array([texts[i] for i in order], values.type))
        return pd.Series(pd.array(replaced, dtype=column.dtype), index=column.index,
                         name=column.name)
    values = column.tolist()
    for row, text in zip(rows.tolist(), texts, strict=True):
        values[row] = text
    return pd.Series(values, index=column.index, dtype=column.dtype, name=column.name)


#: The columns boilerplate depends on (the rest of a corpus does not change what is found).
_READ = ("text", "source", "published", "title", "author")
#: Corpora from which what is found is kept on disk by default (below, finding it is quick).
CACHE_FROM = 500


def _store(corpus, rules: BoilerplateRules, cache: bool | None
           ) -> tuple[ResultStore | None, list[str]]:
    """The entry of ``corpus``'s templates, or None when it is not kept (``cache``), and
    the digests of its partitions (in order) that its key is made from."""
    columns = [column for column in _READ if column in corpus.columns]
    digests = kept_digests(corpus[columns], cache, CACHE_FROM)
    if digests is None:
        return None, []
    code = code_digest([*Path(__file__).parent.glob("*.py"),
                        *Path(text_package.__file__).parent.rglob("*")])
    return ResultStore("boilerplate", [tuple(digests)], (columns, rules), code,
                       ("chosen", "table")), digests


def _found(corpus, rules: BoilerplateRules, cache: bool | None
           ) -> tuple[pd.DataFrame, pd.DataFrame, tuple[str, list[str]] | None]:
    """(chosen templates, the public table, the cache entry's key and the partitions'
    digests, or None when not cached): from the cache when this corpus's are there."""
    store, digests = _store(corpus, rules, cache)
    entry = None if store is None else (store.key, digests)
    found = store.read() if store is not None else None
    if found is not None:
        table = BoilerplateTable(found["table"].astype({"days": "Int64"}))
        table.attrs["words"] = found["meta"]["words"]
        return found["chosen"], table, entry
    chosen, sizes = _chosen(corpus, rules)
    table = boilerplate_table(_report(corpus, chosen, rules), chosen, sizes)
    table.attrs["words"] = int(sizes["words"].sum())
    if store is not None:
        store.write({"chosen": chosen, "table": table}, {"words": table.attrs["words"]})
    return chosen, table, entry


def find_boilerplate(corpus: pd.DataFrame, rules: BoilerplateRules | None = None, *,
                     cache: bool | None = None, **thresholds) -> pd.DataFrame:
    """The boilerplate of each source of ``corpus``: what :func:`remove_boilerplate` removes.

    One row per template: ``source``, ``line`` (one occurrence as written, the parts that
    vary shown as ``[number]``, ``[link]``, ``[month]``, ``[title]`` or ``[author]``),
    ``articles`` (how many articles it is removed from) and ``share`` (of the source's
    articles), ``position`` (a whole line, or glued at the start or end of a line), ``days``
    (publication days it occurs on) and ``words`` (words removed in all). Most articles
    first. ``rules`` or keyword thresholds change the defaults of :class:`BoilerplateRules`
    (for example ``min_articles=20``); the module docstring explains each one. Runs on a
    pandas or a Dask corpus. What is found is kept on disk, keyed by the corpus's contents,
    the rules and this code (``cache=None``: from :data:`CACHE_FROM` articles on), so that
    the lessons find it once.
    """
    _check_corpus(corpus)
    return _found(corpus, rules_of(rules, **thresholds), cache)[1]


def remove_boilerplate(corpus: pd.DataFrame, rules: BoilerplateRules | None = None, *,
                       cache: bool | None = None, **thresholds) -> pd.DataFrame:
    """``corpus`` with its boilerplate removed from ``text`` (a new frame; the input is left
    as it is), and the table of :func:`find_boilerplate` in ``.attrs["boilerplate"]`` (its
    ``.attrs["words"]`` holds the corpus's word count before removal). Every other column,
    every row and the order of rows are kept; an article that was only boilerplate keeps
    its row with an empty text. On a Dask corpus the result is lazy, and its ``attrs`` is
    an attribute of the returned collection, as :func:`drop_duplicates` makes it."""
    _check_corpus(corpus)
    rules = rules_of(rules, **thresholds)
    engine = engine_of(corpus)
    chosen, table, entry = _found(corpus, rules, cache)
    cleaned = engine.map_partitions(corpus, _cleaned, chosen, rules, entry, numbered=True)
    cleaned.attrs = {**(engine.attrs(corpus) or {}), **getattr(corpus, "attrs", {}),
                     "boilerplate": table}
    return cleaned


def boilerplate_note(corpus: pd.DataFrame) -> str:
    """One line saying how much boilerplate was removed from ``corpus`` (made by
    :func:`remove_boilerplate`), or that none was, for the lessons' opening."""
    table = getattr(corpus, "attrs", {}).get("boilerplate")
    if table is None:
        return "Boilerplate was not removed: footers and other repeated lines count as text."
    if table.empty:
        return "No boilerplate found: no line repeats across enough articles of one source."
    words, total = int(table["words"].sum()), table.attrs.get("words", 0)
    share = f" ({words / total:.1%} of the words)" if total else ""
    sources = table["source"].nunique()
    return (f"Boilerplate removed before counting: {len(table):,} repeated lines or runs "
            f"of {sources} source{'s' if sources != 1 else ''}, {int(table['articles'].sum()):,} "
            f"removals, {words:,} words{share}.")
