"""cnquant — the numbers in Chinese government planning documents, as typed, checkable targets.

>>> import cnquant
>>> cnquant.parse_quantity("1.1万个")
Quantity(magnitude=Decimal('11000'), unit='个')
"""
from __future__ import annotations

from .errors import (AmbiguousTargetError, IncompatibleUnitsError, LimitError, NoTargetError,
                     ParseError, UnknownUnitError)
from .normalize import normalize
from .quantity import Quantity, format_quantity, parse_quantity
from .target import Comparator, Direction, Measure, Modality, Target, Tolerance
from .tolerance import (DEFAULT, STRICT, TolerancePolicy, get_default_tolerance,
                        set_default_tolerance)
from .parse import parse_target, parse_targets
from .extract import ROLES, Mention, explain, extract
from .layout import close_letter_spacing, undo_pdf_layout, unwrap_lines
from .allocation import (AllocationCheck, check_allocation, check_allocation_table,
                         parse_allocation_cell)
from .milestones import Schedule, deadline_date
from .check import (DEFAULT_POLICY, ROUNDED_POLICY, STRICT_POLICY, CheckPolicy, Verdict,
                    aggregate_completion, check, check_many)

__version__ = "0.1.0"

__all__ = [
    "ParseError", "UnknownUnitError", "NoTargetError", "AmbiguousTargetError",
    "IncompatibleUnitsError", "LimitError",
    "Quantity", "parse_quantity", "format_quantity", "normalize", "ureg",
    "Target", "Measure", "Comparator", "Modality", "Direction", "Tolerance",
    "TolerancePolicy", "DEFAULT", "STRICT", "get_default_tolerance", "set_default_tolerance",
    "parse_target", "parse_targets", "extract", "explain", "Mention", "ROLES", "unwrap_lines",
    "close_letter_spacing", "undo_pdf_layout",
    "check", "check_many", "aggregate_completion", "Verdict", "CheckPolicy",
    "DEFAULT_POLICY", "STRICT_POLICY", "ROUNDED_POLICY",
    "check_allocation", "check_allocation_table", "parse_allocation_cell", "AllocationCheck",
    "Schedule", "deadline_date",
]


import sys as _sys

if "pandas" in _sys.modules:  # register .cnq now; otherwise `import cnquant.pandas` does it
    from . import pandas as _pandas_accessors  # noqa: F401


def __getattr__(name: str):
    if name == "ureg":  # the pint registry, built on first use
        from .units import registry

        return registry()
    raise AttributeError(f"module 'cnquant' has no attribute {name!r}")
