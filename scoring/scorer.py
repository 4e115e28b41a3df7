"""The one call path: ``Scorer.score(text) -> Report``, a line per stage."""
from __future__ import annotations

from typing import Mapping

from .attribution import find_attributions
from .certainty import CertaintyModel
from .config import Config
from .errors import InvalidInput
from .hedging import find_hedges
from .lexicons import Lexicons
from .reliability import EventFrames, Weights, assess_reliability
from .segment import Segmenter
from .sources import resolve_sources
from .types import Attribution, Document, Hedge, Report, ScoredAttribution, ScoredSentence


class Scorer:
    """Holds the loaded lexicons, model and weights. The constructor only stores; ``load`` reads files."""

    def __init__(self, lexicons: Lexicons, model: CertaintyModel, weights: Weights, frames: EventFrames,
                 config: Config = Config()) -> None:
        self.lexicons = lexicons
        self.model = model
        self.weights = weights
        self.frames = frames
        self.config = config
        self.segmenter = Segmenter(lexicons.abbreviations)

    @classmethod
    def load(cls, config: Config | None = None) -> "Scorer":
        config = config or Config.from_env()
        lexicons = Lexicons.load()
        return cls(lexicons, CertaintyModel.load(config.model_dir, lexicons), Weights.load(), EventFrames.load(),
                   config)

    def score(self, text: object, *, id: str | None = None, title: str | None = None,
              published_at: str | None = None, weights: Mapping[str, object] | None = None) -> Report:
        # (text typed object: compiled, a str annotation would be a TypeError before this check)
        if not isinstance(text, str):
            raise InvalidInput("text must be a string")
        if len(text) > self.config.max_text_chars:
            raise InvalidInput(f"text has {len(text)} characters; the limit is {self.config.max_text_chars}")
        doc = self.segmenter.segment(text, id=id, title=title, published_at=published_at)
        attributions = find_attributions(doc, self.lexicons)
        sources, source_of = resolve_sources(doc, attributions, self.lexicons)
        hedges = find_hedges(doc, self.lexicons)
        sentences, scored = self._certainty(doc, attributions, source_of, hedges)
        profiles, summary, flags = assess_reliability(doc, sentences, scored, sources,
                                                      self.weights.override(weights), self.frames)
        return Report(id=id, text=doc.text, model_version=self.model.version, sentences=sentences,
                      attributions=scored, sources=profiles, summary=summary, flags=flags, title=title,
                      published_at=published_at)

    def _certainty(self, doc: Document, attributions: tuple[Attribution, ...], source_of: dict[str, str],
                   hedges: tuple[Hedge, ...]) -> tuple[tuple[ScoredSentence, ...], tuple[ScoredAttribution, ...]]:
        """One batch through the model: every sentence, and every attribution as its own statement
        ("source cue content"), so two claims in one sentence get their own certainty."""
        hedges_of: dict[str, list[Hedge]] = {}
        for h in hedges:
            hedges_of.setdefault(h.sentence_id, []).append(h)
        statements = [_statement_text(a) for a in attributions]
        sentence_ids = [s.id for s in doc.sentences]
        # the sentences' hedges are the hedging stage's (found on the same text): only statements are scanned
        found = [hedges_of.get(sid, ()) for sid in sentence_ids]
        predictions = self.model.predict([s.text for s in doc.sentences] + statements, found_hedges=found)
        n = len(doc.sentences)
        attributions_of: dict[str, list[str]] = {}
        for a in attributions:
            for sid in a.sentence_ids:
                attributions_of.setdefault(sid, []).append(a.id)
        # (compiled, each object is built by a direct call of its native constructor, positional arguments)
        sentences = tuple([ScoredSentence(s, c, tuple(f), tuple(attributions_of.get(s.id, ())))
                           for s, c, f in zip(doc.sentences, predictions, found)])
        scored = tuple([ScoredAttribution(a, source_of.get(a.id), c, _hedges_inside(a, hedges_of))
                        for a, c in zip(attributions, predictions[n:])])
        return sentences, scored


def _statement_text(a: Attribution) -> str:
    parts = ([a.source.text] if a.source else []) + [a.cue.span.text] + [c.text for c in a.content]
    return " ".join(parts)


def _hedges_inside(a: Attribution, hedges_of: dict[str, list[Hedge]]) -> tuple[Hedge, ...]:
    """The hedges of the attribution's sentences inside its cue or content, in order."""
    near = [h for sid in a.sentence_ids for h in hedges_of.get(sid, ())]
    if not near:  # most attributions
        return ()
    spans = [(s.start, s.end) for s in (a.cue.span, *a.content)]
    return tuple([h for h in near if any(start <= h.span.start and h.span.end <= end for start, end in spans)])


__all__ = ["Scorer"]
