"""The browser test tier: headless Chromium from the Debian packages, driven by selenium.

Every test here takes the ``browser`` fixture. When Chromium or its driver is missing the
whole tier is skipped with one clear reason (``make test`` prints it in its summary); CI
installs both (``.ci/run``), so there it always runs. Nothing is downloaded: selenium is told
where the system browser and driver are, and Selenium Manager is kept offline.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("ARABIC_NEWS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ARABIC_NEWS_CHROMEDRIVER", "/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "output" / "screenshots"


def _missing() -> str | None:
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            return (f"browser tier skipped: {path} not found; install the Debian packages "
                    f"'chromium chromium-driver' (apt-get install {package}) to run it")
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
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="arabic-news-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,900", "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
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
