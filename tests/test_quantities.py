"""parse_quantity / format_quantity / Quantity.to against tests/cases/quantities.jsonl."""
from __future__ import annotations

from decimal import Decimal

import pytest

import cnquant as cq
from cnquant import Quantity, format_quantity, parse_quantity

from .conftest import load_cases, table


@pytest.mark.parametrize("row", table("quantities.jsonl"))
def test_quantity_table(row):
    if "error" in row:
        expected = getattr(cq, row["error"])
        with pytest.raises(expected) as info:
            parse_quantity(row["text"])
        assert info.value.text == row["text"]
        return
    q = parse_quantity(row["text"])
    assert q.magnitude == Decimal(row["magnitude"])
    assert q.unit == row["unit"]


def test_table_size_and_coverage():
    rows = load_cases("quantities.jsonl")
    assert len(rows) >= 200
    assert sum("error" in r for r in rows) >= 20
    assert sum(r.get("source", "").startswith("hangzhou") for r in rows) >= 40


def test_exact_decimal_not_float():
    q = parse_quantity("1.1万个")
    assert q.magnitude == Decimal("11000")
    assert str(q.magnitude) == "11000"
    assert parse_quantity("1.12345万").magnitude == Decimal("11234.5")
    assert parse_quantity("百分之一点五七").magnitude == Decimal("1.57")


@pytest.mark.parametrize("text,unit,expected", [
    ("100公裏", "米", "100000"),
    ("100公里", "千米", "100"),
    ("9.5亿元", "万元", "95000"),
    ("2100万斤", "吨", "10500"),
    ("4.5批次/千人", "批次/万人", "45"),
    ("1平方公里", "平方米", "1000000"),
    ("15亩", "公顷", "1"),
    ("3.5%", "‰", "35"),
    ("1.5千克标准煤", "吨标准煤", "0.0015"),
])
def test_conversions(text, unit, expected):
    assert parse_quantity(text).to(unit).magnitude == Decimal(expected)


@pytest.mark.parametrize("a,b", [("3人", "人次"), ("3元", "美元"), ("3个", "家"), ("3%", "百分点"),
                                 ("3日", "月"), ("3户", "人"), ("3个", "公里")])
def test_incompatible_units_raise(a, b):
    with pytest.raises(cq.IncompatibleUnitsError) as info:
        parse_quantity(a).to(b)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("q,text", [
    (Quantity(Decimal("11000"), "个"), "1.1万个"),
    (Quantity(Decimal("950000000"), "元"), "9.5亿元"),
    (Quantity(Decimal("3.5"), "%"), "3.5%"),
    (Quantity(Decimal("38871"), "条"), "38871条"),
    (Quantity(Decimal("2"), "百分点"), "2个百分点"),
    (Quantity(Decimal("205000"), "吨/日"), "20.5万吨/日"),
    (Quantity(Decimal("1400000000000"), "元"), "1.4万亿元"),
    (Quantity(Decimal("-5"), "%"), "-5%"),
])
def test_format_document_style(q, text):
    assert format_quantity(q) == text
    assert parse_quantity(text) == q


def test_format_chinese_numerals_round_trip():
    q = Quantity(Decimal("680"), "人")
    assert format_quantity(q, numerals="chinese") == "六百八十人"
    assert parse_quantity(format_quantity(q, numerals="chinese")) == q


def test_quantity_rejects_float():
    with pytest.raises(TypeError):
        Quantity(0.1, "个")


def test_unknown_unit_says_the_word():
    with pytest.raises(cq.UnknownUnitError) as info:
        parse_quantity("3公担")
    assert info.value.word == "公担"
    assert info.value.position == 1


def test_pint_quantity_available():
    q = parse_quantity("100公里").pint
    assert str(q.units) == "公里"
    assert q.to("米").magnitude == 100000
