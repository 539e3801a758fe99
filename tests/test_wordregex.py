"""word_pattern matches what an alternation sorted longest first matches, at every position."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cnquant.units import UNIT_RE, UNITS
from cnquant.wordregex import word_pattern

# a small alphabet, so that words share prefixes (个, 个百, 个百分点, 个家); the rest are regex metacharacters
_ALPHA = "个百]^"
words = st.lists(st.text(alphabet=_ALPHA, min_size=1, max_size=3), min_size=1, max_size=8)


def _plain(ws) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True)))


@settings(max_examples=500)
@given(words, st.text(alphabet=_ALPHA, max_size=12))
def test_same_matches_as_a_longest_first_alternation(ws, text):
    tree, plain = re.compile(word_pattern(ws)), _plain(ws)
    for i in range(len(text) + 1):
        a, b = plain.match(text, i), tree.match(text, i)
        assert (a and a.group(0)) == (b and b.group(0))
    # also inside a larger pattern that forces backtracking into shorter words
    anchored, plain_anchored = re.compile("(?:" + word_pattern(ws) + ")$"), re.compile("(?:" + plain.pattern + ")$")
    assert [bool(anchored.search(text, i)) for i in range(len(text))] == \
        [bool(plain_anchored.search(text, i)) for i in range(len(text))]


def test_unit_names_all_match_themselves():
    for name in UNITS:
        assert UNIT_RE.fullmatch(name), name


def test_empty_list_gives_empty_pattern():
    assert word_pattern([]) == "" and word_pattern([""]) == ""
