"""The compiled shortcut for common phrases gives exactly the Target of the full reader."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from cnquant import DEFAULT, STRICT, strategies as cst
from cnquant.fastpath import fast_target
from cnquant.reader import read

from .conftest import load_cases

GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev_gold.jsonl"


def _phrases():
    out = [r["text"] for r in load_cases("targets_seeds.jsonl")]
    out += [r["text"] for r in load_cases("bugs_caught.jsonl")]
    out += [r["target"] for r in load_cases("checks.jsonl")] + [r["reported"] for r in load_cases("checks.jsonl")]
    if GOLD.is_file():
        for line in GOLD.read_text(encoding="utf-8").splitlines():
            out += [t["text"] for t in json.loads(line)["targets"]]
    return sorted(set(out))


def _slow(text, tolerance=DEFAULT):
    ts = [m.target for m in read(text, mode="phrase", tolerance=tolerance) if m.target is not None]
    return ts[0] if len(ts) == 1 else None


def test_shortcut_equals_reader_on_every_fixture_phrase():
    used = 0
    for text in _phrases():
        fast = fast_target(text, DEFAULT)
        if fast is not None:
            used += 1
            assert fast == _slow(text), text
    assert used > 300  # the shortcut must actually carry most simple phrases


@settings(max_examples=400, deadline=None)
@given(cst.target_texts())
def test_shortcut_equals_reader_on_generated_phrases(pair):
    _, text = pair
    for policy in (DEFAULT, STRICT):
        fast = fast_target(text, policy)
        if fast is not None:
            assert fast == _slow(text, policy)


@pytest.mark.parametrize("text", ["约1000人", "超8800个", "不少于4.5批次/千人", "增长6%左右", "确保增长8%",
                                  "每万人拥有20张床位", "两三个", "信访积案清零", "市区空气质量保持全国前十名",
                                  "经营性收入50万元以上的村", "分别增长6%", "新增停车位 3500个"])
def test_shortcut_declines_what_it_does_not_know(text):
    fast = fast_target(text, DEFAULT)
    assert fast is None or fast == _slow(text)


from hypothesis import strategies as st  # noqa: E402

from cnquant.lexicon import LEX  # noqa: E402

_PIECES = st.tuples(
    st.sampled_from([""] + list(LEX.modality_words)),
    st.sampled_from(["", "新增停车位", "城镇登记失业率", "人均体育场地面积", "一般公共预算收入", "“四好农村路”",
                     "新(改)建公园", "全年新增就业", "二次供水改造", "每万人口床位", "居民收入倍差", "达到参保人数的"]),
    st.sampled_from([""] + list(LEX.level_verbs)[:12] + list(LEX.change_verbs)[:8]),
    st.sampled_from([""] + list(LEX.prefix_words)),
    st.sampled_from(["3500", "3.5", "1.1万", "20亿", "0"]),
    st.sampled_from(["个", "%", "人", "公里", "万元", "亩", "人次", "家"]),
    st.sampled_from([""] + list(LEX.suffix_words)),
)


@settings(max_examples=1500, deadline=None)
@given(_PIECES)
def test_shortcut_equals_reader_on_any_composition(pieces):
    text = "".join(pieces)
    fast = fast_target(text, DEFAULT)
    if fast is not None:
        assert fast == _slow(text), text
