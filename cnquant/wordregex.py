"""One regular expression for a list of words, built as a prefix tree.

A plain alternation of a few hundred words (``个|家|平方米|…``) makes the regex engine try every
word in turn at every position. The same words factored into a tree, behind a one-character
look-ahead, let it reject a position with one set lookup and follow only the words that share
the characters read so far — three to five times faster for the unit names. The pattern matches
exactly the same strings and prefers the longest word, like an alternation sorted longest first.

>>> import re
>>> p = re.compile(word_pattern(["个", "个百分点", "百分点", "家"]))
>>> [p.match(s).group(0) for s in ("个百分点以上", "个百分比", "家")], p.match("亩") is None
(['个百分点', '个', '家'], True)
>>> word_pattern([])
''
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["word_pattern"]


def _node(tree: dict) -> str:
    ends = "" in tree
    branches = [re.escape(c) + _node(tree[c]) for c in sorted(k for k in tree if k)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # the word may stop here: the longer continuation is tried first (greedy)
        body = ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


def word_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words`` (longest first); ``""`` when there is none.

    The result is one unit of a pattern: it can be wrapped in a group, followed by ``$`` or
    joined to other alternatives with ``|``.
    """
    tree: dict = {}
    for w in words:
        if not w:
            continue
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}
    if not tree:
        return ""
    firsts = "".join(sorted(tree))
    head = re.escape(firsts) if len(firsts) == 1 else "[" + "".join(
        "\\" + c if c in "\\]^-[" else c for c in firsts) + "]"
    return "(?=" + head + ")(?:" + _node(tree) + ")"
