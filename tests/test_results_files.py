"""Recorded benchmark results reproduce on another machine: they name corpora by placeholders
(such as ``<ANT>``), never by a path of the machine they ran on, and say which machine that was."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESULTS = sorted((ROOT / "benchmarks" / "results").glob("*.md"))
MACHINE_PATH = re.compile(r"(?<![\w.<])/(?:work|tmp|home|root|Users|mnt|data)/[^\s`)]*")


def test_there_are_results():
    assert len(RESULTS) >= 5


@pytest.mark.parametrize("path", RESULTS, ids=lambda p: p.name)
def test_no_path_of_this_machine(path):
    found = MACHINE_PATH.findall(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name} names paths of one machine: {found}; write <ANT> or <SHARDS>"


@pytest.mark.parametrize("path", RESULTS, ids=lambda p: p.name)
def test_each_result_names_its_machine(path):
    text = path.read_text(encoding="utf-8").lower()
    assert "machine" in text and "cores" in text, f"{path.name} does not say where it ran"
