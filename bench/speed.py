"""Speed, size and load-time figures for README: attribution throughput (articles/s, all stages but the
model), full scoring throughput (each report dropped once made, as the service does; and all reports kept in
memory), certainty prediction throughput (sentences/s in batch), model load time and size, and the time each
stage takes an article (best of five runs over all articles, each stage fed the previous stages' output). Each
rate is the median of five runs after a warm-up run; the full scoring rate is also given as the best of the five.

Usage: python bench/speed.py [ARTICLE_DIR]  (default: seeds/attribution; ../shared/eval/polnear-dev/text when
present is what README reports)."""
from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

from scoring import Config, Scorer
from scoring.attribution import find_attributions
from scoring.certainty import CertaintyModel
from scoring.hedging import find_hedges
from scoring.lexicons import Lexicons
from scoring.reliability import assess_reliability
from scoring.segment import Segmenter
from scoring.sources import resolve_sources
from scoring.train import load_corpus
from scoring.types import COMPILED


def _rates(work, items: int, runs: int = 5) -> list[float]:
    """Items per second of several timed runs after one warm-up run, ascending."""
    work()
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        rates.append(items / (time.perf_counter() - t0))
    return sorted(rates)


def _median_rate(work, items: int, runs: int = 5) -> float:
    """Items per second: the median of several timed runs after one warm-up run (a shared machine is noisy)."""
    rates = _rates(work, items, runs)
    return rates[len(rates) // 2]


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    default = root.parent / "shared" / "eval" / "polnear-dev" / "text"
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else (default if default.exists() else root / "seeds" / "attribution")
    texts = [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]
    lex = Lexicons.load()
    seg = Segmenter(lex.abbreviations)
    def stages() -> None:
        for text in texts:
            doc = seg.segment(text)
            atts = find_attributions(doc, lex)
            resolve_sources(doc, atts, lex)
            find_hedges(doc, lex)

    rule_rate = _median_rate(stages, len(texts))

    config = Config.from_env()
    t0 = time.perf_counter()
    model = CertaintyModel.load(config.model_dir, lex)
    load_s = time.perf_counter() - t0
    size_mb = sum(p.stat().st_size for p in config.model_dir.iterdir()) / 1e6
    examples, _ = load_corpus(root / "seeds" / "certainty")
    sentences = [e.text for e in examples]
    batch = (sentences * (20000 // len(sentences) + 1))[:20000]
    sent_rate = _median_rate(lambda: model.predict_proba(batch), len(batch))

    scorer = Scorer.load(config)

    def score_each() -> None:
        # each report dropped once made, as the service (one per request) and `sourcescore score --format
        # jsonl` (one line per file) do
        for text in texts:
            scorer.score(text)

    full_rates = _rates(score_each, len(texts))
    full_rate = full_rates[len(full_rates) // 2]
    # all reports held in memory at once: the collector's full passes then walk them (and the loaded model)
    kept_rate = _median_rate(lambda: [scorer.score(text) for text in texts], len(texts))
    stage_ms = _stage_ms(scorer, texts)
    print(json.dumps({
        "machine": f"{platform.processor() or platform.machine()}, {platform.python_implementation()} "
                   f"{platform.python_version()}",
        "pipeline": "compiled (scripts/compile.py)" if COMPILED else "interpreted",
        "articles": len(texts), "article_dir": str(directory),
        "attribution_sources_hedges_articles_per_s": round(rule_rate, 1),
        "full_score_articles_per_s": round(full_rate, 1),
        # the least disturbed of the five runs, as the stage times below are taken
        "full_score_articles_per_s_best_of_5": round(full_rates[-1], 1),
        "full_score_all_reports_kept_articles_per_s": round(kept_rate, 1),
        "certainty_sentences_per_s_batch": round(sent_rate),
        "model_load_s": round(load_s, 3), "model_size_mb": round(size_mb, 2),
        "stage_ms_per_article_best_of_5": stage_ms,
    }, indent=1))


def _stage_ms(scorer: Scorer, texts: list[str], runs: int = 5) -> dict[str, float]:
    """Milliseconds an article for each stage of ``Scorer.score``, each timed alone on the previous stages'
    output (the best of several runs: the least disturbed by other work on the machine)."""
    lex, weights = scorer.lexicons, scorer.weights.override(None)
    docs = [scorer.segmenter.segment(text) for text in texts]
    atts = [find_attributions(doc, lex) for doc in docs]
    resolved = [resolve_sources(doc, a, lex) for doc, a in zip(docs, atts)]
    hedges = [find_hedges(doc, lex) for doc in docs]
    scored = [scorer._certainty(doc, a, r[1], h) for doc, a, r, h in zip(docs, atts, resolved, hedges)]
    stages = {
        "segmentation": lambda: [scorer.segmenter.segment(text) for text in texts],
        "attributions": lambda: [find_attributions(doc, lex) for doc in docs],
        "sources": lambda: [resolve_sources(doc, a, lex) for doc, a in zip(docs, atts)],
        "hedges": lambda: [find_hedges(doc, lex) for doc in docs],
        "certainty": lambda: [scorer._certainty(doc, a, r[1], h)
                              for doc, a, r, h in zip(docs, atts, resolved, hedges)],
        "reliability": lambda: [assess_reliability(doc, s[0], s[1], r[0], weights, scorer.frames)
                                for doc, s, r in zip(docs, scored, resolved)],
    }
    out = {}
    for name, work in stages.items():
        best = float("inf")
        for _ in range(runs):
            t0 = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - t0)
        out[name] = round(best / len(texts) * 1000, 2)
    out["total"] = round(sum(out.values()), 2)
    return out


if __name__ == "__main__":
    main()
