"""The ``sourcescore`` command end to end, through a subprocess (``python -m scoring.cli``) on real files.

Exit codes (scoring/cli.py): 0 success; 1 an input could not be scored (one line on stderr naming the
file); 2 usage error.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.config import DEFAULT_MODEL_DIR
from scoring.export import iter_spans

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "seeds" / "attribution").glob("*.txt"))

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL_DIR / "model.json").exists() or not ARTICLES,
                                reason="needs the trained model and seeds/attribution")


def run(*args: str, stdin: str | None = None, cwd: Path | None = None, timeout: float = 300):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOURCESCORE_")}
    return subprocess.run([sys.executable, "-m", "scoring.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=timeout, cwd=cwd or ROOT, env=env)


def _err_lines(proc) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.strip()]


def _check_offsets(report: dict) -> int:
    text = report["text"]
    n = 0
    for span in iter_spans(report):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span
        n += 1
    return n


def _check_report(report: dict) -> None:
    for key in ("id", "text", "model", "sentences", "attributions", "sources", "summary", "flags"):
        assert key in report, key
    assert report["model"]["version"]
    for s in report["sources"]:
        assert 0.0 <= s["reliability"]["score"] <= 1.0
    ids = {a["id"] for a in report["attributions"]}
    for s in report["sources"]:
        assert set(s["attribution_ids"]) <= ids


# a few articles: short enough for speed, varied enough to exercise relays, hedges and quotes
SOME = ARTICLES[:: max(1, len(ARTICLES) // 6)][:6]


@pytest.fixture(scope="module")
def all_reports() -> list[dict]:
    proc = run("score", "--format", "jsonl", *map(str, ARTICLES))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    reports = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(reports) == len(ARTICLES)
    return reports


# ---------------------------------------------------------------------------- formats
def test_json_format(tmp_path):
    proc = run("score", *map(str, SOME))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    reports = json.loads(proc.stdout)
    assert isinstance(reports, list) and len(reports) == len(SOME)
    assert [r["id"] for r in reports] == [p.stem for p in SOME]
    for path, r in zip(SOME, reports):
        _check_report(r)
        assert r["text"].strip()
        assert _check_offsets(r) > 0


def test_json_is_the_default_and_matches_explicit_json():
    a = run("score", str(SOME[0]))
    b = run("score", "--format", "json", str(SOME[0]))
    assert a.returncode == b.returncode == 0
    assert json.loads(a.stdout) == json.loads(b.stdout)


def test_jsonl_format_one_report_per_line(all_reports):
    for r in all_reports:
        _check_report(r)


def test_offsets_on_every_span_of_every_report(all_reports):
    total = sum(_check_offsets(r) for r in all_reports)
    assert total > 100


def test_table_format():
    proc = run("score", "--format", "table", *map(str, SOME[:3]))
    assert proc.returncode == 0, proc.stderr
    blocks = [line for line in proc.stdout.splitlines() if line.startswith("== ")]
    assert len(blocks) == 3
    for path, head in zip(SOME[:3], blocks):
        assert head.startswith(f"== {path}:")
    assert "score  type" in proc.stdout


def test_stdin_json():
    text = SOME[0].read_text(encoding="utf-8")
    proc = run("score", "-", stdin=text)
    assert proc.returncode == 0, proc.stderr
    (report,) = json.loads(proc.stdout)
    assert report["id"] is None
    _check_report(report)
    _check_offsets(report)
    # the same article from a file gives the same analysis
    (from_file,) = json.loads(run("score", str(SOME[0])).stdout)
    assert from_file["attributions"] == report["attributions"]
    assert from_file["sources"] == report["sources"]


def test_stdin_table_and_jsonl():
    text = "Finance Minister Lara Quint said the budget will be published on Friday."
    table = run("score", "--format", "table", "-", stdin=text)
    assert table.returncode == 0
    assert table.stdout.startswith("== -:")
    assert "Lara Quint" in table.stdout
    jsonl = run("score", "--format", "jsonl", "-", stdin=text)
    assert jsonl.returncode == 0
    (line,) = jsonl.stdout.splitlines()
    _check_offsets(json.loads(line))


def test_unicode_text_through_stdin():
    text = ("“We will rebuild,” said Mayor Zoë Ångström. Officials said 1 200 homes — about a third — were "
            "damaged.\u00a0Émile Noor, a spokesman, said repairs will start in June.")
    proc = run("score", "--format", "jsonl", "-", stdin=text)
    assert proc.returncode == 0, proc.stderr
    _check_offsets(json.loads(proc.stdout))


# ---------------------------------------------------------------------------- input errors: exit 1
def test_missing_file(tmp_path):
    missing = tmp_path / "no_such_article.txt"
    proc = run("score", str(missing))
    assert proc.returncode == 1
    lines = _err_lines(proc)
    assert len(lines) == 1, proc.stderr
    assert str(missing) in lines[0]
    assert "Traceback" not in proc.stderr


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    proc = run("score", str(empty))
    assert proc.returncode == 1
    lines = _err_lines(proc)
    assert len(lines) == 1, proc.stderr
    assert str(empty) in lines[0]


def test_whitespace_only_file(tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\t\n", encoding="utf-8")
    proc = run("score", "--format", "jsonl", str(blank))
    assert proc.returncode == 1
    assert len(_err_lines(proc)) == 1
    assert proc.stdout == ""


def test_not_utf8_file(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Le maire a déclaré".encode("latin-1") + b"\xff\xfe")
    proc = run("score", str(bad))
    assert proc.returncode == 1
    lines = _err_lines(proc)
    assert len(lines) == 1 and str(bad) in lines[0]


def test_directory_as_file(tmp_path):
    proc = run("score", str(tmp_path))
    assert proc.returncode == 1
    lines = _err_lines(proc)
    assert len(lines) == 1 and str(tmp_path) in lines[0]


def test_empty_stdin():
    proc = run("score", "-", stdin="")
    assert proc.returncode == 1
    assert len(_err_lines(proc)) == 1


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_mixed_good_and_bad_files(tmp_path, fmt):
    missing = tmp_path / "gone.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    good = SOME[:2]
    proc = run("score", "--format", fmt, str(good[0]), str(missing), str(empty), str(good[1]))
    assert proc.returncode == 1
    lines = _err_lines(proc)
    assert len(lines) == 2, proc.stderr
    assert str(missing) in lines[0] and str(empty) in lines[1]
    if fmt == "json":
        reports = json.loads(proc.stdout)
    elif fmt == "jsonl":
        reports = [json.loads(line) for line in proc.stdout.splitlines()]
    else:
        heads = [line for line in proc.stdout.splitlines() if line.startswith("== ")]
        assert [h.split(":")[0] for h in heads] == [f"== {good[0]}", f"== {good[1]}"]
        return
    assert [r["id"] for r in reports] == [p.stem for p in good]
    for r in reports:
        _check_offsets(r)


# ---------------------------------------------------------------------------- usage errors: exit 2
@pytest.mark.parametrize("args", [
    ["score", "--bogus", "x.txt"],
    ["score", "--format", "xml", "x.txt"],
    ["score"],
    [],
    ["frobnicate"],
    ["evaluate"],
])
def test_bad_options_exit_2(args):
    proc = run(*args)
    assert proc.returncode == 2
    assert "usage:" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_model_exits_2(tmp_path):
    proc = run("score", "--model", str(tmp_path / "nomodel"), str(SOME[0]))
    assert proc.returncode == 2
    lines = _err_lines(proc)
    assert len(lines) == 1 and "Traceback" not in proc.stderr


def test_train_on_empty_corpus_exits_2(tmp_path):
    corpus = tmp_path / "empty"
    corpus.mkdir()
    out = tmp_path / "out"
    proc = run("train", "--corpus", str(corpus), "--out", str(out))
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2
    lines = _err_lines(proc)
    assert len(lines) == 1, proc.stderr
    assert str(corpus) in lines[0]
    assert not out.exists()


def test_train_on_missing_corpus_exits_2(tmp_path):
    proc = run("train", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert len(_err_lines(proc)) == 1 and "Traceback" not in proc.stderr


def test_train_on_malformed_corpus_exits_2(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "t"}\n', encoding="utf-8")
    proc = run("train", "--corpus", str(tmp_path), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    lines = _err_lines(proc)
    assert len(lines) == 1 and "bad.jsonl:1" in lines[0]


def test_evaluate_on_empty_dir_exits_2(tmp_path):
    proc = run("evaluate", "--brat", str(tmp_path))
    assert proc.returncode == 2
    assert len(_err_lines(proc)) == 1 and "Traceback" not in proc.stderr


def test_help_exits_0():
    proc = run("--help")
    assert proc.returncode == 0
    assert "score" in proc.stdout and "train" in proc.stdout


def test_serve_starts_gunicorn_on_the_given_port():
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCESCORE_BIND", "PORT")}
    env["SOURCESCORE_WORKERS"] = "1"
    proc = subprocess.Popen([sys.executable, "-m", "scoring.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, "sourcescore serve exited early"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/ready", timeout=2) as r:
                    body = json.loads(r.read())
                    break
            except OSError:
                assert time.monotonic() < deadline, "no answer from sourcescore serve in 60 s"
                time.sleep(0.2)
        assert body["status"] == "ready"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert proc.returncode == 0  # gunicorn stops cleanly on SIGTERM


def test_evaluate_with_source_groups(tmp_path):
    """`evaluate --sources` on the real corpus: the attribution table, then one line of source scores, also in
    the --json file; a groups file that leaves a Source out is a one-line error, exit 2."""
    out = tmp_path / "m.json"
    proc = run("evaluate", "--brat", "seeds/attribution", "--sources", "seeds/attribution/sources.json",
               "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    line = proc.stdout.strip().splitlines()[-1]
    assert line.startswith("sources: gold_mentions=650 ")
    scores = json.loads(out.read_text())["sources"]
    assert 0.85 <= scores["b3_f1"] <= 1.0 and scores["gold_mentions"] == 650
    groups = json.loads((ROOT / "seeds" / "attribution" / "sources.json").read_text())
    name = sorted(groups["articles"])[0]
    groups["articles"][name] = groups["articles"][name][1:]  # drop a group: its Sources are in none
    broken = tmp_path / "groups.json"
    broken.write_text(json.dumps(groups))
    proc = run("evaluate", "--brat", "seeds/attribution", "--sources", str(broken))
    assert proc.returncode == 2 and len(_err_lines(proc)) == 1 and not proc.stdout
    assert "in no group" in proc.stderr and name in proc.stderr
