"""Milestone dates and schedules: 3月底前, 6月底, 9月份 as dates; 序时进度 (time-proportional progress).

>>> from datetime import date
>>> deadline_date("6月底前", 2024)
datetime.date(2024, 6, 30)
>>> deadline_date("3月前", 2024)
datetime.date(2024, 2, 29)
>>> elapsed_fraction(date(2024, 6, 30))
Decimal('0.5')
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .errors import ParseError
from .normalize import normalize
from .numerals import parse_chinese

__all__ = ["deadline_date", "elapsed_fraction", "Milestone", "Schedule"]

_DEADLINE_RE = re.compile(r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?P<d>\d{1,2})日)?(?P<tail>底前|底|前|份|中旬前|中旬|上旬|下旬|初|末)?")


def deadline_date(text: str, year: int) -> date:
    """The date a deadline as written falls on in ``year``.

    X月底 / X月底前 / X月份 / X月: the last day of month X. X月前: the last day of month X−1.
    X月中旬: the 15th. X月Y日(前): that day.
    """
    m = _DEADLINE_RE.search(normalize(text))
    if not m:
        raise ParseError("not a deadline", text, 0, ("write it like 6月底前, 9月份 or 5月18日",))
    raw = m.group("m")
    month = int(raw) if raw.isdigit() else int(parse_chinese(raw))
    if not 1 <= month <= 12:
        raise ParseError(f"no month {raw}", text, m.start())
    if m.group("d"):
        return date(year, month, min(int(m.group("d")), calendar.monthrange(year, month)[1]))
    tail = m.group("tail") or ""
    if tail == "前":
        if month == 1:
            return date(year - 1, 12, 31)
        month -= 1
        return date(year, month, calendar.monthrange(year, month)[1])
    if tail.startswith("中旬") :
        return date(year, month, 15)
    if tail in ("上旬", "初"):
        return date(year, month, 10)
    if tail == "下旬":
        return date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, calendar.monthrange(year, month)[1])


def elapsed_fraction(as_of: date, *, start: date | None = None, end: date | None = None) -> Decimal:
    """序时进度: the share of the period that has passed by ``as_of`` (by default the calendar year,
    counted in months: the end of June is exactly one half)."""
    if start is None and end is None:
        months = Decimal(as_of.month - 1) + Decimal(as_of.day) / Decimal(calendar.monthrange(as_of.year, as_of.month)[1])
        return max(Decimal(0), min(Decimal(1), months / 12))
    start = start or date(as_of.year, 1, 1)
    end = end or date(as_of.year, 12, 31)
    total = (end - start).days + 1
    if total <= 0:
        raise ValueError("the period ends before it starts")
    done = (as_of - start).days + 1
    return max(Decimal(0), min(Decimal(1), Decimal(done) / Decimal(total)))


@dataclass(frozen=True, slots=True)
class Milestone:
    """One step of a schedule: by ``due``, at least ``value`` (cumulative, in the target's unit)."""

    due: date
    value: Decimal
    text: str = ""


@dataclass(frozen=True, slots=True)
class Schedule:
    """A cumulative milestone schedule for one year-end target (from a 民生实事 推进计划 cell)."""

    milestones: tuple[Milestone, ...]

    def expected(self, as_of: date) -> Decimal | None:
        """The cumulative value due by ``as_of`` (None before the first milestone)."""
        due = [m for m in self.milestones if m.due <= as_of]
        return max(m.value for m in due) if due else None

    @classmethod
    def from_targets(cls, year_end, milestones, year: int) -> "Schedule":
        """Build a schedule from milestone targets (with ``deadline``) for the year-end target:
        a milestone in % of the task (6月底前完成50%) is that share of the year-end value; one in the
        year-end unit is taken as a cumulative amount."""
        out = []
        total = year_end.value.magnitude if year_end.value is not None else None
        for t in milestones:
            if t.deadline is None or t.value is None:
                continue
            due = deadline_date(t.deadline, year)
            if t.unit == "%" and year_end.unit != "%" and total is not None:
                v = total * t.value.magnitude / 100
            elif t.unit == year_end.unit:
                v = t.value.magnitude
            else:
                v = t.value.to(year_end.unit).magnitude
            out.append(Milestone(due, v, t.text))
        out.sort(key=lambda m: m.due)
        return cls(tuple(out))
