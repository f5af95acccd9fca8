"""A generated corpus for the Dask tests: the seeds' sentences shuffled into dated articles.

240 articles with sources, categories and publication dates over two years (every 17th
undated), written as JSON Lines; deterministic (a fixed random seed).
"""

import json
import random
from pathlib import Path

import pandas as pd

import arabic_news as an

SOURCES = ["وكالة", "جريدة", "قناة"]


def write_generated_corpus(path: Path, articles: int = 240, seed: int = 12) -> Path:
    """Write the corpus to ``path`` (a ``.jsonl`` file) and return it."""
    seeds = an.load_corpus()
    sentences = [s.strip() for text in seeds["text"] for s in text.replace("\n", ".").split(".")
                 if len(s.split()) > 2]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(articles):
            text = ". ".join(rng.sample(sentences, rng.randint(2, 6)))
            day = pd.Timestamp("2016-01-01") + pd.Timedelta(days=rng.randint(0, 700))
            row = {"id": f"a{number:03d}", "text": text, "source": rng.choice(SOURCES),
                   "date": None if number % 17 == 0 else day.date().isoformat(),
                   "category": rng.choice(["سياسة", "اقتصاد"])}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
