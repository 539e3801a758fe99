"""The pandas accessors: same answers as the scalar functions, index kept, errors convention."""
from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cnquant as cq
import cnquant.pandas  # noqa: F401  (registers .cnq)
from cnquant import strategies as cst


def test_parse_keeps_index_and_missing_values():
    s = pd.Series(["新增停车位3500个", None, "确保城镇登记失业率控制在3.5%以内"], index=[10, 20, 30], name="目标")
    out = s.cnq.parse()
    assert list(out.index) == [10, 20, 30]
    assert out.loc[10, "value"] == Decimal(3500) and out.loc[30, "comparator"] == "<="
    assert out.loc[20].isna().all()


def test_errors_raise_or_coerce():
    s = pd.Series(["新增停车位3500个", "加快推进项目建设"])
    with pytest.raises(cq.ParseError):
        s.cnq.parse()
    out = s.cnq.parse(errors="coerce")
    assert len(out) == 2 and out.iloc[1].isna().all()
    with pytest.raises(ValueError, match="ignore"):
        s.cnq.parse(errors="ignore")


def test_extract_long_table_keyed_by_row():
    s = pd.Series(["新增科技型中小企业300家以上,有效国家高新技术企业超600家。", "无数字"], index=["x", "y"])
    out = s.cnq.extract()
    assert out["row"].tolist() == ["x", "x"] and out["n"].tolist() == [0, 1]


def test_to_unit():
    s = pd.Series(["100公里", "2000米", None])
    assert s.cnq.to("千米").tolist()[:2] == [Decimal(100), Decimal(2)]


def test_frame_check_and_series_check_agree():
    df = pd.DataFrame({"目标": ["新增学位4700个", "地区生产总值增长6%", "城乡居民收入倍差继续缩小"],
                       "完成": ["4680个", "1590亿元", "1.72"], "基期": ["", "1500亿元", "1.75"]})
    a = df.cnq.check(baseline="基期")
    b = df["目标"].cnq.check(df["完成"], df["基期"].replace("", None))
    assert a["status"].tolist() == b["status"].tolist() == ["not_met", "met", "met"]


def test_missing_column_is_a_clear_error():
    with pytest.raises(KeyError, match="columns are"):
        pd.DataFrame({"a": []}).cnq.check()


@settings(max_examples=50, deadline=None)
@given(st.lists(cst.target_texts(), min_size=1, max_size=8))
def test_accessor_output_equals_scalar_function(pairs):
    texts = [text for _, text in pairs]
    out = pd.Series(texts).cnq.parse()
    for i, text in enumerate(texts):
        t = cq.parse_target(text)
        expected = {"measure": t.measure.value, "comparator": t.comparator and t.comparator.value,
                    "value": t.value and t.value.magnitude, "unit": t.unit, "metric": t.metric,
                    "modality": t.modality and t.modality.value, "text": t.text}
        for key, want in expected.items():
            got = out.loc[i, key]
            assert (want is None and pd.isna(got)) or got == want, key


def test_extract_with_a_plan_year_per_row():
    df = pd.DataFrame({"text": ["2024年,全区实际使用外资3.6亿美元。"] * 2, "year": [2025, 2024]})
    assert df.cnq.extract("text", year="year")["row"].tolist() == [1]
    assert df.cnq.extract("text", year=2025).empty
    assert len(df["text"].cnq.extract()) == 2
    with pytest.raises(ValueError, match="year"):
        df["text"].cnq.extract(year=99)


def test_check_as_of_and_reference_columns():
    from datetime import date

    df = pd.DataFrame({
        "目标": ["新增停车位3500个", "城镇调查失业率控制在5.5%以内", "农村居民人均可支配收入增速快于城镇居民"],
        "完成": ["2000个", "5.8%", "增长6.5%"],
        "日期": ["2024-06-30", pd.Timestamp("2024-06-30"), date(2024, 12, 31)],
        "参照": [None, None, "增长5.1%"],
    })
    out = df.cnq.check(as_of="日期", reference="参照")
    assert out["status"].tolist() == ["indeterminate", "indeterminate", "met"]
    assert out["progress"].tolist()[:2] == ["ahead", "behind"]
    assert out["expected"].tolist()[0] == 1750
    same = df["目标"].cnq.check(df["完成"], as_of=df["日期"], reference=df["参照"])
    assert same["status"].tolist() == out["status"].tolist()
    with pytest.raises(KeyError):
        df.cnq.check(as_of="没有这列")
    with pytest.raises(TypeError):
        df.cnq.check(as_of=3.5)


def test_series_check_takes_a_list_as_one_value_per_row():
    s = pd.Series(["新增学位4700个", "新增学位4700个"])
    assert s.cnq.check(["4800个", "4600个"])["status"].tolist() == ["met", "not_met"]
    with pytest.raises(ValueError):
        s.cnq.check(["4800个"])


def test_frame_check_takes_an_iso_date_and_a_year():
    df = pd.DataFrame({"目标": ["新增学位4700个"], "完成": ["4680个"]})
    assert df.cnq.check(as_of="2026-01-20", year=2025)["status"].tolist() == ["not_met"]
    assert df.cnq.check(as_of="2026-01-20")["status"].tolist() == ["indeterminate"]


def test_coerced_rows_say_why_and_notes_are_kept():
    df = pd.DataFrame({"目标": ["新增学位4700个", "新增学位4700个", "实现全覆盖"], "完成": ["—", "4700人", "1"]})
    out = df.cnq.check(errors="coerce")
    assert out["status"].isna().tolist()[:2] == [True, True]
    assert "no reported value" in out["error"][0] and "cannot convert" in out["error"][1]
    assert "no unit" in out["notes"][2]


def test_frame_methods_name_the_missing_column_and_default_to_jiqi():
    df = pd.DataFrame({"目标": ["城乡居民收入倍差继续缩小"], "完成": ["1.72"], "基期": ["1.75"]})
    assert df.cnq.check()["status"].tolist() == ["met"]
    for call in (lambda: df.cnq.parse("没有"), lambda: df.cnq.extract("没有")):
        with pytest.raises(KeyError, match="columns are"):
            call()
