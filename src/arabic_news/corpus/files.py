"""Open corpus files safely: only regular files, inside the corpus, below a size limit.

A corpus folder comes from somewhere else (a download, a colleague, a scrape), so the loader
treats what it finds there with suspicion, and checks each file *before* reading it:

* only regular files are read. A FIFO, socket or device named ``x.txt`` would block the
  reader forever or stream without end, so it is refused from its ``lstat``/``stat`` alone,
  never opened; the file is then opened with ``O_NONBLOCK`` and checked again with
  ``fstat`` (so a file swapped for a FIFO in between cannot block either).
* a symbolic link whose target lies outside the corpus folder is refused unless
  ``follow_symlinks=True``: ``ln -s /etc/passwd corpus/p.txt`` must not turn a private file
  into a document without anyone noticing. Links that stay inside the folder are read
  (their target is part of the corpus anyway). A dangling link is an error.
* a file larger than ``max_file_size`` bytes (default :data:`DEFAULT_MAX_FILE_SIZE`) is
  refused from its size on disk, before a byte is read: a 2 GB file would otherwise be read
  whole and cost several times its size in memory before any other check could reject it.
"""

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from arabic_news.errors import CorpusError

#: Largest file read by default: 1 GiB (about 300,000 news articles in one table).
DEFAULT_MAX_FILE_SIZE = 1024**3

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def check_max_file_size(value: object) -> int:
    """Validate the ``max_file_size`` option (a positive number of bytes)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"max_file_size={value!r}: give the largest file to read, in bytes, as a positive "
            f"integer (default {DEFAULT_MAX_FILE_SIZE}, i.e. 1 GiB)"
        )
    return value


def kind_of(mode: int) -> str:
    """``'a FIFO'``, ``'a socket'``, ... for a non-regular file mode."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def is_inside(path: Path, root: Path) -> bool:
    """True when ``path``, with every link resolved, lies in ``root`` (already resolved)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop
        return False


def shown_path(path: str | os.PathLike) -> str:
    """``path`` as printable text: bytes of a name that are not UTF-8 appear as ``\\xe9``.

    File names are bytes on POSIX; Python keeps undecodable ones as lone surrogates, which
    cannot be printed, written to JSON as UTF-8 or stored by Arrow. Every ``where`` of an
    error or a skipped document is built with this.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def check_name(rel: str, where: str) -> None:
    """Refuse a file name that is not valid UTF-8: it would become an id nobody can store."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        raise CorpusError(
            f"{where}: file name is not valid UTF-8 ({shown_path(rel)!r}); its name would be "
            "the document's id, which must be text: rename the file (for example with "
            "'convmv -f cp1256 -t utf8')"
        ) from None


def existing_path(path: str | os.PathLike) -> Path:
    """``path`` (``~`` expanded) when it exists, else a :class:`CorpusError` saying why."""
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    if not os.fspath(path).strip():
        raise CorpusError(
            f"empty path {os.fspath(path)!r}: give a folder or file (use path=None for the "
            "bundled seeds, '.' for the current folder)"
        )
    resolved = Path(path).expanduser()
    try:
        exists = resolved.exists() or resolved.is_symlink()
    except OSError as error:
        shown = shown_path(resolved)
        shown = shown if len(shown) <= 120 else f"{shown[:100]}…"
        raise CorpusError(f"{shown}: {reason(error)} ({len(str(resolved))} characters)") from None
    if not exists:
        raise CorpusError(f"{shown_path(resolved)}: path does not exist")
    return resolved


def check_link(path: Path, root: Path | None, follow_symlinks: bool, where: str) -> None:
    """Refuse a symbolic link that dangles, loops, or leads outside ``root`` (unless followed)."""
    try:
        if not path.is_symlink():
            return
    except OSError as error:  # a path longer than PATH_MAX, ...
        raise CorpusError(f"{where}: cannot read the file: {reason(error)}") from None
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        raise CorpusError(
            f"{where}: broken symbolic link (its target {os.readlink(path)!r} does not exist)"
        ) from None
    except (OSError, RuntimeError):
        raise CorpusError(f"{where}: symbolic link loop") from None
    if root is not None and not follow_symlinks and not target.is_relative_to(root):
        raise CorpusError(
            f"{where}: symbolic link to {target}, outside the corpus folder {root}; refused, "
            "so that no file from elsewhere becomes a document unnoticed (pass "
            "follow_symlinks=True to load_corpus to follow such links)"
        )


def read_file(
    path: Path,
    where: str,
    *,
    root: Path | None = None,
    follow_symlinks: bool = False,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> bytes:
    """The bytes of one corpus file, after the checks in the module docstring.

    ``root`` is the resolved corpus folder (None for a file given directly, whose links are
    the user's own choice). Raises :class:`CorpusError` naming ``where``.
    """
    with open_file(path, where, root=root, follow_symlinks=follow_symlinks,
                   max_file_size=max_file_size) as handle:
        try:
            data = handle.read(max_file_size + 1)
        except OSError as error:
            raise CorpusError(f"{where}: cannot read the file: {reason(error)}") from None
    if len(data) > max_file_size:  # it grew while being read
        raise _too_large(where, len(data), max_file_size)
    return data


def open_file(
    path: Path,
    where: str,
    *,
    root: Path | None = None,
    follow_symlinks: bool = False,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
):
    """A binary file object for one corpus file, after the same checks as :func:`read_file`.

    For readers that stream a large file (JSON Lines line by line, Parquet by row groups)
    instead of holding its bytes. The caller closes it (use it in a ``with`` block).
    """
    check_link(path, root, follow_symlinks, where)
    try:
        info = os.stat(path)
    except OSError as error:
        raise CorpusError(f"{where}: cannot read the file: {reason(error)}") from None
    _check_stat(info, where, max_file_size)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise CorpusError(f"{where}: cannot read the file: {reason(error)}") from None
    try:
        _check_stat(os.fstat(descriptor), where, max_file_size)
    except CorpusError:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _check_stat(info: os.stat_result, where: str, max_file_size: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise CorpusError(
            f"{where}: not a regular file ({kind_of(info.st_mode)}); only regular files are "
            "read, since reading a FIFO, socket or device could block or never end"
        )
    if info.st_size > max_file_size:
        raise _too_large(where, info.st_size, max_file_size)


def _too_large(where: str, size: int, limit: int) -> CorpusError:
    return CorpusError(
        f"{where}: file of {_size(size)} is larger than the limit of {_size(limit)}; it was not "
        f"read. To load it anyway, raise the limit: load_corpus(..., max_file_size={size})"
    )


def _size(count: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"


def reason(error: OSError) -> str:
    """What an OSError means, in words (``path too long`` rather than errno 36)."""
    if error.errno == errno.ENAMETOOLONG:
        return "path too long"
    return error.strerror or str(error)


@dataclass(frozen=True)
class FileAccess:
    """How the files of one ``load_corpus`` call are read (see :func:`read_file`)."""

    root: Path | None = None
    follow_symlinks: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE

    def read(self, path: Path, where: str | None = None) -> bytes:
        return read_file(
            path, shown_path(path) if where is None else where, root=self.root,
            follow_symlinks=self.follow_symlinks, max_file_size=self.max_file_size,
        )

    def open(self, path: Path, where: str | None = None):
        """A checked binary file object (see :func:`open_file`)."""
        return open_file(
            path, shown_path(path) if where is None else where, root=self.root,
            follow_symlinks=self.follow_symlinks, max_file_size=self.max_file_size,
        )
