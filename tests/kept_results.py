"""What the tests of results kept on disk share: a large column of texts, the cache folder
they are kept in, and a count of its entries."""

from __future__ import annotations

import random

import pandas as pd

from arabic_news.text import remembered

WORDS = ["وزارة", "الخارجية", "أعلنت", "اليوم", "عن", "زيارة", "الرئيس", "إلى", "الرياض",
         "والقاهرة", "الأسواق", "النفط", "ارتفع", "سعر", "الدولار", "في", "مؤتمر", "صحفي"]


def column(n: int, seed: int, words: tuple[int, int]) -> pd.Series:
    """``n`` texts of ``words`` (fewest, most) of :data:`WORDS` each, drawn with ``seed``."""
    rng = random.Random(seed)
    return pd.Series([" ".join(rng.choice(WORDS) for _ in range(rng.randint(*words)))
                      for _ in range(n)], dtype="str")


def kept_in(tmp_path, monkeypatch):
    """A cache folder of the test's own; returns where the per-partition results go."""
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / remembered.KIND


def entries(folder) -> int:
    return len(list(folder.glob("*.json"))) if folder.exists() else 0
