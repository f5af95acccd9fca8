"""Write a folder under a temporary name, so that no half-written folder ever looks finished.

:func:`staged_folder` gives ``.DEST.partial-PID`` beside ``DEST``; the caller fills it and
renames it to ``DEST`` when complete. It is removed when anything fails, and on SIGTERM (a
``kill``, a container or a job scheduler stopping the process): while the folder is written,
the signal is caught, the folder removed, and the signal sent again with its default action,
so the process ends as it would have (status 143 in a shell). SIGKILL cannot be caught, so a
staging folder left by a killed process is removed by the next write to the same ``DEST``
once its process is gone; never one whose process is still running, and never a folder
holding anything the writer does not write (so no user folder that happens to look like one
is ever deleted).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from arabic_news.corpus.files import reason, shown_path
from arabic_news.errors import CorpusError


def staging_name(dest: Path, pid: int | None = None) -> Path:
    """``.DEST.partial-PID`` beside ``dest``."""
    return dest.parent / f".{dest.name}.partial-{os.getpid() if pid is None else pid}"


@contextmanager
def staged_folder(dest: Path, owned: Callable[[Path], bool]) -> Iterator[Path]:
    """A fresh staging folder for ``dest``; removed if the block fails or SIGTERM arrives.

    ``owned(path)`` says whether a file in a stale staging folder is one the writer makes;
    stale folders holding anything else are left alone.
    """
    remove_stale_staging(dest, owned)
    staging = staging_name(dest)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
    except OSError as error:
        raise CorpusError(
            f"{shown_path(dest)}: cannot create the folder: {reason(error)} (is a parent of "
            "it a file?)"
        ) from None
    try:
        with _sigterm_caught():
            yield staging
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, _Terminated):  # the default action is back: end as SIGTERM would
            os.kill(os.getpid(), signal.SIGTERM)
        raise


def remove_stale_staging(dest: Path, owned: Callable[[Path], bool]) -> list[Path]:
    """Remove the staging folders of ``dest`` left by processes that no longer run."""
    pattern = re.compile(re.escape(f".{dest.name}.partial-") + r"(\d+)")
    removed = []
    try:
        candidates = list(dest.parent.iterdir())
    except OSError:
        return removed
    for path in candidates:
        match = pattern.fullmatch(path.name)
        if not match or int(match[1]) == os.getpid() or _running(int(match[1])):
            continue
        if path.is_symlink() or not path.is_dir():
            continue
        if all(child.is_file() and not child.is_symlink() and owned(child)
               for child in path.iterdir()):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class _Terminated(BaseException):
    """SIGTERM arrived while a staging folder was written."""


@contextmanager
def _sigterm_caught() -> Iterator[None]:
    """Turn SIGTERM into :class:`_Terminated` in this block, where Python may set handlers
    (the main thread) and nobody else has (the handler is the default one)."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def stop(signum, frame):
        raise _Terminated

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
