"""The explorer in a real browser: in JupyterLab, and as the web app of ``make explore``.

One walk, the same in both: type a term in another spelling, click a term in the list, brush
a time range on the trend, choose a source. After each step every view must show the new
state, agree with the data module's answer for the state the page shows, and keyword in
context must read right to left, measured on screen. No request may leave 127.0.0.1. The
web app must refuse every request that lacks its token. Screenshots of each step go to
``output/screenshots/``.
"""

from __future__ import annotations

import http.client
import re
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import arabic_news as an
from arabic_news.explorer.app import serve, wait_until_listening
from arabic_news.explorer.data import ExplorerData, Filters

from .conftest import chromium, lab_server

sys.path.insert(0, str(Path(__file__).parent))
from explorer_driver import (  # noqa: E402
    brush,
    choose_source,
    click_term,
    kwic_reading_problems,
    observe,
    outside_requests,
    type_term,
    wait_until_shown,
)

sys.path.insert(0, str(Path(__file__).parents[1]))
from generated_corpus import write_generated_corpus  # noqa: E402

ANALYZER = an.ArabicAnalyzer()
TYPED = "حلَب"  # with a fatha: the search normalises it to حلب


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory) -> Path:
    """240 dated articles from three sources, made from the seeds' sentences."""
    return write_generated_corpus(tmp_path_factory.mktemp("explorer") / "news.jsonl")


@pytest.fixture(scope="module")
def data(corpus_path) -> ExplorerData:
    return ExplorerData(an.load_corpus(corpus_path))


@pytest.fixture(scope="module")
def page():
    with chromium(1400, 1900, network_log=True) as driver:
        yield driver


@pytest.fixture(scope="module")
def app(corpus_path, tmp_path_factory):
    log = (tmp_path_factory.mktemp("app") / "voila.log").open("w")
    process, address = serve(corpus_path, stdout=log, stderr=log)
    port = int(address.split(":")[2].split("/")[0])
    try:
        wait_until_listening(address, process, timeout=90)
        yield address, port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def lab(corpus_path, tmp_path_factory):
    home = tmp_path_factory.mktemp("lab-explorer")
    root = home / "notebooks"
    root.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(
        "import arabic_news as an\n"
        f"an.explore(an.load_corpus({str(corpus_path)!r}))")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, root / "explore.ipynb")
    with lab_server(home, root, ("--LabApp.expose_app_in_browser=True",)) as server:
        yield server


# --- the walk ----------------------------------------------------------------------------------

def _number(text: str) -> int:
    return int(re.findall(r"\d+", text)[-1])


def _check(seen: dict, key: str, data: ExplorerData, where: str) -> None:
    """Every view shows ``key`` under the filters the page shows, as the data module does."""
    assert len(set(seen["versions"])) == 1, f"{where}: views at different versions {seen}"
    start = end = None
    if seen["range"]:
        start, end = (pd.Timestamp(t) for t in seen["range"].split("/"))
    filters = Filters(start=start, end=end, source=seen["source"])
    form = data.form(key)
    assert form in seen["legend"], f"{where}: the trend does not show «{form}»"
    kwic_total = data.kwic(key, filters=filters)[1]
    assert _number(seen["kwic_note"]) == kwic_total, where
    assert len(seen["kwic_keywords"]) == min(kwic_total, 100), where
    assert all(ANALYZER.tokens(word) == [key] for word in seen["kwic_keywords"]), where
    documents, total = data.documents(key, filters)
    assert _number(seen["documents_note"]) == total, where
    assert [row["doc"] for row in seen["documents"]] == documents["doc_id"].tolist()[:100]
    if total:
        first = documents["doc_id"].iat[0]
        assert seen["open_document"] == seen["reader_doc"] == first, where
        assert seen["reader_marks"], f"{where}: the reader marks nothing"
        assert all(ANALYZER.tokens(word) == [key] for word in seen["reader_marks"]), where
    collocates = data.collocates(key, filters=filters)["collocate"].tolist()
    assert seen["collocates"] == collocates, where
    assert int(seen["shown"]) == int(data.mask(filters).sum()), where


def _walk(driver, data: ExplorerData, name: str, screenshots: Path) -> dict[str, float]:
    """Type, click, brush, choose a source; check every view after each. Milliseconds."""
    wait_until_shown(driver)
    timings = {}
    root = driver.find_element("css selector", ".an-explorer")

    timings["type a term"] = type_term(driver, TYPED)
    seen = observe(driver)
    _check(seen, "حلب", data, "after typing")
    assert TYPED in seen["message"]
    assert kwic_reading_problems(driver) == []
    root.screenshot(str(screenshots / f"explorer-{name}-1-typed.png"))

    key, timings["click a term"] = click_term(driver, 2)
    seen = observe(driver)
    assert seen["chosen_term"] == [key]
    _check(seen, key, data, "after clicking a term")
    assert kwic_reading_problems(driver) == []

    timings["brush a range"] = brush(driver, 0.3, 0.6)
    seen = observe(driver)
    assert seen["range"] and seen["brush_width"] > 0
    _check(seen, key, data, "after brushing")
    start, end = (pd.Timestamp(t) for t in seen["range"].split("/"))
    assert all(start <= pd.Timestamp(row["date"]) <= end for row in seen["documents"])
    assert int(seen["shown"]) < len(data)
    assert kwic_reading_problems(driver) == []
    root.screenshot(str(screenshots / f"explorer-{name}-3-brushed.png"))

    source = data.sources()[1][0]
    timings["choose a source"] = choose_source(driver, source)
    seen = observe(driver)
    assert seen["source"] == source
    _check(seen, key, data, "after choosing a source")
    assert {row["source"] for row in seen["documents"]} <= {source}
    assert kwic_reading_problems(driver) == []
    root.screenshot(str(screenshots / f"explorer-{name}-4-source.png"))
    return timings


def test_the_web_app_walk(page, app, data, screenshots_dir):
    address, _ = app
    outside_requests(page)  # forget the requests of earlier pages
    page.get(address)
    _walk(page, data, "app", screenshots_dir)
    assert outside_requests(page) == []


def test_the_jupyterlab_walk(page, lab, data, screenshots_dir):
    base, token = lab
    outside_requests(page)  # forget the requests of earlier pages
    page.get(f"{base}/lab/tree/explore.ipynb?token={token}")
    deadline = time.monotonic() + 120
    while not page.execute_script(
            "const a = window.jupyterapp; const w = a && a.shell.currentWidget;"
            " return !!(w && w.sessionContext && w.sessionContext.session"
            " && w.sessionContext.session.kernel"
            " && w.sessionContext.session.kernel.connectionStatus === 'connected')"):
        assert time.monotonic() < deadline, "JupyterLab did not open the notebook's kernel"
        time.sleep(0.5)
    page.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    _walk(page, data, "lab", screenshots_dir)
    assert outside_requests(page) == []


# --- the web app's door ------------------------------------------------------------------------

def _status(port: int, path: str, headers: dict | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.getheader("Location") or ""


def test_the_web_app_refuses_requests_without_its_token(app):
    """Without the token (or with a wrong one) the page sends to the login form and the
    kernel's websocket does not open; with it, both work (so the refusals are the token's)."""
    address, port = app
    token = address.split("token=")[1]
    wrong = token[:-1] + ("y" if token.endswith("x") else "x")  # never the token itself
    for path in ("/", f"/?token={wrong}"):
        status, location = _status(port, path)
        assert (status, location[:6]) == (302, "/login"), f"{path} answered {status}"
    page = urllib.request.urlopen(address, timeout=120).read().decode("utf-8")
    kernel = re.findall(r"[Kk]ernel[_A-Za-z]*[\"']?\s*[:=]\s*[\"']?([0-9a-f-]{36})", page)[0]
    upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
               "Origin": f"http://127.0.0.1:{port}"}
    channels = f"/api/kernels/{kernel}/channels"
    assert _status(port, channels, upgrade)[0] in (302, 403), "the websocket opened without it"
    assert _status(port, f"{channels}?token={token}x", upgrade)[0] in (302, 403)
    assert _status(port, f"{channels}?token={token}", upgrade)[0] == 101


def test_the_web_app_listens_on_localhost_only(app):
    _, port = app
    table = Path("/proc/net/tcp")
    if not table.exists():
        pytest.skip("reading the listening sockets needs Linux's /proc/net/tcp")
    listening = [line.split()[1] for line in table.read_text().splitlines()[1:]
                 if line.split()[3] == "0A"]  # state LISTEN
    mine = [address for address in listening if int(address.split(":")[1], 16) == port]
    assert mine and all(address.split(":")[0] == "0100007F" for address in mine), mine
    six = Path("/proc/net/tcp6")
    if six.exists():
        for line in six.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            assert not (state == "0A" and int(local.split(":")[1], 16) == port), \
                "the app also listens on IPv6"
