"""``make run`` in a fresh clone rewrites every figure it commits, byte for byte (issue 16).

The runner used to lose every figure (papermill ran the lessons from notebooks/ with a relative
figures path), and no test noticed: ``figures/`` stayed as committed. This test clones the
repository's HEAD into a temporary folder, deletes ``figures/``, runs ``make run`` there and
compares each figure with the committed one; then ``git status`` must show nothing else.

The clone gets a small virtual environment of its own that imports the clone's ``src/`` first
and borrows the installed dependencies of the environment running the tests (a ``.pth`` file),
instead of installing them again: that saves about a minute of pip and any network, and the
dependencies are those of ``constraints.txt`` either way. The kernel is the clone's own.
Slow (about 2 minutes on two cores: the seven lessons run): deselect with ``-m "not clone"``.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from arabic_news.atomic_folders import MANIFEST

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.clone


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def _clone_environment(clone: Path) -> None:
    """``clone/.venv``: the clone's src first, then this environment's packages; its kernel."""
    venv = clone / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], check=True, capture_output=True,
                          text=True).stdout.strip()
    borrowed = sysconfig.get_paths()["purelib"]
    Path(site, "00_clone_src.pth").write_text(
        f"{clone / 'src'}\nimport site; site.addsitedir({borrowed!r})\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "ipykernel", "install", "--sys-prefix", "--name",
                    "python3"], check=True, capture_output=True)
    (venv / ".installed").touch()  # newer than pyproject.toml: make does not reinstall


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("make") is None,
                    reason="make run in a clone needs git and make")
def test_make_run_in_a_fresh_clone_rewrites_every_figure_byte_identical(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone")
    clone = tmp_path / "clone"
    _git("clone", "--quiet", "--no-checkout", str(ROOT), str(clone), cwd=tmp_path)
    _git("checkout", "--quiet", _git("rev-parse", "HEAD", cwd=ROOT).strip(), cwd=clone)
    _clone_environment(clone)
    python = clone / ".venv" / "bin" / "python"
    imported = subprocess.run([str(python), "-c", "import arabic_news as a; print(a.__file__)"],
                              check=True, capture_output=True, text=True).stdout
    assert imported.startswith(str(clone / "src")), imported
    committed = {p.name: p.read_bytes() for p in (clone / "figures").iterdir() if p.is_file()}
    written = [line for line in committed[MANIFEST].decode().splitlines()
               if line and not line.startswith("#")]
    shutil.rmtree(clone / "figures")

    began = time.perf_counter()
    result = subprocess.run(["make", "run"], cwd=clone, capture_output=True, text=True,
                            env={**os.environ, "ARABIC_NEWS_CACHE": str(tmp_path / "cache")},
                            timeout=1800)
    print(f"make run in the clone: {time.perf_counter() - began:.0f} s")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert f"figures in {clone / 'figures'}" in result.stdout
    assert "Traceback" not in result.stderr, result.stderr[-3000:]

    rewritten = {p.name: p.read_bytes() for p in (clone / "figures").iterdir() if p.is_file()}
    assert sorted(rewritten) == sorted([*written, MANIFEST])
    for name in [*written, MANIFEST]:
        assert rewritten[name] == committed[name], f"figures/{name} differs from the committed one"
    # Only what make run does not draw (a benchmark's gallery) is missing; nothing else changed.
    status = _git("status", "--porcelain", "--untracked-files=all", cwd=clone).splitlines()
    not_drawn = sorted(set(committed) - set(written) - {MANIFEST})
    assert sorted(status) == [f" D figures/{name}" for name in not_drawn]
