"""The HTTP API against a real gunicorn (``live_server``), with urllib only."""
from __future__ import annotations

import pytest

from scoring.export import iter_spans
from scoring.reliability import COMPONENTS

pytestmark = pytest.mark.server

PROBLEM = "application/problem+json"

WIRE_STORY = (
    "ANKARA, May 14 (Wire) - A military transport aircraft crashed on Tuesday in the mountains near the border "
    "town of Qara Dagh, killing all nine people on board, the army's Eastern Command said in a statement.\n\n"
    "The Eastern Command confirmed that the aircraft went down shortly after take-off from a forward base and "
    "said an investigation had been opened.\n\n"
    "Reuters reported, citing two officials who spoke on condition of anonymity, that the plane may have been "
    "hit by ground fire.\n\n"
    "The Mountain Liberation Front, an armed group active in the region, claimed responsibility for the attack "
    "in a message posted online.\n\n"
    "It is unclear whether the aircraft was shot down or suffered a mechanical failure.\n"
)

GOOD = {"text": "The ministry said the bridge would reopen on Friday. Officials may extend the closure.",
        "id": "a-1", "title": "Bridge", "published_at": "2024-05-14"}


def assert_problem(status, headers, body, expected, field=None):
    assert status == expected, body
    assert headers.get_content_type() == PROBLEM
    assert body["status"] == expected
    assert {"type", "title", "status", "detail"} <= set(body)
    if field is not None:
        assert field in [e["field"] for e in body["errors"]], body


def assert_offsets(report):
    text = report["text"]
    spans = list(iter_spans(report))
    assert spans
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], span


# ------------------------------------------------------------------------------------------- success
def test_health(http):
    status, headers, body = http.call("GET", "/v1/health")
    assert (status, body) == (200, {"status": "ok"})
    assert headers.get_content_type() == "application/json"


def test_ready(http):
    status, _, body = http.call("GET", "/v1/ready")
    assert status == 200
    assert body["status"] == "ready" and body["model"]


def test_model(http):
    status, _, body = http.call("GET", "/v1/model")
    assert status == 200
    assert set(body) == {"version", "corpus_sha256", "lexicons_sha256", "sklearn_version", "metrics"}
    assert body["version"] == http.call("GET", "/v1/ready")[2]["model"]
    assert len(body["corpus_sha256"]) == 64 and len(body["lexicons_sha256"]) == 64


def test_score_echoes_metadata_and_keeps_offsets(http):
    status, headers, report = http.call("POST", "/v1/score", json=GOOD)
    assert status == 200, report
    assert headers.get_content_type() == "application/json"
    assert (report["id"], report["title"], report["published_at"]) == ("a-1", "Bridge", "2024-05-14")
    assert report["text"] == GOOD["text"]
    assert report["model"]["version"]
    assert_offsets(report)


def test_score_with_weights(http):
    weights = {"identifiability": 2.0, "certainty": 0}
    status, _, report = http.call("POST", "/v1/score", json={"text": WIRE_STORY, "weights": weights})
    assert status == 200, report
    for source in report["sources"]:
        assert set(source["reliability"]["components"]) == set(COMPONENTS)
        assert source["reliability"]["components"]["certainty"]["weight"] == 0


def test_wire_story(http):
    status, _, report = http.call("POST", "/v1/score", json={"text": WIRE_STORY, "id": "wire-1"})
    assert status == 200, report
    assert_offsets(report)
    sources = {s["name"]: s for s in report["sources"]}
    by_id = {s["id"]: s for s in report["sources"]}

    command = next(s for s in report["sources"] if "Eastern Command" in s["name"])
    assert command["type"] == "military" and command["named"]
    cues = {a["cue"]["text"] for a in report["attributions"] if a["id"] in command["attribution_ids"]}
    assert {"said", "confirmed"} <= cues  # "the army's Eastern Command" and "The Eastern Command" are one source

    assert sources["Reuters"]["type"] == "news_agency"
    group = next(s for s in report["sources"] if "Mountain Liberation Front" in s["name"])
    assert group["type"] == "armed_group"

    attributions = {a["id"]: a for a in report["attributions"]}
    reuters_attr = next(a for a in report["attributions"]
                        if a["source"] and by_id[a["source"]["source_id"]]["name"] == "Reuters")
    anonymous = next(a for a in report["attributions"] if a["source"] and a["source"]["text"].startswith("two officials"))
    assert by_id[anonymous["source"]["source_id"]]["named"] is False
    assert anonymous["via"] == reuters_attr["id"]
    assert attributions[anonymous["via"]]["source"]["text"] == "Reuters"

    flags = {f["type"] for f in report["flags"]}
    assert "unresolved_question" in flags and "anonymous_only" in flags
    unclear = next(s for s in report["sentences"] if s["text"].startswith("It is unclear"))
    assert unclear["label"] == "unknown"


def test_batch_one_bad_article_among_good(http):
    articles = [GOOD, {"text": WIRE_STORY}, {"text": "   "}, {"text": "Police said two people were hurt."}]
    status, _, body = http.call("POST", "/v1/score/batch", json={"articles": articles})
    assert status == 200, body
    results = body["results"]
    assert [next(iter(r)) for r in results] == ["report", "report", "error", "report"]
    error = results[2]["error"]
    assert error["status"] == 422
    assert [e["field"] for e in error["errors"]] == ["articles.2.text"]
    assert results[0]["report"]["id"] == "a-1"
    assert results[1]["report"]["text"] == WIRE_STORY
    for r in results:
        if "report" in r:
            assert_offsets(r["report"])


def test_batch_item_weights_error_is_per_item(http):
    articles = [{"text": "Police said two people were hurt.", "weights": {k: 0 for k in COMPONENTS}}, GOOD]
    status, _, body = http.call("POST", "/v1/score/batch", json={"articles": articles})
    assert status == 200
    assert body["results"][0]["error"]["errors"][0]["field"] == "articles.0.weights"
    assert "report" in body["results"][1]


@pytest.mark.parametrize("articles", [[], [GOOD] * 51])
def test_batch_size_limits(http, articles):
    assert_problem(*http.call("POST", "/v1/score/batch", json={"articles": articles}), 422, "articles")


def test_batch_articles_missing_or_wrong(http):
    assert_problem(*http.call("POST", "/v1/score/batch", json={}), 422, "articles")
    assert_problem(*http.call("POST", "/v1/score/batch", json={"articles": "x"}), 422, "articles")


def test_openapi_served(http):
    status, _, doc = http.call("GET", "/openapi.json")
    assert status == 200
    assert doc["openapi"].startswith("3.")
    assert {"/v1/score", "/v1/score/batch", "/v1/health", "/v1/ready", "/v1/model"} <= set(doc["paths"])


# ------------------------------------------------------------------------------------------- errors
def test_400_malformed_json(http):
    assert_problem(*http.call("POST", "/v1/score", data=b'{"text": "abc"'), 400)


def test_413_body_too_large(http):
    data = b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    assert_problem(*http.call("POST", "/v1/score", data=data), 413)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_415_not_json(http, content_type):
    assert_problem(*http.call("POST", "/v1/score", data=b'{"text": "abc"}', content_type=content_type), 415)


TOO_LONG = "word " * 20_001  # 100005 characters


@pytest.mark.parametrize("body,field", [
    ({"title": "no text"}, "text"),
    ({"text": ""}, "text"),
    ({"text": " \n\t "}, "text"),
    ({"text": 42}, "text"),
    ({"text": ["a"]}, "text"),
    ({"text": "ok text.", "colour": "red"}, "colour"),
    ({"text": TOO_LONG}, "text"),
    ({"text": "ok text.", "published_at": "14/05/2024"}, "published_at"),
    ({"text": "ok text.", "published_at": "2024-02-30"}, "published_at"),
    ({"text": "ok text.", "published_at": 20240514}, "published_at"),
    ({"text": "ok text.", "weights": {"certainty": -1}}, "weights.certainty"),
    ({"text": "ok text.", "weights": {"certainty": "high"}}, "weights.certainty"),
    ({"text": "ok text.", "weights": {"charisma": 1}}, "weights.charisma"),
    ({"text": "ok text.", "weights": [1, 2]}, "weights"),
    ({"text": "ok text.", "weights": {k: 0 for k in COMPONENTS}}, "weights"),
    ({"text": "ok text.", "id": 7}, "id"),
])
def test_422_schema_violations(http, body, field):
    assert_problem(*http.call("POST", "/v1/score", json=body), 422, field)


@pytest.mark.parametrize("body", [[{"text": "a"}], "text", None, 3])
def test_422_body_not_an_object(http, body):
    import json

    status, headers, problem = http.call("POST", "/v1/score", data=json.dumps(body).encode())
    assert_problem(status, headers, problem, 422, "body")


def test_404(http):
    assert_problem(*http.call("GET", "/v1/nope"), 404)


@pytest.mark.parametrize("method,path", [("GET", "/v1/score"), ("DELETE", "/v1/score/batch"),
                                         ("POST", "/v1/health")])
def test_405(http, method, path):
    status, headers, body = http.call(method, path, data=b"{}" if method == "POST" else None)
    assert_problem(status, headers, body, 405)
    assert headers["Allow"]


def test_problem_instance_is_the_path(http):
    _, _, body = http.call("POST", "/v1/score", json={"text": ""})
    assert body["instance"] == "/v1/score"
    assert body["errors"][0]["message"]
