"""check / check_many / policies / milestones / allocation tables against tests/cases/checks.jsonl."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import cnquant as cq
from cnquant import check

from .conftest import load_cases, table


@pytest.mark.parametrize("row", table("checks.jsonl", key="target"))
def test_check_table(row):
    as_of = date.fromisoformat(row["as_of"]) if row.get("as_of") else None
    if row["expected"] == "error":
        with pytest.raises(getattr(cq, row["error"])):
            check(row["target"], row["reported"], baseline=row.get("baseline"), as_of=as_of)
        return
    v = check(row["target"], row["reported"], baseline=row.get("baseline"), reference=row.get("reference"),
              as_of=as_of)
    assert v.status == row["expected"], v.reason
    if "progress" in row:
        assert v.progress == row["progress"], v.reason
    if row.get("completion"):
        assert v.completion is not None
        assert abs(v.completion - Decimal(row["completion"])) <= Decimal("0.00006")
    assert v.reason


def test_table_size():
    rows = load_cases("checks.jsonl")
    assert len(rows) >= 200
    assert sum(r["expected"] == "error" for r in rows) >= 12


def test_completion_uncapped_and_undefined_for_caps():
    assert check("新增老年助餐服务点227个", "235个").completion == Decimal("1.035242")
    v = check("确保城镇登记失业率控制在3.5%以内", "3.2%")
    assert v.completion is None and "ceiling" in v.completion_note


def test_gap_in_target_unit():
    v = check("城镇新增就业2万人以上", "1.8万人")
    assert v.gap == cq.Quantity(Decimal(-2000), "人")


# one data set, three policies, three documented verdicts
DATA = [("地区生产总值增长6%左右", "增长5.7%"), ("普惠小微企业贷款增长15%", "增长15%"),
        ("社会消费品零售总额增长6.5%以上", "增长6.46%")]


@pytest.mark.parametrize("policy,expected", [
    (cq.DEFAULT_POLICY, ["met", "met", "not_met"]),
    (cq.STRICT_POLICY, ["not_met", "not_met", "not_met"]),
    (cq.ROUNDED_POLICY, ["met", "met", "met"]),
])
def test_three_policies(policy, expected):
    assert [check(t, r, policy=policy).status for t, r in DATA] == expected


def test_one_sided_caps():
    assert check("城镇调查失业率5.5%左右", "4.8%").status == "met"
    assert check("城镇调查失业率5.5%左右", "4.8%", policy=cq.STRICT_POLICY).status == "not_met"
    assert check("城镇调查失业率5.5%左右", "6.1%").status == "not_met"


def test_growth_from_levels_says_nominal():
    v = check("地区生产总值增长6%", "1590亿元", baseline="1500亿元")
    assert v.status == "met" and "current prices" in v.reason
    assert any("可比价" in n for n in v.notes)
    strict = cq.CheckPolicy("needs-deflator", require_deflator=True)
    assert check("地区生产总值增长6%", "1590亿元", baseline="1500亿元", policy=strict).status == "indeterminate"
    assert check("地区生产总值增长6%", "1590亿元", baseline="1500亿元", deflator="1.02").status == "not_met"


def test_relative_needs_reference():
    t = "城乡居民人均可支配收入与经济增长基本同步"
    assert check(t, "增长5.0%").status == "indeterminate"
    assert check(t, "增长5.0%", reference="增长5.2%").status == "met"
    assert check(t, "增长4.0%", reference="增长5.2%").status == "not_met"


def test_milestone_as_of_time_proportional():
    v = check("新增老年助餐服务点240个", "100个", as_of=date(2024, 6, 30))
    assert v.status == "indeterminate" and v.progress == "behind" and v.expected.magnitude == 120
    v = check("新增老年助餐服务点240个", "124个", as_of=date(2024, 6, 30))
    assert v.progress == "on_schedule"  # within the 5% schedule band around 120
    v = check("新增老年助餐服务点240个", "200个", as_of=date(2024, 6, 30))
    assert v.progress == "ahead"
    v = check("新增老年助餐服务点240个", "240个", as_of=date(2024, 6, 30))
    assert v.status == "met" and v.progress == "completed"


def test_milestone_schedule():
    year_end = cq.parse_target("完成回遷安置3.5萬戶")
    steps = [t for s in ("3月底前完成30%;", "6月底前完成50%;", "9月底前完成70%;") for t in cq.extract(s)]
    sched = cq.Schedule.from_targets(year_end, steps, 2024)
    v = check(year_end, "1.7万户", as_of=date(2024, 7, 15), schedule=sched)
    assert v.expected.magnitude == 17500 and v.progress == "on_schedule"  # 50% due by 6月底
    assert check(year_end, "1.6万户", as_of=date(2024, 7, 15), schedule=sched).progress == "behind"


def test_milestone_deadline_passed():
    v = check("9月底前完成新增助餐服務點不少於100個", "90个", as_of=date(2024, 10, 8))
    assert v.status == "not_met"


def test_check_many_in_order_and_coerce():
    rows = [("新增学位4700个", "4680个"), ("新增学位4700个", "不知道"), ("新增学位4700个", "4800个")]
    with pytest.raises(cq.ParseError):
        cq.check_many(rows)
    out = cq.check_many(rows, errors="coerce")
    assert [None if v is None else v.status for v in out] == ["not_met", None, "met"]


def test_aggregate_completion():
    vs = [check("新增学位100个", "150个"), check("新增学位300个", "150个")]
    assert cq.aggregate_completion(vs) == Decimal("1")
    assert cq.aggregate_completion(vs, method="capped") == Decimal("0.75")
    assert cq.aggregate_completion(vs, method="pooled") == Decimal("0.75")


def test_allocation_table_from_cells():
    c = cq.check_allocation("100个", ["--", "5(4)个", "6 個", "3(3)個", "1個", "6(13)個", "4(4)個", "3(2)個",
                                      "1(9)個", "3(6)個", "5(3)個", "3(1)個", "4(5)個", "1(5)個", "--"])
    assert c.consistent
    bad = cq.check_allocation("227个", ["10个", "15个"])
    assert not bad.consistent and "short" in bad.reason
    with pytest.raises(cq.IncompatibleUnitsError):
        cq.check_allocation("100人", ["50人次", "50人"])


def test_allocation_table_text_reports_each_bad_line():
    text = ("1 | 新增老年助餐服務點227個 | 227個 | 市民政局 | -- | 10個 | 15個 | 202個 |\n"
            "2 | 新增學位100個 | 100個 | 市教育局 | -- | 10個 | 15個 |\n")
    rows = cq.check_allocation_table(text)
    assert [(r.name, r.consistent) for r in rows] == [("新增老年助餐服務點227個", True), ("新增學位100個", False)]


def test_rounded_policy_uses_the_written_precision():
    # GB/T 8170 修约值比较法: 5.85 rounds half-even to 5.8 at the one decimal of 6.0
    v = check("地区生产总值增长6.0%", "增长5.85%", policy=cq.ROUNDED_POLICY)
    assert v.status == "not_met" and "rounded 5.8%" in v.reason
    assert check("新增停车位1.5万个", "14600个", policy=cq.ROUNDED_POLICY).status == "met"
    assert check("新增停车位1.5万个", "14600个").status == "not_met"


def test_cached_targets_follow_the_default_tolerance():
    assert check("地区生产总值增长6%左右", "增长5.9%").status == "met"
    previous = cq.set_default_tolerance(cq.STRICT)
    try:
        assert check("地区生产总值增长6%左右", "增长5.9%").status == "not_met"
    finally:
        cq.set_default_tolerance(previous)


def test_strict_policy_says_strict_for_caps():
    v = check("城镇登记失业率3%", "3%", policy=cq.STRICT_POLICY)
    assert v.status == "not_met" and "< 3%" in v.reason


def test_reported_change_of_an_amount():
    assert check("城乡居民收入倍差继续缩小", "下降0.03").status == "met"
    assert check("城乡居民收入倍差继续缩小", "增加0.01").status == "not_met"


def test_policy_fields_are_validated():
    assert cq.CheckPolicy("x", schedule_band="0.2").schedule_band == Decimal("0.2")
    with pytest.raises(ValueError):
        cq.CheckPolicy("x", rounding="up")


def test_annualized_growth_over_years():
    assert check("年均增长6%", "1338.3亿元", baseline="1000亿元", years=5).status == "met"
    assert check("年均增长6%", "1338亿元", baseline="1000亿元", years=5).status == "not_met"
    assert check("年均增长6%", "1338亿元", baseline="1000亿元").status == "indeterminate"


def test_reported_text_with_several_values_uses_the_fitting_one():
    v = check("地区生产总值增长6%", "全年实现地区生产总值1590亿元,增长6.1%")
    assert v.status == "met" and "6.1%" in v.reason
    assert check("新增停车位3500个", "已完成3200个,完成率91.4%").status == "not_met"


def test_completion_share_reports():
    v = check("新增停车位3500个", "完成率98%")
    assert v.status == "not_met" and v.completion == Decimal("0.98")
    assert check("新增停车位3500个", "完成率100%").status == "met"


def test_reason_writes_a_relative_band_as_a_quantity():
    reason = cq.check("城镇新增就业近1.5万人", "1.45万人").reason
    assert "E+" not in reason and "±750人" in reason


@pytest.mark.parametrize("text, year, due", [
    ("6月底前", 2025, date(2025, 6, 30)), ("3月前", 2024, date(2024, 2, 29)), ("年底前", 2025, date(2025, 12, 31)),
    ("年内", 2025, date(2025, 12, 31)), ("上半年", 2025, date(2025, 6, 30)), ("三季度末", 2025, date(2025, 9, 30)),
    ("到2027年", 2025, date(2027, 12, 31)), ("2027年前", 2025, date(2026, 12, 31)),
    ("2024年6月底前", 2025, date(2024, 6, 30))])
def test_deadline_dates(text, year, due):
    assert cq.deadline_date(text, year) == due


def test_a_deadline_in_a_later_year_is_scheduled_from_january_first():
    t = cq.extract("到2027年建成充电桩3000个。")[0]
    v = check(t, "1000个", as_of=date(2025, 6, 30))
    assert v.status == "indeterminate" and v.progress == "ahead"  # it used to raise ParseError on 2027年
    with pytest.raises(cq.ParseError):
        cq.deadline_date("尽快", 2025)


def test_relative_faster_than_compares_with_the_reference():
    t = "农村居民人均可支配收入增速快于城镇居民"
    assert check(t, "增长6.5%", reference="增长5.1%").status == "met"
    assert check(t, "增长5.1%", reference="增长5.1%").status == "not_met"  # faster, not as fast
    assert check("确保粮食产量不低于去年", "60万吨", reference="60万吨").status == "met"
    assert check(t, "增长6.5%").status == "indeterminate"  # no reference value


def test_check_accepts_dates_in_several_forms_and_refuses_others():
    from datetime import datetime

    import pandas as pd

    for day in ("2024-06-30", datetime(2024, 6, 30, 12), pd.Timestamp("2024-06-30"), date(2024, 6, 30)):
        assert check("新增停车位3500个", "2000个", as_of=day).progress == "ahead"
    with pytest.raises(ValueError):
        check("新增停车位3500个", "2000个", as_of="2024/6/30")
    with pytest.raises(TypeError):
        check("新增停车位3500个", "2000个", as_of=3.5)


def test_check_many_rows_are_validated_and_take_a_reference():
    for rows in ([("新增学位4700个",)], ["新增学位4700个"], [{"t": 1}]):
        with pytest.raises(TypeError):
            cq.check_many(rows, errors="coerce")
    v = cq.check_many([("居民收入增长与经济增长基本同步", "增长6%", None, "增长5.8%")])[0]
    assert v.status == "met"


def test_compound_numerals_in_reports():
    assert check("新增学位1.2万个", "1万2千个").status == "met"
    assert check("完成投资3.5亿元", "3亿5千万元").status == "met"


def test_the_plan_year_dates_year_end_targets():
    late = date(2026, 1, 20)
    assert check("新增学位4700个", "4680个", as_of=late).status == "indeterminate"  # due 2026-12-31
    assert check("新增学位4700个", "4680个", as_of=late, year=2025).status == "not_met"
    assert check("9月底前完成新增学位4700个", "4700个", as_of=date(2025, 10, 8), year=2025).status == "met"
    t = cq.extract("2025年10月底前完成老旧小区改造45个。")[0]
    assert t.deadline == "2025年10月底前"
    with pytest.raises(ValueError):
        check("新增学位4700个", "4680个", year=25)


def test_allocation_cells_written_loosely():
    assert cq.parse_allocation_cell("暂无").empty and cq.parse_allocation_cell("待定").empty
    assert cq.parse_allocation_cell("约300个").quantity == cq.Quantity(300, "个")
    assert cq.check_allocation("600个", ["约300个", "300个左右", "暂无"]).consistent


def test_a_deadline_column_replaces_the_deadline_in_the_text():
    assert check("新建城市书房12家", "10家", as_of=date(2024, 12, 5), deadline="2024年11月底前").status == "not_met"
    assert check("新建城市书房12家", "10家", as_of=date(2024, 12, 5)).status == "indeterminate"
    with pytest.raises(cq.ParseError):
        check("新建城市书房12家", "10家", deadline="区文广旅体局")
