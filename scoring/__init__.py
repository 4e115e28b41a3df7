"""sourcescore: who claims what in a news article, how sure they sound, and how much weight each source deserves.

Public face: ``Scorer`` (``Scorer.load().score(text) -> Report``), the data types, the errors.
"""
from ._compiled_check import check_compiled

check_compiled()  # before any compiled module is imported

from .config import Config  # noqa: E402
from .errors import CorpusError, InvalidInput, LexiconError, ModelError, ScoringError  # noqa: E402
from .export import report_dict  # noqa: E402
from .scorer import Scorer  # noqa: E402
from .types import Attribution, Document, Report, Source, SourceProfile, Span  # noqa: E402

__all__ = ["Scorer", "Config", "Report", "Attribution", "Document", "Source", "SourceProfile", "Span",
           "report_dict", "ScoringError", "InvalidInput", "ModelError", "LexiconError", "CorpusError"]
__version__ = "0.1.0"
