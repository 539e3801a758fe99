"""Whole-document guard: how many targets extract finds in each seed document, by measure.

The shared development set is scored one sentence at a time, so a rule that changes how a whole
document reads (a table header that captures the rows after it) can pass it unnoticed. The counts
in tests/cases/seed_document_counts.json are updated on purpose when a rule change is meant to
change them. The seed documents live outside the repository (../shared/seeds); without them the
test is skipped.
"""
from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

import cnquant as cq

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"
COUNTS = json.loads((HERE / "cases" / "seed_document_counts.json").read_text(encoding="utf-8"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents (../shared/seeds) are not here")
@pytest.mark.parametrize("name", sorted(COUNTS))
def test_seed_document_counts(name):
    ts = cq.extract((SEEDS / name).read_text(encoding="utf-8"))
    got = {"targets": len(ts),
           "by_measure": dict(sorted(collections.Counter(t.measure.value for t in ts).items())),
           "with_metric": sum(1 for t in ts if t.metric)}
    assert got == COUNTS[name]
