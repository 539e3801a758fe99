"""extract / explain on sentences, documents, and the invariants every result keeps."""
from __future__ import annotations

import time
from decimal import Decimal

import pytest

import cnquant as cq
from cnquant import explain, extract


def _vals(ts):
    return [(t.measure.value, t.comparator.value if t.comparator else None,
             None if t.value is None else t.value.magnitude, t.unit) for t in ts]


def test_many_targets_in_one_sentence():
    ts = extract("新增科技型中小企业300家以上,有效国家高新技术企业超600家。")
    assert [(t.metric, t.comparator.value, t.value.magnitude) for t in ts] == [
        ("新增科技型中小企业", ">=", 300), ("有效国家高新技术企业", ">", 600)]


def test_one_metric_two_units():
    ts = extract("食品安全监督抽检不少于4.5批次/千人,达到4700批次以上,问题检出率不低于2%;")
    assert _vals(ts) == [("level", ">=", Decimal("4.5"), "批次/千人"), ("level", ">=", 4700, "批次"),
                         ("level", ">=", 2, "%")]
    assert ts[1].metric == "食品安全监督抽检"


def test_milestones_carry_their_deadline():
    ts = extract("6月底前累計開工保障房不少於50萬平方米;")
    assert len(ts) == 1 and ts[0].deadline == "6月底前" and ts[0].value.magnitude == 500000


def test_traditional_and_simplified_agree():
    simp = extract("新增老年助餐服务点227个,完成幸福河湖农村水系整治100公里。")
    trad = extract("新增老年助餐服務點227個,完成幸福河湖農村水係整治100公裏。")
    assert _vals(simp) == _vals(trad)


def test_metric_drops_leading_task_verbs():
    t = extract("确保城镇新增就业1.48万人以上。")[0]
    assert t.metric == "城镇新增就业"
    assert t.modality is cq.Modality.BINDING


@pytest.mark.parametrize("text,role", [
    ("为全市60岁以上老年人", "qualifier"), ("开工建设G228国道", "code"), ("开展第四次全国文物普查", "ordinal"),
    ("3月底前完成摸底", "date"), ("启动水利建设三年行动计划", "duration"), ("打造“15分钟品质文化生活圈”", "name"),
    ("用好81890平台", "number"), ("“青荷礼包”发放面扩大到35周岁以下大学生", "qualifier"),
    ("[新开工保障房100万平方米] 3月底前开工保障房不少于20万平方米", "label"),
    ("—2025年,新建口袋公园30个", "date"),  # a dash before a year is no minus sign
])
def test_explain_roles(text, role):
    roles = [m.role for m in explain(text)]
    assert role in roles


def test_explain_accounts_for_every_arabic_number():
    text = ("2023年,新增停车位3500个,为离校2年内未就业高校毕业生提供见习岗位1.1万个,"
            "开工建设G228国道,用好81890平台,启动第5次普查。")
    covered = [m.span for m in explain(text)]
    import re
    for m in re.finditer(r"\d+(?:\.\d+)?", text):
        assert any(a <= m.start() < b for a, b in covered), m.group(0)


def test_spans_are_offsets_into_the_text():
    text = "  一、主要目标:地区生产总值增长6%左右,城镇调查失业率5.5%左右;确保粮食产量稳定在6.5万吨以上。"
    for m in explain(text):
        assert text[m.span[0]:m.span[1]] == m.text
        if m.target is not None:
            assert m.target.span == m.span


def test_whole_document_linear_time():
    sentence = "新增老年助餐服務點227個,確保城鎮登記失業率控制在3.5%以內,開工建設G228國道。"
    small = sentence * 100
    big = sentence * 1000
    t0 = time.perf_counter()
    n_small = len(extract(small))
    t1 = time.perf_counter()
    n_big = len(extract(big))
    t2 = time.perf_counter()
    assert n_big == 10 * n_small
    assert (t2 - t1) < 30 * max(t1 - t0, 1e-3)


def test_one_megabyte_document_does_not_raise():
    seed = "建成3个未来社区,新增污水处理能力20.5万吨/日,“三公”经费再压减5%以上。每万名老人拥有20张床位。"
    text = (seed * (1_000_000 // len(seed) + 1))[:1_000_000]
    ts = extract(text)
    assert len(ts) > 10000


def test_review_section_of_a_whole_report_is_outcomes():
    doc = ("一、2023年工作回顾\n一年来,全区经济稳中向好。全年新增停车位2.5万个,新增学位4680个。\n"
           "二、2024年目标任务和重点工作\n新增停车位3500个。新增学位4700个。")
    roles = [(m.text, m.role) for m in explain(doc) if m.role in ("target", "outcome")]
    assert roles == [("2.5万个", "outcome"), ("4680个", "outcome"),
                     ("新增停车位3500个", "target"), ("新增学位4700个", "target")]


def test_list_numbers_are_indexes_not_part_of_the_metric():
    assert [(m.text, m.role) for m in explain("1.新建城市口袋公园20个。")] == [
        ("1.", "index"), ("新建城市口袋公园20个", "target")]
    assert extract("（一）新增普惠性托位1000个。")[0].metric == "新增普惠性托位"


def test_each_target_takes_the_deadline_written_before_it():
    ts = extract("3月底前确保开工率达到50%，6月底前达到80%。")
    assert [(t.metric, t.deadline) for t in ts] == [("开工率", "3月底前"), ("开工率", "6月底前")]


@pytest.mark.parametrize("text, metrics", [
    ("3月底前完成城镇新增就业0.6万人,6月底前累计完成1.3万人", ["城镇新增就业", "城镇新增就业"]),
    ("一季度完成全年任务的20%,二季度累计完成50%", ["任务", "任务"]),
])
def test_cumulative_milestone_continues_the_indicator(text, metrics):
    # 累计 (third red-team review) opens a clause; it is not the indicator's name
    assert [t.metric for t in extract(text)] == metrics


@pytest.mark.parametrize("row", ["3\t城乡居民医保参保率\t99.5%以上\t区医保局", "3 | 城乡居民医保参保率 | 99.5%以上 | 区医保局"])
def test_tab_separated_row_takes_the_indicator_cell(row):
    # tables pasted from Word or Excel arrive tab-separated (third red-team review)
    assert [t.metric for t in extract(row)] == ["城乡居民医保参保率"]


def test_a_front_word_that_leaves_one_character_is_part_of_the_name():
    # 完成 is stripped from 完成新建公园 but not from 完成率 (the metric would be 率)
    assert [t.metric for t in cq.extract("年度民生实事项目全部开工,完成率100%。")] == ["完成率"]
    assert [t.metric for t in cq.extract("完成新建公园5个。")] == ["新建公园"]


def test_price_basis_is_not_the_indicator():
    assert [t.metric for t in cq.extract("21 | 一般公共预算收入 | 同口径增长4% | 区财政局 | 全年")] == ["一般公共预算收入"]


def test_chinese_numeral_range_bounds():
    t = cq.parse_target("新增停车位三至五千个")
    assert (t.low.magnitude, t.high.magnitude) == (Decimal(3000), Decimal(5000))
    t = cq.parse_target("培育三至五家龙头企业")
    assert (t.low.magnitude, t.high.magnitude, t.metric) == (Decimal(3), Decimal(5), "龙头企业")


def test_per_words_between_verb_and_number_leave_the_indicator():
    ts = cq.extract("财政补助标准提高到每人每年670元。")
    assert [(t.metric, t.unit, t.cues) for t in ts] == [("财政补助标准", "元/年", ("提高到", "每"))]


def test_share_of_the_task_itself_names_the_task():
    ts = cq.extract("一季度完成全年目标任务的25%,上半年完成60%。")
    assert [(t.metric, str(t.value)) for t in ts] == [("目标任务", "25%"), ("目标任务", "60%")]
    assert [t.metric for t in cq.extract("4\t一般公共预算收入\t同口径增长3.5%\t区财政局")] == ["一般公共预算收入"]


def test_per_words_before_a_comparator_word_leave_the_indicator():
    assert cq.parse_target("為困難殘疾人發放生活補貼每人每月不低於300元").metric == "為困難殘疾人發放生活補貼"


def test_start_value_and_dates_are_not_the_indicator():
    assert [t.metric for t in cq.extract("高新技术企业数量由46家增加到71家。")] == ["高新技术企业数量"]
    # the date is not the indicator of 翻番: it continues the target before it, and dates only 翻番
    ts = cq.extract("农村居民人均可支配收入年均增长8%以上,到2027年实现翻番。")
    assert [(t.metric, t.deadline) for t in ts] == [("农村居民人均可支配收入", None), ("农村居民人均可支配收入", "2027年")]
    assert cq.extract("到2027年实现翻番。")[0].metric is None


def test_milestone_share_continues_the_task_in_its_cell():
    ts = cq.extract("新建改建城市公厕20座,3月底前完成选址,8月底前完成80%。")
    assert [(t.metric, str(t.value), t.deadline) for t in ts] == [
        ("新建改建城市公厕", "20座", None), ("新建改建城市公厕", "80%", "8月底前")]
    row = cq.extract("新建公厕20座 | 县城管局 | 3月底前完成选址,8月底前完成80%")
    assert row[-1].metric is None  # another cell: the task is not written there


def test_relative_plan_target_takes_the_subject_as_metric():
    assert cq.parse_target("主要污染物排放总量完成市下达的减排任务").metric == "主要污染物排放总量"
    assert cq.parse_target("完成上级下达的能源和环境指标计划目标").metric == "能源和环境指标"


def test_a_joiner_after_a_quantity_is_not_the_next_indicator():
    assert [t.metric for t in cq.extract("新建学校3所和幼儿园5所。")] == ["新建学校", "幼儿园"]
    assert [t.metric for t in cq.extract("建设未来社区5个和美乡村10个。")] == ["建设未来社区", "和美乡村"]


def test_reported_looking_figures_under_a_plan_heading_stay_targets():
    # read on its own, an exact figure with no plan cue is a result; under a plan heading it is planned
    assert cq.extract("完成一般公共预算收入12.34亿元。") == []
    doc = "二、2024年主要预期目标\n一般公共预算收入12.34亿元,城乡居民人均可支配收入增长6.4%。\n"
    assert [str(t.value) for t in cq.extract(doc)] == ["12.34亿元", "6.4%"]
    # an exact count is no sign of a report: 民生实事 lists plan them (改造户数18687户)
    assert [str(t.value) for t in cq.extract("新增城镇就业12345人。")] == ["12345人"]


def test_a_sentence_dated_before_the_plan_year_reports_results():
    s = "2024年,全区实际使用外资3.6亿美元,增长18%。"
    assert len(cq.extract(s)) == 2  # read on its own, the year is just a date
    assert cq.extract(s, year=2025) == []
    assert len(cq.extract(s, year=2024)) == 2  # the plan year itself plans
    assert len(cq.extract("2024年,全区实际使用外资力争4亿美元。", year=2025)) == 1  # a plan cue wins
    assert [m.role for m in cq.explain(s, year=2025)] == ["date", "outcome", "outcome"]


def test_the_plan_year_is_read_from_the_headings():
    tail = "2024年,全区实际使用外资3.6亿美元,增长18%。全区实际使用外资力争4亿美元。\n"
    for head in ("一、2024年工作回顾\n过去一年,全区生产总值增长5%。\n二、今年工作安排\n",
                 "一、2025年主要预期目标\n"):
        assert [t.text for t in cq.extract(head + tail)] == ["全区实际使用外资力争4亿美元"], head
    # the year argument wins over the headings
    assert len(cq.extract("一、2025年主要预期目标\n" + tail, year=2024)) == 3


@pytest.mark.parametrize("year, error", [("2025", TypeError), (2025.0, TypeError), (True, TypeError),
                                         (1800, ValueError), (10**12, ValueError)])
def test_a_bad_year_is_a_clear_error(year, error):
    with pytest.raises(error, match="year"):
        cq.extract("新增停车位3500个。", year=year)


def test_each_target_takes_the_deadline_written_last_before_it():
    ts = cq.extract("到2025年建成充电桩3000个,到2027年达到8000个。")
    assert [(str(t.value), t.deadline) for t in ts] == [("3000个", "2025年"), ("8000个", "2027年")]
    ts = cq.extract("上半年完成投资40%,年底前完成投资100%。")
    assert [t.deadline for t in ts] == ["上半年", "年底前"]
    assert cq.extract("年底前完成老旧小区改造50个。")[0].deadline == "年底前"
    assert cq.extract("全年完成老旧小区改造50个。")[0].deadline is None  # 全年 is no deadline


def test_a_modality_word_of_an_earlier_clause_does_not_stretch_the_text():
    s = "力争实际使用外资4亿美元,外贸出口增长5%以上。"
    first, second = cq.extract(s)
    assert second.text == "外贸出口增长5%以上" and s[second.span[0]:second.span[1]] == second.text
    assert second.modality is first.modality  # the word still scopes over it
    assert "力争" in second.cues
