"""Property tests, written on the public strategies of cnquant.strategies."""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cnquant as cq
from cnquant import strategies as cst
from cnquant.numerals import parse_number

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(cst.number_texts())
def test_number_text_round_trip(pair):
    value, text = pair
    assert parse_number(cq.normalize(text)) == value


@SETTINGS
@given(cst.quantity_texts())
def test_parse_of_written_quantity(pair):
    q, text = pair
    assert cq.parse_quantity(text) == q


@SETTINGS
@given(cst.quantities())
def test_format_parse_round_trip(q):
    assert cq.parse_quantity(cq.format_quantity(q)) == q


@SETTINGS
@given(cst.quantities(units=st.sampled_from(["公里", "千米", "米", "吨", "千克", "斤", "万元", "元", "批次/千人"])))
def test_conversion_round_trip(q):
    partner = {"公里": "米", "千米": "公里", "米": "千米", "吨": "斤", "千克": "吨", "斤": "千克",
               "万元": "元", "元": "亿元", "批次/千人": "批次/万人"}[q.unit]
    assert q.to(partner).to(q.unit) == q


@SETTINGS
@given(cst.target_texts())
def test_composed_phrases_parse(pair):
    fields, text = pair
    t = cq.parse_target(text)
    for name in ("measure", "comparator", "unit", "modality", "direction", "reference"):
        assert getattr(t, name) == fields[name], name
    for name in ("value", "low", "high"):
        got = getattr(t, name)
        if name == "value" and fields["comparator"] == "between":
            continue
        assert (None if got is None else got.magnitude) == fields[name], name
    assert fields["metric"] in t.metric
    assert text[t.span[0]:t.span[1]] == t.text


@SETTINGS
@given(cst.targets())
def test_target_dict_round_trip(t):
    assert cq.Target.from_dict(json.loads(t.to_json())) == t


@SETTINGS
@given(cst.quantities())
def test_quantity_dict_round_trip(q):
    back = cq.Quantity.from_dict(json.loads(json.dumps(q.to_dict())))
    assert back == q and back.text == q.text and back.span == q.span


@SETTINGS
@given(st.one_of(st.text(max_size=80), cst.target_texts().map(lambda p: "今年," + p[1] + "。")))
def test_mention_dict_round_trip(text):
    for m in cq.explain(text):
        assert cq.Mention.from_dict(json.loads(json.dumps(m.to_dict(), ensure_ascii=False))) == m


@SETTINGS
@given(cst.check_cases(), st.sampled_from([None, date(2024, 6, 30)]), st.booleans())
def test_verdict_dict_round_trip(case, as_of, strict):
    target, reported, _ = case
    v = cq.check(target, reported, as_of=as_of, policy=cq.STRICT_POLICY if strict else cq.DEFAULT_POLICY)
    assert cq.Verdict.from_dict(json.loads(json.dumps(v.to_dict(), ensure_ascii=False))) == v


@SETTINGS
@given(cst.target_texts(), st.sampled_from(["根据全年工作安排,", "按照上级部署要求,今年", "今年,"]),
       st.sampled_from(["。", ";", ",并加强督查考核。"]))
def test_neutral_context_does_not_change_the_target(pair, before, after):
    # the context holds a plan cue: with none, a bare exact figure (新增停车位1001个) reads as a
    # reported result (docs/extraction.md, review heuristics), which is not a neutral context
    fields, text = pair
    alone = cq.parse_target(text)
    (inside,) = cq.extract(before + text + after)
    for name in ("measure", "comparator", "value", "low", "high", "unit", "modality", "direction", "metric",
                 "reference"):
        assert getattr(inside, name) == getattr(alone, name)
    assert inside.span == (alone.span[0] + len(before), alone.span[1] + len(before))


@SETTINGS
@given(cst.check_cases())
def test_checker_boundaries(case):
    target, reported, status = case
    assert cq.check(target, reported).status == status


@SETTINGS
@given(cst.numbers(min_value=1, max_value=10**6), cst.numbers(min_value=0, max_value=2 * 10**6))
def test_checker_monotone_and_unit_invariant(v, r):
    target = f"新建绿道{format(v, 'f')}公里"
    verdict = cq.check(target, f"{format(r, 'f')}公里")
    assert verdict.met == (r >= v)
    assert cq.check(target, cq.Quantity(r * 1000, "米")).status == verdict.status


@SETTINGS
@given(cst.check_cases(), st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 30)))
def test_checks_before_the_deadline_settle_only_what_is_settled(case, day):
    target, reported, status = case
    early = cq.check(target, reported, as_of=day)
    # on or after the year-end deadline the verdict is the plain one
    assert cq.check(target, reported, as_of=date(2024, 12, 31)).status == status
    # before it, a met target stays met; a miss is never final unless a cumulative ceiling is passed
    if status == "met":
        assert early.status == "met" and early.progress in ("completed", "on_schedule")
    else:
        assert early.status in ("indeterminate", "not_met")
        if early.status == "not_met":
            assert "already over the ceiling" in early.reason


TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=200) | st.text(
    alphabet="0123456789.,%-万亿千百十一二三两以上下内超约个人元公里“”()[]每第年月底前确保力争增长下降清零全覆盖、,。;",
    max_size=200)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_arbitrary_text_raises_only_parse_errors(text):
    for fn in (cq.extract, cq.explain, cq.parse_targets):
        fn(text)
    for fn in (cq.parse_quantity, cq.parse_target):
        try:
            fn(text)
        except cq.ParseError:
            pass


_NOISE = st.sampled_from(list("“”\"()[]〔〕、,。;:|\t\n \u3000\u200b\ufeff\x00") + ["在", "中", "的", "等", "以上"])


@settings(max_examples=500, deadline=None)
@given(cst.target_texts(), st.lists(st.tuples(st.integers(0, 60) | st.just(-1), _NOISE), max_size=4))
def test_target_texts_with_noise_raise_only_parse_errors(pair, edits):
    # real target shapes with punctuation dropped in anywhere (the fuzz run found 新增绿道8公里“)
    text = pair[1]
    for at, noise in edits:
        at = len(text) if at < 0 else at % (len(text) + 1)  # -1: at the end
        text = text[:at] + noise + text[at:]
    for fn in (cq.extract, cq.explain, cq.parse_targets):
        fn(text)
    try:
        cq.parse_target(text)
    except cq.ParseError:
        pass


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_explain_spans_are_offsets(text):
    for m in cq.explain(text):
        assert text[m.span[0]:m.span[1]] == m.text


def test_strategies_reject_non_strategies():
    with pytest.raises(TypeError):
        cst.quantities(units="个")
    with pytest.raises(TypeError):
        cst.number_texts(values=Decimal(3))


def test_testing_helpers_show_both_sides():
    from cnquant.testing import assert_quantity_equal, assert_target_equal, assert_verdict

    assert_quantity_equal("1公里", "1000米")
    with pytest.raises(AssertionError, match="1.1万个 != 1.2万个"):
        assert_quantity_equal("1.1万个", "1.2万个")
    with pytest.raises(AssertionError, match="cannot be compared"):
        assert_quantity_equal("3人", "3人次")
    with pytest.raises(AssertionError, match="comparator: >= != >"):
        assert_target_equal("市场主体8800个以上", "市场主体超8800个")
    with pytest.raises(AssertionError, match="status met != not_met"):
        assert_verdict(cq.check("新增学位4700个", "4800个"), "not_met")
    with pytest.raises(TypeError):
        assert_verdict("met", "met")


@SETTINGS
@given(cst.quantity_texts())
def test_assert_quantity_equal_accepts_round_trips(pair):
    from cnquant.testing import assert_quantity_equal

    q, text = pair
    assert_quantity_equal(text, q)


def test_importing_cnquant_does_not_import_hypothesis():
    import subprocess
    import sys

    code = "import sys, cnquant; cnquant.extract('新增3个'); print('hypothesis' in sys.modules, 'pint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
