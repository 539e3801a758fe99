"""Assertion helpers for tests of code built on cnquant, with failure messages that show both
sides in document style.

>>> from cnquant import parse_quantity, parse_target, check
>>> assert_quantity_equal(parse_quantity("1.1万个"), "11000个")
>>> assert_target_equal(parse_target("城镇新增就业2万人以上"), "城镇新增就业20000人以上")
>>> assert_verdict(check("新增学位4700个", "4680个"), "not_met")
>>> assert_quantity_equal(parse_quantity("1.1万个"), "1.2万个")
Traceback (most recent call last):
AssertionError: quantities differ: 1.1万个 != 1.2万个 (11000 个 vs 12000 个)
"""
from __future__ import annotations

from decimal import Decimal

from .check import Verdict
from .errors import IncompatibleUnitsError
from .parse import parse_target
from .quantity import Quantity, format_quantity, parse_quantity
from .target import Target

__all__ = ["assert_quantity_equal", "assert_target_equal", "assert_verdict"]

_TARGET_FIELDS = ("measure", "comparator", "value", "low", "high", "unit", "modality", "direction", "reference")


def _q(x) -> Quantity:
    if isinstance(x, Quantity):
        return x
    if isinstance(x, str):
        return parse_quantity(x)
    raise TypeError(f"expected a Quantity or its text, not {type(x).__name__}")


def _show(q: Quantity | None) -> str:
    return "None" if q is None else format_quantity(q)


def assert_quantity_equal(actual, expected, *, convert: bool = True, tolerance: Decimal | str | None = None) -> None:
    """Assert two quantities are equal (texts are parsed first). With ``convert`` (default), a
    compatible unit is converted (1公里 equals 1000米); ``tolerance`` allows an absolute difference
    in the expected unit."""
    a, e = _q(actual), _q(expected)
    try:
        a_in = a.to(e.unit) if (convert and a.unit != e.unit) else a
    except IncompatibleUnitsError:
        raise AssertionError(f"quantities differ in kind: {_show(a)} cannot be compared with {_show(e)} "
                             f"({a.unit} vs {e.unit})") from None
    diff = abs(a_in.magnitude - e.magnitude)
    ok = a_in.unit == e.unit and (diff == 0 if tolerance is None else diff <= Decimal(str(tolerance)))
    if not ok:
        raise AssertionError(f"quantities differ: {_show(a)} != {_show(e)} "
                             f"({format(a.magnitude, 'f')} {a.unit} vs {format(e.magnitude, 'f')} {e.unit})")


def assert_target_equal(actual, expected, *, fields: tuple[str, ...] = _TARGET_FIELDS, metric: bool = False) -> None:
    """Assert two targets agree on ``fields`` (texts are parsed with parse_target first); the
    message lists every field that differs, in document style. ``metric=True`` compares metrics too."""
    a = actual if isinstance(actual, Target) else parse_target(actual)
    e = expected if isinstance(expected, Target) else parse_target(expected)
    names = fields + (("metric",) if metric else ())
    diffs = []
    for name in names:
        x, y = getattr(a, name), getattr(e, name)
        if x != y:
            sx = _show(x) if isinstance(x, Quantity) or (x is None and name in ("value", "low", "high")) else x
            sy = _show(y) if isinstance(y, Quantity) or (y is None and name in ("value", "low", "high")) else y
            diffs.append(f"{name}: {getattr(sx, 'value', sx)} != {getattr(sy, 'value', sy)}")
    if diffs:
        raise AssertionError(f"targets differ: {a} != {e}\n  " + "\n  ".join(diffs)
                             + f"\n  texts: {a.text!r} / {e.text!r}")


def assert_verdict(verdict: Verdict, status: str, *, completion: Decimal | str | None = None,
                   progress: str | None = None) -> None:
    """Assert a verdict's status (and optionally its completion rate, to 4 decimals, and progress)."""
    if not isinstance(verdict, Verdict):
        raise TypeError(f"expected a Verdict, not {type(verdict).__name__}")
    problems = []
    if verdict.status != status:
        problems.append(f"status {verdict.status} != {status}")
    if completion is not None:
        want = Decimal(str(completion))
        if verdict.completion is None or abs(verdict.completion - want) > Decimal("0.00005"):
            problems.append(f"completion {verdict.completion} != {want}")
    if progress is not None and verdict.progress != progress:
        problems.append(f"progress {verdict.progress} != {progress}")
    if problems:
        raise AssertionError(f"verdict for {verdict.target.text!r}: " + "; ".join(problems)
                             + f" — {verdict.reason}")
