"""Where the figures made from a corpus go, so that another corpus never overwrites the seeds'.

The repository commits the figures the lessons make from the bundled seeds, in ``figures/``.
A lesson run on any other corpus writes its figures to a folder named after that corpus,
``output/figures/<name>-<hash>/`` (``output/`` is git-ignored; the hash of the corpus's full
path tells apart two corpora that are both called ``data``). Both folders are found from the
package's own location, not from the working directory, so a lesson run from the repository
root (papermill) or from ``notebooks/`` (JupyterLab) writes to the same place. An installed
package, outside a checkout, uses ``figures/`` and ``output/figures/...`` under the working
directory instead.
"""

import hashlib
import os
import re
from pathlib import Path

from arabic_news.corpus.seeds import seeds_path
from arabic_news.errors import CorpusError

_PACKAGE = Path(__file__).resolve().parents[1]


def project_root() -> Path:
    """The repository checkout holding the package, or the working directory outside one."""
    checkout = _PACKAGE.parents[1]
    if (checkout / "pyproject.toml").is_file() and (checkout / "notebooks").is_dir():
        return checkout
    return Path.cwd()


def committed_figures() -> Path:
    """The folder of the figures made from the bundled seeds (committed in a checkout)."""
    return project_root() / "figures"


def is_seeds(corpus_path: str | os.PathLike | None) -> bool:
    """True for ``None`` and for a path to the bundled seeds."""
    if corpus_path is None:
        return True
    try:
        return Path(corpus_path).expanduser().resolve() == seeds_path().resolve()
    except (OSError, CorpusError):
        return False


def figures_folder(
    corpus_path: str | os.PathLike | None = None, figures_dir: str | os.PathLike | None = None
) -> Path:
    """The folder a lesson writes its figures to.

    ``figures_dir=None`` picks the default: :func:`committed_figures` for the seeds
    (``corpus_path=None``), ``output/figures/<name>-<hash>`` for any other corpus. A given
    ``figures_dir`` is used as it is, except that the figures of another corpus are never
    written over the committed ones: that raises ``ValueError``.
    """
    seeds = is_seeds(corpus_path)
    if figures_dir is None:
        if seeds:
            return committed_figures()
        return project_root() / "output" / "figures" / corpus_slug(corpus_path)
    folder = Path(figures_dir).expanduser()
    if not seeds and folder.resolve() == committed_figures().resolve():
        raise ValueError(
            f"figures_dir={str(figures_dir)!r} is the folder of the committed figures of the "
            f"bundled seeds; the figures of {corpus_path} would overwrite them. Leave "
            "figures_dir=None (figures go to output/figures/<corpus>/) or choose another folder"
        )
    return folder


def corpus_slug(corpus_path: str | os.PathLike) -> str:
    """A folder name for a corpus: its file or folder name and 8 hex digits of its path."""
    path = Path(corpus_path).expanduser().resolve()
    name = re.sub(r"[^\w.-]+", "_", path.stem or "corpus").strip("._") or "corpus"
    digest = hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{name[:40]}-{digest}"
