"""The Target value object and its vocabularies (measure, comparator, modality, direction).

The fields are cnquant's public contract (shared/SPEC.md section 2). Enum members are ``str``
subclasses, so ``target.comparator == ">="`` and ``target.measure == "level"`` hold.

>>> from cnquant import parse_target
>>> t = parse_target("城镇新增就业1.1万人以上")
>>> str(t)
'城镇新增就业: level ≥ 1.1万人'
>>> Target.from_dict(t.to_dict()) == t
True
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import Enum
from typing import Any

from .quantity import Quantity, format_quantity

__all__ = ["Measure", "Comparator", "Modality", "Direction", "Tolerance", "Target"]


class Measure(str, Enum):
    """What a target constrains."""

    LEVEL = "level"              #: the indicator's own value (flows such as 新增就业 included)
    CHANGE_RATE = "change_rate"  #: signed % change against a baseline (增长6% = +6)
    CHANGE = "change"            #: signed absolute change (提高2个百分点 = +2 百分点)
    RANK = "rank"                #: a position (全国前十 = <= 10)
    RELATIVE = "relative"        #: tied to another indicator (与经济增长基本同步)
    DIRECTION = "direction"      #: a direction without a number (持续下降)
    SPECIAL = "special"          #: 清零 (== 0), 全覆盖 (== 100%), 零的突破 (>= 1)

    def __str__(self) -> str:
        return self.value


class Comparator(str, Enum):
    """How the reported value must compare with the target value."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "=="
    APPROX = "≈"
    BETWEEN = "between"

    def __str__(self) -> str:
        return self.value

    @property
    def symbol(self) -> str:
        """The comparator as a mathematical symbol (≥ ≤ …)."""
        return {">=": "≥", "<=": "≤", "==": "="}.get(self.value, self.value)

    def mirrored(self) -> "Comparator":
        """The comparator on the negated value (for decreases): >= becomes <=."""
        return {Comparator.GE: Comparator.LE, Comparator.LE: Comparator.GE,
                Comparator.GT: Comparator.LT, Comparator.LT: Comparator.GT}.get(self, self)


class Modality(str, Enum):
    """How firmly a target is set."""

    BINDING = "binding"            #: 确保 保证 必须 坚决
    ASPIRATIONAL = "aspirational"  #: 力争 争取 努力 力求 争创

    def __str__(self) -> str:
        return self.value


class Direction(str, Enum):
    """The direction of change a target asks for."""

    INCREASE = "increase"
    DECREASE = "decrease"

    def __str__(self) -> str:
        return self.value


# members by value, for the reader: a dict lookup is several times cheaper than an Enum call
_MEASURE_OF = {e.value: e for e in Measure}
_COMPARATOR_OF = {e.value: e for e in Comparator}
_MODALITY_OF = {e.value: e for e in Modality}
_DIRECTION_OF = {e.value: e for e in Direction}


@dataclass(frozen=True, slots=True)
class Tolerance:
    """The band a checker accepts around an ≈ (左右) target: ``amount`` either absolute in the
    target's unit (``relative=False``) or a fraction of the target value (``relative=True``),
    and the name of the policy it came from."""

    amount: Decimal
    relative: bool = False
    source: str = "default"

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            object.__setattr__(self, "amount", Decimal(str(self.amount)))
        if self.amount < 0:
            raise ValueError("a tolerance cannot be negative")

    def band(self, centre: Decimal) -> Decimal:
        """The half-width of the band around ``centre``."""
        return abs(centre) * self.amount if self.relative else self.amount

    def __str__(self) -> str:
        return f"±{self.amount * 100 if self.relative else self.amount}{'%' if self.relative else ''} ({self.source})"


@dataclass(frozen=True, slots=True)
class Target:
    """One target read from text. See shared/SPEC.md section 2 for every field.

    ``value``/``low``/``high`` are :class:`Quantity` objects in ``unit``; ``cues`` are the words,
    as written, that decided comparator, modality and measure; ``text``/``span`` locate the target
    in the string that was read (``source[span[0]:span[1]] == text``). ``deadline`` is the
    milestone date as written (``"6月底前"``), ``annualized`` marks 年均 (compound annual) rates,
    ``absent`` marks an explicitly absent target (不设年度目标).
    """

    measure: Measure
    comparator: Comparator | None = None
    value: Quantity | None = None
    low: Quantity | None = None
    high: Quantity | None = None
    unit: str | None = None
    tolerance: Tolerance | None = None
    modality: Modality | None = None
    direction: Direction | None = None
    reference: str | None = None
    metric: str | None = None
    cues: tuple[str, ...] = ()
    text: str = ""
    span: tuple[int, int] = (0, 0)
    deadline: str | None = None
    annualized: bool = False
    absent: bool = False

    def __post_init__(self) -> None:
        if type(self.measure) is not Measure:
            object.__setattr__(self, "measure", Measure(self.measure))
        if self.comparator is not None and type(self.comparator) is not Comparator:
            object.__setattr__(self, "comparator", Comparator(self.comparator))
        if self.modality is not None and type(self.modality) is not Modality:
            object.__setattr__(self, "modality", Modality(self.modality))
        if self.direction is not None and type(self.direction) is not Direction:
            object.__setattr__(self, "direction", Direction(self.direction))
        if type(self.cues) is not tuple:
            object.__setattr__(self, "cues", tuple(self.cues))
        if type(self.span) is not tuple:
            object.__setattr__(self, "span", tuple(self.span))
        if self.comparator is Comparator.BETWEEN:
            if self.low is None or self.high is None:
                raise ValueError("a between target needs low and high")
            if self.low.magnitude > self.high.magnitude:
                raise ValueError("low must not exceed high")
        for q in (self.value, self.low, self.high):
            if q is not None and not isinstance(q, Quantity):
                raise TypeError("value, low and high must be Quantity objects")
            if q is not None and q.unit != self.unit:
                raise ValueError(f"quantity unit {q.unit!r} differs from the target unit {self.unit!r}")

    # ---- convenience -------------------------------------------------------------------------
    @property
    def is_binding(self) -> bool:
        """True for 确保/保证/必须/坚决 targets."""
        return self.modality is Modality.BINDING

    def __str__(self) -> str:
        head = f"{self.metric}: " if self.metric else ""
        if self.absent:
            return f"{head}no target set"
        parts = [self.measure.value]
        if self.comparator is Comparator.BETWEEN and self.low is not None and self.high is not None:
            parts.append(f"between {format_quantity(self.low)} and {format_quantity(self.high)}")
        elif self.comparator is not None:
            parts.append(self.comparator.symbol)
            if self.value is not None:
                parts.append(format_quantity(self.value))
        if self.direction is not None and self.measure is Measure.DIRECTION:
            parts.append(self.direction.value)
        if self.reference:
            parts.append(f"vs {self.reference}")
        tail = []
        if self.modality is not None:
            tail.append(self.modality.value)
        if self.deadline:
            tail.append(f"by {self.deadline}")
        return head + " ".join(parts) + (f" ({', '.join(tail)})" if tail else "")

    # ---- serialization -----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (Decimals as strings); :meth:`from_dict` reads it back."""
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, Quantity):
                v = format(v.magnitude, "f")
            elif isinstance(v, Enum):
                v = v.value
            elif isinstance(v, Tolerance):
                v = {"amount": format(v.amount, "f"), "relative": v.relative, "source": v.source}
            elif isinstance(v, tuple):
                v = list(v)
            out[f.name] = v
        return out

    def to_json(self) -> str:
        """JSON text of :meth:`to_dict`."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Target":
        """Rebuild a Target from :meth:`to_dict` output."""
        unit = data.get("unit")

        def q(key):
            v = data.get(key)
            return None if v is None else Quantity(Decimal(str(v)), unit)

        tol = data.get("tolerance")
        return cls(
            measure=data["measure"], comparator=data.get("comparator"), value=q("value"),
            low=q("low"), high=q("high"), unit=unit,
            tolerance=None if tol is None else Tolerance(Decimal(tol["amount"]), tol["relative"], tol["source"]),
            modality=data.get("modality"), direction=data.get("direction"),
            reference=data.get("reference"), metric=data.get("metric"), cues=tuple(data.get("cues", ())),
            text=data.get("text", ""), span=tuple(data.get("span", (0, 0))), deadline=data.get("deadline"),
            annualized=bool(data.get("annualized", False)), absent=bool(data.get("absent", False)),
        )
