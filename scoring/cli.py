"""The ``sourcescore`` command: argument parsing and output formats only; the work is the library's.

Exit codes: 0 success; 1 an input could not be scored (one line on stderr naming the file and the reason);
2 usage error (bad arguments, missing model or corpus).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Sequence

from .config import DEFAULT_CORPUS_DIR, Config
from .errors import ScoringError

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ScoringError as exc:
        print(f"sourcescore: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `sourcescore score ... | head`
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sourcescore", description="Who claims what in a news article, how sure "
                                "they sound, and how much weight each source deserves.")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("score", help="score plain-text articles (files, or - for standard input)")
    s.add_argument("files", nargs="+", metavar="FILE", help="article files; - reads standard input")
    s.add_argument("--format", choices=("json", "jsonl", "table"), default="json",
                   help="json: one array; jsonl: one report per line; table: sources per article (default json)")
    s.add_argument("--model", type=Path, help="model directory (default: $SOURCESCORE_MODEL_DIR or models/certainty)")
    s.set_defaults(run=_score)

    t = sub.add_parser("train", help="train the certainty model from seeds/certainty")
    t.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS_DIR)
    t.add_argument("--out", type=Path, help="model directory to write (default: the configured model directory)")
    t.set_defaults(run=_train)

    e = sub.add_parser("evaluate", help="score attribution against brat standoff annotations")
    e.add_argument("--brat", type=Path, required=True, help="directory with .txt and .ann files (searched recursively)")
    e.add_argument("--json", type=Path, help="also write the metrics as JSON here")
    e.add_argument("--system-out", type=Path, help="write the system's attributions here (evaluation JSON shape)")
    e.add_argument("--gold-out", type=Path, help="write the gold attributions here (evaluation JSON shape)")
    e.add_argument("--sources", type=Path, help="also score merging and typing of sources against this file of "
                                                "gold source groups (seeds/attribution/sources.json)")
    e.set_defaults(run=_evaluate)

    v = sub.add_parser("serve", help="serve the HTTP API with gunicorn")
    v.add_argument("--host", default=os.environ.get("SOURCESCORE_HOST", "127.0.0.1"))
    v.add_argument("--port", type=int, default=int(os.environ.get("SOURCESCORE_PORT", "8000")))
    v.set_defaults(run=_serve)
    return p


def _config(model: Path | None) -> Config:
    config = Config.from_env()
    return Config(model_dir=model, max_text_chars=config.max_text_chars) if model else config


def _score(args: argparse.Namespace) -> int:
    from .export import report_dict
    from .scorer import Scorer

    scorer = Scorer.load(_config(args.model))
    status = EXIT_OK
    reports: list[dict[str, Any]] = []
    for name in args.files:
        try:
            if name == "-":
                text = sys.stdin.read()
            else:
                text = Path(name).read_text(encoding="utf-8")
            report = report_dict(scorer.score(text, id=None if name == "-" else Path(name).stem))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"sourcescore: {name}: cannot read: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        except ScoringError as exc:
            print(f"sourcescore: {name}: {exc}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        if args.format == "jsonl":
            print(json.dumps(report, ensure_ascii=False))
        elif args.format == "table":
            print(_table(name, report))
        else:
            reports.append(report)
    if args.format == "json":
        print(json.dumps(reports, ensure_ascii=False, indent=1))
    return status


def _table(name: str, report: dict[str, Any]) -> str:
    lines = [f"== {name}: {len(report['sources'])} sources, {len(report['attributions'])} attributions, "
             f"{report['summary']['hedged_share']:.0%} of statements hedged"]
    lines.append(f"{'score':>5}  {'type':<14} {'named':<5} {'stmts':>5} {'certainty':>9}  source")
    for s in report["sources"]:
        lines.append(f"{s['reliability']['score']:5.2f}  {s['type']:<14} {str(s['named']).lower():<5} "
                     f"{len(s['attribution_ids']):>5} {s['mean_certainty']:9.2f}  {s['name']}")
    for f in report["flags"]:
        lines.append(f"flag {f['type']}: {f['message']} [{', '.join(f['sentence_ids'])}]")
    return "\n".join(lines)


def _train(args: argparse.Namespace) -> int:
    from .lexicons import Lexicons
    from .train import train

    out = args.out or Config.from_env().model_dir
    meta = train(args.corpus, out, Lexicons.load())
    m = meta["metrics"]
    h, cv = m["heldout"], m["cross_validation"]
    print(f"model {meta['version']} written to {out}")
    print(f"corpus {meta['corpus_sha256'][:16]}...: {m['train_size']} train, {m['heldout_size']} held out")
    print(f"held-out: macro-F1 {h['macro_f1']:.3f}, uncertain-vs-certain F1 {h['uncertain_f1']:.3f}, "
          f"accuracy {h['accuracy']:.3f}, Brier {h['brier']:.4f}, ECE {h['ece']:.4f}")
    print(f"{cv['folds']}-fold CV on train: macro-F1 {cv['macro_f1_mean']:.3f} ± {cv['macro_f1_std']:.3f}, "
          f"uncertain F1 {cv['uncertain_f1_mean']:.3f} ± {cv['uncertain_f1_std']:.3f}")
    print(f"trained in {meta['train_seconds']:.1f} s")
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import (format_source_scores, format_table, gold_json, read_brat, read_source_groups, run_system,
                           score, score_sources)
    from .lexicons import Lexicons

    articles = read_brat(args.brat)
    groups = read_source_groups(args.sources, args.brat) if args.sources else None  # a bad file fails first
    lexicons = Lexicons.load()
    system = run_system(articles, lexicons)
    metrics = score(articles, system)
    print(format_table(metrics))
    print("relation_overlap_f1=%.3f" % metrics["relation_overlap"]["f1"])
    if groups is not None:
        sources = score_sources(args.brat, groups, lexicons)
        print("sources: " + format_source_scores(sources))
        metrics["sources"] = sources  # type: ignore[assignment]
    if args.json:
        args.json.write_text(json.dumps(metrics, indent=1))
    if args.system_out:
        args.system_out.write_text(json.dumps([{"id": k, "attributions": v} for k, v in system.items()]))
    if args.gold_out:
        args.gold_out.write_text(gold_json(articles))
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    conf = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"
    argv = ["gunicorn", "--config", str(conf), "--bind", f"{args.host}:{args.port}", "service:create_app()"]
    os.execvp(sys.executable, [sys.executable, "-m", *argv])
    return EXIT_OK  # not reached


if __name__ == "__main__":
    sys.exit(main())
