"""Cases where today's behaviour is wrong. Tests with these ids are xfail(strict=True): when a fix lands,
the test XPASSes, the suite fails, and the id must be removed from this list (clinlp style)."""

KNOWN_FAILURES: list[str] = [
    # Empty today: every case found by the tables passes. Add the id of a case that is known to be wrong
    # here, with a one-line cause, instead of deleting or weakening its test.
]


def xfail_if_known(case_id: str):
    """pytest marks for a parametrised case: xfail(strict=True) when its id is a known failure."""
    import pytest

    if case_id in KNOWN_FAILURES:
        return [pytest.mark.xfail(strict=True, reason=f"known failure {case_id} (tests/regression/known_failures.py)")]
    return []
