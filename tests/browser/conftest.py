"""The browser test tier: headless Chromium from the Debian packages, driven by selenium.

Every test here takes the ``browser`` fixture. When Chromium or its driver is missing the
whole tier is skipped with one clear reason, which names the command that installs them
(``make test`` prints it in its summary). ``make test`` run as root with apt-get installs
both first (``.ci/install-chromium``), as CI does, so there the tier always runs. Nothing is
downloaded: selenium is told where the system browser and driver are, and Selenium Manager is
kept offline.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("ARABIC_NEWS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ARABIC_NEWS_CHROMEDRIVER", "/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "output" / "screenshots"
#: The one command that enables this tier (the README and .ci/install-chromium say the same).
INSTALL_COMMAND = "sudo apt-get install chromium chromium-driver"


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            return (f"browser tier skipped: {path} not found; to run it: {INSTALL_COMMAND} "
                    "(make test does it when run as root)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "browser tier skipped: selenium is not installed (pip install -e '.[test]')"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _missing()
    if reason is None:
        return
    marker = pytest.mark.skip(reason=reason)
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(marker)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium, 1280x900, with an empty profile and no background networking."""
    with chromium() as driver:
        yield driver


@contextlib.contextmanager
def chromium(width: int = 1280, height: int = 900, network_log: bool = False):
    """A headless Chromium with an empty profile; ``network_log`` records every request
    (read them with ``driver.get_log("performance")``)."""
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="arabic-news-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--window-size={width},{height}",
        "--force-device-scale-factor=1", f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    logs = {"browser": "ALL", **({"performance": "ALL"} if network_log else {})}
    options.set_capability("goog:loggingPrefs", logs)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    """Screenshots for a person to look at: output/screenshots/ (ignored by git)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# --- The lessons, rendered two ways -------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.fixture(scope="session")
def exported_lessons(tmp_path_factory) -> dict[str, Path]:
    """Each committed lesson exported as nbconvert HTML (the JupyterLab template), by name."""
    import nbformat
    from nbconvert import HTMLExporter

    folder = tmp_path_factory.mktemp("export")
    exporter = HTMLExporter(template_name="lab")
    pages = {}
    for lesson in LESSONS:
        body, _ = exporter.from_notebook_node(nbformat.read(lesson, as_version=4))
        page = folder / f"{lesson.stem}.html"
        page.write_text(body, encoding="utf-8")
        pages[lesson.stem] = page
    return pages


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 with token authentication, started once per session.

    It serves a copy of the lessons (nothing is written next to the committed ones) with a
    fresh configuration: the notebooks are untrusted there, so their outputs go through
    JupyterLab's HTML sanitiser, as they do for a reader who opens them. Every cell is kept
    in the page (no windowing), so that each table can be measured. Yields (base URL, token).
    """
    home = tmp_path_factory.mktemp("jupyterlab")
    root = home / "lessons"
    root.mkdir()
    for lesson in LESSONS:
        shutil.copy(lesson, root / lesson.name)
    with lab_server(home, root) as server:
        yield server


@contextlib.contextmanager
def lab_server(home: Path, root: Path, extra: tuple[str, ...] = ()):
    """A JupyterLab server on 127.0.0.1 serving ``root``, its configuration under ``home``,
    with a fresh token; yields (base URL, token) and stops the server on exit."""
    import json
    import secrets
    import subprocess
    import sys
    import time
    import urllib.request

    settings = home / "settings"
    for plugin, values in {
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false",
                                                        "checkForUpdates": False},
    }.items():
        package, name = plugin.rsplit("/", 1)
        path = settings / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    token = secrets.token_hex(16)
    port = _free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_DATA_DIR=str(home / "data"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"))
    log = (home / "lab.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
         f"--port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--allow-root", *extra],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError as error:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"JupyterLab did not start; see {home / 'lab.log'}") from error
                time.sleep(0.5)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
