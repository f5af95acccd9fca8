"""Output folders written all at once, and only over what an earlier run wrote.

A run builds its results in a *staging* folder beside the target folder (same file system,
so that moving them into place is a rename), then :func:`replace_folder` swaps the built
folder in for the target. Two rules keep the user's files safe:

* the target keeps every entry that no run wrote. Each folder this module fills holds a
  manifest (:data:`MANIFEST`) naming the entries the run wrote; the next run removes those
  (they are its to replace) and carries every other entry over, as hard links (copies across
  devices), into the new folder before the swap. So a folder of figures made from corpus A
  and then from corpus B holds B's figures only, plus whatever the user put there;
* a staging folder is locked (``flock`` on its ``.lock`` file) for as long as its run lives.
  A run killed with SIGKILL leaves its staging folder behind; :func:`remove_stale` (called
  by every new :class:`Staging`) removes the ones whose lock is free, and only those: a live
  concurrent run keeps its own. A staging folder killed halfway through a swap still holds
  the previous target, which is put back rather than removed.

POSIX only (``fcntl``), as the runner is. (:mod:`arabic_news.corpus.staging` writes a *new*
folder for the converter, in a PID-named staging folder; this module *replaces* a folder that
may hold the user's files, and locks its staging folders rather than naming them by PID, so
that a reused PID never makes a dead run's folder look alive.)
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path

#: The file, in a folder this module filled, that names the entries the run wrote.
MANIFEST = ".arabic-news-written"
_LOCK = ".lock"
#: The built folder and, during a swap, the previous target, inside a staging folder.
_NEW, _PREVIOUS = "new", "previous"
#: A staging folder without a lock file is being created, or its run died at once: left alone
#: for this long.
_UNLOCKED_GRACE_SECONDS = 3600


def _staging_prefix(target: Path) -> str:
    return f".{target.name}.partial-"


class Staging:
    """A locked staging folder for ``target``: build in :attr:`new`, then :meth:`publish`.

    Use it as a context manager; leaving it removes the staging folder (what was published
    is no longer in it). Creating it first removes the stale staging folders of ``target``.
    """

    def __init__(self, target: str | os.PathLike) -> None:
        self.target = Path(target).absolute()
        self.path: Path | None = None
        self._lock_fd: int | None = None

    def __enter__(self) -> Staging:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(self.target)
        self.path = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(self.target)}{os.getpid()}-",
                                          dir=self.target.parent))
        pending = self.path / f"{_LOCK}.pending"
        self._lock_fd = os.open(pending, os.O_CREAT | os.O_WRONLY, 0o600)
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        pending.rename(self.path / _LOCK)  # a .lock file is always held while its run lives
        self.new.mkdir()
        return self

    @property
    def new(self) -> Path:
        """The folder to build the target's new content in."""
        return self.path / _NEW

    @property
    def previous(self) -> Path:
        """Where a swap moves the old target (put back if the swap is cut halfway)."""
        return self.path / _PREVIOUS

    def publish(self) -> None:
        """Replace the target by what was built in :attr:`new` (see :func:`replace_folder`)."""
        replace_folder(self.new, self.target, self.previous)

    def abandon(self) -> None:
        """Remove the staging folder, first putting the previous target back if a swap was
        cut between its two renames. Safe to call at any point, also from a signal handler;
        leaving the context manager calls it."""
        if self.path is None:
            return
        previous = self.path / _PREVIOUS
        if previous.is_dir() and not self.target.exists():
            previous.rename(self.target)
        shutil.rmtree(self.path, ignore_errors=True)
        self.path = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __exit__(self, *exc) -> None:
        self.abandon()


def written_by_a_run(folder: Path) -> set[str]:
    """The entries of ``folder`` that its manifest says a run wrote (none without one)."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return set()
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def replace_folder(built: Path, target: Path, previous: Path) -> None:
    """Make ``target`` the content of ``built`` plus the target's entries no run wrote.

    ``built`` and ``previous`` (a path that does not exist yet) are in a staging folder
    beside ``target``. The target's own entries that a run wrote (its manifest) are dropped
    or replaced; every other entry is carried over (hard-linked), unless ``built`` has an
    entry of the same name, which replaces it. ``built`` gets a manifest of its own entries.
    Then two renames put ``built`` in place: a run killed between them leaves the old target
    at ``previous``, which :func:`remove_stale` puts back.
    """
    own = sorted(path.name for path in built.iterdir())
    (built / MANIFEST).write_text(
        "# written by python -m arabic_news.run_notebooks: the next run replaces these (and "
        "only these)\n" + "".join(f"{name}\n" for name in own), encoding="utf-8")
    if target.is_dir():
        ran = written_by_a_run(target) | {MANIFEST}
        for entry in sorted(target.iterdir()):
            if entry.name not in ran and not (built / entry.name).exists():
                _link(entry, built / entry.name)
        target.rename(previous)
    built.rename(target)


def _link(source: Path, destination: Path) -> None:
    """``destination`` as a hard link of ``source`` (a folder: of each file), else a copy."""
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, destination, symlinks=True, copy_function=_link_file)
    else:
        _link_file(source, destination)


def _link_file(source, destination) -> None:
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:  # another device, or links not supported: a copy
        shutil.copy2(source, destination, follow_symlinks=False)


def remove_stale(target: str | os.PathLike) -> list[Path]:
    """Remove the staging folders of ``target`` left by runs that died; return them.

    A staging folder is stale when nobody holds its lock (a live run holds it until it ends,
    whatever signal ends it), or when it has no lock file and is older than an hour. A stale
    folder that holds the previous target while the target is missing (a run killed halfway
    through a swap) has it put back first.
    """
    target = Path(target).absolute()
    removed = []
    if not target.parent.is_dir():
        return removed
    for folder in sorted(target.parent.glob(f"{_staging_prefix(target)}*")):
        if folder.is_symlink() or not folder.is_dir() or not _is_stale(folder):
            continue
        previous = folder / _PREVIOUS
        if previous.is_dir() and not target.exists():
            previous.rename(target)
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _is_stale(folder: Path) -> bool:
    lock = folder / _LOCK
    try:
        fd = os.open(lock, os.O_RDONLY)
    except FileNotFoundError:
        return time.time() - folder.stat().st_mtime > _UNLOCKED_GRACE_SECONDS
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # its run is alive
    finally:
        os.close(fd)  # releases the lock taken just now, if it was taken
    return True
