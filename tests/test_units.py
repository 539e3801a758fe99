"""units_zh.txt: found when installed, loaded once, every unit documented and convertible to itself."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import cnquant
from cnquant import units

ROOT = Path(__file__).resolve().parent.parent


def test_definitions_file_is_found_and_loads_into_one_registry():
    assert units.definitions_path().is_file()
    assert cnquant.ureg is cnquant.ureg
    assert cnquant.ureg is units.registry()


def test_every_canonical_unit_converts_to_itself():
    names = {info.name for info in units.UNITS.values()}
    assert len(names) >= 90
    for name in names:
        q = cnquant.Quantity(Decimal(3), name)
        assert q.to(name).magnitude == 3
        assert units.convert(Decimal(3), name, name) == 3


def test_traditional_aliases_canonicalize():
    for trad, simp in [("公裏", "公里"), ("個", "个"), ("畝", "亩"), ("噸", "吨"), ("場", "场"), ("戶", "户")]:
        assert units.canonical_unit(trad) == simp


def test_docs_list_every_unit():
    docs = (ROOT / "docs" / "units.md").read_text(encoding="utf-8")
    names = {info.name for info in units.UNITS.values()}
    missing = [n for n in names if f"`{n}`" not in docs]
    assert not missing, f"docs/units.md does not list {missing}"


def test_units_file_is_packaged_in_the_wheel_config():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'"units_zh.txt"\s*=\s*"cnquant/units_zh.txt"', text)


@pytest.mark.parametrize("a,b,factor", [("公里", "千米", 1), ("亩", "平方米", Decimal(10000) / 15), ("斤", "千克", Decimal("0.5")),
                                        ("公顷", "亩", 15), ("名", "人", 1), ("万元", "元", 10000)])
def test_documented_conversions(a, b, factor):
    assert abs(units.convert(Decimal(1), units.canonical_unit(a) if "万" not in a else a, b) - Decimal(factor)) < Decimal("1e-20")
