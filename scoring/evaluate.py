"""Score attributions against brat standoff annotations (the format of brat and of the PolNeAR corpus).

Metrics (micro-averaged over articles; P = TP/|system|, R = TP/|gold|, F1 = 2PR/(P+R)):
- a span (one role of one attribution, possibly in fragments) is the set of non-whitespace character
  offsets it covers; EXACT match = equal sets, OVERLAP match = at least one shared character;
- cue, source, content: per article, the distinct non-empty span sets of that role; TP = size of a maximum
  one-to-one matching between gold and system items;
- relation: the attributions (duplicates removed); EXACT = all three roles equal (absent = absent);
  OVERLAP = every role present in gold overlaps the system's (a role absent in gold is not checked);
- sent_src: sentences (split by line breaks and ". ! ?" before a capital, digit or opening quote) carrying
  the content of a sourced attribution; correct when a system source overlaps a gold source there.
These are the definitions of the reference scorer that ships with the PolNeAR evaluation data; this is an
independent implementation, and a test checks both give the same numbers on the same input.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .errors import CorpusError
from .lexicons import Lexicons

ROLES = ("cue", "source", "content")
ORDER = ("cue_exact", "cue_overlap", "source_exact", "source_overlap", "content_exact", "content_overlap",
         "relation_exact", "relation_overlap", "sent_src_overlap")
SpanList = list[list[int]]


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    attributions: tuple[dict[str, Any], ...]
    """Each ``{"source": [[s, e], ...] | None, "cue": [...], "content": [...]}``."""


# ------------------------------------------------------------------ reading brat
def read_brat(directory: Path) -> list[Article]:
    """Every ``.ann`` under the directory with its text (same stem, or the stem without an ``_ANNOTATOR``
    suffix, anywhere under the directory)."""
    anns = sorted(directory.rglob("*.ann"))
    if not anns:
        raise CorpusError(f"no .ann files under {directory}")
    texts = {p.stem: p for p in directory.rglob("*.txt")}
    out = []
    for ann in anns:
        stem = ann.stem
        txt = texts.get(stem) or texts.get(re.sub(r"_[^_]+$", "", stem))
        if txt is None:
            raise CorpusError(f"{ann}: no text file {stem}.txt beside it or under {directory}")
        text = txt.read_text(encoding="utf-8")
        out.append(Article(id=txt.stem, text=text, attributions=tuple(parse_ann(ann, text))))
    return out


def parse_ann(path: Path, text: str) -> list[dict[str, Any]]:
    spans: dict[str, SpanList] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        try:
            if line.startswith("T"):
                kind_and_offsets = parts[1].split(" ", 1)
                frags = [[int(x) for x in frag.split()] for frag in kind_and_offsets[1].split(";")]
                for s, e in frags:
                    if not 0 <= s < e <= len(text):
                        raise CorpusError(f"{path}:{n}: span {s}-{e} outside the text ({len(text)} characters)")
                spans[parts[0]] = frags
            elif line.startswith("E"):
                args = parts[1].split()
                etype = args[0].split(":")[0]
                roles = dict(a.split(":", 1) for a in args[1:])
                events.append((etype, roles))
        except (IndexError, ValueError) as exc:
            raise CorpusError(f"{path}:{n}: malformed line: {line[:80]!r}") from exc
    out = []
    for etype, roles in events:
        if etype not in ("Attribution", "Attribution-no-source"):
            continue
        # a role given twice is numbered ("Content:T5 Content2:T9", brat's convention): its spans join the
        # role's fragments, in text order. A source is kept wherever an annotator gave one, as the PolNeAR
        # gold.json the reference scorer reads does (one Attribution-no-source event there has a Source)
        found: dict[str, list[list[int]]] = {"source": [], "cue": [], "content": []}
        for role, ref in roles.items():
            base = role.rstrip("0123456789").lower()
            if base in found:
                if ref not in spans:
                    raise CorpusError(f"{path}: event refers to a missing span {ref!r}")
                found[base].extend(spans[ref])
        out.append({role: sorted(frags) or None for role, frags in found.items()})
    return out


# ------------------------------------------------------------------ metrics
def charset(spans: SpanList | None, text: str) -> frozenset[int]:
    if not spans:
        return frozenset()
    return frozenset(i for s, e in spans for i in range(s, e) if not text[i].isspace())


def max_matching(n_gold: int, n_sys: int, ok) -> int:
    """Size of a maximum bipartite matching (augmenting paths)."""
    adj = [[j for j in range(n_sys) if ok(i, j)] for i in range(n_gold)]
    owner = [-1] * n_sys

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j not in seen:
                seen.add(j)
                if owner[j] < 0 or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(1 for i in range(n_gold) if augment(i, set()))


_SENT_END = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])""")


def split_sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        pos = 0
        for b in _SENT_END.finditer(m.group()):
            out.append((m.start() + pos, m.start() + b.end()))
            pos = b.end()
        if pos < len(m.group()):
            out.append((m.start() + pos, m.end()))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _relations(attrs: Iterable[dict[str, Any]], text: str) -> list[dict[str, frozenset[int]]]:
    seen, out = set(), []
    for a in attrs:
        r = {role: charset(a.get(role), text) for role in ROLES}
        key = (r["cue"], r["source"], r["content"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _overlap(a: frozenset[int], b: frozenset[int]) -> bool:
    return bool(a) and bool(b) and not a.isdisjoint(b)


def score(gold: list[Article], system: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, float]]:
    counts = {name: [0, 0, 0] for name in ORDER}

    def add(name: str, tp: int, ng: int, ns: int) -> None:
        counts[name][0] += tp
        counts[name][1] += ng
        counts[name][2] += ns

    for art in sorted(gold, key=lambda a: a.id):
        g = _relations(art.attributions, art.text)
        s = _relations(system.get(art.id, []), art.text)
        for role in ROLES:
            gi = sorted({r[role] for r in g if r[role]}, key=sorted)
            si = sorted({r[role] for r in s if r[role]}, key=sorted)
            add(f"{role}_exact", max_matching(len(gi), len(si), lambda i, j: gi[i] == si[j]), len(gi), len(si))
            add(f"{role}_overlap", max_matching(len(gi), len(si), lambda i, j: _overlap(gi[i], si[j])),
                len(gi), len(si))
        add("relation_exact", max_matching(len(g), len(s), lambda i, j: all(g[i][r] == s[j][r] for r in ROLES)),
            len(g), len(s))
        add("relation_overlap", max_matching(len(g), len(s), lambda i, j: all(
            _overlap(g[i][r], s[j][r]) for r in ROLES if g[i][r])), len(g), len(s))
        sentences = [frozenset(range(a, b)) for a, b in split_sentences(art.text)]

        def by_sentence(rels):
            out: dict[int, list[frozenset[int]]] = {}
            for r in rels:
                if r["source"] and r["content"]:
                    for k, sent in enumerate(sentences):
                        if not sent.isdisjoint(r["content"]):
                            out.setdefault(k, []).append(r["source"])
            return out

        gs, ss = by_sentence(g), by_sentence(s)
        correct = sum(1 for k in gs if k in ss and any(_overlap(a, b) for a in gs[k] for b in ss[k]))
        add("sent_src_overlap", correct, len(gs), len(ss))
    metrics = {}
    for name, (tp, ng, ns) in counts.items():
        p = tp / ns if ns else 0.0
        r = tp / ng if ng else 0.0
        metrics[name] = {"tp": tp, "gold": ng, "sys": ns, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return metrics


def format_table(metrics: dict[str, dict[str, float]]) -> str:
    lines = ["%-18s %6s %6s %6s %7s %7s %7s" % ("metric", "gold", "sys", "tp", "P", "R", "F1")]
    for name in ORDER:
        m = metrics[name]
        lines.append("%-18s %6d %6d %6d %7.3f %7.3f %7.3f" % (name, m["gold"], m["sys"], m["tp"], m["p"], m["r"], m["f1"]))
    return "\n".join(lines)


def run_system(articles: list[Article], lexicons: Lexicons) -> dict[str, list[dict[str, Any]]]:
    """The attribution stages on each article's text as it is (no normalisation, so the offsets are the
    annotations'), in the evaluation shape."""
    from .attribution import find_attributions
    from .segment import Segmenter

    segmenter = Segmenter(lexicons.abbreviations)
    system: dict[str, list[dict[str, Any]]] = {}
    for art in articles:
        doc = segmenter.segment(art.text, keep_text=True)
        system[art.id] = [{
            "source": None if a.source is None else [[a.source.start, a.source.end]],
            "cue": [[a.cue.span.start, a.cue.span.end]],
            "content": [[c.start, c.end] for c in a.content],
        } for a in find_attributions(doc, lexicons)]
    return system


def system_attributions(report: dict[str, Any]) -> list[dict[str, Any]]:
    """A report dict's attributions in the evaluation shape."""
    return [{
        "source": None if a["source"] is None else [[a["source"]["start"], a["source"]["end"]]],
        "cue": [[a["cue"]["start"], a["cue"]["end"]]],
        "content": [[c["start"], c["end"]] for c in a["content"]],
    } for a in report["attributions"]]


def gold_json(articles: list[Article]) -> str:
    return json.dumps([{"id": a.id, "text": a.text, "attributions": list(a.attributions)} for a in articles],
                      ensure_ascii=False)


# ------------------------------------------------------------------ sources: merging and typing
SOURCE_TYPES = ("government", "military", "law_enforcement", "news_agency", "company", "party_campaign",
                "armed_group", "ngo", "expert", "document", "anonymous", "person", "organisation")


@dataclass(frozen=True)
class GoldGroup:
    """One real-world source of an article as annotated: its type, whether it is named, and its mentions
    (the character spans of its ``Source`` annotations)."""

    type: str
    named: bool
    mentions: tuple[tuple[int, int], ...]


def read_source_groups(path: Path, directory: Path) -> dict[str, tuple[GoldGroup, ...]]:
    """``seeds/attribution/sources.json``: for each article, its ``Source`` annotations (by brat id) grouped
    into sources, with type and named (see the corpus GUIDELINES). Every ``Source`` of the article's .ann must
    be in exactly one group."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        articles = raw["articles"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorpusError(f"cannot read source groups from {path}: {exc}") from exc
    out: dict[str, tuple[GoldGroup, ...]] = {}
    for name, groups in articles.items():
        ann = directory / f"{name}.ann"
        spans = _source_spans(ann)
        seen: list[str] = []
        gold = []
        for g in groups:
            if g.get("type") not in SOURCE_TYPES or not isinstance(g.get("named"), bool):
                raise CorpusError(f"{path}: {name}: a group needs a type of {SOURCE_TYPES} and named true/false")
            missing = [t for t in g["mentions"] if t not in spans]
            if missing:
                raise CorpusError(f"{path}: {name}: {missing} are not Source annotations of {ann.name}")
            seen += g["mentions"]
            gold.append(GoldGroup(g["type"], g["named"], tuple(spans[t] for t in g["mentions"])))
        if sorted(seen) != sorted(spans):
            twice = sorted({t for t in seen if seen.count(t) > 1})
            left = sorted(set(spans) - set(seen))
            raise CorpusError(f"{path}: {name}: Source annotations in no group {left}, in two groups {twice}")
        out[name] = tuple(gold)
    return out


def _source_spans(ann: Path) -> dict[str, tuple[int, int]]:
    spans = {}
    try:
        lines = ann.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CorpusError(f"cannot read {ann}: {exc}") from exc
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) == 3 and parts[1].startswith("Source "):
            offsets = [int(x) for frag in parts[1][len("Source "):].split(";") for x in frag.split()]
            spans[parts[0]] = (min(offsets), max(offsets))
    return spans


def score_sources(directory: Path, gold: dict[str, tuple[GoldGroup, ...]], lexicons: Lexicons) -> dict[str, float]:
    """How the system's sources match the gold groups, over the gold mentions the system found (a system
    mention overlapping the gold span; the one overlapping most):
    - ``mentions_found``: that share of the gold mentions;
    - ``b3_p``, ``b3_r``, ``b3_f1``: B-cubed merging scores (Bagga and Baldwin, 1998): for each found mention,
      the share of the mentions in its system source that are in its gold group (precision) and the share of
      its gold group that is in its system source (recall), averaged over mentions;
    - ``type_accuracy``, ``named_accuracy``: the share of found mentions whose system source has the gold
      group's type, and its named flag."""
    from .attribution import find_attributions
    from .segment import Segmenter
    from .sources import resolve_sources

    segmenter = Segmenter(lexicons.abbreviations)
    total = found = 0
    p_sum = r_sum = type_ok = named_ok = 0.0
    for name, groups in sorted(gold.items()):
        text = (directory / f"{name}.txt").read_text(encoding="utf-8")
        doc = segmenter.segment(text, keep_text=True)
        sources, _ = resolve_sources(doc, find_attributions(doc, lexicons), lexicons)
        mentions = [(m.start, m.end, s) for s in sources for m in s.mentions]
        matched = []  # (gold group index, system source)
        for k, group in enumerate(groups):
            for start, end in group.mentions:
                total += 1
                best = max(mentions, key=lambda x: min(end, x[1]) - max(start, x[0]), default=None)
                if best is not None and min(end, best[1]) > max(start, best[0]):
                    matched.append((k, best[2]))
        found += len(matched)
        for k, source in matched:
            same_source = [g for g, s in matched if s.id == source.id]
            same_group = [s for g, s in matched if g == k]
            both = sum(1 for g in same_source if g == k)
            p_sum += both / len(same_source)
            r_sum += both / len(same_group)
            type_ok += source.type == groups[k].type
            named_ok += source.named == groups[k].named
    p, r = (p_sum / found, r_sum / found) if found else (0.0, 0.0)
    return {
        "gold_mentions": total, "mentions_found": found / total if total else 0.0,
        "b3_p": p, "b3_r": r, "b3_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "type_accuracy": type_ok / found if found else 0.0, "named_accuracy": named_ok / found if found else 0.0,
    }


def format_source_scores(scores: dict[str, float]) -> str:
    return "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in scores.items())
