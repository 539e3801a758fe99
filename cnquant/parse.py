"""parse_target / parse_targets: a phrase known to hold a target, read into Target objects.

>>> t = parse_target("确保城镇登记失业率控制在3.5%以内")
>>> t.measure, t.comparator, t.value, t.modality, t.metric
(<Measure.LEVEL: 'level'>, <Comparator.LE: '<='>, Quantity(magnitude=Decimal('3.5'), unit='%'), <Modality.BINDING: 'binding'>, '城镇登记失业率')
>>> [str(t) for t in parse_targets("确保增长8%,力争10%")]
['change_rate ≥ 8% (binding)', 'change_rate ≥ 10% (aspirational)']
"""
from __future__ import annotations

from .errors import AmbiguousTargetError, NoTargetError, ParseError
from .reader import read
from .target import Target
from .tolerance import TolerancePolicy

__all__ = ["parse_target", "parse_targets"]


def parse_targets(text: str, *, tolerance: TolerancePolicy | None = None) -> list[Target]:
    """Every target in a phrase, in order (确保增长8%,力争10% gives two; 分别 distributes).

    Lenient about numbers: Chinese numerals and numbers without a unit count as targets here.
    Returns an empty list when there is none (use :func:`parse_target` to get an error instead).

    >>> [t.metric for t in parse_targets("户籍人口基本养老、医疗保险参保率分别达到99.7%、99.8%")]
    ['户籍人口基本养老', '医疗保险参保率']
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_targets expects a str, not {type(text).__name__}")
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
    mentions = read(text, mode="phrase", tolerance=tolerance)
    targets = [m.target for m in mentions if m.target is not None]
    if not targets:
        skipped = [m for m in mentions if m.role != "target"]
        if skipped:
            first = skipped[0]
            raise NoTargetError(f"no target found: {first.text!r} is {first.reason}", text, first.span[0])
        raise NoTargetError("no target found", text, None,
                            ("a target needs a number with a unit, or a phrase such as 清零, 全覆盖, 持续下降, 全国前十",))
    if len(targets) > 1:
        raise AmbiguousTargetError(f"{len(targets)} targets found", text, targets[1].span[0],
                                   ("use parse_targets() to get all of them",))
    return targets[0]
