"""In-process checks (Flask test client) of what the live server cannot easily show: 500 and 503 mapping,
and gunicorn refusing to start without a model."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from scoring.errors import ModelError
from service import create_app

ROOT = Path(__file__).resolve().parents[2]


class BrokenScorer:
    model = SimpleNamespace(version="1.0.0", metadata={})

    def score(self, text, **kwargs):
        raise ModelError("/secret/path/weights.npz exploded")


def test_client_fixture_scores(client):
    response = client.post("/v1/score", json={"text": "The ministry said the bridge would reopen."})
    assert response.status_code == 200
    assert response.get_json()["sources"]


def test_scoring_error_is_a_safe_500():
    client = create_app({"TESTING": True, "SCORER": BrokenScorer()}).test_client()
    response = client.post("/v1/score", json={"text": "Anything."})
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == 500 and "secret" not in response.get_data(as_text=True)


def test_not_ready_is_503():
    scorer = SimpleNamespace(model=SimpleNamespace(version="untrained", metadata={}))
    response = create_app({"TESTING": True, "SCORER": scorer}).test_client().get("/v1/ready")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"


def test_config_limits_apply(scorer):
    client = create_app({"TESTING": True, "SCORER": scorer, "MAX_TEXT_CHARS": 10, "BATCH_MAX": 2,
                         "MAX_CONTENT_LENGTH": 1000}).test_client()
    assert client.post("/v1/score", json={"text": "x" * 11}).status_code == 422
    assert client.post("/v1/score/batch", json={"articles": [{"text": "a"}] * 3}).status_code == 422
    assert client.post("/v1/score", json={"text": "x" * 2000}).status_code == 413


@pytest.mark.server
def test_gunicorn_refuses_to_start_without_model(tmp_path):
    env = {**os.environ, "SOURCESCORE_MODEL_DIR": str(tmp_path / "missing")}
    proc = subprocess.run([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", "127.0.0.1:0",
                           "--workers", "1", "service:create_app()"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode != 0
    assert "no certainty model" in proc.stdout + proc.stderr
