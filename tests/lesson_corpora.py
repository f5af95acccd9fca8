"""Tiny corpora on which every lesson must run to the end (issue 9, case 16).

Each is what some user will try first: one article, three articles (two reprints sharing a
headline), articles without dates, English only, and texts made only of stop words.
"""

import json
from pathlib import Path

ARTICLE = (
    "موسكو تعلن مشاركتها في صد هجوم المسلحين في حلب\n"
    "أعلنت وزارة الدفاع الروسية أمس الخميس 17 نوفمبر أن قواتها شاركت في صد هجوم على حلب. "
    "وقال المتحدث إن مجلس الأمن سيجتمع يوم السبت المقبل لبحث الوضع في سوريا.\n"
)
REPRINT = (
    "روسيا تقف سدا في وجه تسلل الإرهابيين\n"
    "قال وزير الخارجية الروسي إن بلاده لن تسمح بتسلل الإرهابيين من الموصل إلى سوريا، "
    "وإن مجلس الأمن صوت اليوم على القرار.\n"
)
ENGLISH = (
    "Moscow says it helped repel an attack in Aleppo\n"
    "The Russian defence ministry said on Thursday that its forces helped repel an attack. "
    "The Security Council will meet on Saturday.\n"
)
STOP_WORDS = "في من على إلى عن هذا هذه ذلك التي الذي هو هي و أو ثم قد لقد كان كانت أن إن"


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                    encoding="utf-8")
    return path


def lesson_corpora(folder: Path) -> dict[str, Path]:
    """Write the five corpora under ``folder``; return name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    undated = folder / "no-date"
    undated.mkdir(exist_ok=True)
    for number, text in enumerate((ARTICLE, REPRINT, ARTICLE.replace("حلب", "الموصل"))):
        (undated / f"{number}.txt").write_text(text, encoding="utf-8")
    return {
        "one-article": _jsonl(folder / "one.jsonl", [
            {"id": "a1", "text": ARTICLE, "date": "2016-11-18", "source": "وكالة"},
        ]),
        "three-articles": _jsonl(folder / "three.jsonl", [
            {"id": "a1", "title": "الخبر نفسه", "text": ARTICLE, "date": "2016-11-18",
             "source": "وكالة"},
            {"id": "a2", "title": "الخبر نفسه", "text": ARTICLE + "\nأعيد نشره.",
             "date": "2016-11-19", "source": "صحيفة"},
            {"id": "a3", "title": "روسيا والموصل", "text": REPRINT, "date": "2016-11-18",
             "source": "صحيفة"},
        ]),
        "no-date": undated,
        "english-only": _jsonl(folder / "english.jsonl", [
            {"id": f"e{n}", "text": ENGLISH + f"Update {n}.", "date": f"2016-11-1{n}"}
            for n in range(3)
        ]),
        "all-stop-words": _jsonl(folder / "stop.jsonl", [
            {"id": f"s{n}", "text": STOP_WORDS, "date": "2016-11-18"} for n in range(2)
        ]),
    }
