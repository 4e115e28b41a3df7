"""Any text either scores, with every offset true, or is refused with InvalidInput: nothing crashes."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.errors import InvalidInput
from scoring.export import iter_spans, report_dict

PIECES = st.sampled_from([
    "said", "told reporters", "according to", "It is unclear whether", "claimed responsibility", "“", "”", '"',
    "''", "\n", "\n\n", ", ", ". ", "—", "the group", "CENTCOM", "Reuters reported, citing officials,", "may",
    "as many as 40", "Mr.", "U.S.", "(AP) -", "By Ana Ruiz", "- ", ":", "who", "allegedly", "denied", " ",
])
TEXTS = st.one_of(
    st.lists(PIECES | st.text(max_size=12), max_size=40).map(" ".join),
    st.text(max_size=300),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text_scores_or_is_refused_cleanly(scorer, text):
    try:
        report = report_dict(scorer.score(text))
    except InvalidInput:
        assert not text.replace("\ufeff", "").strip()
        return
    for span in iter_spans(report):
        assert report["text"][span["start"]:span["end"]] == span["text"]
    for s in report["sources"]:
        assert 0.0 <= s["reliability"]["score"] <= 1.0
