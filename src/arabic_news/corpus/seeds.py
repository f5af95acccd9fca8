"""Where the two bundled seed articles live, in a checkout and in an installed wheel."""

from pathlib import Path

from arabic_news.errors import CorpusError

_PACKAGE = Path(__file__).resolve().parent.parent


def seeds_path() -> Path:
    """The folder of seed articles with their ``metadata.csv``, from any working directory.

    An installed wheel ships it as ``arabic_news/_seeds``; an editable checkout has it at the
    repository's top level, ``<repo>/seeds``.
    """
    candidates = (_PACKAGE / "_seeds", _PACKAGE.parent.parent / "seeds")
    for folder in candidates:
        if (folder / "metadata.csv").is_file():
            return folder
    raise CorpusError(
        "bundled seeds not found (looked in "
        + ", ".join(str(folder) for folder in candidates)
        + "); reinstall the package, or pass a corpus path to load_corpus"
    )
