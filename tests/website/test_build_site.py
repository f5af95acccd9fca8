"""docs/build_site.py deletes nothing it did not make (issue 16).

It used to delete ``--out`` and ``--source`` whatever they held. Most tests here replace
sphinx-build by a stand-in that writes a page (or fails), so that they test the folders, not
Sphinx; one builds the real site.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "docs" / "build_site.py"
spec = importlib.util.spec_from_file_location("build_site", PATH)
build_site = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_site)


@pytest.fixture
def sphinx(monkeypatch):
    """A stand-in for sphinx-build: writes ``page.html`` (and records where), or fails."""
    calls = []

    def run(command, cwd=None):
        source, built = Path(command[-2]), Path(command[-1])
        calls.append({"source": source, "built": built, "staged": sorted(
            p.name for p in source.iterdir())})
        if run.fails:
            return subprocess.CompletedProcess(command, 1)
        built.mkdir(exist_ok=True)
        (built / "page.html").write_text(f"build {len(calls)}", encoding="utf-8")
        return subprocess.CompletedProcess(command, 0)

    run.fails = False
    run.calls = calls
    monkeypatch.setattr(build_site.subprocess, "run", run)
    return run


def _tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_a_folder_holding_a_users_file_is_refused_and_kept(tmp_path, sphinx, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.tex").write_text("years of work", encoding="utf-8")
    assert build_site.main(["--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: --out {out} is a folder this script did not build")
    assert error.count("\n") == 1
    assert _tree(out) == {"thesis.tex": b"years of work"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]  # no partial folder either
    assert sphinx.calls == []


def test_a_file_as_out_is_refused_and_kept(tmp_path, sphinx, capsys):
    out = tmp_path / "notes.txt"
    out.write_text("mine", encoding="utf-8")
    assert build_site.main(["--out", str(out)]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine"


def test_a_symlink_as_out_is_refused(tmp_path, sphinx):
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to(target)
    assert build_site.main(["--out", str(tmp_path / "link")]) == 2
    assert _tree(target) == {"keep.txt": b"x"}


def test_source_is_no_longer_an_option_and_its_folder_is_untouched(tmp_path, sphinx):
    source = tmp_path / "src"
    source.mkdir()
    (source / "draft.md").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        build_site.main(["--out", str(tmp_path / "site"), "--source", str(source)])
    assert exited.value.code == 2
    assert _tree(source) == {"draft.md": b"mine"}
    assert not (tmp_path / "site").exists()


def test_the_sources_are_staged_beside_out_then_removed(tmp_path, sphinx):
    assert build_site.main(["--out", str(tmp_path / "site")]) == 0
    (call,) = sphinx.calls
    assert "index.ipynb" in call["staged"] and "exercises" in call["staged"]
    assert not call["source"].exists()
    assert call["source"].parent.parent == tmp_path  # tmp_path/.site.partial-*/src
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_new_folder_gets_the_site_and_the_marker(tmp_path, sphinx):
    out = tmp_path / "a" / "site"
    assert build_site.main(["--out", str(out)]) == 0
    assert set(_tree(out)) == {"page.html", build_site.MARKER}
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


def test_an_empty_folder_of_the_users_is_filled_and_stays_theirs(tmp_path, sphinx):
    out = tmp_path / "site"
    out.mkdir()
    inode = out.stat().st_ino
    assert build_site.main(["--out", str(out)]) == 0
    assert out.stat().st_ino == inode
    assert set(_tree(out)) == {"page.html", build_site.MARKER}


def test_a_site_built_here_is_replaced_whole(tmp_path, sphinx):
    out = tmp_path / "site"
    assert build_site.main(["--out", str(out)]) == 0
    (out / "stale.html").write_text("from an older build", encoding="utf-8")
    assert build_site.main(["--out", str(out)]) == 0
    assert _tree(out)["page.html"] == b"build 2" and "stale.html" not in _tree(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no .old or .partial left


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path, sphinx):
    out = tmp_path / "site"
    assert build_site.main(["--out", str(out)]) == 0
    before = _tree(out)
    sphinx.fails = True
    with pytest.raises(SystemExit, match="sphinx-build failed"):
        build_site.main(["--out", str(out)])
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_real_site_builds_with_its_marker(tmp_path):
    pytest.importorskip("sphinx")
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, str(PATH), "--out", str(out)], cwd=tmp_path,
                            capture_output=True, text=True, env={**os.environ})
    assert result.returncode == 0, result.stderr[-2000:]
    assert (out / "index.html").is_file() and (out / build_site.MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
