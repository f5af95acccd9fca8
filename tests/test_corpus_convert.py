"""Issue 16: the converter (``python -m arabic_news.corpus.convert``) refuses what it cannot do
in one line, cleans up after SIGTERM, removes only the stale staging folders of dead
processes, and accepts a shards folder as its source."""

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd

import arabic_news as an
from arabic_news.corpus.convert import main as convert
from arabic_news.corpus.convert import write_shards


def _source(path, count=5):
    rows = [{"id": f"d{i}", "text": f"خبر رقم {i} عن حلب"} for i in range(count)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_empty_source_is_refused_not_the_current_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("خبر", encoding="utf-8")
    assert convert(["", str(tmp_path / "out")]) == 2
    assert "empty path" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_destination_below_a_file_is_one_line(tmp_path, capsys):
    source = _source(tmp_path / "t.jsonl")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert convert([str(source), str(blocker / "shards")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a file, not a folder" in err


def test_sigterm_leaves_no_staging_folder(tmp_path):
    rows = [{"id": f"d{i}", "text": "خبر " * 200} for i in range(40_000)]
    source = tmp_path / "big.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                      encoding="utf-8")
    dest = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "arabic_news.corpus.convert", str(source), str(dest),
         "--rows-per-shard", "500"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    staging = tmp_path / f".out.partial-{process.pid}"
    deadline = time.monotonic() + 60
    while not any(staging.glob("part-*.parquet")) and time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    assert process.wait(60) == -signal.SIGTERM  # ended by the signal, as without cleanup
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl"]


def test_stale_staging_of_dead_processes_is_removed_never_a_live_one(tmp_path):
    source = _source(tmp_path / "t.jsonl")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stale = tmp_path / f".out.partial-{dead.pid}"
        live = tmp_path / f".out.partial-{alive.pid}"
        for folder in (stale, live):
            folder.mkdir()
            (folder / "part-00000.parquet").write_bytes(b"half written")
        users = tmp_path / f".out.partial-{dead.pid + 1_000_000}"
        users.mkdir()
        (users / "notes.txt").write_text("a user's file")
        assert convert([str(source), str(tmp_path / "out")]) == 0
        assert not stale.exists()
        assert (live / "part-00000.parquet").exists()
        assert (users / "notes.txt").read_text() == "a user's file"
    finally:
        alive.kill()
        alive.wait()


def test_shards_folder_as_source_is_written_again(tmp_path, capsys):
    source = _source(tmp_path / "t.jsonl", count=7)
    write_shards(source, tmp_path / "first", rows_per_shard=2)
    assert convert([str(tmp_path / "first"), str(tmp_path / "second"),
                    "--rows-per-shard", "5"]) == 0
    assert "7 articles in 2 shards" in capsys.readouterr().out
    pd.testing.assert_frame_equal(an.load_corpus(tmp_path / "second"), an.load_corpus(source))


def test_shards_folder_source_refuses_reading_options(tmp_path, capsys):
    source = _source(tmp_path / "t.jsonl")
    write_shards(source, tmp_path / "first")
    assert convert([str(tmp_path / "first"), str(tmp_path / "second"),
                    "--text-column", "body"]) == 2
    assert "is a shards folder" in capsys.readouterr().err
    assert not (tmp_path / "second").exists()
    assert not list(tmp_path.glob(".second.partial-*"))
    assert os.listdir(tmp_path / "first")
