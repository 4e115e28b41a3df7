"""Shared fixtures: ``lexicons``/``segmenter`` for unit tests; for the service: ``scorer`` (the real one, loaded
once), ``app``, ``client``, ``runner``, and ``live_server`` (a real gunicorn) with an ``http`` urllib client."""
from __future__ import annotations

import json as _json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from hypothesis import settings

from scoring.lexicons import Lexicons
from scoring.segment import Segmenter

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# CI runs the property tests on a fixed seed, so a red build always means a change broke something (random
# exploration still happens in every local run; a counterexample found there becomes a regression case)
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("SOURCESCORE_TEST_PROFILE", "ci" if os.environ.get("CI") else "") == "ci":
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "server: talks to a live gunicorn (runs in the normal pytest run)")


@pytest.fixture(scope="session")
def lexicons():
    return Lexicons.load()


@pytest.fixture(scope="session")
def segmenter(lexicons):
    return Segmenter(lexicons.abbreviations)


# ------------------------------------------------------------------------------------------- service
@pytest.fixture(scope="session")
def scorer():
    from scoring import Config, Scorer

    return Scorer.load(Config.from_env())


@pytest.fixture(scope="session")
def app(scorer):
    from service import create_app

    return create_app({"TESTING": True, "SCORER": scorer})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """A real gunicorn (1 worker) on a free port; yields its base URL and stops it at the end."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCESCORE_BIND", "PORT")}
    cmd = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
           "--workers", "1", "service:create_app()"]
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"gunicorn exited with {proc.returncode}:\n{log_path.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{base}/v1/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not become healthy in 90 s:\n{log_path.read_text(errors='replace')}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def served_reports() -> list[dict]:
    """Every report the live server returned during the session (checked against ReportSchema)."""
    return []


class Http:
    """A tiny urllib client for the live server: ``call(method, path, json=..., data=..., content_type=...)``
    returns ``(status, headers, parsed body)``; HTTP errors are returned, not raised."""

    def __init__(self, base: str, reports: list[dict]) -> None:
        self.base = base
        self.reports = reports

    def call(self, method: str, path: str, *, json=None, data: bytes | None = None,
             content_type: str | None = "application/json", timeout: float = 60):
        if json is not None:
            data = _json.dumps(json).encode("utf-8")
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if content_type and data is not None:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status, headers, raw = r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            status, headers, raw = e.code, e.headers, e.read()
        body = _json.loads(raw) if raw else None
        if status == 200 and isinstance(body, dict):
            if "sentences" in body:
                self.reports.append(body)
            for item in body.get("results", []):
                if "report" in item:
                    self.reports.append(item["report"])
        return status, headers, body


@pytest.fixture(scope="session")
def http(live_server, served_reports) -> Http:
    return Http(live_server, served_reports)
