"""The committed OpenAPI document, the served one and the responses agree."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scoring.errors import ModelError
from service.schemas import ProblemSchema, ReportSchema, validate_batch_result
from service.spec import SPEC_PATH, build_spec, to_yaml

pytestmark = pytest.mark.server


def test_committed_spec_matches_served(http):
    status, _, served = http.call("GET", "/openapi.json")
    assert status == 200
    committed = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert committed == served, "api_specs/openapi.yaml is stale: run `python -m service.spec`"


def test_committed_spec_is_byte_stable():
    assert SPEC_PATH.read_text(encoding="utf-8") == to_yaml(build_spec())


def test_every_served_report_validates(http, served_reports):
    # Reports received by test_api.py (when it ran first), plus fresh ones so this test stands alone.
    status, _, report = http.call("POST", "/v1/score", json={"text": "Officials said the road may reopen soon."})
    assert status == 200
    status, _, batch = http.call("POST", "/v1/score/batch",
                                 json={"articles": [{"text": "Police said two people were hurt."}, {"text": ""}]})
    assert status == 200
    validate_batch_result(batch)
    assert served_reports
    for r in served_reports:
        assert ReportSchema().load(r) is not None
        assert ReportSchema().dump(r) == r  # the schema mirrors report_dict exactly, nothing left out


def test_problems_validate(http):
    for method, path, body in [("POST", "/v1/score", {"text": ""}), ("GET", "/v1/missing", None)]:
        _, _, problem = http.call(method, path, json=body)
        ProblemSchema().load(problem)


def test_report_schema_matches_report_dict(scorer):
    from scoring.export import report_dict

    d = report_dict(scorer.score("A spokesman said the talks may resume. It is unclear whether they will.",
                                 id="x", published_at="2024-01-01"))
    assert ReportSchema().dump(ReportSchema().load(d)) == d


def test_missing_model_fails_at_start(tmp_path: Path, monkeypatch):
    from service import create_app

    monkeypatch.setenv("SOURCESCORE_MODEL_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(ModelError, match="cannot start.*no certainty model"):
        create_app()


def test_corrupt_model_fails_at_start(tmp_path: Path):
    from service import create_app

    (tmp_path / "model.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot start"):
        create_app({"MODEL_DIR": str(tmp_path)})
