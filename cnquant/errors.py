"""The cnquant exception family.

Every error cnquant raises on bad input is a :class:`ParseError`, which is a :class:`ValueError`,
so ``except ValueError`` keeps working in code that does not know cnquant. Each error carries the
text it was reading, the position of the problem and a reason; some carry suggestions.

>>> from cnquant import parse_quantity, ParseError
>>> try:
...     parse_quantity("3公担")
... except ParseError as e:
...     print(type(e).__name__, e.position, e.word)
UnknownUnitError 1 公担
"""
from __future__ import annotations

__all__ = [
    "ParseError",
    "UnknownUnitError",
    "NoTargetError",
    "AmbiguousTargetError",
    "IncompatibleUnitsError",
    "LimitError",
]


class ParseError(ValueError):
    """Text that cnquant cannot read as asked.

    Attributes: ``text`` (what was being read), ``position`` (index into ``text`` where the
    problem starts, or None), ``reason`` (one line), ``suggestions`` (tuple of strings).
    """

    def __init__(self, reason: str, text: str | None = None, position: int | None = None,
                 suggestions: tuple[str, ...] = ()) -> None:
        self.reason = reason
        self.text = text
        self.position = position
        self.suggestions = tuple(suggestions)
        super().__init__(reason, text, position, self.suggestions)

    def __str__(self) -> str:
        msg = self.reason
        if self.text is not None:
            shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
            msg += f" in {shown!r}"
            if self.position is not None:
                msg += f" at position {self.position}"
        if self.suggestions:
            msg += " (" + "; ".join(self.suggestions) + ")"
        return msg

    def __reduce__(self):  # keep pickling (multiprocessing, Dask) working for subclasses too
        return (_rebuild, (type(self), self.__dict__.copy()))


def _rebuild(cls, state):
    obj = cls.__new__(cls)
    obj.__dict__.update(state)
    ValueError.__init__(obj, state.get("reason"), state.get("text"), state.get("position"))
    return obj


class UnknownUnitError(ParseError):
    """A number is followed by a word that is not a unit cnquant knows (see units_zh.txt)."""

    def __init__(self, word: str, text: str | None = None, position: int | None = None,
                 suggestions: tuple[str, ...] = ()) -> None:
        self.word = word
        super().__init__(f"unknown unit {word!r}", text, position, suggestions)


class NoTargetError(ParseError):
    """A phrase given to parse_target holds no target."""


class AmbiguousTargetError(ParseError):
    """A phrase given to parse_target holds more than one target (use parse_targets)."""


class IncompatibleUnitsError(ParseError):
    """Two quantities whose units measure different things (人 vs 人次, 元 vs 美元) were compared
    or converted. Raised instead of a verdict: there is no rate to convert with."""

    def __init__(self, from_unit: str | None, to_unit: str | None, text: str | None = None,
                 position: int | None = None) -> None:
        self.from_unit = from_unit
        self.to_unit = to_unit
        super().__init__(f"cannot convert {from_unit or 'a unitless number'!s} to {to_unit or 'a unitless number'!s}: "
                         "they measure different things", text, position)


class LimitError(ParseError):
    """Input beyond a documented limit (a number with too many digits, a text too long)."""
