"""What a new user types reaches the right place (issue 16, "found by a new user"; issue 17, 7).

``make run-corpus`` passes the loader's options and the lessons' parameters through the
runner's command line; ``make lab`` takes ``LAB_OPTS``; ``make test`` installs Chromium where
it can, and otherwise says the one command that does.
"""

import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tiny_notebooks import one_article_corpus, printed, tiny_notebook

from arabic_news import run_notebooks
from arabic_news.lesson_parameters import (
    MAX_VALUE_CHARS,
    ParameterError,
    declared_parameters,
    parameters_per_lesson,
    parse_assignments,
    read_parameters_file,
    typed_value,
)

ROOT = Path(__file__).resolve().parents[1]
needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _dry_run(*arguments, **environment) -> str:
    """The commands ``make -n`` would run (nothing is run)."""
    result = subprocess.run(["make", "--no-print-directory", "-n", *arguments], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, **environment},
                            check=True)
    return result.stdout


def _make_variable(option: str) -> str:
    return option.upper()


# --- Makefile ----------------------------------------------------------------------------

@needs_make
def test_make_lab_takes_lab_opts():
    assert "jupyter lab --notebook-dir=notebooks --allow-root --port 8890" in _dry_run(
        "lab", "LAB_OPTS=--allow-root --port 8890")


@needs_make
def test_every_loader_option_has_a_make_variable_that_reaches_the_runner():
    options = run_notebooks.loader_options()
    assert {"date_column", "text_column", "title_column", "source_column", "id_column",
            "metadata", "on_error", "follow_symlinks", "max_file_size"} <= set(options)
    given = [f"{_make_variable(name)}={'1' if isinstance(p.default, bool) else 'v_' + name}"
             for name, p in options.items()]
    command = _dry_run("run-corpus", "CORPUS=/some/corpus", *given)
    for name, parameter in options.items():
        flag = "--" + name.replace("_", "-")
        expected = flag if isinstance(parameter.default, bool) else f'{flag} "v_{name}"'
        assert expected in command, (name, command)
    bare = _dry_run("run-corpus", "CORPUS=/some/corpus")
    assert not any("--" + name.replace("_", "-") in bare for name in options)


@needs_make
def test_make_params_reach_the_runner_as_written():
    command = _dry_run("run-corpus", "CORPUS=/c", "PARAMS=kwic_term=الرياض top_n=30",
                       "PARAMS_FILE=my params.yaml")
    assert '--params "$PARAMS"' in command and '--params-file "my params.yaml"' in command


def test_the_runner_command_line_has_every_loader_option():
    parser_help = subprocess.run([sys.executable, "-m", "arabic_news.run_notebooks", "--help"],
                                 capture_output=True, text=True, check=True).stdout
    for name in run_notebooks.loader_options():
        assert "--" + name.replace("_", "-") in parser_help


# --- Chromium for the browser tier --------------------------------------------------------

def _install_script(tmp_path, uid: str, apt_ok: bool = True):
    """Run .ci/install-chromium with a stand-in ``id`` and ``apt-get`` (recording calls)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (bin_dir / "apt-get").write_text(f"#!/bin/sh\necho \"$@\" >> {log}\n"
                                     f"exit {0 if apt_ok else 1}\n")
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    result = subprocess.run(
        ["sh", str(ROOT / ".ci" / "install-chromium")], capture_output=True, text=True,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "ARABIC_NEWS_CHROMIUM": str(tmp_path / "none"),
             "ARABIC_NEWS_CHROMEDRIVER": str(tmp_path / "none-driver")})
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls


def test_root_with_apt_get_installs_chromium_and_its_driver(tmp_path):
    result, calls = _install_script(tmp_path, "0")
    assert result.returncode == 0
    assert calls == ["update -qq", "install -y -qq chromium chromium-driver"]


def test_a_user_who_cannot_install_is_told_the_one_command(tmp_path):
    result, calls = _install_script(tmp_path, "1000")
    assert result.returncode == 0 and calls == []
    assert "sudo apt-get install chromium chromium-driver" in result.stdout


def test_a_failed_install_is_said_and_the_tests_still_run(tmp_path):
    result, _ = _install_script(tmp_path, "0", apt_ok=False)
    assert result.returncode == 0 and "could not install" in result.stdout


def test_the_skip_reason_and_the_readme_name_the_same_command(monkeypatch):
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from browser import conftest
    finally:
        sys.path.remove(str(ROOT / "tests"))
    monkeypatch.setattr(conftest, "CHROMIUM", "/nonexistent/chromium")
    reason = conftest._missing()
    assert conftest.INSTALL_COMMAND in reason
    assert conftest.INSTALL_COMMAND in (ROOT / "README.md").read_text(encoding="utf-8")
    assert conftest.INSTALL_COMMAND in (ROOT / ".ci" / "install-chromium").read_text()


# --- lesson parameters: typed, never evaluated ---------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("30", 30), ("-3", -3), ("0.05", 0.05), ("1e-3", 0.001), ("None", None), ("null", None),
    ("True", True), ("false", False), ("الرياض", "الرياض"), ("الأمم المتحدة", "الأمم المتحدة"),
    ("'30'", "30"), ('"حلب"', "حلب"), ("[حلب, روسيا]", ["حلب", "روسيا"]),
    ("['حلب', 'روسيا']", ["حلب", "روسيا"]), ("[1, 2.5, None]", [1, 2.5, None]), ("[]", []),
    ('{"BBC": "بي بي سي"}', {"BBC": "بي بي سي"}), ("MS", "MS"), ("tcp://h:8786", "tcp://h:8786"),
    ("__import__('os').system('touch pwned')", "__import__('os').system('touch pwned')"),
    ("[__import__('os')]", ["__import__('os')"]),
])
def test_values_are_typed_without_evaluating_code(text, value, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert typed_value(text) == value
    assert not (tmp_path / "pwned").exists()


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(min_size=1).filter(lambda t: t == t.strip()),
    lambda children: st.lists(children, max_size=4), max_leaves=8))
def test_a_python_literal_reads_back_as_its_value(value):
    typed = typed_value(repr(value))
    assert typed == value or (isinstance(value, float) and math.isclose(typed, value))


def test_huge_values_are_refused_in_one_line():
    with pytest.raises(ParameterError, match="at most"):
        typed_value("x" * (MAX_VALUE_CHARS + 1))
    with pytest.raises(ParameterError, match="digits"):
        typed_value("9" * 5000)
    assert typed_value("[" * 3000) == "[" * 3000  # not a literal: kept as written, no crash


def test_assignments_run_to_the_next_name():
    assert parse_assignments("kwic_term=الأمم المتحدة top_n=30 timeline_terms=[حلب, روسيا]") == {
        "kwic_term": "الأمم المتحدة", "top_n": 30, "timeline_terms": ["حلب", "روسيا"]}
    assert parse_assignments("") == {} and parse_assignments("  ") == {}
    with pytest.raises(ParameterError, match="is not name=value"):
        parse_assignments("الرياض top_n=30")
    with pytest.raises(ParameterError, match="given twice"):
        parse_assignments("top_n=3 top_n=4")


def test_a_yaml_file_of_parameters(tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text("kwic_term: الرياض\ntop_n: 30\ntimeline_terms: [الرياض, جدة]\n"
                    "start: 2015-01-01\noutlet: null\n", encoding="utf-8")
    assert read_parameters_file(path) == {
        "kwic_term": "الرياض", "top_n": 30, "timeline_terms": ["الرياض", "جدة"],
        "start": "2015-01-01", "outlet": None}
    for text, problem in [("- a\n- b\n", "a YAML mapping"), ("a: [\n", "not valid YAML"),
                          ("1x: 2\n", "not a parameter name"),
                          ("a: !!python/object:os.system x\n", "not valid YAML")]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ParameterError, match=problem):
            read_parameters_file(path)
    with pytest.raises(ParameterError, match="cannot be read"):
        read_parameters_file(tmp_path / "missing.yaml")


# --- lesson parameters: checked against what the lessons declare ---------------------------

@pytest.fixture(scope="module")
def declared():
    return {nb.name: declared_parameters(nb) for nb in run_notebooks.notebook_paths()}


def test_each_parameter_goes_to_the_lessons_that_declare_it(declared):
    chosen = parameters_per_lesson({"kwic_term": "الرياض", "top_n": 30}, declared)
    with_term = [name for name, given in chosen.items() if "kwic_term" in given]
    with_top = [name for name, given in chosen.items() if "top_n" in given]
    assert with_term == ["02-term-frequency.ipynb"]
    assert len(with_top) >= 2 and "02-term-frequency.ipynb" in with_top
    assert all(given == {} for name, given in chosen.items()
               if name not in set(with_term) | set(with_top))


@pytest.mark.parametrize(("parameters", "message"), [
    ({"kwik_term": "x"}, "no lesson has a parameter kwik_term: did you mean kwic_term?"),
    ({"zzz": 1}, "no lesson has a parameter zzz: the lessons' parameters are "),
    ({"corpus_path": "/x"}, "corpus_path is set by the runner: use its --corpus option"),
    ({"engine": "dask"}, "use its --engine option"),
    ({"top_n": "many"}, "top_n is an integer in 02-term-frequency.ipynb (default 20); you gave "
                        "text, 'many'"),
    ({"timeline_terms": "الرياض"}, "timeline_terms is a list ([a, b]) in 04-timelines"),
    ({"kwic_term": False}, "kwic_term is text in 02-term-frequency.ipynb"),
])
def test_a_parameter_the_lessons_cannot_take_is_an_error(declared, parameters, message):
    with pytest.raises(ParameterError) as raised:
        parameters_per_lesson(parameters, declared)
    assert message in str(raised.value)


def test_none_and_integers_for_decimals_are_accepted(declared):
    chosen = parameters_per_lesson({"alpha": 1, "outlet": "BBC", "frequency": "MS"}, declared)
    assert any(given.get("alpha") == 1 for given in chosen.values())


@pytest.fixture
def corpus(tmp_path):
    return one_article_corpus(tmp_path, "corpus")


def test_parameters_reach_the_lessons_typed(tmp_path, corpus, capsys):
    common = "corpus_path = None\nfigures_dir = None\n"
    first = tiny_notebook(tmp_path / "01-a.ipynb",
                          "print(repr(kwic_term), repr(top_n), repr(terms))",
                          parameters=common + "kwic_term = 'حلب'\ntop_n = 20\nterms = ['حلب']")
    second = tiny_notebook(tmp_path / "02-b.ipynb", "print(repr(top_n))",
                           parameters=common + "top_n = 5")
    out = tmp_path / "out"
    run_notebooks.run_all(str(corpus), out / "corpus", out / "figures", notebooks=[first, second],
                          parameters=parse_assignments(
                              "kwic_term=الأمم المتحدة top_n=30 terms=[الرياض, جدة]"))
    assert printed(out / "corpus" / "01-a.ipynb").strip() == (
        "'الأمم المتحدة' 30 ['الرياض', 'جدة']")
    assert printed(out / "corpus" / "02-b.ipynb").strip() == "30"
    said = capsys.readouterr().out
    assert "parameter kwic_term='الأمم المتحدة': lessons 01\n" in said
    assert "parameter top_n=30: lessons 01, 02\n" in said


def test_an_undeclared_parameter_stops_the_run_before_anything_is_written(tmp_path, corpus,
                                                                         capsys):
    out = tmp_path / "out"
    code = run_notebooks.main(["--corpus", str(corpus), "--output", str(out),
                               "--params", "kwik_term=الرياض"])
    assert code == 2
    assert capsys.readouterr().err.startswith(
        "error: no lesson has a parameter kwik_term: did you mean kwic_term?")
    assert not out.exists()


def test_loader_options_reach_the_corpus_preparation(tmp_path, capsys):
    table = tmp_path / "news.csv"
    table.write_text("body,when\nنص الخبر الأول,2015-03-01\nنص الخبر الثاني,2015-04-01\n",
                     encoding="utf-8")
    nb = tiny_notebook(tmp_path / "01-dates.ipynb",
                       "import arabic_news as an\nc = an.load_corpus(corpus_path)\n"
                       "print(c['published'].dt.strftime('%Y-%m-%d').tolist())")
    out = tmp_path / "out"
    run_notebooks.run_all(str(table), out / "corpus", out / "figures", notebooks=[nb],
                          cache_dir=tmp_path / "cache",
                          options={"text_column": "body", "date_column": "when"})
    assert printed(out / "corpus" / "01-dates.ipynb").strip() == "['2015-03-01', '2015-04-01']"
    assert "loader options" in capsys.readouterr().out


def test_loader_options_on_the_command_line_are_checked_by_the_loader(tmp_path, capsys):
    table = tmp_path / "news.csv"
    table.write_text("body\nنص\n", encoding="utf-8")
    code = run_notebooks.main(["--corpus", str(table), "--output", str(tmp_path / "out"),
                               "--text-column", "body", "--date-column", "nope",
                               "--cache-dir", str(tmp_path / "cache")])
    error = capsys.readouterr().err
    assert code == 2 and error.count("\n") == 1 and "nope" in error, error
    assert run_notebooks.main(["--date-column", "when"]) == 2
    assert "corpus options are for --corpus" in capsys.readouterr().err


def test_loader_options_without_the_cache_are_refused(tmp_path, capsys):
    table = tmp_path / "news.csv"
    table.write_text("body\nنص\n", encoding="utf-8")
    code = run_notebooks.main(["--corpus", str(table), "--output", str(tmp_path / "out"),
                               "--text-column", "body", "--no-cache"])
    assert code == 2 and "leave out --no-cache" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
