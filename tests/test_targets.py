"""parse_target / parse_targets against tests/cases/targets_seeds.jsonl and the public contract."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

import cnquant as cq
from cnquant import Target, parse_target, parse_targets

from .conftest import load_cases, table

KNOWN_FAILURES = {
    # 水平 is excluded from direction heads (提升…水平 is usually qualitative); this one is an indicator.
    "居民健康素养水平稳步提高",
}


def _field(t, name):
    v = getattr(t, name)
    return getattr(v, "value", v)


@pytest.mark.parametrize("row", table("targets_seeds.jsonl", known_failures=KNOWN_FAILURES))
def test_target_table(row):
    t = parse_target(row["text"])
    for name in ("measure", "comparator", "modality", "direction", "unit"):
        assert _field(t, name) == row.get(name), name
    for name in ("value", "low", "high"):
        if name == "value" and row.get("comparator") == "between":
            continue
        got, want = getattr(t, name), row.get(name)
        assert (got is None) == (want is None), name
        if want is not None:
            assert got.magnitude == Decimal(want), name
    if row.get("reference"):
        assert t.reference and (row["reference"] in t.reference or t.reference in row["reference"])
    if row.get("metric"):
        assert t.metric and (row["metric"] in t.metric or t.metric in row["metric"])
    assert row["text"][t.span[0]:t.span[1]] == t.text


@pytest.mark.parametrize("row", table("bugs_caught.jsonl"))
def test_regressions(row):
    ts = parse_targets(row["text"]) if row.get("mode", "phrase") == "phrase" else cq.extract(row["text"])
    got = [[_field(t, "measure"), _field(t, "comparator"), None if t.value is None else format(t.value.magnitude, "f"),
            t.unit] for t in ts]
    assert got == row["targets"], row.get("why")
    if "metrics" in row:
        assert [t.metric for t in ts] == row["metrics"], row.get("why")


def test_table_size_and_sources():
    rows = load_cases("targets_seeds.jsonl")
    assert len(rows) >= 400
    sources = {r["source"] for r in rows}
    assert len([s for s in sources if s.endswith(".txt")]) == 5


def test_round_trip_through_json():
    for text in ("确保城镇登记失业率控制在3.5%以内", "地区生产总值增长6%左右", "两三个", "全国前十",
                 "与经济增长基本同步", "6月底前完成50%"):
        for t in parse_targets(text):
            assert Target.from_dict(json.loads(t.to_json())) == t


def test_str_reads_well():
    assert str(parse_target("确保新增就业1.1万人")) == "新增就业: level ≥ 1.1万人 (binding)"
    assert str(parse_target("地区生产总值增长6%左右")) == "地区生产总值: change_rate ≈ 6%"


def test_two_targets_on_one_metric():
    ts = parse_targets("确保增长8%,力争10%")
    assert [(t.modality.value, t.value.magnitude, t.measure.value) for t in ts] == [
        ("binding", 8, "change_rate"), ("aspirational", 10, "change_rate")]


def test_respectively_distributes():
    ts = parse_targets("户籍人口基本养老、医疗保险参保率分别达到99.7%、99.8%")
    assert [(t.metric, t.value.magnitude) for t in ts] == [("户籍人口基本养老", Decimal("99.7")),
                                                           ("医疗保险参保率", Decimal("99.8"))]


def test_cues_rebuild_hard_soft_coding():
    t = parse_target("确保固定资产投资增长8%以上")
    assert set(t.cues) >= {"确保", "增长", "以上"}
    assert parse_target("地区生产总值增长6%左右").cues == ("增长", "左右")


def test_tolerance_policy_fills_approx_targets():
    t = parse_target("增长6%左右")
    assert t.tolerance.amount == Decimal("0.5") and not t.tolerance.relative
    strict = parse_target("增长6%左右", tolerance=cq.STRICT)
    assert strict.tolerance.amount == 0
    previous = cq.set_default_tolerance(cq.STRICT)
    try:
        assert parse_target("约1000人").tolerance.amount == 0
    finally:
        cq.set_default_tolerance(previous)
    assert parse_target("约1000人").tolerance.relative


def test_absent_target_is_reported():
    t = parse_target("地区生产总值增长不设年度目标")
    assert t.absent and t.comparator is None


def test_no_target_error_is_actionable():
    with pytest.raises(cq.NoTargetError) as info:
        parse_target("加快推进项目建设")
    assert "no target" in str(info.value)
    with pytest.raises(cq.NoTargetError) as info:
        parse_target("为全市60岁以上老年人")
    assert "60岁以上" in str(info.value)


def test_ambiguous_phrase_says_use_parse_targets():
    with pytest.raises(cq.AmbiguousTargetError) as info:
        parse_target("新增停车位3500个,新增学位4700个")
    assert "parse_targets" in str(info.value)


def test_relative_share_names_its_reference():
    t = parse_target("农村低保标准不低于城镇低保标准的80%")
    assert (t.metric, t.reference, t.cues) == ("农村低保标准", "城镇低保标准", ("不低于",))
