"""The explorer as a local web app: ``make explore CORPUS=...`` (or ``python -m
arabic_news.explorer.app --corpus PATH``).

Voilà runs the package's small notebook (``app.ipynb``: load the corpus, show the explorer)
and serves only its output, the widgets, from pip-installed assets: nothing comes from the
network. Like ``make lab`` it listens on 127.0.0.1 only, and every request must carry a
token, a new random one each start (printed with the address, which holds it). A request
without it is refused (tests/browser/test_explorer_app.py checks that).
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path

NOTEBOOK = Path(__file__).with_name("app.ipynb")
#: Jupyter data folder of the explorer's Voilà template ("explorer": the lab template
#: without its stylesheets from a CDN), put first on JUPYTER_PATH for the server.
TEMPLATES = Path(__file__).with_name("jupyter")
CORPUS_VARIABLE = "ARABIC_NEWS_EXPLORE_CORPUS"
LANGUAGE_VARIABLE = "ARABIC_NEWS_EXPLORE_LANGUAGE"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def command(port: int, token: str) -> list[str]:
    """The Voilà command line: localhost only, with ``token``, code cells hidden."""
    return [sys.executable, "-m", "voila", str(NOTEBOOK), "--no-browser",
            "--Voila.ip=127.0.0.1", f"--port={port}", f"--token={token}",
            "--template=explorer", "--strip_sources=True", "--theme=light",
            "--show_tracebacks=False",
            # reading a large corpus once takes minutes: no timeout on the notebook's cell
            "--VoilaExecutor.timeout=-1"]


def serve(corpus: str | os.PathLike | None, *, port: int | None = None,
          token: str | None = None, language: str | None = None, **popen) -> tuple[
              subprocess.Popen, str]:
    """Start the app for ``corpus`` (None: the seeds) and return (process, address with
    token). The caller stops the process."""
    if corpus is not None and not Path(corpus).exists():
        raise FileNotFoundError(f"no corpus at {corpus}: give a folder, a .csv, .jsonl or "
                                ".parquet file, or an ANT folder")
    port = port or free_port()
    token = token or secrets.token_urlsafe(24)
    env = dict(os.environ)
    env[CORPUS_VARIABLE] = "" if corpus is None else str(Path(corpus).resolve())
    env[LANGUAGE_VARIABLE] = language or ""
    env["JUPYTER_PATH"] = os.pathsep.join(
        [str(TEMPLATES), *filter(None, [os.environ.get("JUPYTER_PATH")])])
    process = subprocess.Popen(command(port, token), env=env, **popen)
    return process, f"http://127.0.0.1:{port}/?token={token}"


def wait_until_listening(address: str, process: subprocess.Popen, timeout: float = 120) -> None:
    """Return once the server at ``address`` answers (its static files need no token and
    start no kernel); raise RuntimeError if it stops or does not answer in time."""
    port = int(address.split(":")[2].split("/")[0])
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/static/voila.js",
                                   timeout=2).close()
            return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"the explorer's server stopped (exit code "
                                   f"{process.returncode})") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"the explorer's server did not answer in {timeout} s") \
                    from None
            time.sleep(0.3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="the corpus to explore (default: the seeds)")
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--language", choices=["ar", "en"], default=None,
                        help="language of the labels (default: Arabic)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    args = parser.parse_args(argv)
    process, address = serve(args.corpus or None, port=args.port, language=args.language)
    print(f"The explorer is starting at\n    {address}\n(localhost only; the token in the "
          "address is needed; Ctrl-C stops it)", flush=True)
    if not args.no_browser:
        wait_until_listening(address, process)
        webbrowser.open(address)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()


if __name__ == "__main__":
    sys.exit(main())
