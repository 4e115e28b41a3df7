"""The HTTP routes: validate, call the library, serialise. No linguistics here."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from marshmallow import ValidationError

from scoring import Scorer
from scoring.errors import InvalidInput
from scoring.export import report_dict

from .errors import invalid_input_problem, problem, problem_response, validation_problem
from .schemas import ArticleSchema, BatchEnvelopeSchema

bp = Blueprint("v1", __name__, url_prefix="/v1")
meta = Blueprint("meta", __name__)


def scorer() -> Scorer:
    return current_app.extensions["sourcescore.scorer"]


def _json_body() -> Any:
    # Raises 415 if not JSON, 400 if malformed, 413 if over MAX_CONTENT_LENGTH (handled in errors.py).
    return request.get_json()


def _score(article: dict[str, Any]) -> dict[str, Any]:
    report = scorer().score(article["text"], id=article.get("id"), title=article.get("title"),
                            published_at=article.get("published_at"), weights=article.get("weights"))
    return report_dict(report)


@bp.post("/score")
def score() -> Response:
    article = ArticleSchema(max_text_chars=current_app.config["MAX_TEXT_CHARS"]).load(_json_body())
    return jsonify(_score(article))


@bp.post("/score/batch")
def score_batch() -> Response:
    envelope = BatchEnvelopeSchema(batch_max=current_app.config["BATCH_MAX"]).load(_json_body())
    schema = ArticleSchema(max_text_chars=current_app.config["MAX_TEXT_CHARS"])
    results: list[dict[str, Any]] = []
    for i, raw in enumerate(envelope["articles"]):
        prefix = f"articles.{i}"
        try:
            results.append({"report": _score(schema.load(raw))})
        except ValidationError as exc:
            results.append({"error": validation_problem(exc, prefix)})
        except InvalidInput as exc:
            results.append({"error": invalid_input_problem(exc, prefix)})
    return jsonify({"results": results})


@bp.get("/health")
def health() -> Response:
    return jsonify({"status": "ok"})


@bp.get("/ready")
def ready() -> Response:
    s = current_app.extensions.get("sourcescore.scorer")
    if s is None or s.model.version == "untrained":
        return problem_response(problem(503, "The certainty model is not loaded."))
    return jsonify({"status": "ready", "model": s.model.version})


@bp.get("/model")
def model() -> Response:
    md = scorer().model.metadata
    return jsonify({"version": scorer().model.version, "corpus_sha256": md.get("corpus_sha256"),
                    "lexicons_sha256": md.get("lexicons_sha256"),
                    "sklearn_version": md.get("sklearn_version"), "metrics": md.get("metrics")})


@meta.get("/openapi.json")
def openapi() -> Response:
    from .spec import build_spec

    return jsonify(build_spec())
