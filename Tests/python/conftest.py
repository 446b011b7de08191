"""Shared fixtures for the Python suites: the built bsd-ledger binary."""
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def ledger_binary() -> pathlib.Path:
    path = pathlib.Path(os.environ.get("BSD_LEDGER_BIN", ROOT / ".build" / "debug" / "bsd-ledger"))
    if not path.exists():
        pytest.fail(f"bsd-ledger binary not found at {path}; run `swift build` first")
    return path
