"""Marshmallow schemas of the HTTP layer: what comes in (Article, Batch), what goes out (Report, Problem, ...).

``ReportSchema`` mirrors ``scoring.export.report_dict`` field for field; the OpenAPI document is built from
these classes (``service.spec``), so they are the single description of the wire format.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates

from scoring.config import MAX_TEXT_CHARS
from scoring.reliability import COMPONENTS

BATCH_MAX = 50
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class StrictFloat(fields.Float):
    """A JSON number only: no numeric strings, no booleans, no NaN/infinity."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


def _iso_date(value: str) -> None:
    if not _DATE.match(value):
        raise ValidationError("Not a valid date: expected YYYY-MM-DD.")
    try:
        _dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError("Not a valid date: expected YYYY-MM-DD.") from exc


class _Strict(Schema):
    class Meta:
        unknown = RAISE
        ordered = True


# --------------------------------------------------------------------------------------------- requests
class ArticleSchema(_Strict):
    """One article to score. ``max_text_chars`` comes from the app's ``MAX_TEXT_CHARS``."""

    text = fields.String(required=True, metadata={
        "description": "The article body, plain text.", "minLength": 1, "maxLength": MAX_TEXT_CHARS})
    title = fields.String(allow_none=True, metadata={"description": "Headline (not scored)."})
    id = fields.String(allow_none=True, metadata={"description": "Caller's identifier, echoed back."})
    published_at = fields.String(allow_none=True, validate=_iso_date,
                                 metadata={"format": "date", "description": "Publication date, YYYY-MM-DD."})
    weights = fields.Dict(
        keys=fields.String(validate=validate.OneOf(COMPONENTS)),
        values=StrictFloat(validate=validate.Range(min=0)),
        allow_none=True,
        metadata={"description": "Override of reliability component weights (renormalised; not all zero). "
                                 f"Components: {', '.join(COMPONENTS)}."},
    )

    def __init__(self, *args: Any, max_text_chars: int = MAX_TEXT_CHARS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_text_chars = max_text_chars

    @validates("text")
    def _text(self, value: str, **_: Any) -> None:
        if not value.strip():
            raise ValidationError("Text must not be empty or whitespace only.")
        if len(value) > self.max_text_chars:
            raise ValidationError(f"Text has {len(value)} characters; the limit is {self.max_text_chars}.")


class BatchSchema(_Strict):
    """Up to ``BATCH_MAX`` articles; each is validated and scored on its own."""

    articles = fields.List(fields.Nested(ArticleSchema), required=True,
                           validate=validate.Length(min=1, max=BATCH_MAX))


class BatchEnvelopeSchema(_Strict):
    """What the batch route loads first: the list only, so a bad article does not fail the others."""

    articles = fields.List(fields.Raw(), required=True)

    def __init__(self, *args: Any, batch_max: int = BATCH_MAX, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.batch_max = batch_max

    @validates("articles")
    def _articles(self, value: list, **_: Any) -> None:
        if not value:
            raise ValidationError("At least one article is required.")
        if len(value) > self.batch_max:
            raise ValidationError(f"{len(value)} articles; the limit is {self.batch_max} per request.")


# --------------------------------------------------------------------------------------------- report
class SpanSchema(_Strict):
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(required=True)


class HedgeSchema(SpanSchema):
    type = fields.String(required=True)
    entry = fields.String(required=True)


class ProbabilitiesMixin(_Strict):
    certainty = fields.Float(required=True)
    label = fields.String(required=True)
    probabilities = fields.Dict(keys=fields.String(), values=fields.Float(), required=True)


class SentenceSchema(ProbabilitiesMixin):
    id = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(required=True)
    kind = fields.String(required=True)
    paragraph = fields.Integer(required=True)
    hedges = fields.List(fields.Nested(HedgeSchema), required=True)
    attribution_ids = fields.List(fields.String(), required=True)


class SourceSpanSchema(SpanSchema):
    source_id = fields.String(required=True, allow_none=True)


class CueSchema(SpanSchema):
    lemma = fields.String(required=True)
    kind = fields.String(required=True)
    stance = fields.String(required=True)


class AttributionSchema(ProbabilitiesMixin):
    id = fields.String(required=True)
    source = fields.Nested(SourceSpanSchema, required=True, allow_none=True)
    cue = fields.Nested(CueSchema, required=True)
    content = fields.List(fields.Nested(SpanSchema), required=True)
    quote = fields.String(required=True)
    via = fields.String(required=True, allow_none=True)
    hedges = fields.List(fields.Nested(HedgeSchema), required=True)
    sentence_ids = fields.List(fields.String(), required=True)
    rule = fields.String(required=True)


class ComponentSchema(_Strict):
    value = fields.Float(required=True)
    weight = fields.Float(required=True)
    explanation = fields.String(required=True)


class ReliabilitySchema(_Strict):
    score = fields.Float(required=True)
    components = fields.Dict(keys=fields.String(validate=validate.OneOf(COMPONENTS)),
                             values=fields.Nested(ComponentSchema), required=True)
    explanation = fields.List(fields.String(), required=True)


class SourceSchema(_Strict):
    id = fields.String(required=True)
    name = fields.String(required=True)
    type = fields.String(required=True)
    named = fields.Boolean(required=True)
    type_evidence = fields.String(required=True)
    mentions = fields.List(fields.Nested(SpanSchema), required=True)
    merge_evidence = fields.List(fields.String(), required=True)
    attribution_ids = fields.List(fields.String(), required=True)
    mean_certainty = fields.Float(required=True)
    min_certainty = fields.Float(required=True)
    hedged_share = fields.Float(required=True)
    reliability = fields.Nested(ReliabilitySchema, required=True)


class SummarySchema(_Strict):
    sentences = fields.Integer(required=True)
    statements = fields.Integer(required=True)
    attributed_share = fields.Float(required=True)
    anonymous_share = fields.Float(required=True)
    hedged_share = fields.Float(required=True)
    sources = fields.Integer(required=True)
    independent_sources = fields.Integer(required=True)
    single_source_share = fields.Float(required=True)


class FlagSchema(_Strict):
    type = fields.String(required=True)
    message = fields.String(required=True)
    sentence_ids = fields.List(fields.String(), required=True)
    attribution_ids = fields.List(fields.String(), required=True)


class ModelVersionSchema(_Strict):
    version = fields.String(required=True)


class ReportSchema(_Strict):
    id = fields.String(required=True, allow_none=True)
    title = fields.String(required=True, allow_none=True)
    published_at = fields.String(required=True, allow_none=True, metadata={"format": "date"})
    text = fields.String(required=True, metadata={"description": (
        "The article as scored; every span's [start, end) indexes it. Line breaks unified, a byte-order mark "
        "dropped, Unicode NFC; every space separator a plain space and the line breaks inside hard-wrapped "
        "paragraphs spaces, one character for one (so without CR, BOM or decomposed characters, offsets also "
        "index the text as sent).")})
    model = fields.Nested(ModelVersionSchema, required=True)
    sentences = fields.List(fields.Nested(SentenceSchema), required=True)
    attributions = fields.List(fields.Nested(AttributionSchema), required=True)
    sources = fields.List(fields.Nested(SourceSchema), required=True)
    summary = fields.Nested(SummarySchema, required=True)
    flags = fields.List(fields.Nested(FlagSchema), required=True)


# --------------------------------------------------------------------------------------------- others
class FieldErrorSchema(_Strict):
    field = fields.String(required=True, metadata={"description": "Dotted path, e.g. `text`, `articles.2.text`."})
    message = fields.String(required=True)


class ProblemSchema(_Strict):
    """RFC 9457 problem details."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    instance = fields.String()
    errors = fields.List(fields.Nested(FieldErrorSchema))


class ReportItemSchema(_Strict):
    report = fields.Nested(ReportSchema, required=True)


class ErrorItemSchema(_Strict):
    error = fields.Nested(ProblemSchema, required=True)


class BatchResultSchema(_Strict):
    """``results[i]`` is ``{"report": ...}`` or ``{"error": ...}`` for ``articles[i]``, in order."""

    results = fields.List(fields.Dict(), required=True)


class ModelInfoSchema(_Strict):
    version = fields.String(required=True)
    corpus_sha256 = fields.String(required=True, allow_none=True)
    lexicons_sha256 = fields.String(required=True, allow_none=True,
                                    metadata={"description": "SHA-256 of scoring/lexicons/ the model was trained with."})
    sklearn_version = fields.String(required=True, allow_none=True)
    metrics = fields.Dict(required=True, allow_none=True)


class HealthSchema(_Strict):
    status = fields.String(required=True, validate=validate.Equal("ok"))


class ReadySchema(_Strict):
    status = fields.String(required=True, validate=validate.Equal("ready"))
    model = fields.String(required=True)


def validate_batch_result(data: dict) -> None:
    """Load a batch response strictly: each item is exactly a Report or a Problem (raises ValidationError)."""
    BatchResultSchema().load(data)
    for item in data["results"]:
        if set(item) == {"report"}:
            ReportItemSchema().load(item)
        else:
            ErrorItemSchema().load(item)
