"""Hostile input: only ParseError-family exceptions, linear time, documented limits."""
from __future__ import annotations

import time

import pytest

import cnquant as cq
from cnquant.numerals import MAX_DIGITS


ADVERSARIAL = ["1", "万", "以上", "((", "“", "1个以上、", "增长5%,", "三个", "1.", "-", "第", "每万", "百分之",
               "全覆盖", "确保", "\x00\u0007", "\ud800"]


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_linear_time(unit):
    times = []
    for n in (10**4, 10**5):
        text = (unit * (n // len(unit) + 1))[:n]
        best = float("inf")
        for _ in range(3):  # best of three: CI machines are noisy
            t0 = time.perf_counter()
            cq.explain(text)
            best = min(best, time.perf_counter() - t0)
        times.append(best)
    assert times[1] < 20 * max(times[0], 0.005), times


def test_long_numbers_are_bounded_errors():
    with pytest.raises(cq.LimitError):
        cq.parse_quantity("1" * (MAX_DIGITS + 1) + "个")
    ms = cq.explain("新增" + "9" * 10_000 + "个停车位")
    assert {m.role for m in ms} == {"number"} and all("not read" in m.reason for m in ms)
    assert cq.extract("新增" + "9" * 10_000 + "个停车位") == []


@pytest.mark.parametrize("text", ["", " ", "\n\n", "。。。", "\ud800\udfff", "1" * 100, "%%%", "万亿亿万",
                                  "[[[]]]", "“”“", "百分之", "第第第", "-1-1-1",
                                  "新增绿道8公里“", "降低“", "5处“"])  # fuzz: an opening quote last
def test_odd_inputs_raise_only_parse_errors(text):
    cq.extract(text)
    cq.explain(text)
    for fn in (cq.parse_quantity, cq.parse_target):
        try:
            fn(text)
        except cq.ParseError:
            pass


def test_non_str_input_is_a_type_error():
    for fn in (cq.extract, cq.parse_target, cq.parse_quantity):
        with pytest.raises(TypeError):
            fn(None)
