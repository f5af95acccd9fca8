"""Print the pip names of the small packages CAMeL Tools' text utilities import.

CAMeL Tools hard-depends on torch and transformers, so the benchmark installs it with
``pip install --no-deps camel-tools`` and then only what ``camel_tools.utils`` and
``camel_tools.tokenizers.word`` import. This script finds those imports by parsing the
installed sources (without importing them, which would fail before the deps are there) and
prints them space-separated for ``pip install $(python benchmarks/camel_small_deps.py)``.
"""

import ast
import importlib.metadata
import importlib.util
import re
import sys
from pathlib import Path

#: The parts of CAMeL Tools the cleaning benchmark uses.
MODULE_FILES = ("utils/*.py", "tokenizers/word.py")


def _imported_top_levels(source: str, filename: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def small_deps() -> list[str]:
    spec = importlib.util.find_spec("camel_tools")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "camel_tools is not installed: run `pip install --no-deps camel-tools` first"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    imported: set[str] = set()
    for pattern in MODULE_FILES:
        for path in sorted(root.glob(pattern)):
            imported |= _imported_top_levels(path.read_text(encoding="utf-8"), str(path))
    third_party = imported - set(sys.stdlib_module_names) - {"camel_tools", "__future__"}
    distributions = importlib.metadata.packages_distributions()
    declared = {
        _canonical(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0])
        for requirement in importlib.metadata.requires("camel-tools") or []
    }
    names = set()
    for module in third_party:
        # the distribution that provides the module when it is already installed, else the
        # requirement of camel-tools with the module's name
        candidates = [_canonical(d) for d in distributions.get(module, [])] or [_canonical(module)]
        for name in candidates:
            if declared and name not in declared:
                print(f"note: {module!r} is imported but not declared by camel-tools",
                      file=sys.stderr)
            names.add(name)
    return sorted(names)


if __name__ == "__main__":
    print(" ".join(small_deps()))
