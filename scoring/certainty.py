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
from functools import cached_property, lru_cache
from itertools import repeat
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

from .chars import lower_same_length
from .errors import ModelError
from .hedging import hedges_in_sentences
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
        return sp.csr_matrix(self.dense_counts(texts, found_hedges))

    def dense_counts(self, texts: Sequence[str], found_hedges: Sequence[Sequence[Hedge]] = (),
                     stances: np.ndarray | None = None) -> np.ndarray:
        """``counts`` as a dense array (what prediction multiplies; a sparse matrix costs more to build than
        the arithmetic for one article's texts). ``stances``, when given, is the stance columns already
        counted from the texts' words (see ``_FastPath.stance_counts``), so the texts are not scanned for them."""
        assert self.lexicons is not None
        known = len(found_hedges)
        # one string for the rest of the batch, so each pattern scans once (see hedging.hedges_in_sentences)
        sentences, pos = [], 0
        for k, text in enumerate(texts[known:], start=known):
            sentences.append(Sentence(f"s{k}", pos, pos + len(text), text, "body", 0))
            pos += len(text) + 2
        joined = "\n\n".join(texts[known:])
        # the cell of each hedge, all counted by one bincount (most texts hold none: building a row of zeros
        # per text and converting the rows cost more)
        width = len(HEDGE_TYPES) + len(STANCES)
        cells = [k * width + _HEDGE_COLUMN[hedge.type] for k, found in
                 enumerate([*found_hedges, *hedges_in_sentences(joined, sentences, self.lexicons)]) for hedge in found]
        counts = np.bincount(np.array(cells, dtype=np.int64), minlength=len(texts) * width)
        counts = counts.reshape(len(texts), width).astype(np.float64)
        if stances is not None:
            counts[:, len(HEDGE_TYPES):] = stances
            return np.minimum(counts, 3.0)
        forms = self.lexicons.verb_forms
        starts, pos = [], 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + 2
        for m in self.lexicons.stance_scan.finditer(lower_same_length("\n\n".join(texts))):
            entry = forms.get(m.group())
            if entry is not None and entry.stance in _STANCE_COLUMN:
                counts[bisect_right(starts, m.start()) - 1, _STANCE_COLUMN[entry.stance]] += 1.0
        return np.minimum(counts, 3.0)

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
        fast = self._fast
        if fast is None:
            return _softmax(self.pipeline.decision_function(list(texts)) / self.temperature)
        # tests/unit/test_certainty.py checks these scores equal the Pipeline's own
        return _softmax(fast.decision_function(texts, found_hedges) / self.temperature)

    def word_features(self, texts: Sequence[str]) -> sp.csr_matrix:
        """The TF-IDF word features of ``texts`` as prediction computes them (to check them against
        scikit-learn's own transform)."""
        fast = self._fast
        if fast is None:
            return self.pipeline.named_steps["features"].transformer_list[0][1].transform(list(texts))
        words = _Words.of(texts)
        code = np.fromiter(map(fast.word_code.get, words.tokens, repeat(0)), dtype=np.int64, count=len(words.tokens))
        rows, cols, values = fast.tfidf_entries(words, code // 8 - 1)
        return sp.csr_matrix((values, (rows, cols)), shape=(len(texts), fast.size))

    @cached_property
    def _fast(self) -> "_FastPath | None":
        # derived once per model: splitting the pipeline's arrays costs more than scoring an article
        return _FastPath.of(self.pipeline)

    def predict(self, texts: Sequence[str], found_hedges: Sequence[Sequence[Hedge]] = ()) -> tuple[Certainty, ...]:
        probs = self.predict_proba(texts, found_hedges)
        rounded = _rounded(probs, 4)
        labels = map(LABELS.__getitem__, probs.argmax(axis=1).tolist())  # the first of equal maxima
        # positional arguments through map: keywords cost more than building the object
        return tuple(map(Certainty, [row[0] for row in rounded], labels,
                         [tuple(zip(LABELS, row)) for row in rounded]))

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


# scikit-learn's default token pattern, which the model uses; the shortcuts of ``_FastPath`` rely on its shape
_TOKEN_PATTERN = r"(?u)\b\w[\w’']*\b"
_APOSTROPHES = re.compile("['’]")
_LETTERS = re.compile("[a-z]+")  # what a reporting verb form must be for its stance to be counted from tokens
_NO_COLUMN = -1


@dataclass(frozen=True)
class _Words:
    """The lower-cased word tokens of a batch of texts, read once for both feature sets."""

    tokens: list[str]
    row_of: np.ndarray
    """The text (row) of each token."""
    n: int
    """How many texts."""
    apostrophes: list[tuple[int, str]]
    """(row, token) of the tokens holding an apostrophe."""
    same_length: bool
    """Lower-casing kept every text's length (else the stance scan reads them lower-cased differently, see
    ``chars.lower_same_length``, and the stance counts cannot come from these tokens)."""

    @classmethod
    def of(cls, texts: Sequence[str]) -> "_Words":
        """The tokens ``_TOKEN_PATTERN`` finds in each lower-cased text. A token is a maximal run of word
        characters and apostrophes, cut to its first and last word characters (the pattern starts and ends
        with a word character, between word boundaries). The runs of the whole batch are marked with a few
        array operations and cut by one ``str.split`` (a regex match per token costs several times more)."""
        lows = list(map(str.lower, texts))
        lengths = list(map(len, lows))
        same_length = lengths == list(map(len, texts))
        joined = "\n".join(lows)  # "\n": neither a word character nor an apostrophe, so it ends a run
        code = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        keep = _word_characters(code)
        inner = _inner_apostrophes(code, keep) if "'" in joined or "’" in joined else None
        if inner is not None:
            keep[inner] = True
        starts = np.flatnonzero(keep[1:] > keep[:-1]) + 1
        if len(keep) and keep[0]:
            starts = np.concatenate(([0], starts))
        # the kept characters and spaces for the others: the whitespace-separated parts are the tokens
        tokens = np.where(keep, code, np.uint32(32)).tobytes().decode("utf-32-le", "surrogatepass").split()
        # each text's tokens: those starting before its end ("\n" included)
        per_text = np.diff(np.searchsorted(starts, np.cumsum(np.array(lengths, dtype=np.int64) + 1)), prepend=0)
        row_of = np.repeat(np.arange(len(texts), dtype=np.int64), per_text)
        apostrophes: list[tuple[int, str]] = []
        if inner is not None and len(inner):
            holding = np.unique(np.searchsorted(starts, inner, side="right") - 1).tolist()
            apostrophes = list(zip(row_of[holding].tolist(), [tokens[k] for k in holding]))
        return cls(tokens, row_of, len(texts), apostrophes, same_length)


_WORD_CHARACTER = re.compile(r"\w")


@lru_cache(maxsize=4096)
def _is_word_character(code: int) -> bool:
    return _WORD_CHARACTER.match(chr(code)) is not None


def _word_characters(code: np.ndarray) -> np.ndarray:
    """Whether each character (code point) of a lower-cased text is a word character (``\\w``): compared
    as ASCII (no capitals are left), looked up for the few others."""
    # unsigned: code - ord("a") < 26 holds for "a" to "z" only
    word = (code - np.uint32(ord("a")) < 26) | (code - np.uint32(ord("0")) < 10) | (code == ord("_"))
    wide = np.flatnonzero(code > 127)
    if len(wide):  # a few dozen an article (quotes, dashes, accented letters)
        word[wide] = list(map(_is_word_character, code[wide].tolist()))
    return word


def _inner_apostrophes(code: np.ndarray, word: np.ndarray) -> np.ndarray:
    """The positions of the apostrophes inside tokens: the runs of apostrophes with a word character on
    both sides."""
    at = np.flatnonzero((code == ord("'")) | (code == ord("’")))
    first = np.diff(at, prepend=-2) != 1  # the first apostrophe of its run
    last = np.append(first[1:], True)
    before, after = at[first] - 1, at[last] + 1
    # before the first character or after the last: no word character
    inside = (before >= 0) & (after < len(code))
    inside[inside] = word[before[inside]] & word[after[inside]]
    return at[inside[np.cumsum(first) - 1]]


@dataclass(frozen=True)
class _FastPath:
    """The fitted pipeline's decision function, arranged to be computed for one article's few dozen texts
    with a dict lookup per word and a few array operations for the whole batch (scikit-learn's per-call input
    checks, sparse matrices and FeatureUnion dispatch cost more than the arithmetic at that size).

    Two shortcuts, both exact: a bigram is looked up by the columns of its two words (min_df keeps both words
    of every kept bigram), so no bigram string is built; and the stance features are counted from the same
    tokens instead of a second scan of the texts (see ``stance_counts``)."""

    words: TfidfVectorizer
    lexicon: LexiconFeatures
    word_code: dict[str, int]
    """Word -> (its unigram column + 1) * 8 + (its stance column + 1): one lookup serves both feature sets."""
    stance_of: dict[str, int]
    """Reporting verb form -> its stance's column among the stance features."""
    bigram_keys: np.ndarray
    """``column(first word) * size + column(second word)`` of every bigram in the vocabulary, ascending."""
    bigram_columns: np.ndarray
    """The column of each of ``bigram_keys``' bigrams."""
    size: int
    """Columns of the word features."""
    word_coef: np.ndarray
    """The classifier's weights of the word features, one row per column, one column per class."""
    lexicon_coef: np.ndarray
    """The weights of the lexicon features, one row per feature, one column per class."""
    intercept: np.ndarray

    @classmethod
    def of(cls, pipeline: Pipeline) -> "_FastPath | None":
        """None when the pipeline is not the one ``build_pipeline`` makes (the shortcuts would not hold)."""
        union: FeatureUnion = pipeline.named_steps["features"]
        words, lexicon = union.transformer_list[0][1], union.transformer_list[1][1]
        clf: LogisticRegression = pipeline.named_steps["classifier"]
        settings = (words.analyzer, words.ngram_range, words.lowercase, words.sublinear_tf, words.norm,
                    words.token_pattern)
        if lexicon.lexicons is None or settings != ("word", (1, 2), True, True, "l2", _TOKEN_PATTERN):
            return None
        forms = lexicon.lexicons.verb_forms
        if not all(map(_LETTERS.fullmatch, forms)):
            return None
        vocabulary, size = words.vocabulary_, len(words.vocabulary_)
        unigrams = {term: column for term, column in vocabulary.items() if " " not in term}
        bigrams = [(term.split(" "), column) for term, column in vocabulary.items() if " " in term]
        if any(a not in unigrams or b not in unigrams for (a, b), _ in bigrams):
            return None
        pairs = sorted((unigrams[a] * size + unigrams[b], column) for (a, b), column in bigrams)
        stance_of = {form: _STANCE_COLUMN[entry.stance] - len(HEDGE_TYPES)
                     for form, entry in forms.items() if entry.stance in _STANCE_COLUMN}
        word_code = {w: (c + 1) * 8 for w, c in unigrams.items()}
        for form, column in stance_of.items():
            word_code[form] = word_code.get(form, 0) + column + 1
        return cls(words, lexicon, word_code, stance_of, np.array([k for k, _ in pairs], dtype=np.int64),
                   np.array([c for _, c in pairs], dtype=np.int64), size,
                   np.ascontiguousarray(clf.coef_[:, :size].T), np.ascontiguousarray(clf.coef_[:, size:].T),
                   clf.intercept_.copy())

    def decision_function(self, texts: Sequence[str], found_hedges: Sequence[Sequence[Hedge]]) -> np.ndarray:
        words = _Words.of(texts)
        code = np.fromiter(map(self.word_code.get, words.tokens, repeat(0)), dtype=np.int64,
                           count=len(words.tokens))
        rows, cols, values = self.tfidf_entries(words, code // 8 - 1)
        stances = self.stance_counts(words, code % 8 - 1) if words.same_length else None
        counts = self.lexicon.dense_counts(texts, found_hedges, stances)
        n, classes = len(texts), len(self.intercept)
        # each part summed in the order a sparse product adds it (a row's columns in order): the scores stay
        # those of earlier versions to the last bit (and the Pipeline's within 1e-12). All classes at once:
        # one bin per (row, class), each bin's terms added in entry order as one bincount per class did
        bins = (rows * classes)[:, None] + np.arange(classes)
        word_part = np.bincount(bins.ravel(), weights=(values[:, None] * self.word_coef[cols]).ravel(),
                                minlength=n * classes).reshape(n, classes)
        lexicon_part = np.zeros((n, classes))
        # a feature no text holds adds only zeros (x + 0.0 == x, and the sum starts at +0.0): skipped
        for j in np.flatnonzero(counts.any(axis=0)).tolist():
            lexicon_part += counts[:, j, None] * self.lexicon_coef[j]
        return word_part + lexicon_part + self.intercept

    def tfidf_entries(self, words: _Words, unigram: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-zero entries (row, column, value) of ``self.words.transform(texts)`` for the texts ``words``
        were read from (``unigram``: each token's column or -1), rows in order and each row's columns
        ascending (sublinear tf, L2-normalised rows)."""
        n, size, row_of = words.n, self.size, words.row_of
        # bigrams: neighbours in one text, both words known, whose pair is a known bigram
        pair = (row_of[:-1] == row_of[1:]) & (unigram[:-1] != _NO_COLUMN) & (unigram[1:] != _NO_COLUMN)
        keys = unigram[:-1][pair] * size + unigram[1:][pair]
        at = np.minimum(np.searchsorted(self.bigram_keys, keys), max(len(self.bigram_keys) - 1, 0))
        hit = self.bigram_keys[at] == keys if len(self.bigram_keys) else np.zeros(len(keys), dtype=bool)
        known = unigram != _NO_COLUMN
        rows = np.concatenate((row_of[known], row_of[:-1][pair][hit]))
        cols = np.concatenate((unigram[known], self.bigram_columns[at[hit]]))
        # one key per (row, column): sorting the keys orders each row's columns, and counts the repeats
        keys, counts = np.unique(rows * size + cols, return_counts=True)
        rows, cols = np.divmod(keys, size)
        values = _sublinear_tf(int(counts.max(initial=1)))[counts] * self.words.idf_[cols]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n))
        norms[norms == 0.0] = 1.0
        return rows, cols, values / norms[rows]

    def stance_counts(self, words: _Words, stance: np.ndarray) -> np.ndarray:
        """How many reporting verbs of each stance each text holds (``stance``: each token's stance column or
        -1): what ``LexiconFeatures``' stance scan finds, counted from the tokens instead. The scan matches a
        verb form (letters only) between word boundaries, that is a maximal run of word characters; a token
        is such a run, or several joined by apostrophes ("report’s"), so the runs are the tokens split at
        their apostrophes."""
        hit = stance != _NO_COLUMN
        width = len(STANCES)
        counts = np.bincount(words.row_of[hit] * width + stance[hit], minlength=words.n * width)
        counts = counts.reshape(words.n, width).astype(np.float64)
        for row, token in words.apostrophes:
            for part in _APOSTROPHES.split(token):
                if part in self.stance_of:
                    counts[row, self.stance_of[part]] += 1.0
        return counts


@lru_cache(maxsize=8)
def _sublinear_tf(largest: int) -> np.ndarray:
    # 1 + log(count) by math.log, as earlier versions computed it (numpy's log may differ in the last bit)
    return np.array([0.0] + [math.log(c) + 1.0 for c in range(1, largest + 1)])


def _rounded(values: np.ndarray, digits: int) -> list[list[float]]:
    """``[[round(v, digits) for v in row] for row in values.tolist()]`` for values in [0, 1], computed for
    the whole array at once (Python's ``round`` goes through a decimal string, one value at a time).

    ``round`` gives the double nearest to the decimal with ``digits`` places nearest to the value. Scaled by
    10**digits, the product is off the exact one by less than 1e-12, so unless it lies within 1e-6 of a half
    its nearest integer n is that decimal's digits, and n / 10**digits, one correctly rounded division of two
    exact numbers, is the double nearest to it. The few values near a half are left to ``round``."""
    scale = 10.0 ** digits
    scaled = values * scale
    nearest = np.rint(scaled)
    out = (nearest / scale).tolist()
    for r, c in zip(*np.nonzero(np.abs(np.abs(scaled - nearest) - 0.5) < 1e-6)):
        out[r][c] = round(float(values[r, c]), digits)
    return out


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
