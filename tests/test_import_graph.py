"""The package's import graph: no cycle, imports inside functions included, and Dask only in
the engines folder.

The graph is read from the source with ``ast`` (nothing is imported): every ``import`` and
``from ... import`` of a module of ``arabic_news``, at module level or inside a function, is
an edge to the module it names (``from package import submodule`` names the submodule).
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src"
PACKAGE = ROOT / "arabic_news"
ENGINES = "arabic_news.engines"
#: Where the word "dask" may appear outside the engines: the ``engine`` parameter of
#: ``load_corpus``, of the lessons (``scale.start_engine``) and of the runner (``--engine``).
ENGINE_PARAMETER_PLUMBING = {"arabic_news.corpus.on_engine", "arabic_news.run_notebooks",
                             "arabic_news.scale", "arabic_news.scale.engine"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    return {module_name(path): ast.parse(path.read_text(encoding="utf-8"), str(path))
            for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The modules of the package that module ``name`` imports, anywhere in its code."""
    is_package = (PACKAGE.parent / name.replace(".", "/") / "__init__.py").exists()
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def graph() -> dict[str, set[str]]:
    trees = modules()
    known = set(trees)
    return {name: imported(name, tree, known) for name, tree in trees.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read_with_imports_inside_functions():
    edges = graph()
    assert "arabic_news.engines.dask_engine" in edges["arabic_news.engines"]  # in a function
    assert "arabic_news.engines.dask_engine" in edges["arabic_news.corpus.on_engine"]
    assert "arabic_news.analysis.frequency" in edges["arabic_news.analysis"]  # relative
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_back():
    assert cycles(graph()) == []


def test_the_concerns_import_each_other_downwards_only():
    """Between folders (analysis, corpus, engines, ...) too: no two import each other."""
    concern = lambda module: ".".join(module.split(".")[:2])  # noqa: E731
    between: dict[str, set[str]] = {}
    for source, targets in graph().items():
        between.setdefault(concern(source), set()).update(
            concern(target) for target in targets if concern(target) != concern(source))
    assert cycles(between) == []
    assert between[ENGINES] <= {"arabic_news.errors"}  # the engines sit at the bottom


def test_only_the_engines_import_dask_or_compute():
    for name, tree in modules().items():
        if name == ENGINES or name.startswith(ENGINES + "."):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [
                    alias.name for alias in node.names]
                assert not any(re.match(r"(dask|distributed)\b", n) for n in names), name
            if isinstance(node, ast.Attribute):
                assert node.attr not in {"compute", "persist", "npartitions", "_name", "_meta"}, \
                    f"{name}: .{node.attr} belongs to an engine"
            if isinstance(node, ast.Compare) and name not in ENGINE_PARAMETER_PLUMBING:
                constants = [c.value for c in (node.left, *node.comparators)
                             if isinstance(c, ast.Constant)]
                assert "dask" not in constants and "pandas" not in constants, \
                    f"{name} asks which engine it has"


def test_dask_is_named_only_in_the_engines_and_the_engine_parameter():
    """``grep -rln "dask\\|is_dask" src/arabic_news``: the engines folder, and the modules
    that pass the ``engine`` parameter on."""
    mentioning = {module_name(path) for path in PACKAGE.rglob("*.py")
                  if re.search(r"dask|is_dask", path.read_text(encoding="utf-8"))}
    outside = {name for name in mentioning
               if name != ENGINES and not name.startswith(ENGINES + ".")}
    assert outside <= ENGINE_PARAMETER_PLUMBING, sorted(outside - ENGINE_PARAMETER_PLUMBING)
