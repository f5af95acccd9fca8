"""environment.yml (conda) and pyproject.toml (pip) must list the same dependencies."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(requirements):
    parsed = {}
    for line in requirements:
        match = REQUIREMENT.match(line)
        assert match, f"cannot parse requirement {line!r}"
        parsed[_canonical(match[1])] = match[2].replace(" ", "")
    return parsed


def pyproject_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return _parse(project["dependencies"] + project["optional-dependencies"]["test"])


def conda_requirements():
    """Read environment.yml's dependency lines without a YAML library (its shape is simple)."""
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("dependencies:")
    entries = []
    for line in lines[start + 1 :]:
        item = re.match(r"^\s+-\s+(\S.*)$", line)
        if item and not item[1].endswith(":") and not item[1].startswith("--"):
            entries.append(item[1])
    parsed = _parse(entries)
    for tooling in ("python", "pip"):
        parsed.pop(tooling)
    return parsed


def test_environment_yml_and_pyproject_list_the_same_packages():
    conda, pip = conda_requirements(), pyproject_requirements()
    assert sorted(set(pip) - set(conda)) == [], "add these to environment.yml"
    assert sorted(set(conda) - set(pip)) == [], "add these to pyproject.toml or drop them"


@pytest.mark.parametrize("name", sorted(pyproject_requirements()))
def test_version_bounds_agree(name):
    assert conda_requirements()[name] == pyproject_requirements()[name]


def test_environment_yml_installs_the_project_itself():
    assert "--editable ." in (ROOT / "environment.yml").read_text(encoding="utf-8")
