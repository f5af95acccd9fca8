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
from arabic_news.corpus.files import FileAccess, check_name, is_inside, reason, shown_path
from arabic_news.errors import CorpusError

ARTICLE_SUFFIX = ".txt"

Fields = dict[str, object]


def find_articles(
    root: Path, follow_symlinks: bool = False, problems: list[tuple[str, CorpusError]] | None = None
) -> list[tuple[Path, str]]:
    """``(path, relative name)`` of each ``.txt`` under ``root``, sorted by relative name.

    The relative name is in posix form (``Outlet/sport/x.txt``) on every platform. Linked
    folders are walked only with ``follow_symlinks`` (each real folder once, so a link loop
    cannot hang the walk); without it, a linked folder that leads outside ``root`` is
    reported in ``problems`` as ``(where, error)`` (one that stays inside is walked under
    its real name anyway). A folder that cannot be listed (unreadable, or a path longer than
    PATH_MAX) is reported in ``problems`` too, never left out silently.
    Every entry ending in ``.txt`` is listed, whatever its kind: :func:`read_article` refuses
    FIFOs, sockets, devices and links that lead outside, without opening them.
    """
    real_root = root.resolve()
    visited: set[Path] = set()
    found = []
    problems = [] if problems is None else problems

    def unlisted(error: OSError) -> None:
        where = shown_path(error.filename or root)
        problems.append((where, CorpusError(
            f"{where}: cannot list this folder: {reason(error)}; its articles were not read"
        )))

    for folder, subfolders, files in os.walk(root, onerror=unlisted, followlinks=follow_symlinks):
        here = Path(folder)
        real = here.resolve()
        if real in visited:
            subfolders[:] = []
            continue
        visited.add(real)
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        if not follow_symlinks:
            for name in subfolders:
                link = here / name
                if _is_link(link) and not is_inside(link, real_root):
                    where = shown_path(link)
                    problems.append((where, CorpusError(
                        f"{where}: symbolic link to {shown_path(link.resolve())}, outside the "
                        f"corpus folder {shown_path(real_root)}; refused (pass "
                        "follow_symlinks=True to load_corpus to follow such links)"
                    )))
        prefix = here.relative_to(root).as_posix() + "/"
        prefix = "" if prefix == "./" else prefix
        found.extend(
            (here / name, prefix + name) for name in files
            if name.lower().endswith(ARTICLE_SUFFIX) and not name.startswith(".")
        )
    return sorted(found, key=lambda item: item[1])


def _is_link(path: Path) -> bool:
    try:
        return path.is_symlink()
    except OSError:  # too long a path: os.walk reports the folder when it cannot list it
        return False


def read_article(
    path: Path, rel: str, access: FileAccess | None = None
) -> list[tuple[str, Fields]]:
    """Return ``(where, fields)`` for each document in one ``.txt`` file.

    ``rel`` is the path relative to the corpus root; ``fields`` holds doc_id, title, text,
    published, source and extras (always ``file`` = ``rel``). ``access`` says how the file
    may be read (see :mod:`arabic_news.corpus.files`). Raises :class:`CorpusError` for an
    unreadable, non-regular, too large, empty, binary or undecodable file, or a link that
    leads outside the corpus.
    """
    where = shown_path(path)
    check_name(rel, where)
    data = (access or FileAccess()).read(path, where)
    text = decode_bytes(data, where)
    fallback_id = rel[: -len(ARTICLE_SUFFIX)]
    if looks_like_trec(text):
        documents = read_trec(text, where, fallback_id)
    else:
        documents = [(where, {"doc_id": fallback_id, "text": text, "extras": {}})]
    for _, fields in documents:
        fields["extras"]["file"] = rel
    return documents
