"""Find labels that show a normalised key where the corpus usually writes the word otherwise.

A label such as «الروسيه» is the normalised key of «الروسية»: right for counting, a typo to a
reader. :func:`normalised_labels` takes the labels a chart or table shows and the corpus's
display forms, and returns those that read as keys: every word of the label is a key, and at
least one is a key whose usual written form differs from it. Text in brackets is left out (a
lesson about normalisation shows «الروسية (الروسيه)» on purpose).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_BRACKETS = re.compile(r"\s*\([^)]*\)")


def normalised_labels(labels: Iterable[str], forms: Mapping[str, str]) -> list[tuple[str, str]]:
    """(label, what it should show) for each label that shows normalised keys."""
    found = []
    for label in labels:
        text = _BRACKETS.sub("", str(label)).strip()
        words = text.split()
        if not words or not all(word in forms for word in words):
            continue
        shown = [forms[word] for word in words]
        if shown != words:  # compared word by word: line breaks in a label do not count
            found.append((str(label), " ".join(shown)))
    return found
