"""Allocation tables: a city total split over districts (任务分解表), checked for consistency.

Cells are read as documents write them: ``--`` (or ``—``, ``-``, empty) is no allocation,
``5(4)个`` is 5 new plus 4 upgraded (新增(提升)), traditional script and stray spaces are fine.

>>> c = check_allocation("100个", ["--", "5(4)个", "6 個", "85個"])
>>> c.consistent, c.sum.magnitude
(True, Decimal('100'))
>>> check_allocation("227个", ["10个", "15个"]).reason
'parts sum to 25个, 202个 short of the total 227个'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Sequence

from .errors import IncompatibleUnitsError, ParseError
from .lexicon import LEX
from .normalize import normalize
from .quantity import Quantity, format_quantity, parse_quantity

__all__ = ["AllocationCell", "AllocationCheck", "parse_allocation_cell", "check_allocation",
           "check_allocation_table"]

_EMPTY = LEX.table_empty  # --, —, 无, 暂无 …: no allocation
_ABOUT = re.compile(r"^(?:约|大约|近)|(?:左右|上下)$")  # 约300个, 300个左右: the figure as written
_LABEL = re.compile(r"^(?P<q>[^()]*?\D)\((?P<label>[^()\d]{3,})\)$")
_NEW_UPGRADED = re.compile(r"^\s*(?P<new>[\d.,]+)\s*\((?P<up>[\d.,]+)\)\s*(?P<unit>.*)$")


@dataclass(frozen=True, slots=True)
class AllocationCell:
    """One cell: its ``text``, the ``quantity`` it allocates (None for an empty cell), and for a
    ``5(4)个`` cell the ``new`` and ``upgraded`` parts (quantity = new + upgraded)."""

    text: str
    quantity: Quantity | None
    new: Decimal | None = None
    upgraded: Decimal | None = None
    name: str | None = None

    @property
    def empty(self) -> bool:
        """True for ``--`` (nothing allocated)."""
        return self.quantity is None


@dataclass(frozen=True, slots=True)
class AllocationCheck:
    """Whether the parts of an allocation add up to its total.

    ``consistent`` is None when the unit is not additive (a rate in %: every district has its own).
    """

    total: Quantity
    parts: tuple[AllocationCell, ...]
    sum: Quantity
    difference: Quantity
    consistent: bool | None
    reason: str
    name: str | None = None


def parse_allocation_cell(text: str, *, name: str | None = None) -> AllocationCell:
    """Read one cell of an allocation table.

    >>> parse_allocation_cell("6(13)個").quantity
    Quantity(magnitude=Decimal('19'), unit='个')
    >>> parse_allocation_cell("--").empty
    True
    """
    if not isinstance(text, str):
        raise TypeError("a cell must be a str")
    s = normalize(text).strip()
    if s in _EMPTY:
        return AllocationCell(text, None, name=name)
    m = _NEW_UPGRADED.match(s)
    if m:
        unit = m.group("unit").strip() or None
        new = parse_quantity(m.group("new") + (unit or ""))
        up = parse_quantity(m.group("up") + (unit or ""))
        return AllocationCell(text, Quantity(new.magnitude + up.magnitude, new.unit), new.magnitude, up.magnitude,
                              name=name)
    lm = _LABEL.match(s)
    if lm:  # 20條(城鄉公交): a labelled cell
        return AllocationCell(text, parse_quantity(lm.group("q").replace(" ", "")), name=name or lm.group("label"))
    return AllocationCell(text, parse_quantity(_ABOUT.sub("", s.replace(" ", ""))), name=name)


def check_allocation(total, parts: Iterable, *, names: Sequence[str] | None = None,
                     name: str | None = None) -> AllocationCheck:
    """Check that ``parts`` (cells as text, Quantities or AllocationCells) add up to ``total``.

    Raises :class:`~cnquant.IncompatibleUnitsError` when a part is in a unit that does not convert
    to the total's (人 against 人次).
    """
    tq = total if isinstance(total, Quantity) else parse_allocation_cell(total).quantity
    if tq is None:
        raise ParseError("the total of an allocation cannot be empty", str(total), 0)
    cells = []
    for i, p in enumerate(parts):
        nm = names[i] if names is not None and i < len(names) else None
        if isinstance(p, AllocationCell):
            cells.append(p)
        elif isinstance(p, Quantity):
            cells.append(AllocationCell(format_quantity(p), p, name=nm))
        elif p is None:
            cells.append(AllocationCell("", None, name=nm))
        else:
            cells.append(parse_allocation_cell(str(p), name=nm))
    unit = tq.unit
    total_sum = Decimal(0)
    for c in cells:
        if c.quantity is None:
            continue
        q = c.quantity
        if unit is not None and q.unit is not None and q.unit != unit:
            try:
                total_sum += q.to(unit).magnitude
            except IncompatibleUnitsError as e:
                raise IncompatibleUnitsError(q.unit, unit, c.text) from e
        else:
            total_sum += q.magnitude
    s = Quantity(total_sum, unit)
    diff = Quantity(total_sum - tq.magnitude, unit)
    if unit in ("%", "‰"):
        return AllocationCheck(tq, tuple(cells), s, diff, None,
                               f"{unit} is not additive: each part is a rate of its own", name)
    ok = total_sum == tq.magnitude
    if ok:
        reason = f"parts sum to the total {format_quantity(tq)}"
    elif total_sum < tq.magnitude:
        reason = (f"parts sum to {format_quantity(s)}, {format_quantity(Quantity(-diff.magnitude, unit))} "
                  f"short of the total {format_quantity(tq)}")
    else:
        reason = (f"parts sum to {format_quantity(s)}, {format_quantity(diff)} more than the total "
                  f"{format_quantity(tq)}")
    return AllocationCheck(tq, tuple(cells), s, diff, ok, reason, name)


def _cell_kind(cell: str) -> str:
    s = normalize(cell).strip()
    if s in _EMPTY:
        return "empty"
    try:
        parse_allocation_cell(cell)
        return "quantity"
    except ParseError:
        return "text"


def check_allocation_table(text: str, *, separator: str = "|", min_parts: int = 2) -> list[AllocationCheck]:
    """Check every row of a pipe-separated allocation table (as exported from the PDF tables of
    任务分解表): in each row the first quantity cell is the total and the quantity or ``--`` cells
    after it are the parts. Rows with fewer than ``min_parts`` parts are skipped.

    >>> rows = check_allocation_table("1 | 新增老年助餐服务点227个 | 227个 | 市民政局 | -- | 100个 | 127个 |")
    >>> [(r.name, r.consistent) for r in rows]
    [('新增老年助餐服务点227个', True)]
    """
    out = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.split(separator)]
        kinds = [_cell_kind(c) for c in cells]
        first = parse_allocation_cell(cells[0]).quantity if kinds and kinds[0] == "quantity" else None
        if first is not None and first.unit is None and normalize(cells[0]).strip().isdigit():
            kinds[0] = "text"  # the row number (序号)
        try:
            ti = kinds.index("quantity")
        except ValueError:
            continue
        name = next((cells[j] for j in range(ti - 1, -1, -1) if kinds[j] == "text"), None)
        parts = []
        started = False
        for c, k in zip(cells[ti + 1:], kinds[ti + 1:]):
            if k == "text" and not started:
                continue  # the lead unit's name sits between the total and the parts
            if k in ("quantity", "empty"):
                started = True
                parts.append(c)
        while parts and normalize(parts[-1]).strip() == "":
            parts.pop()
        if sum(1 for p in parts if _cell_kind(p) == "quantity") < min_parts:
            continue
        out.append(check_allocation(cells[ti], parts, name=name or cells[ti]))
    return out
