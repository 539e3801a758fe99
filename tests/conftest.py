"""Shared helpers for the table-driven tests: fixture tables live in tests/cases/*.jsonl."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"


def load_cases(name: str) -> list[dict]:
    with open(CASES / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def case_id(row: dict) -> str:
    return (row.get("id") or row.get("text") or row.get("target", "") + "|" + str(row.get("reported")))[:60]


def table(name: str, *, known_failures: set[str] = frozenset(), key: str = "text"):
    """Parametrize over a fixture table; rows named in known_failures are strict xfails."""
    params = []
    for row in load_cases(name):
        marks = []
        if row.get(key) in known_failures:
            marks.append(pytest.mark.xfail(strict=True, reason="known failure kept as a strict xfail row"))
        params.append(pytest.param(row, id=case_id(row), marks=marks))
    return params
