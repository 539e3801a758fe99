"""parse_target / parse_targets: a phrase known to hold a target, read into Target objects.

>>> t = parse_target("确保城镇登记失业率控制在3.5%以内")
>>> t.measure, t.comparator, t.value, t.modality, t.metric
(<Measure.LEVEL: 'level'>, <Comparator.LE: '<='>, Quantity(magnitude=Decimal('3.5'), unit='%'), <Modality.BINDING: 'binding'>, '城镇登记失业率')
>>> [str(t) for t in parse_targets("确保增长8%,力争10%")]
['change_rate ≥ 8% (binding)', 'change_rate ≥ 10% (aspirational)']
"""
from __future__ import annotations

import re

from .errors import AmbiguousTargetError, NoTargetError, UnknownUnitError
from .lexicon import LEX
from .normalize import normalize
from .fastpath import fast_target
from .reader import read
from .tolerance import get_default_tolerance
from .units import lookup
from .target import Target
from .tolerance import TolerancePolicy

__all__ = ["parse_target", "parse_targets"]

_TRAILING_WORD = re.compile(r"\d(?P<word>[\u4e00-\u9fff]{1,3})$")


def _known(word: str) -> bool:
    """Whether a word after a number is something cnquant reads (a unit, a comparator word …)."""
    return (lookup(word) is not None or any(word.startswith(w) for w in LEX.suffix_words)
            or word[0] in "余多万亿千百十")


def parse_targets(text: str, *, tolerance: TolerancePolicy | None = None) -> list[Target]:
    """Every target in a phrase, in order (确保增长8%,力争10% gives two; 分别 distributes).

    Lenient about numbers: Chinese numerals and numbers without a unit count as targets here.
    Returns an empty list when there is none (use :func:`parse_target` to get an error instead).

    >>> [t.metric for t in parse_targets("户籍人口基本养老、医疗保险参保率分别达到99.7%、99.8%")]
    ['户籍人口基本养老', '医疗保险参保率']
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_targets expects a str, not {type(text).__name__}")
    fast = fast_target(text, tolerance or get_default_tolerance())
    if fast is not None:
        return [fast]
    return [m.target for m in read(text, mode="phrase", tolerance=tolerance) if m.target is not None]


def parse_target(text: str, *, tolerance: TolerancePolicy | None = None) -> Target:
    """The one target of a phrase.

    Raises :class:`~cnquant.NoTargetError` when the phrase holds none and
    :class:`~cnquant.AmbiguousTargetError` when it holds several (use :func:`parse_targets`).

    >>> str(parse_target("新增老年助餐服務點227個"))
    '新增老年助餐服務點: level ≥ 227个'
    >>> parse_target("加快推进项目建设")
    Traceback (most recent call last):
    cnquant.errors.NoTargetError: no target found in '加快推进项目建设' (a target needs a number with a unit, or a phrase such as 清零, 全覆盖, 持续下降, 全国前十)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_target expects a str, not {type(text).__name__}")
    fast = fast_target(text, tolerance or get_default_tolerance())
    if fast is not None:
        return fast
    mentions = read(text, mode="phrase", tolerance=tolerance)
    targets = [m.target for m in mentions if m.target is not None]
    if not targets:
        skipped = [m for m in mentions if m.role != "target"]
        if skipped:
            first = skipped[0]
            raise NoTargetError(f"no target found: {first.text!r} is {first.reason}", text, first.span[0])
        raise NoTargetError("no target found", text, None,
                            ("a target needs a number with a unit, or a phrase such as 清零, 全覆盖, 持续下降, 全国前十",))
    t = targets[0]
    if len(targets) == 1 and t.value is not None and t.unit is None:
        # 新增停车位3500公担: a number followed by a word that is not a unit
        m = _TRAILING_WORD.search(normalize(text))
        if m and not _known(m.group("word")):
            raise UnknownUnitError(text[m.start("word"):m.end("word")], text, m.start("word"),
                                   ("units are listed in docs/units.md; add one to units_zh.txt",))
    if len(targets) > 1:
        raise AmbiguousTargetError(f"{len(targets)} targets found", text, targets[1].span[0],
                                   ("use parse_targets() to get all of them",))
    return targets[0]
