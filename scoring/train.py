"""Training and measuring the certainty model from ``seeds/certainty/``.

The corpus is every ``*.jsonl`` file there (see its GUIDELINES.md). Each sentence's split is fixed: its
``split`` field if it has one, else a stable hash of its id (20% ``heldout``). Training reads only the train
split; the held-out split is read once, after fitting, to measure.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import brier_score_loss, f1_score
from sklearn.model_selection import StratifiedKFold

from .certainty import LABELS, CertaintyModel, build_pipeline, sklearn_version
from .errors import CorpusError
from .lexicons import LEXICON_DIR, Lexicons

MODEL_VERSION = "1.0.0"
SEED = 13
HELDOUT_SHARE = 0.2


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: str
    topic: str
    split: str


def load_corpus(directory: Path) -> tuple[list[Example], str]:
    """All examples and the SHA-256 of the corpus files (names and bytes, in name order)."""
    files = sorted(directory.glob("*.jsonl"))
    if not files:
        raise CorpusError(f"no *.jsonl files in {directory}")
    digest = hashlib.sha256()
    examples: list[Example] = []
    seen: set[str] = set()
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        for n, line in enumerate(raw.decode("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                ex = Example(id=row["id"], text=row["text"], label=row["label"], topic=row.get("topic", ""),
                             split=row.get("split") or _split_of(row["id"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise CorpusError(f"{path}:{n}: {exc!r}") from exc
            if ex.label not in LABELS:
                raise CorpusError(f"{path}:{n}: label {ex.label!r} is not one of {LABELS}")
            if ex.id in seen:
                raise CorpusError(f"{path}:{n}: duplicate id {ex.id!r}")
            seen.add(ex.id)
            examples.append(ex)
    return examples, digest.hexdigest()


def lexicons_hash(directory: Path = LEXICON_DIR) -> str:
    """SHA-256 of the lexicon files: the model's lexicon features depend on them, so a model trained with
    other lexicons is stale even on the same corpus."""
    digest = hashlib.sha256()
    for path in sorted(directory.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _split_of(example_id: str) -> str:
    h = int(hashlib.sha256(example_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "heldout" if h < HELDOUT_SHARE else "train"


def train(corpus_dir: Path, out_dir: Path, lexicons: Lexicons, folds: int = 5) -> dict[str, Any]:
    """Fit, measure, save. Returns the metrics stored with the model."""
    started = time.perf_counter()
    examples, corpus_hash = load_corpus(corpus_dir)
    train_set = [e for e in examples if e.split == "train"]
    heldout = [e for e in examples if e.split == "heldout"]
    if len(train_set) < 20 or not heldout:
        raise CorpusError(f"{corpus_dir}: too few examples to train ({len(train_set)} train, {len(heldout)} held out)")
    texts = [e.text for e in train_set]
    labels = [e.label for e in train_set]
    model = CertaintyModel.fit(texts, labels, lexicons, seed=SEED, folds=folds)
    cv = cross_validate(texts, labels, lexicons, folds)
    held = evaluate(model, heldout)
    metrics = {
        "heldout": held,
        "cross_validation": cv,
        "train_size": len(train_set),
        "heldout_size": len(heldout),
    }
    model.metadata = {
        "version": f"{MODEL_VERSION}+{corpus_hash[:8]}",
        "corpus_sha256": corpus_hash,
        "lexicons_sha256": lexicons_hash(),
        "corpus_size": len(examples),
        "sklearn_version": sklearn_version(),
        "trained_at_seed": SEED,
        "hyperparameters": {"C": 10.0, "word_ngrams": [1, 2], "folds": folds},
        "metrics": metrics,
    }
    model.save(out_dir)
    # timing is reported, not saved: the saved model must be identical for identical corpora
    return {**model.metadata, "train_seconds": round(time.perf_counter() - started, 2)}


def evaluate(model: CertaintyModel, examples: list[Example]) -> dict[str, float]:
    probs = model.predict_proba([e.text for e in examples])
    return _scores(probs, np.array([LABELS.index(e.label) for e in examples]))


def _scores(probs: np.ndarray, y: np.ndarray) -> dict[str, float]:
    pred = probs.argmax(axis=1)
    certain_true = (y == 0).astype(int)
    p_certain = probs[:, 0]
    return {
        "macro_f1": round(float(f1_score(y, pred, average="macro", labels=range(len(LABELS)))), 4),
        "uncertain_f1": round(float(f1_score(1 - certain_true, (pred != 0).astype(int))), 4),
        "accuracy": round(float((pred == y).mean()), 4),
        "brier": round(float(brier_score_loss(certain_true, p_certain)), 4),
        "ece": round(expected_calibration_error(p_certain, certain_true), 4),
        "n": int(len(y)),
    }


def expected_calibration_error(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """ECE of P(certain) over equal-width bins: sum over bins of |accuracy - confidence| * share."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = idx == b
        if mask.any():
            total += abs(float(y[mask].mean()) - float(p[mask].mean())) * mask.mean()
    return float(total)


def cross_validate(texts: list[str], labels: list[str], lexicons: Lexicons, folds: int) -> dict[str, float]:
    """k-fold cross-validation of the uncalibrated pipeline on the train split (mean and spread)."""
    y = np.array([LABELS.index(label) for label in labels])
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    macro, unc = [], []
    arr = np.array(texts, dtype=object)
    for tr, te in cv.split(arr, y):
        pipe = build_pipeline(lexicons, SEED).fit(list(arr[tr]), y[tr])
        pred = pipe.predict(list(arr[te]))
        macro.append(f1_score(y[te], pred, average="macro"))
        unc.append(f1_score((y[te] != 0).astype(int), (pred != 0).astype(int)))
    return {
        "folds": folds,
        "macro_f1_mean": round(float(np.mean(macro)), 4), "macro_f1_std": round(float(np.std(macro)), 4),
        "uncertain_f1_mean": round(float(np.mean(unc)), 4), "uncertain_f1_std": round(float(np.std(unc)), 4),
    }
