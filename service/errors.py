"""The one place errors become HTTP responses: ``application/problem+json`` (RFC 9457).

400 malformed JSON, 413 body too large, 415 not JSON, 404, 405 (werkzeug HTTPExceptions); 422 schema
violations and ``InvalidInput``; any other ``ScoringError`` -> 500 with a safe message (details logged only).
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from flask import Flask, Response, current_app, has_request_context, json, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from scoring.errors import InvalidInput, ScoringError

PROBLEM_JSON = "application/problem+json"
VALIDATION_TYPE = "urn:sourcescore:problem:validation-error"
INTERNAL_TYPE = "urn:sourcescore:problem:internal-error"


def problem(status: int, detail: str, *, type: str = "about:blank", title: str | None = None,
            errors: list[dict[str, str]] | None = None, instance: str | None = None) -> dict[str, Any]:
    """A problem object (dict). ``instance`` defaults to the request path."""
    body: dict[str, Any] = {"type": type, "title": title or HTTP_STATUS_CODES.get(status, "Error"),
                            "status": status, "detail": detail}
    if instance is None and has_request_context():
        instance = request.path
    if instance is not None:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    return body


def problem_response(body: Mapping[str, Any], headers: Iterable[tuple[str, str]] = ()) -> Response:
    response = Response(json.dumps(body), status=body["status"], mimetype=PROBLEM_JSON)
    for name, value in headers:
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def flatten(messages: Any, prefix: str = "") -> list[dict[str, str]]:
    """marshmallow's nested ``messages`` -> ``[{field, message}]`` with dotted paths (``articles.2.text``)."""
    out: list[dict[str, str]] = []
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            if key == "_schema":
                path = prefix or "body"
            elif key in ("key", "value") and prefix and isinstance(value, list):
                path = prefix  # marshmallow Dict key/value errors: report them on the entry itself
            else:
                path = f"{prefix}.{key}" if prefix else str(key)
            out.extend(flatten(value, path))
    elif isinstance(messages, (list, tuple)) and all(isinstance(m, str) for m in messages):
        out.extend({"field": prefix or "body", "message": m} for m in messages)
    elif isinstance(messages, (list, tuple)):
        for m in messages:
            out.extend(flatten(m, prefix))
    else:
        out.append({"field": prefix or "body", "message": str(messages)})
    return out


def validation_problem(err: ValidationError, prefix: str = "") -> dict[str, Any]:
    errors = flatten(err.messages, prefix)
    fields_ = ", ".join(dict.fromkeys(e["field"] for e in errors))
    return problem(422, f"The request is invalid: {fields_}.", type=VALIDATION_TYPE,
                   title="Unprocessable Content", errors=errors)


def invalid_input_problem(err: InvalidInput, prefix: str = "") -> dict[str, Any]:
    field = f"{prefix}.{err.field}" if prefix else err.field
    return problem(422, str(err), type=VALIDATION_TYPE, title="Unprocessable Content",
                   errors=[{"field": field, "message": str(err)}])


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        status = exc.code or 500
        detail = exc.description or HTTP_STATUS_CODES.get(status, "Error")
        if status == 400 and "json" in detail.lower():
            detail = "The request body is not valid JSON."
        elif status == 413:
            detail = f"The request body is larger than {current_app.config['MAX_CONTENT_LENGTH']} bytes."
        elif status == 415:
            detail = "The request body must be JSON, sent with Content-Type: application/json."
        return problem_response(problem(status, detail, title=HTTP_STATUS_CODES.get(status)),
                                exc.get_headers())

    @app.errorhandler(ValidationError)
    def _validation(exc: ValidationError) -> Response:
        return problem_response(validation_problem(exc))

    @app.errorhandler(InvalidInput)
    def _invalid(exc: InvalidInput) -> Response:
        return problem_response(invalid_input_problem(exc))

    @app.errorhandler(ScoringError)
    def _scoring(exc: ScoringError) -> Response:
        current_app.logger.error("scoring failed: %s: %s", type(exc).__name__, exc)
        return problem_response(problem(500, "The article could not be scored because of a server-side error.",
                                        type=INTERNAL_TYPE))
