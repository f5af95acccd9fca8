"""Score date extraction against an annotated set (used by the tests and the benchmark).

The set is JSON Lines, one sentence per line::

    {"published": "2016-11-18", "sentence": "...",
     "mentions": [{"text": "أمس الخميس", "value": "2016-11-17", "granularity": "day"}]}

A gold mention's span is the first occurrence of its ``text`` in the sentence at or after
the previous gold mention (or ``"occurrence": n`` to pick the n-th, from 1).

Scoring rule: a predicted mention is correct when its span OVERLAPS the span of a gold
mention not yet matched (any shared character) and its value and granularity are EQUAL
to the gold ones. Each gold mention matches at most one prediction (first come, in text
order). precision = correct / predicted, recall = correct / gold.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from arabic_news.errors import CorpusError


@dataclass(frozen=True, slots=True)
class Span:
    """A mention reduced to what scoring compares."""

    start: int
    end: int
    value: date | None
    granularity: str | None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Example:
    """One annotated sentence."""

    line: int
    sentence: str
    published: date
    gold: tuple[Span, ...]


@dataclass
class Score:
    """Counts, the two rates, and the disagreements for inspection."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def _gold_span(sentence: str, item: dict, after: int, where: str) -> Span:
    text = item["text"]
    position = -1
    for _ in range(int(item.get("occurrence", 1))):
        position = sentence.find(text, position + 1 if position >= 0 else after)
    if position < 0:
        raise CorpusError(f"{where}: mention {text!r} does not occur in the sentence")
    if item.get("granularity") not in ("day", "week", "month", "year"):
        raise CorpusError(f"{where}: granularity must be day, week, month or year")
    return Span(position, position + len(text), date.fromisoformat(item["value"]),
                item["granularity"], text)


def load_examples(path: str | Path) -> list[Example]:
    """Read an evaluation set; a bad line raises CorpusError naming file and line."""
    examples = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        try:
            row = json.loads(line)
            sentence = row["sentence"]
            published = date.fromisoformat(row["published"])
            gold, after = [], 0
            for item in row["mentions"]:
                span = _gold_span(sentence, item, after, where)
                gold.append(span)
                after = span.end
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            if isinstance(err, CorpusError):
                raise
            raise CorpusError(f"{where}: {err!r}; expected sentence, published, mentions") \
                from None
        examples.append(Example(number, sentence, published, tuple(gold)))
    return examples


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def exact(predicted: Span, gold: Span) -> bool:
    """The rule used for this package: same value and same granularity."""
    return predicted.value == gold.value and predicted.granularity == gold.granularity


def score(
    examples: Iterable[Example],
    predict: Callable[[Example], list[Span]],
    same: Callable[[Span, Span], bool] = exact,
) -> Score:
    """Score ``predict`` over ``examples`` with the overlap rule and ``same`` for values."""
    result = Score()
    for example in examples:
        predicted = predict(example)
        unmatched = list(example.gold)
        result.predicted += len(predicted)
        result.gold += len(example.gold)
        for p in predicted:
            hit = next((g for g in unmatched if _overlap(p, g) and same(p, g)), None)
            if hit is None:
                result.errors.append(f"line {example.line}: extra/wrong {p.text!r} -> "
                                     f"{p.value} {p.granularity}")
            else:
                unmatched.remove(hit)
                result.correct += 1
        result.errors.extend(
            f"line {example.line}: missed {g.text!r} -> {g.value} {g.granularity}"
            for g in unmatched
        )
    return result
