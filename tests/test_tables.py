"""Indicator-table rows (tests/cases/indicator_tables.jsonl) and their invariants."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cnquant as cq
from .conftest import load_cases

ROWS = load_cases("indicator_tables.jsonl")


def _fields(t):
    value = None if t.value is None else format(t.value.magnitude, "f")
    return [t.measure.value, None if t.comparator is None else t.comparator.value, value, t.unit, t.metric,
            None if t.modality is None else t.modality.value, t.annualized]


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:30] for r in ROWS])
def test_indicator_table_rows(row):
    ts = cq.extract(row["text"])
    got = [_fields(t) for t in ts]
    want = [[w[0], w[1], None if w[2] is None else format(Decimal(w[2]), "f"), *w[3:]] for w in row["targets"]]
    for g, w in zip(got, want):
        if w[4] is not None:  # the metric is checked by containment, like the scorer does
            assert g[4] and (w[4] in g[4] or g[4] in w[4]), row["why"]
            g[4] = w[4]
    assert got == want, row["why"]
    for t in ts:
        assert row["text"][t.span[0]:t.span[1]] == t.text


def test_a_row_alone_is_a_phrase_too():
    t = cq.parse_target("| 3 | 城镇调查失业率(%) | — | <5.5 | 约束性 |")
    assert (t.comparator.value, t.value.magnitude, t.modality.value) == ("<", Decimal("5.5"), "binding")


def test_explain_names_the_base_year_value():
    roles = [(m.text, m.role) for m in cq.explain("| 1 | 地区生产总值(亿元) | 1500 | 2100 | 预期性 |")]
    assert ("1", "index") in roles and ("1500", "number") in roles


_CELL = st.one_of(st.sampled_from(["地区生产总值(亿元)", "失业率(%)", "—", "<5.5", "6左右", "〔13.5〕", "预期性",
                                   "约束性", "2020年", "指标", "单位", "亿元", "%", "3-5", "9" * 90, "(", ")"]),
                  st.text(max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=7), min_size=1, max_size=4), st.sampled_from(["|", "\t"]))
def test_arbitrary_rows_never_raise_and_keep_spans(rows, sep):
    text = "\n".join(sep + sep.join(r) + sep for r in rows)
    for t in cq.extract(text):
        assert text[t.span[0]:t.span[1]] == t.text
