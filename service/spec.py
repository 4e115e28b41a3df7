"""The OpenAPI document, built with apispec + MarshmallowPlugin from ``service.schemas``.

``python -m service.spec`` writes ``api_specs/openapi.yaml`` (sorted keys, stable); the app serves the same
document at ``/openapi.json``; a test checks that the two do not drift.
"""
from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import yaml
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

import scoring
from scoring.reliability import COMPONENTS as COMPONENTS_NAMES

from . import schemas

SPEC_PATH = Path(__file__).resolve().parent.parent / "api_specs" / "openapi.yaml"
OPENAPI_VERSION = "3.1.0"


def _json(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


def _problem(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}


_BODY_ERRORS = {
    "400": _problem("The body is not valid JSON."),
    "413": _problem("The body is larger than the limit (SOURCESCORE_MAX_BODY_BYTES, default 2 MiB)."),
    "415": _problem("The body is not sent as application/json."),
}
_SCORING_ERRORS = {"500": _problem("The model failed on the server (safe message; details are logged).")}

PATHS: dict[str, dict[str, Any]] = {
    "/v1/score": {"post": {
        "operationId": "score", "tags": ["scoring"], "summary": "Score one article",
        "description": "Finds who claims what, how sure each claim sounds, and how reliable each source is.",
        "requestBody": {"required": True, "content": _json("Article")},
        "responses": {"200": {"description": "The report.", "content": _json("Report")}, **_BODY_ERRORS,
                      "422": _problem("The article is invalid; `errors` lists each field path (e.g. `text`)."),
                      **_SCORING_ERRORS},
    }},
    "/v1/score/batch": {"post": {
        "operationId": "scoreBatch", "tags": ["scoring"], "summary": "Score up to 50 articles",
        "description": "Each article is validated and scored on its own: `results[i]` is `{report}` or `{error}` "
                       "(a problem with status 422 and paths like `articles.2.text`) for `articles[i]`.",
        "requestBody": {"required": True, "content": _json("Batch")},
        "responses": {"200": {"description": "One result per article, in order.", "content": _json("BatchResult")},
                      **_BODY_ERRORS,
                      "422": _problem("`articles` is missing, empty, or longer than 50."), **_SCORING_ERRORS},
    }},
    "/v1/health": {"get": {
        "operationId": "health", "tags": ["operations"], "summary": "Liveness",
        "responses": {"200": {"description": "The process is up.", "content": _json("Health")}},
    }},
    "/v1/ready": {"get": {
        "operationId": "ready", "tags": ["operations"], "summary": "Readiness",
        "responses": {"200": {"description": "The model is loaded.", "content": _json("Ready")},
                      "503": _problem("The model is not loaded.")},
    }},
    "/v1/model": {"get": {
        "operationId": "model", "tags": ["operations"], "summary": "The loaded certainty model",
        "responses": {"200": {"description": "Version, training corpus checksum, metrics.",
                              "content": _json("ModelInfo")}},
    }},
    "/openapi.json": {"get": {
        "operationId": "openapi", "tags": ["operations"], "summary": "This document",
        "responses": {"200": {"description": "The OpenAPI document.",
                              "content": {"application/json": {"schema": {"type": "object"}}}}},
    }},
}

COMPONENTS = [
    ("Article", schemas.ArticleSchema), ("Batch", schemas.BatchSchema), ("Report", schemas.ReportSchema),
    ("Problem", schemas.ProblemSchema), ("ReportItem", schemas.ReportItemSchema),
    ("ErrorItem", schemas.ErrorItemSchema), ("BatchResult", schemas.BatchResultSchema),
    ("ModelInfo", schemas.ModelInfoSchema), ("Health", schemas.HealthSchema), ("Ready", schemas.ReadySchema),
]

_cache: dict[str, Any] | None = None


def build_spec() -> dict[str, Any]:
    """The OpenAPI document as a plain dict (a fresh copy; built once per process)."""
    global _cache
    if _cache is None:
        spec = APISpec(
            title="sourcescore", version=scoring.__version__, openapi_version=OPENAPI_VERSION,
            plugins=[MarshmallowPlugin()],
            info={"description": "Who claims what in a news article, how sure they sound, and how much weight "
                                 "each source deserves. Errors are RFC 9457 problem details "
                                 "(application/problem+json)."},
        )
        for name, schema in COMPONENTS:
            spec.components.schema(name, schema=schema)
        for path, operations in PATHS.items():
            spec.path(path=path, operations=copy.deepcopy(operations))
        doc = spec.to_dict()
        # marshmallow has no "one of"; say it here: each batch result is a ReportItem or an ErrorItem.
        doc["components"]["schemas"]["BatchResult"]["properties"]["results"]["items"] = {
            "oneOf": [{"$ref": "#/components/schemas/ReportItem"}, {"$ref": "#/components/schemas/ErrorItem"}]}
        names = {"enum": list(COMPONENTS_NAMES)}
        doc["components"]["schemas"]["Article"]["properties"]["weights"]["propertyNames"] = names
        doc["components"]["schemas"]["Reliability"]["properties"]["components"]["propertyNames"] = names
        _cache = doc
    return copy.deepcopy(_cache)


def to_yaml(doc: dict[str, Any]) -> str:
    return yaml.safe_dump(doc, sort_keys=True, allow_unicode=True, default_flow_style=False, width=120)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else SPEC_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_yaml(build_spec()), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
