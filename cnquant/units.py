"""Units: the surface-name table read from ``units_zh.txt`` and the one pint registry built from it.

Parsing never touches pint: :data:`UNITS` maps every written unit name (simplified, traditional,
symbols such as ``%``) to its canonical name and kind, and :data:`UNIT_RE` finds the longest unit
name at a position. The pint registry (:func:`registry`) is built lazily, once, the first time a
conversion is asked for.

>>> lookup("公裏").name, lookup("公裏").group
('公里', 'measure')
>>> canonical_unit("批次/千人")
'批次/千人'
>>> convert(Decimal(100), "公里", "米")
Decimal('100000')
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from decimal import Context, Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import IncompatibleUnitsError, ParseError, UnknownUnitError
from .normalize import normalize
from .wordregex import word_pattern

__all__ = [
    "UnitInfo", "UNITS", "UNIT_RE", "SCALE_PREFIXES", "lookup", "canonical_unit", "unit_group",
    "registry", "convert", "compatible", "definitions_path", "definitions_text", "iter_definitions", "pint_units",
]

_PINT_NAMES = {"%": "percent", "‰": "permille"}


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """One unit of ``units_zh.txt``: canonical ``name``, its ``group`` (classifier, measure, money,
    ratio, time, age, people) and the ``definition`` as written there."""

    name: str
    group: str
    definition: str


def definitions_path() -> Path:
    """Where ``units_zh.txt`` is: inside the installed package, or at the repository root."""
    packaged = resources.files("cnquant").joinpath("units_zh.txt")
    if packaged.is_file():
        return Path(str(packaged))
    root = Path(__file__).resolve().parent.parent / "units_zh.txt"
    if root.is_file():
        return root
    raise FileNotFoundError("units_zh.txt is missing from the cnquant installation")


@lru_cache(maxsize=1)
def definitions_text() -> str:
    """The text of ``units_zh.txt``."""
    return definitions_path().read_text(encoding="utf-8")


def iter_definitions(text: str):
    """Yield ``(group, parts)`` for every definition line of a units file: ``parts`` is the line
    split on `` = `` (name, definition, symbol, aliases…); ``group`` the enclosing ``@group``."""
    group = "other"
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("@group"):
            group = line.split()[1]
        elif line.startswith("@end"):
            group = "other"
        else:
            yield group, [p.strip() for p in line.split(" = ")]


def _read_table(text: str) -> tuple[dict[str, UnitInfo], dict[str, int]]:
    units: dict[str, UnitInfo] = {}
    prefixes: dict[str, int] = {}
    for group, parts in iter_definitions(text):
        name = parts[0]
        if name.endswith("-"):
            for p in [name] + parts[3:]:
                if p.endswith("-"):
                    prefixes[p[:-1]] = int(Decimal(parts[1]))
            continue
        symbol = parts[2] if len(parts) > 2 and parts[2] != "_" else None
        shown = symbol if symbol and name.isascii() else name
        info = UnitInfo(shown, group, parts[1] if len(parts) > 1 else "")
        for surface in [name] + ([symbol] if symbol else []) + parts[3:]:
            units.setdefault(surface, info)
            units.setdefault(normalize(surface), info)
    return units, prefixes


UNITS, SCALE_PREFIXES = _read_table(definitions_text())
#: Longest unit name at a position (names sorted longest first; normalized spellings included).
UNIT_RE = re.compile(word_pattern(UNITS))
_SCALE_RE = re.compile("万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千|百|十")


def lookup(surface: str) -> UnitInfo | None:
    """The unit a written name stands for, or None (traditional spellings and symbols included)."""
    return UNITS.get(surface) or UNITS.get(normalize(surface))


@lru_cache(maxsize=4096)
def canonical_unit(text: str) -> str:
    """The canonical spelling of a unit string: a unit name, or ``numerator/[scale]denominator``.

    Raises :class:`UnknownUnitError` for a name not in ``units_zh.txt``.

    >>> canonical_unit("噸/日")
    '吨/日'
    >>> canonical_unit("個/千人")
    '个/千人'
    """
    s = normalize(text).strip().replace(" ", "")
    if not s:
        raise ParseError("empty unit", text, 0)
    if "/" in s:
        num, _, den = s.partition("/")
        m = _SCALE_RE.match(den)
        rest = den
        scale = ""
        if m and not lookup(den):
            scale, rest = m.group(0), den[m.end():]
        return canonical_unit(num) + "/" + scale + canonical_unit(rest)
    info = lookup(s)
    if info is None:
        m = _SCALE_RE.match(s)
        scaled = lookup(s[m.end():]) if m and m.end() < len(s) else None
        if m and scaled is not None:
            return m.group(0) + scaled.name  # 万元, 亿元: a scaled unit, for .to()
        raise UnknownUnitError(text, text, 0)
    return info.name


def unit_group(unit: str | None) -> str | None:
    """The kind of a canonical unit (for a rate, the kind of its numerator)."""
    if unit is None:
        return None
    info = lookup(unit.split("/", 1)[0])
    return info.group if info else None


_ROUNDED = Context(prec=24)
_LOCK = threading.Lock()
_REGISTRY = None


def registry():
    """The single pint ``UnitRegistry`` built from ``units_zh.txt`` (Decimal magnitudes), built on
    first use and shared by every thread. Each process (e.g. each Dask worker) builds its own."""
    global _REGISTRY
    if _REGISTRY is None:
        with _LOCK:
            if _REGISTRY is None:
                import pint  # deferred: importing cnquant must stay fast

                _REGISTRY = pint.UnitRegistry(str(definitions_path()), non_int_type=Decimal,
                                              autoconvert_offset_to_baseunit=True)
    return _REGISTRY


def pint_units(unit: str) -> str:
    """The unit expression pint reads for a canonical unit string (% and ‰ have ASCII names there)."""
    return "/".join(_PINT_NAMES.get(part, part) for part in unit.split("/"))


@lru_cache(maxsize=4096)
def _factor(from_unit: str, to_unit: str) -> Decimal:
    import pint

    ureg = registry()
    try:
        q = ureg.Quantity(Decimal(1), pint_units(from_unit)).to(pint_units(to_unit))
    except pint.DimensionalityError:
        raise IncompatibleUnitsError(from_unit, to_unit) from None
    except (pint.UndefinedUnitError, AttributeError, TypeError, ValueError) as e:
        raise UnknownUnitError(f"{from_unit} -> {to_unit}", f"{from_unit} -> {to_unit}", None) from e
    return Decimal(q.magnitude)


def compatible(a: str | None, b: str | None) -> bool:
    """Whether quantities in units ``a`` and ``b`` can be compared."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    try:
        _factor(a, b)
    except IncompatibleUnitsError:
        return False
    return True


def convert(magnitude: Decimal, from_unit: str | None, to_unit: str | None) -> Decimal:
    """Convert a magnitude between canonical units with the registry: exact for terminating factors
    (公里, 斤, 万元); through a non-terminating one (亩 = 10000/15 平方米) the result is rounded to 24
    significant digits, so 15亩 converts to exactly 1公顷.

    Raises :class:`IncompatibleUnitsError` for units of different kinds.
    """
    if from_unit == to_unit:
        return magnitude
    if from_unit is None or to_unit is None:
        raise IncompatibleUnitsError(from_unit, to_unit)
    from .numerals import EXACT

    factor = _factor(from_unit, to_unit)
    result = EXACT.multiply(magnitude, factor)
    if len(factor.as_tuple().digits) >= 25:
        # a non-terminating factor (亩 = 10000/15 平方米) carries pint's 28 digits: round the result
        # to 24 significant digits so that 15亩 is exactly 1公顷 again
        result = _ROUNDED.plus(result)
    return result
