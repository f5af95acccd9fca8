"""The explorer's JavaScript helpers, tested with Node's own test runner (``node --test``).

The drawing itself is tested in a browser (``tests/browser/test_explorer.py``); these are
the pure functions it relies on. The module is copied beside the tests as ``.mjs`` so that
every Node version reads it as an ES module. Without Node the test is skipped with the reason.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent / "js"
MODULE = Path(__file__).parents[1] / "src" / "arabic_news" / "explorer" / "static" / "explorer.js"
IMPORTED = "../../src/arabic_news/explorer/static/explorer.js"


def test_the_javascript_helpers(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (apt-get install nodejs): the JavaScript helpers "
                    "of the explorer are tested with node --test")
    shutil.copy(MODULE, tmp_path / "explorer.mjs")
    tests = []
    for path in sorted(TESTS.glob("*.test.mjs")):
        text = path.read_text(encoding="utf-8")
        assert IMPORTED in text, f"{path.name} must import {IMPORTED}"
        copy = tmp_path / path.name
        copy.write_text(text.replace(IMPORTED, "./explorer.mjs"), encoding="utf-8")
        tests.append(str(copy))
    result = subprocess.run([node, "--test", *tests], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# pass 4" in result.stdout, result.stdout
