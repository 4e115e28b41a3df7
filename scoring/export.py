"""Report -> plain JSON-ready dicts: the wire form of the Report, shared by the CLI and the service."""
from __future__ import annotations

from typing import Any

from .types import Certainty, Hedge, Report, Span


def span_dict(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def hedge_dict(h: Hedge) -> dict[str, Any]:
    return {**span_dict(h.span), "type": h.type, "entry": h.entry}


def _certainty(c: Certainty) -> dict[str, Any]:
    return {"certainty": c.certainty, "label": c.label, "probabilities": dict(c.probabilities)}


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "id": report.id,
        "title": report.title,
        "published_at": report.published_at,
        "text": report.text,
        "model": {"version": report.model_version},
        "sentences": [
            {
                "id": s.sentence.id, "start": s.sentence.start, "end": s.sentence.end, "text": s.sentence.text,
                "kind": s.sentence.kind, "paragraph": s.sentence.paragraph,
                **_certainty(s.certainty),
                "hedges": [hedge_dict(h) for h in s.hedges],
                "attribution_ids": list(s.attribution_ids),
            }
            for s in report.sentences
        ],
        "attributions": [
            {
                "id": a.attribution.id,
                "source": None if a.attribution.source is None else {
                    **span_dict(a.attribution.source), "source_id": a.source_id},
                "cue": {**span_dict(a.attribution.cue.span), "lemma": a.attribution.cue.lemma,
                        "kind": a.attribution.cue.kind, "stance": a.attribution.cue.stance},
                "content": [span_dict(c) for c in a.attribution.content],
                "quote": a.attribution.quote,
                "via": a.attribution.via,
                **_certainty(a.certainty),
                "hedges": [hedge_dict(h) for h in a.hedges],
                "sentence_ids": list(a.attribution.sentence_ids),
                "rule": a.attribution.rule,
            }
            for a in report.attributions
        ],
        "sources": [
            {
                "id": p.source.id, "name": p.source.name, "type": p.source.type, "named": p.source.named,
                "type_evidence": p.source.type_evidence,
                "mentions": [span_dict(m) for m in p.source.mentions],
                "merge_evidence": list(p.source.merge_evidence),
                "attribution_ids": list(p.source.attribution_ids),
                "mean_certainty": p.mean_certainty, "min_certainty": p.min_certainty,
                "hedged_share": p.hedged_share,
                "reliability": {
                    "score": p.reliability.score,
                    "components": {c.name: {"value": c.value, "weight": c.weight, "explanation": c.explanation}
                                   for c in p.reliability.components},
                    "explanation": list(p.reliability.explanation),
                },
            }
            for p in report.sources
        ],
        "summary": {
            "sentences": report.summary.sentences, "statements": report.summary.statements,
            "attributed_share": report.summary.attributed_share, "anonymous_share": report.summary.anonymous_share,
            "hedged_share": report.summary.hedged_share, "sources": report.summary.sources,
            "independent_sources": report.summary.independent_sources,
            "single_source_share": report.summary.single_source_share,
        },
        "flags": [
            {"type": f.type, "message": f.message, "sentence_ids": list(f.sentence_ids),
             "attribution_ids": list(f.attribution_ids)}
            for f in report.flags
        ],
    }


def iter_spans(report: dict[str, Any]):
    """Every span of a report dict, for the offset property: ``text[start:end] == span["text"]``."""
    for s in report["sentences"]:
        yield s
        yield from s["hedges"]
    for a in report["attributions"]:
        if a["source"] is not None:
            yield a["source"]
        yield a["cue"]
        yield from a["content"]
        yield from a["hedges"]
    for p in report["sources"]:
        yield from p["mentions"]
