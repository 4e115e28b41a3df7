"""The certainty model: save/load round trip, the data-only file format, load errors, determinism of
training, and a few behaviours of the shipped model in ``models/certainty``.

Training here is on a small deterministic sample (every 24th line of each ``seeds/certainty/*.jsonl``,
about 200 sentences) with 3 folds, so each training takes a few seconds.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from scoring.certainty import _TOKEN_PATTERN, FORMAT, LABELS, CertaintyModel, _rounded, _softmax, _Words
from scoring.config import DEFAULT_MODEL_DIR
from scoring.errors import CorpusError, ModelError
from scoring.lexicons import Lexicons
from scoring.train import load_corpus, train

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds" / "certainty"
STEP = 24

PROBE = [
    "It is unclear whether the convoy was hit by artillery or by a mine.",
    "The mayor said the bridge would reopen on Monday.",
    "Analysts said the merger could possibly be delayed until next year.",
    "Officials believe about 40 people may have been killed.",
    "",  # an empty sentence is still a row
    "Police confirmed that two men were arrested at the scene.",
]


def _sample_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.jsonl")):
        rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        lines.extend(rows[::STEP])
    return lines


def _write_corpus(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sample.jsonl").write_text("\n".join(_sample_lines()) + "\n", encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def lexicons() -> Lexicons:
    return Lexicons.load()


@pytest.fixture(scope="module")
def trained(tmp_path_factory, lexicons):
    """Train once for the module: (corpus dir, model dir, returned metadata, the in-memory fitted model)."""
    base = tmp_path_factory.mktemp("certainty")
    corpus = _write_corpus(base / "corpus")
    out = base / "model"
    captured: list[CertaintyModel] = []
    original_save = CertaintyModel.save

    def capturing_save(self, directory):
        captured.append(self)
        return original_save(self, directory)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(CertaintyModel, "save", capturing_save)
        meta = train(corpus, out, lexicons, folds=3)
    assert len(captured) == 1
    return corpus, out, meta, captured[0]


@pytest.fixture()
def model_copy(trained, tmp_path) -> Path:
    """A private copy of the trained model directory, free to tamper with."""
    dst = tmp_path / "model"
    shutil.copytree(trained[1], dst)
    return dst


# ---------------------------------------------------------------------------- the sample itself
def test_sample_is_big_enough_and_has_every_label(tmp_path):
    examples, _ = load_corpus(_write_corpus(tmp_path))
    assert 150 <= len(examples) <= 400
    assert {e.label for e in examples} == set(LABELS)
    assert any(e.split == "heldout" for e in examples)


# ---------------------------------------------------------------------------- round trip
def test_round_trip_gives_same_probabilities(trained, lexicons):
    _, out, _, fitted = trained
    loaded = CertaintyModel.load(out, lexicons)
    p_mem = fitted.predict_proba(PROBE)
    p_disk = loaded.predict_proba(PROBE)
    assert p_mem.shape == p_disk.shape == (len(PROBE), len(LABELS))
    assert np.allclose(p_mem, p_disk, atol=1e-9)
    assert np.allclose(p_disk.sum(axis=1), 1.0)
    assert loaded.temperature == pytest.approx(fitted.temperature)
    assert loaded.predict(PROBE) == fitted.predict(PROBE)


def test_round_trip_on_the_training_corpus(trained, lexicons):
    corpus, out, _, fitted = trained
    examples, _ = load_corpus(corpus)
    texts = [e.text for e in examples]
    assert np.allclose(fitted.predict_proba(texts), CertaintyModel.load(out, lexicons).predict_proba(texts))


def test_fast_prediction_equals_the_pipelines_own(trained):
    """predict_proba computes the Pipeline's decision function by hand (for speed); it must give the same
    numbers as scikit-learn on the training corpus and on odd inputs (empty, no word in the vocabulary, a
    repeated word, curly apostrophes)."""
    corpus, _, _, fitted = trained
    examples, _ = load_corpus(corpus)
    texts = [e.text for e in examples] + [
        "", "!!!", "said said said said", "It isn’t clear, officials said.",
        # stance words the model counts from its tokens: joined by apostrophes, hyphens, capitals, underscores
        "The report's authors claimed’s 'denied' well-said SAID said_ 2said claim'd",
    ]
    words = fitted.pipeline.named_steps["features"].transformer_list[0][1]
    # a batch holding a text that lower-casing lengthens ("İ") counts stances by the lexicon's scan instead
    for batch in (texts, texts[-3:] + ["İstanbul officials denied it"]):
        fast, slow = fitted.word_features(batch), words.transform(batch)
        assert fast.shape == slow.shape
        assert abs(fast - slow).max() < 1e-12
        expected = _softmax(fitted.pipeline.decision_function(batch) / fitted.temperature)
        assert np.allclose(fitted.predict_proba(batch), expected, rtol=0, atol=1e-12)


def test_batch_tokens_are_what_the_token_pattern_finds():
    """``_Words.of`` cuts a whole batch's tokens with array operations instead of the token pattern; they
    must be the pattern's on each lower-cased text: apostrophes at a run's ends or doubled, non-ASCII word
    characters and others, characters beyond 0xFFFF, a lone surrogate, empty texts, a lengthening capital."""
    import random
    import re

    pattern = re.compile(_TOKEN_PATTERN)
    rng = random.Random(3)
    alphabet = "ab Z_9'’‘\n.-éİΣß½²\u0301\u00a0\U0001d400😀\ud800\t"
    batches = [[], [""], ["'"], ["''a''b''", "’tis", "x’", "rock'n'roll''"], ["l’État", "İstanbul", "", "a\nb"]]
    batches += [["".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) for _ in range(rng.randrange(6))]
                for _ in range(3000)]
    for texts in batches:
        words = _Words.of(texts)
        found = [pattern.findall(t.lower()) for t in texts]
        assert words.tokens == [t for ts in found for t in ts]
        assert words.row_of.tolist() == [k for k, ts in enumerate(found) for _ in ts]
        assert words.apostrophes == [(k, t) for k, ts in enumerate(found) for t in ts if "'" in t or "’" in t]
        assert words.n == len(texts)
        assert words.same_length == all(len(t.lower()) == len(t) for t in texts)


def test_hedges_found_beforehand_give_the_same_scores(trained, lexicons):
    """The scorer hands the hedging stage's sentence hedges to the model instead of scanning those texts
    again: given the same hedges, the scores must be the ones the model finds on its own, whatever share of
    the batch is known (none, some, all)."""
    from scoring.hedging import hedges_in_sentences
    from scoring.types import Sentence

    fitted = trained[3]
    texts = PROBE + ["Some experts say the figures are reportedly inflated, officials said."]
    found = [hedges_in_sentences(t, [Sentence("s0", 0, len(t), t, "body", 0)], lexicons)[0] for t in texts]
    assert any(found), "the probe must hold hedges for this test to mean anything"
    expected = fitted.predict_proba(texts)
    for known in (0, 3, len(texts)):
        assert np.array_equal(fitted.predict_proba(texts, found[:known]), expected)
    # and the hedges handed over are used: claiming none in a hedged text changes its score
    hedged = next(k for k, f in enumerate(found) if f)
    emptied = [[] if k == hedged else f for k, f in enumerate(found)]
    assert not np.array_equal(fitted.predict_proba(texts, emptied)[hedged], expected[hedged])


def test_rounding_the_whole_array_equals_pythons_round():
    """predict rounds the probabilities as one array operation; it must give exactly round(p, 4), also for
    values on or next to a half of the last place (0.03125 is an exact tie) and at the ends of [0, 1]."""
    rng = np.random.default_rng(7)
    grid = np.arange(0, 20001) / 20000
    values = np.concatenate((rng.random(200_000), rng.random(20_000) ** 8, grid, np.nextafter(grid, 1.0),
                             np.nextafter(grid, 0.0), [0.0, 1.0, 5e-324, 1e-300, 0.03125, 0.00005, 0.99995]))
    values = np.clip(values, 0.0, 1.0)[: len(values) // 4 * 4].reshape(-1, 4)
    got = _rounded(values, 4)
    expected = [[round(v, 4) for v in row] for row in values.tolist()]
    assert np.array_equal(np.array(got).view(np.int64), np.array(expected).view(np.int64))


def test_empty_input_gives_empty_matrix(trained, lexicons):
    loaded = CertaintyModel.load(trained[1], lexicons)
    assert loaded.predict_proba([]).shape == (0, len(LABELS))
    assert loaded.predict([]) == ()


def test_model_json_metadata(trained):
    corpus, out, meta, _ = trained
    doc = json.loads((out / "model.json").read_text(encoding="utf-8"))
    for key in ("version", "corpus_sha256", "sklearn_version", "metrics"):
        assert key in doc, key
    assert doc["format"] == FORMAT
    assert doc["labels"] == list(LABELS)
    _, corpus_hash = load_corpus(corpus)
    assert doc["corpus_sha256"] == corpus_hash == meta["corpus_sha256"]
    assert doc["version"].endswith("+" + corpus_hash[:8])
    import sklearn
    assert doc["sklearn_version"] == sklearn.__version__
    metrics = doc["metrics"]
    assert metrics["cross_validation"]["folds"] == 3
    for key in ("macro_f1", "uncertain_f1", "accuracy", "brier", "ece"):
        assert 0.0 <= metrics["heldout"][key] <= 1.0, key
    assert metrics["train_size"] + metrics["heldout_size"] == doc["corpus_size"]
    assert doc["weights_sha256"] == hashlib.sha256((out / "weights.npz").read_bytes()).hexdigest()


def test_loaded_metadata_is_kept(trained, lexicons):
    _, out, meta, _ = trained
    loaded = CertaintyModel.load(out, lexicons)
    assert loaded.version == meta["version"]
    assert loaded.metadata["metrics"] == meta["metrics"]
    assert loaded.metadata["corpus_sha256"] == meta["corpus_sha256"]


def test_weights_load_without_pickle(trained):
    with np.load(trained[1] / "weights.npz", allow_pickle=False) as w:
        files = set(w.files)
        assert {"words_idf", "coef", "intercept", "classes"} <= files
        assert all(w[k].dtype != object for k in files)
        assert w["coef"].shape[0] == len(LABELS)


# ---------------------------------------------------------------------------- load errors
def test_missing_directory_raises(tmp_path, lexicons):
    with pytest.raises(ModelError):
        CertaintyModel.load(tmp_path / "nowhere", lexicons)


def test_missing_weights_raises(model_copy, lexicons):
    (model_copy / "weights.npz").unlink()
    with pytest.raises(ModelError):
        CertaintyModel.load(model_copy, lexicons)


def test_tampered_weights_raise(model_copy, lexicons):
    path = model_copy / "weights.npz"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError):
        CertaintyModel.load(model_copy, lexicons)


def test_wrong_format_raises(model_copy, lexicons):
    meta = model_copy / "model.json"
    doc = json.loads(meta.read_text(encoding="utf-8"))
    doc["format"] = "sourcescore-certainty/999"
    meta.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ModelError):
        CertaintyModel.load(model_copy, lexicons)


@pytest.mark.parametrize("content", ["not json {", "[1, 2, 3]", "null", ""])
def test_unreadable_model_json_raises(model_copy, lexicons, content):
    (model_copy / "model.json").write_text(content, encoding="utf-8")
    with pytest.raises(ModelError):
        CertaintyModel.load(model_copy, lexicons)


def _rewrite_weights(directory: Path, **changes) -> None:
    """Replace arrays in weights.npz and fix the checksum, so only the content check can catch it."""
    path = directory / "weights.npz"
    with np.load(path, allow_pickle=False) as w:
        arrays = {k: w[k] for k in w.files}
    arrays.update(changes)
    for k in [k for k, v in changes.items() if v is None]:
        del arrays[k]
    np.savez(path, **arrays)
    meta = directory / "model.json"
    doc = json.loads(meta.read_text(encoding="utf-8"))
    doc["weights_sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    meta.write_text(json.dumps(doc), encoding="utf-8")


def test_weights_of_wrong_shape_raise(model_copy, lexicons):
    _rewrite_weights(model_copy, coef=np.zeros((len(LABELS), 3)))
    with pytest.raises(ModelError):
        CertaintyModel.load(model_copy, lexicons)


def test_missing_array_raises(model_copy, lexicons):
    _rewrite_weights(model_copy, words_idf=None)
    with pytest.raises(ModelError):
        CertaintyModel.load(model_copy, lexicons)


def test_pickled_array_is_refused(model_copy, lexicons):
    _rewrite_weights(model_copy, classes=np.array([object(), 1, 2, 3], dtype=object))
    with pytest.raises(ModelError):
        CertaintyModel.load(model_copy, lexicons)


def test_missing_vocabulary_raises(model_copy, lexicons):
    meta = model_copy / "model.json"
    doc = json.loads(meta.read_text(encoding="utf-8"))
    del doc["words_vocabulary"]
    meta.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ModelError):
        CertaintyModel.load(model_copy, lexicons)


# ---------------------------------------------------------------------------- corpus errors
def test_train_on_empty_corpus_raises(tmp_path, lexicons):
    with pytest.raises(CorpusError):
        train(tmp_path, tmp_path / "out", lexicons, folds=3)
    assert not (tmp_path / "out").exists()


def test_train_on_tiny_corpus_raises(tmp_path, lexicons):
    (tmp_path / "x.jsonl").write_text("\n".join(_sample_lines()[:5]) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        train(tmp_path, tmp_path / "out", lexicons, folds=3)


def test_bad_label_names_file_and_line(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"id": "a", "text": "t", "label": "certain"}\n'
                                      '{"id": "b", "text": "t", "label": "sure"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x\.jsonl:2"):
        load_corpus(tmp_path)


def test_duplicate_id_raises(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"id": "a", "text": "t", "label": "certain"}\n'
                                      '{"id": "a", "text": "u", "label": "unknown"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="duplicate"):
        load_corpus(tmp_path)


# ---------------------------------------------------------------------------- determinism
@pytest.fixture(scope="module")
def trained_twice(trained, tmp_path_factory, lexicons):
    corpus, out, meta, _ = trained
    out2 = tmp_path_factory.mktemp("certainty2") / "model"
    meta2 = train(corpus, out2, lexicons, folds=3)
    return out, meta, out2, meta2


def test_training_twice_gives_identical_weights(trained_twice):
    out, _, out2, _ = trained_twice
    assert (out / "weights.npz").read_bytes() == (out2 / "weights.npz").read_bytes()


def test_training_reports_its_time_but_does_not_save_it(trained_twice):
    out, meta, _, _ = trained_twice
    assert meta["train_seconds"] > 0
    assert "train_seconds" not in json.loads((out / "model.json").read_text(encoding="utf-8"))["metrics"]


def test_training_twice_gives_byte_identical_model_json(trained_twice):
    out, _, out2, _ = trained_twice
    assert (out / "model.json").read_bytes() == (out2 / "model.json").read_bytes()


def test_corpus_hash_depends_on_content(tmp_path):
    a = _write_corpus(tmp_path / "a")
    b = _write_corpus(tmp_path / "b")
    assert load_corpus(a)[1] == load_corpus(b)[1]
    with (b / "sample.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"id": "extra-1", "text": "One more.", "label": "certain"}\n')
    assert load_corpus(a)[1] != load_corpus(b)[1]


# ---------------------------------------------------------------------------- the shipped model
@pytest.fixture(scope="module")
def real_model(lexicons) -> CertaintyModel:
    if not (DEFAULT_MODEL_DIR / "model.json").exists():
        pytest.skip("no trained model in models/certainty")
    return CertaintyModel.load(DEFAULT_MODEL_DIR, lexicons)


UNCLEAR = [
    "It is unclear whether the convoy was hit by artillery or by a mine.",
    "It is unclear whether the factory will reopen before the winter.",
    "It is unclear whether the minister knew about the payments.",
    "It remains unclear whether the vaccine protects older patients.",
]
PLAIN_SAID = [
    "The mayor said the bridge would reopen on Monday.",
    "Police said two men were arrested at the scene.",
    "The ministry said 14 people were killed in the flooding.",
    "The company said its quarterly profit rose 12 percent.",
]


@pytest.mark.parametrize("sentence", UNCLEAR)
def test_unclear_whether_is_uncertain(real_model, sentence):
    (c,) = real_model.predict([sentence])
    assert c.certainty < 0.3
    assert c.label != "certain"


@pytest.mark.parametrize("sentence", PLAIN_SAID)
def test_plain_said_is_certain(real_model, sentence):
    (c,) = real_model.predict([sentence])
    assert c.certainty > 0.7


@pytest.mark.parametrize("actor, event", [
    ("The Northern Front", "the attack on the pipeline"),
    ("A rebel group", "the bombing of the bridge"),
    ("The Sarn Liberation Army", "the ambush near the border crossing"),
])
def test_claimed_responsibility_less_certain_than_confirmed(real_model, actor, event):
    claimed, confirmed = real_model.predict([f"{actor} claimed responsibility for {event}.",
                                             f"{actor} confirmed {event}."])
    assert claimed.certainty < confirmed.certainty


def test_real_model_probabilities_are_distributions(real_model):
    probs = real_model.predict_proba(UNCLEAR + PLAIN_SAID)
    assert np.all(probs >= 0) and np.all(probs <= 1)
    assert np.allclose(probs.sum(axis=1), 1.0)
    for c in real_model.predict(UNCLEAR + PLAIN_SAID):
        assert [label for label, _ in c.probabilities] == list(LABELS)
        assert c.certainty == dict(c.probabilities)["certain"]


def test_real_model_metadata(real_model):
    for key in ("version", "corpus_sha256", "sklearn_version", "metrics"):
        assert key in real_model.metadata


def test_model_records_the_lexicons_it_was_trained_with(trained_twice):
    from scoring.train import lexicons_hash

    out, meta, _, _ = trained_twice
    assert meta["lexicons_sha256"] == lexicons_hash()
    assert json.loads((out / "model.json").read_text(encoding="utf-8"))["lexicons_sha256"] == lexicons_hash()


def test_lexicons_hash_follows_the_files(tmp_path):
    from scoring.train import lexicons_hash

    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    before = lexicons_hash(tmp_path)
    (tmp_path / "a.json").write_text('{"x": 1}', encoding="utf-8")
    assert lexicons_hash(tmp_path) != before
