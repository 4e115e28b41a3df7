"""sourcescore: who claims what in a news article, how sure they sound, and how much weight each source deserves.

Public face: ``Scorer`` (``Scorer.load().score(text) -> Report``), the data types, the errors.
"""
from .config import Config
from .errors import CorpusError, InvalidInput, LexiconError, ModelError, ScoringError
from .export import report_dict
from .scorer import Scorer
from .types import Attribution, Document, Report, Source, SourceProfile, Span

__all__ = ["Scorer", "Config", "Report", "Attribution", "Document", "Source", "SourceProfile", "Span",
           "report_dict", "ScoringError", "InvalidInput", "ModelError", "LexiconError", "CorpusError"]
__version__ = "0.1.0"
