"""Fixtures for the browser tests: a headless Chromium driven by Playwright."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("FIGCHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"FIGCHECK_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(f"{reason} (set FIGCHECK_CHROMIUM, or install Debian's chromium package)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = os.environ.get("FIGCHECK_CHROMIUM", "/usr/bin/chromium")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        _unavailable(f"no Chromium executable at {path}")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as pw:
        try:
            chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, timeout=60_000)
        except Error as exc:
            _unavailable(f"Chromium at {path} did not start: {str(exc).splitlines()[0]}")
        try:
            yield chromium
        finally:
            chromium.close()
