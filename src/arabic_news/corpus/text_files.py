"""Read ``.txt`` articles: plain text (first line = headline) or TREC-style ``<DOC>`` XML.

Each file is recognised by its content: one that begins with ``<DOC>`` is read as TREC/ANT
XML (see :mod:`arabic_news.corpus.ant`), any other as a plain article whose ``text`` is the
whole file as written (BOM removed, line endings normalised; the headline line included),
whose ``title`` is its first non-empty line and whose ``doc_id`` is its path relative to the
corpus root without the suffix. Folders are walked recursively in sorted order; hidden files
and folders (``.ipynb_checkpoints`` ...) are skipped.
"""

import os
from pathlib import Path

from arabic_news.corpus.ant import looks_like_trec, read_trec
from arabic_news.corpus.encoding import decode_bytes
from arabic_news.errors import CorpusError

ARTICLE_SUFFIX = ".txt"

Fields = dict[str, object]


def find_articles(root: Path) -> list[tuple[Path, str]]:
    """``(path, relative name)`` of each ``.txt`` under ``root``, sorted by relative name.

    The relative name is in posix form (``Outlet/sport/x.txt``) on every platform.
    """
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        prefix = Path(folder).relative_to(root).as_posix() + "/"
        prefix = "" if prefix == "./" else prefix
        found.extend(
            (Path(folder, name), prefix + name) for name in files
            if name.lower().endswith(ARTICLE_SUFFIX) and not name.startswith(".")
        )
    return sorted(found, key=lambda item: item[1])


def read_article(path: Path, rel: str) -> list[tuple[str, Fields]]:
    """Return ``(where, fields)`` for each document in one ``.txt`` file.

    ``rel`` is the path relative to the corpus root; ``fields`` holds doc_id, title, text,
    published, source and extras (always ``file`` = ``rel``). Raises :class:`CorpusError`
    for an unreadable, empty, binary or undecodable file.
    """
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{where}: cannot read the file: {error.strerror}") from None
    text = decode_bytes(data, where)
    fallback_id = rel[: -len(ARTICLE_SUFFIX)]
    if looks_like_trec(text):
        documents = read_trec(text, where, fallback_id)
    else:
        documents = [(where, {"doc_id": fallback_id, "text": text, "extras": {}})]
    for _, fields in documents:
        fields["extras"]["file"] = rel
    return documents
