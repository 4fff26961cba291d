"""Fixtures of the front-end kit's tests: the docs/operations operations run against the app."""

from __future__ import annotations

import pytest

from tests.support.api import Api
from tests.support.operations import Operations


@pytest.fixture
def ops(api: Api) -> Operations:
    return Operations(api)
