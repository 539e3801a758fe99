"""unwrap_lines: joining the lines a PDF extractor wrapped, against tests/cases/unwrap.jsonl."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cnquant as cq

from .conftest import table


@pytest.mark.parametrize("row", table("unwrap.jsonl"))
def test_unwrap_table(row):
    assert cq.unwrap_lines(row["text"], width=row["width"]) == row["expected"], row["why"]


def test_a_wrapped_target_is_read_whole_after_unwrapping():
    para = "今年主要预期目标是:地区生产总值增长6%左右,城镇新增就业1.2万人以上,城镇调查失业率控制在5.5%以内。"
    wrapped = "\n".join(para[i:i + 17] for i in range(0, len(para), 17))
    assert [str(t) for t in cq.extract(cq.unwrap_lines(wrapped, width=34))] == [str(t) for t in cq.extract(para)]
    assert [str(t) for t in cq.extract(wrapped)] != [str(t) for t in cq.extract(para)]


def test_bad_arguments():
    with pytest.raises(TypeError):
        cq.unwrap_lines(b"abc")
    with pytest.raises(ValueError):
        cq.unwrap_lines("abc", slack=1.5)


_ALPHABET = "新增就业万人以上增长。,;:\n\t|0123456789一、()第章- "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300), st.one_of(st.none(), st.integers(1, 80)))
def test_unwrapping_only_removes_line_breaks_and_the_spaces_at_them(text, width):
    out = cq.unwrap_lines(text, width=width)
    # no character is lost or added except line breaks, spaces at a join and page-marker lines
    if not any(re.fullmatch(r"\s*[-—–]\s*\d{1,4}\s*[-—–]\s*|\s*\d{1,4}\s*/\s*\d{1,4}\s*", x) for x in text.split("\n")):
        assert re.sub(r"\s", "", out) == re.sub(r"\s", "", text)
    assert out.count("\n") <= text.count("\n")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="新增就业万人以上增长0123456789,", min_size=1, max_size=60), min_size=1, max_size=20))
def test_clean_text_with_one_sentence_per_line_is_unchanged(sentences):
    text = "\n".join(s + "。" for s in sentences)
    assert cq.unwrap_lines(text) == text


def test_extract_file_unwraps_on_request(tmp_path):
    from cnquant.scale import extract_file

    para = "今年主要预期目标是:地区生产总值增长6%左右,城镇新增就业1.2万人以上,城镇调查失业率控制在5.5%以内。"
    lines = [para[i:i + 17] for i in range(0, len(para), 17)]
    f = tmp_path / "wrapped.txt"
    f.write_text("\n".join(lines * 3), encoding="utf-8")
    plain = extract_file(f)
    joined = extract_file(f, unwrap=True)
    assert sum(r["metric"] == "地区生产总值" for r in joined) == 3
    assert sum(r["metric"] == "地区生产总值" for r in plain) == 0


@pytest.mark.parametrize("text, expected", [
    ("地 区 生 产 总 值 增 长 6%左右", "地区生产总值增长 6%左右"),
    ("新建学校3所 改扩建5所", "新建学校3所 改扩建5所"),  # two words, one space: left alone
    ("目　录", "目　录"),  # two characters: not a run
    ("城 镇 调 查\u3000失 业 率", "城镇调查失业率"),
    ("地区生产总值增 长5.2%以 上", "地区生产总值增长5.2%以上"),  # one space inside a cue word
    ("确 保 新建绿道3 0公里", "确保新建绿道30公里"),  # single digits spaced out before a unit
    ("新增停车位3 500个", "新增停车位3 500个"),  # a thousands group: read as 3500, left alone
    ("2023 2024 2025", "2023 2024 2025"),  # numbers in columns
    ("增长 5 6 7", "增长 5 6 7"),  # single digits in columns: nothing after them
])
def test_close_letter_spacing(text, expected):
    assert cq.close_letter_spacing(text) == expected


def test_undo_pdf_layout_reads_a_letter_spaced_target():
    t = cq.extract(cq.undo_pdf_layout("地 区 生 产 总 值 增 长 6%左右。"))[0]
    assert (t.measure.value, t.metric) == ("change_rate", "地区生产总值")
