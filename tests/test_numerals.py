"""Our numeral reader, and cn2an's behaviour pinned where we rely on it or deliberately avoid it."""
from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest

from cnquant.errors import LimitError, ParseError
from cnquant.numerals import approximate_range, parse_chinese, parse_number, to_chinese


@pytest.mark.parametrize("text,value", [
    ("十七", 17), ("两", 2), ("三千五百", 3500), ("一万二千", 12000), ("零点五", "0.5"), ("〇", 0),
    ("二〇二四", 2024), ("一百零五", 105), ("三万五", 35000), ("一千五", 1500), ("十万", 100000),
    ("三亿五千万", 350000000), ("一万亿", 10**12), ("两百", 200), ("九十九", 99),
])
def test_chinese(text, value):
    assert parse_chinese(text) == Decimal(str(value))


@pytest.mark.parametrize("text,value", [
    ("1.1万", 11000), ("3千", 3000), ("1.4万亿", 1400000000000), ("38,871", 38871), ("一点五万", 15000),
    ("20.5万", 205000), ("1.12345万", "11234.5"),
])
def test_mixed(text, value):
    assert parse_number(text) == Decimal(str(value))


@pytest.mark.parametrize("text,low,high", [
    ("两三", 2, 3), ("五六万", 50000, 60000), ("三四十", 30, 40), ("七八", 7, 8),
])
def test_approximate_ranges(text, low, high):
    assert approximate_range(text) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize("text", ["二十", "二〇二四", "一二三", "十"])
def test_not_approximate(text):
    assert approximate_range(text) is None


@pytest.mark.parametrize("text", ["十十", "百百", "万万", "三百百", "五千千"])
def test_malformed(text):
    with pytest.raises(ParseError):
        parse_chinese(text)


def test_limit_on_digits():
    with pytest.raises(LimitError):
        parse_number("1" * 1000)


def test_cn2an_floats_are_why_we_read_ourselves():
    # cn2an returns binary floats for decimals; cnquant must not
    assert isinstance(cn2an.cn2an("一点五", "smart"), float)
    assert parse_chinese("一点五七") == Decimal("1.57")


def test_cn2an_reads_approximations_as_digits():
    # cn2an reads 两三 as 23: a 概数 must be read as a range instead
    assert cn2an.cn2an("两三", "smart") == 23
    assert approximate_range("两三") == (2, 3)


def test_cn2an_agrees_on_integers():
    for n in (7, 17, 105, 680, 3500, 12000, 100000, 350000000):
        written = cn2an.an2cn(str(n))
        assert parse_chinese(written) == n
        assert to_chinese(n) == written
