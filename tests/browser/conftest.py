"""Browser tests run only when asked for (``pytest -m browser``, i.e. ``make test-browser``)."""

import pytest


def pytest_collection_modifyitems(config, items):
    if "browser" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="drives a real browser: run 'make test-browser'")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)
