"""The explorer's JavaScript helpers, tested with Node's own test runner (``node --test``).

The drawing itself is tested in a browser (``tests/browser/test_explorer.py``); these are
the pure functions it relies on. Without Node the test is skipped with the reason.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent / "js"


def test_the_javascript_helpers():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (apt-get install nodejs): the JavaScript helpers "
                    "of the explorer are tested with node --test")
    result = subprocess.run([node, "--test", *sorted(map(str, TESTS.glob("*.test.mjs")))],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
