"""The certainty model: how sure a statement sounds, as a calibrated probability.

``CertaintyModel`` wraps a scikit-learn Pipeline: word uni- and bigrams (TF-IDF) and the counts of each hedge
type and cue stance found by the lexicons, into a multinomial logistic regression over
the four levels of ``seeds/certainty/GUIDELINES.md`` (certain, probable, possible, unknown). Its scores are
calibrated by temperature scaling fitted on out-of-fold scores of the training split, so ``certainty`` (the
probability of "certain") means what it says. Character n-grams were tried and dropped: on the held-out split
they moved macro-F1 by +0.003 and cost three times the prediction time (see README, model card).

The saved form is data only: ``model.json`` (metadata, vocabularies, metrics) and ``weights.npz`` (arrays,
read with ``allow_pickle=False``). Loading rebuilds the same Pipeline around those arrays; nothing is
unpickled, so a model file can never run code.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from functools import lru_cache
from bisect import bisect_right
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import scipy.sparse as sp
import sklearn
from scipy.optimize import minimize_scalar
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from .errors import ModelError
from .hedging import hedges_in_sentences, lower_same_length
from .lexicons import Lexicons
from .types import Certainty, Hedge, Sentence

LABELS = ("certain", "probable", "possible", "unknown")
FORMAT = "sourcescore-certainty/1"
HEDGE_TYPES = ("epistemic", "hearsay", "unknown", "claim", "approximator", "weasel", "conditional",
               "negated_certainty", "booster")
STANCES = ("assertive", "neutral", "distancing", "denial", "directive")
_HEDGE_COLUMN = {t: k for k, t in enumerate(HEDGE_TYPES)}
_STANCE_COLUMN = {t: len(HEDGE_TYPES) + k for k, t in enumerate(STANCES)}


class LexiconFeatures(BaseEstimator, TransformerMixin):
    """Counts of each hedge type and of reporting verbs of each stance in a sentence (scikit-learn
    transformer; stateless, so fitting learns nothing)."""

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self.lexicons = lexicons

    def __sklearn_clone__(self) -> "LexiconFeatures":
        # the lexicons are read-only and shared; copying them would only cost time
        return LexiconFeatures(self.lexicons)

    def fit(self, X: Iterable[str], y: Any = None) -> "LexiconFeatures":
        return self

    def transform(self, X: Iterable[str]) -> sp.csr_matrix:
        return self.counts(list(X))

    def counts(self, texts: Sequence[str], found_hedges: Sequence[Sequence[Hedge]] = ()) -> sp.csr_matrix:
        """``transform``; ``found_hedges[k]``, when given, is the hedges already found in ``texts[k]`` (the
        scorer has each sentence's from the hedging stage), so only the remaining texts are scanned."""
        assert self.lexicons is not None
        known = len(found_hedges)
        # one string for the rest of the batch, so each pattern scans once (see hedging.hedges_in_sentences)
        sentences, pos = [], 0
        for k, text in enumerate(texts[known:], start=known):
            sentences.append(Sentence(f"s{k}", pos, pos + len(text), text, "body", 0))
            pos += len(text) + 2
        joined = "\n\n".join(texts[known:])
        # plain lists while counting: indexing a numpy array one cell at a time is slow
        rows = [[0.0] * (len(HEDGE_TYPES) + len(STANCES)) for _ in texts]
        for row, found in zip(rows, [*found_hedges, *hedges_in_sentences(joined, sentences, self.lexicons)]):
            for hedge in found:
                row[_HEDGE_COLUMN[hedge.type]] += 1.0
        forms = self.lexicons.verb_forms
        starts, pos = [], 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + 2
        for m in self.lexicons.stance_scan.finditer(lower_same_length("\n\n".join(texts))):
            entry = forms.get(m.group())
            if entry is not None and entry.stance in _STANCE_COLUMN:
                rows[bisect_right(starts, m.start()) - 1][_STANCE_COLUMN[entry.stance]] += 1.0
        return sp.csr_matrix(np.minimum(np.array(rows).reshape(len(texts), len(HEDGE_TYPES) + len(STANCES)), 3.0))

    def feature_names(self) -> list[str]:
        return [f"hedge:{t}" for t in HEDGE_TYPES] + [f"stance:{s}" for s in STANCES]


def build_pipeline(lexicons: Lexicons, seed: int = 13, C: float = 10.0) -> Pipeline:
    """The untrained Pipeline. Hyper-parameters are fixed here so training is reproducible."""
    return Pipeline([
        ("features", FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                      token_pattern=r"(?u)\b\w[\w’']*\b")),
            ("lexicon", LexiconFeatures(lexicons)),
        ])),
        ("classifier", LogisticRegression(C=C, max_iter=5000, random_state=seed)),
    ])


@dataclass
class CertaintyModel:
    """A fitted pipeline, its temperature and what is known about how it was made."""

    pipeline: Pipeline
    temperature: float = 1.0
    metadata: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ predicting
    def predict_proba(self, texts: Sequence[str], found_hedges: Sequence[Sequence[Hedge]] = ()) -> np.ndarray:
        """Calibrated probabilities, one row per text, columns in ``LABELS`` order. ``found_hedges``: the
        hedges already found in the first texts, if any (see ``LexiconFeatures.counts``)."""
        if not texts:
            return np.zeros((0, len(LABELS)))
        # the Pipeline's decision_function computed directly: scikit-learn's per-call input checks and
        # FeatureUnion's dispatch cost more than the arithmetic for one article's few dozen sentences.
        # tests/unit/test_certainty.py checks the scores equal the Pipeline's own.
        union: FeatureUnion = self.pipeline.named_steps["features"]
        words, lexicon = union.transformer_list[0][1], union.transformer_list[1][1]
        clf: LogisticRegression = self.pipeline.named_steps["classifier"]
        n_words = len(words.vocabulary_)
        # scikit-learn's vectoriser is the faster of the two on big batches (same numbers either way)
        word_matrix = word_features(words, texts) if len(texts) <= 512 else words.transform(list(texts))
        scores = (word_matrix @ clf.coef_[:, :n_words].T
                  + lexicon.counts(texts, found_hedges) @ clf.coef_[:, n_words:].T + clf.intercept_)
        return _softmax(np.asarray(scores) / self.temperature)

    def predict(self, texts: Sequence[str], found_hedges: Sequence[Sequence[Hedge]] = ()) -> tuple[Certainty, ...]:
        probs = self.predict_proba(texts, found_hedges)
        out = []
        for row in probs.tolist():  # Python floats: rounding numpy scalars one by one is several times slower
            best = max(range(len(LABELS)), key=row.__getitem__)  # the first of equal maxima, as numpy's argmax
            out.append(Certainty(
                certainty=round(row[0], 4),
                label=LABELS[best],
                probabilities=tuple((label, round(p, 4)) for label, p in zip(LABELS, row)),
            ))
        return tuple(out)

    @property
    def version(self) -> str:
        return str(self.metadata.get("version", "untrained"))

    # ------------------------------------------------------------------ fitting
    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], lexicons: Lexicons, seed: int = 13,
            folds: int = 5) -> "CertaintyModel":
        """Fit the pipeline on all texts, then the temperature on out-of-fold scores."""
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        y = np.array([LABELS.index(label) for label in labels])
        pipeline = build_pipeline(lexicons, seed)
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        oof = cross_val_predict(build_pipeline(lexicons, seed), list(texts), y, cv=cv,
                                method="decision_function")
        temperature = fit_temperature(oof, y)
        pipeline.fit(list(texts), y)
        return cls(pipeline=pipeline, temperature=temperature)

    # ------------------------------------------------------------------ saving / loading
    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        union: FeatureUnion = self.pipeline.named_steps["features"]
        words: TfidfVectorizer = union.transformer_list[0][1]
        clf: LogisticRegression = self.pipeline.named_steps["classifier"]
        arrays = {
            "words_idf": words.idf_,
            "coef": clf.coef_, "intercept": clf.intercept_, "classes": clf.classes_,
        }
        np.savez_compressed(directory / "weights.npz", **arrays)
        doc = {
            "format": FORMAT,
            "labels": list(LABELS),
            "temperature": self.temperature,
            "words_params": _vectorizer_params(words),
            "words_vocabulary": {k: int(v) for k, v in words.vocabulary_.items()},
            "lexicon_features": LexiconFeatures().feature_names(),
            "weights_sha256": _sha256(directory / "weights.npz"),
            **self.metadata,
        }
        (directory / "model.json").write_text(json.dumps(doc, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, lexicons: Lexicons) -> "CertaintyModel":
        meta_path, weights_path = directory / "model.json", directory / "weights.npz"
        try:
            doc = json.loads(meta_path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ModelError(f"no certainty model at {directory}: run `sourcescore train` first") from exc
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read {meta_path}: {exc}") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ModelError(f"{meta_path} is not a {FORMAT} model")
        try:
            if _sha256(weights_path) != doc["weights_sha256"]:
                raise ModelError(f"{weights_path} does not match the checksum in {meta_path}: corrupt model")
            with np.load(weights_path, allow_pickle=False) as w:
                arrays = {k: w[k] for k in w.files}
            words = TfidfVectorizer(vocabulary=doc["words_vocabulary"], **_params(doc["words_params"]))
            words.idf_ = arrays["words_idf"]
            clf = LogisticRegression()
            clf.coef_, clf.intercept_, clf.classes_ = arrays["coef"], arrays["intercept"], arrays["classes"]
            n_features = len(words.vocabulary) + len(doc["lexicon_features"])
            if clf.coef_.shape != (len(LABELS), n_features):
                raise ModelError(f"{weights_path}: weights of shape {clf.coef_.shape}, expected "
                                 f"{(len(LABELS), n_features)}")
            clf.n_features_in_ = n_features
        except FileNotFoundError as exc:
            raise ModelError(f"{weights_path} is missing") from exc
        except (KeyError, ValueError, TypeError, OSError) as exc:
            raise ModelError(f"corrupt certainty model in {directory}: {exc}") from exc
        union = FeatureUnion([("words", words), ("lexicon", LexiconFeatures(lexicons))])
        pipeline = Pipeline([("features", union), ("classifier", clf)])
        keep = ("version", "corpus_sha256", "lexicons_sha256", "sklearn_version", "metrics", "trained_at_seed", "corpus_size",
                "hyperparameters")
        return cls(pipeline=pipeline, temperature=float(doc["temperature"]),
                   metadata={k: doc[k] for k in keep if k in doc})


def word_features(words: TfidfVectorizer, texts: Sequence[str]) -> sp.csr_matrix:
    """``words.transform(texts)`` for a fitted word uni- and bigram TF-IDF vectorizer (lower-cased, sublinear
    tf, L2 rows), in plain Python: the same numbers without scikit-learn's per-call overhead."""
    settings = (words.analyzer, words.ngram_range, words.lowercase, words.sublinear_tf, words.norm)
    if settings != ("word", (1, 2), True, True, "l2"):
        return words.transform(list(texts))
    token = _token_pattern(words.token_pattern)
    vocabulary, idf = words.vocabulary_, _idf_list(words)
    indptr: list[int] = [0]
    indices: list[int] = []
    data: list[float] = []
    for text in texts:
        tokens = token.findall(text.lower())
        tokens += [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
        counts = Counter([c for c in map(vocabulary.get, tokens) if c is not None])
        row = sorted(counts)
        values = [(math.log(counts[c]) + 1.0) * idf[c] for c in row]
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        indices += row
        data += [v / norm for v in values]
        indptr.append(len(indices))
    return sp.csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int32), np.array(indptr)),
                         shape=(len(texts), len(vocabulary)))


def _idf_list(words: TfidfVectorizer) -> list[float]:
    # Python floats: indexing a numpy array one element at a time is several times slower
    cached = getattr(words, "_idf_as_list", None)
    if cached is None or len(cached) != len(words.idf_):
        cached = words.idf_.tolist()
        words._idf_as_list = cached
    return cached


@lru_cache(maxsize=4)
def _token_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """The temperature T minimising the log loss of softmax(scores / T) (Guo et al., 2017)."""
    def loss(log_t: float) -> float:
        p = _softmax(scores / np.exp(log_t))
        return float(-np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))
    result = minimize_scalar(loss, bounds=(-3.0, 3.0), method="bounded")
    return float(np.exp(result.x))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _vectorizer_params(v: TfidfVectorizer) -> dict[str, Any]:
    keys = ("analyzer", "ngram_range", "sublinear_tf", "token_pattern", "lowercase", "norm", "use_idf",
            "smooth_idf")
    return {k: (list(getattr(v, k)) if isinstance(getattr(v, k), tuple) else getattr(v, k)) for k in keys}


def _params(raw: dict[str, Any]) -> dict[str, Any]:
    return {k: (tuple(v) if k == "ngram_range" else v) for k, v in raw.items()}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sklearn_version() -> str:
    return sklearn.__version__
