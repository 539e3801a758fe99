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


_YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
# Parts of a year that end on a fixed day: 年底前 and 年内 are Dec 31, 上半年 Jun 30, 三季度末 Sep 30.
_PERIOD_RE = re.compile(r"第?(?P<p>年底|年末|年内|全年|上半年|下半年|[一二三四1234]季度)(?:末|底)?前?")
_PERIOD_ENDS = {"年底": (12, 31), "年末": (12, 31), "年内": (12, 31), "全年": (12, 31), "上半年": (6, 30),
                "下半年": (12, 31), "一季度": (3, 31), "二季度": (6, 30), "三季度": (9, 30), "四季度": (12, 31),
                "1季度": (3, 31), "2季度": (6, 30), "3季度": (9, 30), "4季度": (12, 31)}


def deadline_date(text: str, year: int) -> date:
    """The date a deadline as written falls on in ``year`` (a year written in it wins).

    X月底 / X月底前 / X月份 / X月: the last day of month X. X月前: the last day of month X−1.
    X月中旬: the 15th. X月Y日(前): that day. 年底(前), 年末, 年内: December 31; 上半年: June 30;
    三季度(末): September 30. 2027年 (到2027年): December 31, 2027; 2027年前: December 31, 2026;
    2027年6月底: June 30, 2027.

    >>> deadline_date("年底前", 2025), deadline_date("到2027年", 2025), deadline_date("上半年", 2025)
    (datetime.date(2025, 12, 31), datetime.date(2027, 12, 31), datetime.date(2025, 6, 30))
    """
    s = normalize(text)
    ym = _YEAR_RE.search(s)
    rest = s
    if ym:
        year, rest = int(ym.group(1)), s[ym.end():]
    m = _DEADLINE_RE.search(rest)
    if not m:
        pm = _PERIOD_RE.search(rest)
        if pm:
            month, day = _PERIOD_ENDS[pm.group("p")]
            return date(year, month, day)
        if ym:  # 到2027年: the end of that year; 2027年前: the end of the year before
            return date(year - 1, 12, 31) if rest.startswith("前") else date(year, 12, 31)
        raise ParseError("not a deadline", text, 0, ("write it like 6月底前, 9月份, 年底前 or 到2027年",))
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


def _months(d: date) -> Decimal:
    """Months passed from 1 January to the end of day ``d`` (30 June is 6)."""
    return Decimal(d.month - 1) + Decimal(d.day) / Decimal(calendar.monthrange(d.year, d.month)[1])


def elapsed_fraction(as_of: date, *, start: date | None = None, end: date | None = None) -> Decimal:
    """序时进度: the share of the period that has passed by ``as_of``. By default the period is the
    calendar year, counted in months (the end of June is exactly one half); an ``end`` in the same
    year (a milestone due 30 September) shortens it, still in months. With a ``start``, or an
    ``end`` in a later year, it is counted in days.

    >>> elapsed_fraction(date(2024, 6, 30)), elapsed_fraction(date(2024, 6, 30), end=date(2024, 9, 30))
    (Decimal('0.5'), Decimal('0.6666666666666666666666666667'))
    """
    if start is None and (end is None or end.year == as_of.year):
        # counted in months from 1 January to the end (31 December unless a milestone is due sooner)
        months = _months(end) if end is not None else Decimal(12)
        if months <= 0:
            raise ValueError("the period ends before it starts")
        return max(Decimal(0), min(Decimal(1), _months(as_of) / months))
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
