"""Throughput and latency of the HTTP service as deployed: a real gunicorn (``gunicorn.conf.py``) on loopback,
the 84 PolNeAR dev texts posted to ``POST /v1/score`` by concurrent keep-alive clients.

    python bench/service.py [TEXT_DIR] [--workers 1 2] [--concurrency 4] [--rounds 3]

Prints one JSON object: for each worker count, articles a second and the latency percentiles of one request
(the full Report scored, serialised to JSON and sent). The client runs on the same machine and takes some of
its CPU, so the figures are a floor for what a separate client would see. This is what a newsroom CMS calling
the service gets; ``bench/speed.py`` measures the library in one process.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "eval" / "polnear-dev" / "text"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(workers: int, threads: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCESCORE_BIND", "PORT")}
    cmd = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
           "--workers", str(workers), "--threads", str(threads), "--access-logfile", "/dev/null",
           "service:create_app()"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn exited with {proc.returncode} (run scripts/setup first?)")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/ready", timeout=2) as r:
                if r.status == 200:
                    return proc, port
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("gunicorn did not become ready in 90 s")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def _load(port: int, bodies: list[bytes], concurrency: int, rounds: int) -> tuple[float, list[float]]:
    """Each client posts its share of ``rounds`` passes over ``bodies`` on one keep-alive connection."""
    jobs = [bodies[k % len(bodies)] for k in range(len(bodies) * rounds)]
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def client(share: list[bytes]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for body in share:
            t0 = time.perf_counter()
            conn.request("POST", "/v1/score", body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            response_body = response.read()
            mine.append(time.perf_counter() - t0)
            if response.status != 200:
                with lock:
                    failures.append(f"HTTP {response.status}: {response_body[:200]!r}")
        conn.close()
        with lock:
            latencies.extend(mine)

    clients = [threading.Thread(target=client, args=(jobs[k::concurrency],)) for k in range(concurrency)]
    t0 = time.perf_counter()
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    elapsed = time.perf_counter() - t0
    if failures:
        raise SystemExit(f"{len(failures)} requests failed, first: {failures[0]}")
    return len(jobs) / elapsed, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent client connections")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the texts per measurement")
    args = parser.parse_args()
    paths = sorted(args.texts.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files in {args.texts}")
    bodies = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}).encode() for p in paths]
    out: dict = {"texts": len(bodies), "cpus": os.cpu_count(), "threads_per_worker": args.threads,
                 "concurrency": args.concurrency, "python": sys.version.split()[0], "runs": []}
    for workers in args.workers:
        proc, port = _start(workers, args.threads)
        try:
            _load(port, bodies, args.concurrency, 1)  # warm every worker (first requests import lazily)
            rate, latencies = _load(port, bodies, args.concurrency, args.rounds)
        finally:
            _stop(proc)
        q = statistics.quantiles(latencies, n=100)
        out["runs"].append({"workers": workers, "articles_per_s": round(rate, 1),
                            "latency_ms": {"p50": round(q[49] * 1e3, 1), "p95": round(q[94] * 1e3, 1),
                                           "p99": round(q[98] * 1e3, 1)}})
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
