import pytest

from tests.regression.known_failures import xfail_if_known


def case(case_id, *values):
    return pytest.param(*values, id=case_id, marks=xfail_if_known(case_id))
