"""The tolerance policy for ≈ (左右, 约, 上下, 前后) targets: a named, documented, swappable band.

Default (``DEFAULT``): ±0.5 in the target's own unit for rates written in %, ‰ or 百分点 (so
"增长6%左右" accepts 5.5%–6.5%: a band of half a percentage point, the rounding step statistical
bulletins report growth in), and ±5% of the target value for amounts (“约1000人” accepts 950–1050).
``STRICT`` has no band at all (only the centre itself meets), for academic coding that treats
左右 as an exact target. Pass ``tolerance=`` per call or change the global default with
:func:`set_default_tolerance`. See docs/semantics.md for the justification.

>>> DEFAULT.for_unit("%")
Tolerance(amount=Decimal('0.5'), relative=False, source='default')
>>> DEFAULT.for_unit("个")
Tolerance(amount=Decimal('0.05'), relative=True, source='default')
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal

from .target import Tolerance

__all__ = ["TolerancePolicy", "DEFAULT", "STRICT", "WIDE", "get_default_tolerance", "set_default_tolerance"]

RATE_UNITS = frozenset({"%", "‰", "百分点"})


@dataclass(frozen=True, slots=True)
class TolerancePolicy:
    """How wide a band ≈ targets get: ``rate_band`` (absolute, for %, ‰, 百分点 targets) and
    ``amount_band`` (relative, a fraction of the target value, for everything else)."""

    name: str = "default"
    rate_band: Decimal = Decimal("0.5")
    amount_band: Decimal = Decimal("0.05")

    def __post_init__(self) -> None:
        for f in ("rate_band", "amount_band"):
            v = getattr(self, f)
            if not isinstance(v, Decimal):
                object.__setattr__(self, f, Decimal(str(v)))
            if getattr(self, f) < 0:
                raise ValueError(f"{f} cannot be negative")

    def for_unit(self, unit: str | None) -> Tolerance:
        """The band for a target in ``unit``."""
        if unit in RATE_UNITS:
            return Tolerance(self.rate_band, False, self.name)
        return Tolerance(self.amount_band, True, self.name)


DEFAULT = TolerancePolicy()
STRICT = TolerancePolicy("strict", Decimal(0), Decimal(0))
WIDE = TolerancePolicy("wide", Decimal(1), Decimal("0.1"))

_lock = threading.Lock()
_current = DEFAULT


def get_default_tolerance() -> TolerancePolicy:
    """The policy used when a call passes none."""
    return _current


def set_default_tolerance(policy: TolerancePolicy) -> TolerancePolicy:
    """Make ``policy`` the global default; returns the previous one (so it can be restored)."""
    global _current
    if not isinstance(policy, TolerancePolicy):
        raise TypeError("policy must be a TolerancePolicy")
    with _lock:
        previous, _current = _current, policy
    return previous
