"""Checking: does a reported outcome meet a target, by how much, and why.

>>> v = check("城镇新增就业2万人以上", "2.4万人")
>>> v.status, v.completion, v.reason
('met', Decimal('1.2'), '2.4万人 ≥ 2万人: met')
>>> check("确保城镇登记失业率控制在3.5%以内", "3.6%").status
'not_met'
>>> check("地区生产总值增长6%", "1590亿元", baseline="1500亿元").reason
'growth 6% (computed from two levels at current prices) ≥ 6%: met'
>>> check("城乡居民收入倍差继续缩小", "1.72").status
'indeterminate'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from functools import lru_cache
from typing import Iterable, Sequence

from .errors import IncompatibleUnitsError, ParseError
from .lexicon import LEX
from .milestones import Schedule, deadline_date, elapsed_fraction
from .normalize import normalize
from .numerals import EXACT, _plain, parse_number
from .parse import parse_target
from .quantity import Quantity, format_quantity, parse_quantity
from .reader import read
from .target import Comparator, Direction, Measure, Target, Tolerance
from .tolerance import DEFAULT as DEFAULT_TOLERANCE
from .tolerance import STRICT as STRICT_TOLERANCE
from .tolerance import TolerancePolicy, get_default_tolerance
from .wordregex import word_pattern

__all__ = [
    "CheckPolicy", "DEFAULT_POLICY", "STRICT_POLICY", "ROUNDED_POLICY", "Verdict", "check",
    "check_many", "aggregate_completion", "read_reported",
]

MET, NOT_MET, INDETERMINATE = "met", "not_met", "indeterminate"


@dataclass(frozen=True, slots=True)
class CheckPolicy:
    """How verdicts are judged. Swap it per call (``policy=``) to code achievement your way.

    - ``tolerance``: the band for ≈ (左右) targets (:class:`~cnquant.TolerancePolicy`).
    - ``one_sided_caps``: a 左右 target on a lower-is-better indicator (CPI 涨幅, 失业率, 能耗) is met
      by any value up to the top of the band, not only inside it.
    - ``strict_bare``: bare targets (no comparator word: 增长6%, 新增227个) need strictly more.
    - ``rounding``: None compares unrounded values (GB/T 8170 全数值比较法); ``"half_even"``
      rounds the reported value to the target's decimals first (修约值比较法, 四舍六入五成双).
    - ``require_deflator``: a growth target on a real-price indicator (GDP, 增加值) checked from two
      levels is indeterminate without a deflator, instead of being judged on nominal growth.
    - ``schedule_band``: how far (as a fraction of the expected value) progress may be from the
      expected-to-date value and still count as on schedule.
    """

    name: str = "default"
    tolerance: TolerancePolicy = DEFAULT_TOLERANCE
    one_sided_caps: bool = True
    strict_bare: bool = False
    rounding: str | None = None
    require_deflator: bool = False
    schedule_band: Decimal = Decimal("0.05")

    def __post_init__(self) -> None:
        if not isinstance(self.schedule_band, Decimal):
            object.__setattr__(self, "schedule_band", Decimal(str(self.schedule_band)))
        if self.schedule_band < 0:
            raise ValueError("schedule_band cannot be negative")
        if self.rounding not in (None, "half_even"):
            raise ValueError("rounding must be None or 'half_even'")
        if not isinstance(self.tolerance, TolerancePolicy):
            raise TypeError("tolerance must be a TolerancePolicy")


DEFAULT_POLICY = CheckPolicy()
#: Academic coding: no band around 左右, bare targets must be exceeded, two-sided caps.
STRICT_POLICY = CheckPolicy("strict", STRICT_TOLERANCE, one_sided_caps=False, strict_bare=True)
#: GB/T 8170 修约值比较法: reported values are rounded to the target's precision first.
ROUNDED_POLICY = CheckPolicy("rounded", rounding="half_even")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The result of a check.

    ``status`` is ``"met"``, ``"not_met"`` or ``"indeterminate"``. ``completion`` is reported ÷
    target for at-least level targets (uncapped: 235 of 227 is 1.035…), else None with
    ``completion_note`` saying why. ``gap`` is reported − target in the target's unit. For checks
    made ``as_of`` a date before the deadline, ``progress`` is completed / ahead / on_schedule /
    behind against ``expected`` (the value due by then).
    """

    status: str
    reason: str
    target: Target
    reported: Quantity | None = None
    completion: Decimal | None = None
    completion_note: str | None = None
    gap: Quantity | None = None
    tolerance: Tolerance | None = None
    progress: str | None = None
    expected: Quantity | None = None
    policy: str = "default"
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def met(self) -> bool:
        """True when the status is met."""
        return self.status == MET

    def to_dict(self) -> dict:
        """A JSON-ready dict, flat enough for a table row; :meth:`from_dict` reads it back.

        ``reported`` is a magnitude in ``reported_unit``; ``gap`` and ``expected`` are magnitudes in
        the target's ``unit``; ``target`` and ``tolerance`` are for display, and ``target_fields`` and
        ``tolerance_fields`` hold them whole (``target_fields`` is :meth:`Target.to_dict`).
        """
        def q(x):
            return None if x is None else format(x.magnitude, "f")
        return {
            "status": self.status, "reason": self.reason, "target": self.target.text,
            "reported": q(self.reported), "unit": self.target.unit,
            "completion": None if self.completion is None else format(self.completion, "f"),
            "completion_note": self.completion_note, "gap": q(self.gap),
            "tolerance": None if self.tolerance is None else str(self.tolerance),
            "progress": self.progress, "expected": q(self.expected), "policy": self.policy,
            "notes": list(self.notes),
            "reported_unit": None if self.reported is None else self.reported.unit,
            "target_fields": self.target.to_dict(),
            "tolerance_fields": None if self.tolerance is None else {
                "amount": format(self.tolerance.amount, "f"), "relative": self.tolerance.relative,
                "source": self.tolerance.source},
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Verdict":
        """Rebuild a Verdict from :meth:`to_dict` output.

        >>> v = check("新增学位4700个", "4680个")
        >>> Verdict.from_dict(v.to_dict()) == v
        True
        """
        fields_ = data.get("target_fields")
        target = Target.from_dict(fields_) if fields_ is not None else parse_target(data["target"])

        def q(key, unit):
            v = data.get(key)
            return None if v is None else Quantity(Decimal(str(v)), unit)

        completion = data.get("completion")
        tol = data.get("tolerance_fields")
        return cls(
            status=data["status"], reason=data["reason"], target=target,
            reported=q("reported", data.get("reported_unit", target.unit)),
            completion=None if completion is None else Decimal(str(completion)),
            completion_note=data.get("completion_note"), gap=q("gap", target.unit),
            tolerance=None if tol is None else Tolerance(Decimal(str(tol["amount"])), tol["relative"], tol["source"]),
            progress=data.get("progress"), expected=q("expected", target.unit),
            policy=data.get("policy", "default"), notes=tuple(data.get("notes", ())),
        )

    def __str__(self) -> str:
        return f"{self.status}: {self.reason}"


@dataclass(frozen=True, slots=True)
class _Reported:
    kind: str          # level | change_rate | change | rank | share (完成率98%: a share of the target)
    quantity: Quantity
    others: tuple = ()  # further readings of the same text (地区生产总值1590亿元,增长6.1%)


_RANK_RE = re.compile(r"第\s*(?P<n>\d+|[一二三四五六七八九十百]+)\s*(?:名|位)?")
_SHARE_WORD = LEX.share_word_re
_WRITTEN_NUMBER = re.compile(r"\d+(?:\.(\d+))?")
_CHANGE_WORD = re.compile(
    r"(?:同比|比上年|较上年|比去年|较去年)?(?P<verb>" + word_pattern(LEX.change_verbs) + r")")


@lru_cache(maxsize=65536)
def _target_from_text(text: str, tolerance: TolerancePolicy) -> Target:
    return parse_target(text, tolerance=tolerance)


@lru_cache(maxsize=65536)
def _reported_from_text(text: str) -> _Reported:
    return read_reported(text)


def read_reported(text: str) -> _Reported:
    """Read a reported value: a level (完成117.1亿元, 2.4万人), a change (增长4.4%, 同比下降8%,
    提高1.5个百分点) or a rank (全国第8名)."""
    s = LEX.reported_rewrite_re.sub(lambda m: LEX.reported_rewrites[m.group()], normalize(text))
    text = s  # 增长了5.8%, 增速为5.8%, 降幅为3.2%: the change as the reader knows it (增长5.8%)
    rm = _RANK_RE.search(s)
    ranked = rm is not None and (rm.group().endswith(("名", "位")) or s[max(0, rm.start() - 1)] in "省市国区县居列")
    if rm and (not any(c.isdigit() for c in s[rm.end():]) or (ranked and not any(c.isdigit() for c in s[:rm.start()]))):
        # 全省第1名,连续3年 / 较上年前移2位: the rank named first is the one reported
        return _Reported("rank", Quantity(parse_number(rm.group("n")), None))
    mentions = read(text, mode="phrase")
    targets = [m.target for m in mentions if m.target is not None and m.target.value is not None]
    if not targets:  # 14天, 2周, 3个工作日: a length of time is the reported value itself
        spans = [m for m in mentions if m.role == "duration"]
        if spans:
            values = [parse_quantity(m.text) for m in spans]
            return _Reported("level", values[0], tuple(_Reported("level", v) for v in values[1:]))
    if not targets:
        raise ParseError("no reported value found", text, 0,
                         ("write the outcome as a quantity (2.4万人), a change (增长4.4%) or a rank (全国第8名)",))
    readings = []
    for t in targets:
        kind = t.measure.value if t.measure in (Measure.CHANGE_RATE, Measure.CHANGE) else "level"
        if kind == "level" and t.unit == "%" and _SHARE_WORD.search(s[:t.span[1]]):
            kind = "share"  # 完成率98%, 完成进度的60%: a share of the target itself
        value = t.value
        if value is None:
            continue
        if kind == "level" and len(targets) == 1:
            vm = _CHANGE_WORD.match(s.strip())
            if vm:  # 下降0.03, 比上年增加120亿元: a reported change of an amount
                sign = -1 if vm.group("verb") in LEX.decrease else 1
                readings.append(_Reported("change", Quantity(sign * abs(value.magnitude), value.unit)))
                continue
        readings.append(_Reported(kind, value))
    first = readings[0]
    return _Reported(first.kind, first.quantity, tuple(readings[1:]))


def _as_date(v) -> date | None:
    """``as_of`` as a date: a date, a datetime (a pandas Timestamp too) or an ISO string (2024-06-30)."""
    if v is None or (isinstance(v, date) and not isinstance(v, datetime)):
        return v
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, str):
        try:
            return date.fromisoformat(v.strip()[:10])
        except ValueError:
            raise ValueError(f"as_of must be a date such as 2024-06-30, not {v!r}") from None
    raise TypeError(f"as_of must be a date, a datetime or an ISO date string, not {type(v).__name__}")


def _as_target(target) -> Target:
    if isinstance(target, Target):
        return target
    if isinstance(target, str):
        return _target_from_text(target, get_default_tolerance())
    raise TypeError(f"target must be a Target or str, not {type(target).__name__}")


def _as_reported(value) -> _Reported:
    if isinstance(value, _Reported):
        return value
    if isinstance(value, Quantity):
        return _Reported("level", value)
    if isinstance(value, str):
        return _reported_from_text(value)
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return _Reported("level", Quantity(Decimal(value), None))
    if isinstance(value, float):
        raise TypeError("reported values are exact: pass a str, Decimal, int or Quantity, not a float")
    raise TypeError(f"cannot read a reported value from {type(value).__name__}")


def _explicit_comparator(t: Target) -> bool:
    return any(c in LEX.prefix_comparators or c in LEX.suffix_comparators or c in ("达到", "达")
               or normalize(c) in LEX.prefix_comparators or normalize(c) in LEX.suffix_comparators
               for c in t.cues)


def _in_unit(q: Quantity, unit: str | None) -> Decimal:
    """The magnitude of q in ``unit``; a unitless side takes the other side's unit."""
    if unit is None or q.unit is None or q.unit == unit:
        return q.magnitude
    return q.to(unit).magnitude


def _written_places(t: Target) -> int:
    """Decimals of the target value as written (增长6.0% has one), for 修约值比较法."""
    q = t.value
    if q is None:
        return 0
    written = q.text or None
    if written:
        m = _WRITTEN_NUMBER.search(normalize(written))
        if m:
            scale = q.magnitude.as_tuple().exponent
            places = len(m.group(1) or "")
            # 1.5万 written with one decimal is 15000: the rounding step is 1000, not 0.1
            shift = len(str(int(q.magnitude))) - len(m.group(0).split(".")[0]) if q.magnitude >= 1 else 0
            return places - shift if isinstance(scale, int) else places
    exp = q.magnitude.normalize().as_tuple().exponent
    return max(-exp, 0) if isinstance(exp, int) else 0


def _round_to(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN) if places >= 0 else \
        value.scaleb(places).quantize(Decimal(1), rounding=ROUND_HALF_EVEN).scaleb(-places)


def _tidy(v: Decimal) -> Decimal:
    """A computed rate to 12 decimals: exact enough for any comparison, short enough to show."""
    return _plain(v.quantize(Decimal("1e-12")))


def _fmt(v: Decimal, unit: str | None) -> str:
    return format_quantity(Quantity(v, unit))


def _compare(r: Decimal, comp: Comparator, t: Target, policy: CheckPolicy, lower_is_better: bool,
             value: Decimal | None, low: Decimal | None, high: Decimal | None) -> tuple[bool, Tolerance | None]:
    """Whether r satisfies the comparator; returns (ok, tolerance used)."""
    if policy.rounding and value is not None:
        r = _round_to(r, _written_places(t))
    if comp is Comparator.BETWEEN:
        if low is None or high is None:
            raise ValueError(f"a between target without both ends: {t.text!r}")
        return low <= r <= high, None
    if value is None:
        raise ValueError(f"no value to compare with in {t.text!r}")
    if comp is Comparator.APPROX:
        tol = t.tolerance if (t.tolerance is not None and policy.tolerance is DEFAULT_TOLERANCE) \
            else policy.tolerance.for_unit(t.unit)
        band = tol.band(value)
        if lower_is_better and policy.one_sided_caps:
            return r <= value + band, tol
        return abs(r - value) <= band, tol
    bare = not _explicit_comparator(t)
    if comp is Comparator.GE:
        return (r > value if (policy.strict_bare and bare) else r >= value), None
    if comp is Comparator.GT:
        return r > value, None
    if comp is Comparator.LE:
        return (r < value if (policy.strict_bare and bare) else r <= value), None
    if comp is Comparator.LT:
        return r < value, None
    if comp is Comparator.EQ:
        return r == value, None
    raise ValueError(f"no comparator to check against in {t.text!r}")


def check(target, reported, *, baseline=None, reference=None, as_of: date | None = None,
          policy: CheckPolicy | None = None, deflator=None, schedule: Schedule | None = None,
          years: int | None = None, year: int | None = None, deadline: str | None = None) -> Verdict:
    """Judge a reported outcome against a target.

    ``target`` and ``reported`` are text (simplified or traditional) or objects. ``baseline`` is
    last period's level (for growth and direction targets), ``reference`` the value of the
    indicator a relative target is tied to (与经济增长基本同步: the economic growth rate),
    ``as_of`` the date of a progress check, ``deflator`` a price index ratio (1.02) for real
    growth, ``schedule`` a :class:`~cnquant.milestones.Schedule` for progress, ``years`` the length
    of the period for a 年均 (compound annual) target checked from two levels, ``year`` the year the
    target is for (a 2025 work report's targets are due in 2025, also when checked ``as_of`` a date
    in January 2026); without it, the year of ``as_of``. ``deadline`` is the deadline as a task
    table writes it in its own column (完成时限: 2024年11月底前, 年底前); it replaces the one read
    from the target text.

    Raises :class:`~cnquant.IncompatibleUnitsError` when the units measure different things.

    >>> check("新增老年助餐服务点227个", "235个").completion
    Decimal('1.035242')
    >>> check("市场主体超8800个", "8800个").status
    'not_met'
    """
    policy = policy or DEFAULT_POLICY
    t = _as_target(target)
    rep = _as_reported(reported)
    base = None if baseline is None else _as_reported(baseline)
    ref = None if reference is None else _as_reported(reference)
    if years is not None and (not isinstance(years, int) or years < 1):
        raise ValueError("years must be a positive whole number")
    as_of = _as_date(as_of)
    if deadline is not None and str(deadline).strip():
        deadline_date(str(deadline), 2000)  # ParseError now for a cell that is no deadline
        t = replace(t, deadline=str(deadline).strip())
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100):
        raise ValueError(f"year must be a whole year such as 2025, not {year!r}")
    with localcontext(EXACT):  # numbers of up to 40 digits: no rounding, no overflow of the default context
        return _Checker(t, rep, base, ref, as_of, policy, deflator, schedule, years, year).run()


class _Checker:
    def __init__(self, t, rep, base, ref, as_of, policy, deflator, schedule, years=None, year=None) -> None:
        self.t, self.rep, self.base, self.ref, self.years = t, rep, base, ref, years
        self.year = year if year is not None else (None if as_of is None else as_of.year)  # the plan year
        self.as_of, self.policy, self.schedule = as_of, policy, schedule
        self.deflator = None if deflator is None else Decimal(str(deflator))
        self.notes: list[str] = []

    def verdict(self, status, reason, **kw) -> Verdict:
        return Verdict(status, reason, self.t, reported=self.rep.quantity, policy=self.policy.name,
                       notes=tuple(self.notes), **kw)

    def pick(self) -> None:
        """Of several readings of the reported text, use the one that fits the target's measure."""
        want = {"change_rate": "change_rate", "change": "change"}.get(self.t.measure.value, "level")
        for r in (self.rep, *self.rep.others):
            if r.kind == want:
                self.rep = r
                break
        t, r = self.t, self.rep
        if r.kind == "share" and t.measure is Measure.LEVEL and t.value is not None and t.unit != "%":
            # 完成率98% of a target of 3500个 is 3430个
            self.rep = _Reported("level", Quantity(_tidy(t.value.magnitude * r.quantity.magnitude / 100), t.unit))
            self.notes.append(f"reported as {format_quantity(r.quantity)} of the target")
        elif r.kind == "share":
            self.rep = _Reported("level", r.quantity)

    def run(self) -> Verdict:
        self.pick()
        t = self.t
        if t.absent:
            return self.verdict(INDETERMINATE, "no target was set (不设目标), so nothing can be met")
        m = t.measure
        if m is Measure.DIRECTION:
            return self.direction()
        if m is Measure.RELATIVE:
            return self.relative()
        if m is Measure.RANK:
            return self.rank()
        if m in (Measure.CHANGE_RATE, Measure.CHANGE):
            return self.change()
        return self.level()

    # -- level and special -------------------------------------------------------------------
    def level(self) -> Verdict:
        t, rep = self.t, self.rep
        if rep.kind == "change_rate" and t.unit == "%" and \
                any(w in normalize(t.metric or "") for w in LEX.rate_level_metrics):
            rep = self.rep = _Reported("level", rep.quantity)  # CPI涨幅3%左右 vs 上涨2.1%: the rate is the level
            self.notes.append("the indicator is itself a rate of change, so the reported change rate is its value")
        if rep.kind not in ("level",):
            return self.verdict(INDETERMINATE, f"the target is a level but the report is a {rep.kind.replace('_', ' ')}")
        unit = t.unit
        if rep.quantity.unit is None and unit is not None:
            self.notes.append(f"the reported value has no unit: read in the target's unit ({unit})")
        if t.measure is Measure.SPECIAL and unit is None:
            r = rep.quantity.magnitude  # 清零 / 零的突破 count whatever is counted
        else:
            r = _in_unit(rep.quantity, unit)
        return self.judge(r, unit)

    def judge(self, r: Decimal, unit: str | None, *, label: str | None = None, lower=None) -> Verdict:
        t, policy = self.t, self.policy
        comp = t.comparator
        value = t.value.magnitude if t.value is not None else None
        low = t.low.magnitude if t.low is not None else None
        high = t.high.magnitude if t.high is not None else None
        lower_is_better = LEX.is_lower_is_better(t.metric) if lower is None else lower
        if comp is None:
            return self.verdict(INDETERMINATE, "the target has no comparator to check against")
        ok, tol = _compare(r, comp, t, policy, lower_is_better, value, low, high)
        shown = label or _fmt(r, unit)
        if policy.rounding and value is not None and not label:
            rounded = _round_to(r, _written_places(t))
            if rounded != r:
                shown = f"{_fmt(r, unit)} (rounded {_fmt(rounded.normalize(), unit)})"
        if comp is Comparator.BETWEEN and low is not None and high is not None:
            goal = f"between {_fmt(low, unit)} and {_fmt(high, unit)}"
            gap = Decimal(0) if ok else (r - low if r < low else r - high)
        elif value is not None:
            sym = comp.symbol
            if comp in (Comparator.GE, Comparator.LE) and policy.strict_bare and not _explicit_comparator(t):
                sym = ">" if comp is Comparator.GE else "<"
            goal = f"{sym} {_fmt(value, unit)}"
            gap = r - value
            if tol is not None:
                goal += f" ±{_fmt(tol.band(value), unit)}"  # (relative bands too: ±750人, never ±7.5E+2)
        else:
            return self.verdict(INDETERMINATE, "the target has no value to check against")
        completion, note = self.completion(r, comp, value)
        progress = expected = None
        status = MET if ok else NOT_MET
        reason = f"{shown} {goal}: {'met' if ok else 'not met'}"
        if self.as_of is not None:
            status, reason, progress, expected = self.timing(r, ok, status, reason, unit, lower_is_better)
        return self.verdict(status, reason, completion=completion, completion_note=note,
                            gap=Quantity(gap, unit), tolerance=tol, progress=progress,
                            expected=None if expected is None else Quantity(expected, unit))

    def completion(self, r: Decimal, comp, value) -> tuple[Decimal | None, str | None]:
        t = self.t
        if t.measure is not Measure.LEVEL:
            return None, "completion rates are defined for level targets only"
        if comp in (Comparator.LE, Comparator.LT):
            return None, "a ceiling has no completion rate"
        if comp not in (Comparator.GE, Comparator.GT):
            return None, "completion rates are defined for at-least targets"
        if value is None or value <= 0:
            return None, "the plan value is not positive, so a ratio means nothing"
        return _plain((r / value).quantize(Decimal("0.000001"))), None

    def settled(self, ok: bool, reason: str, **kw) -> Verdict:
        """The verdict of a target whose reading can still move (a rank, a direction, a relative
        target): final on or after the deadline; before it, met so far (progress on_schedule) or
        indeterminate (progress behind)."""
        due = self.due()
        if due is None:
            return self.verdict(MET if ok else NOT_MET, reason, **kw)
        return self.verdict(MET if ok else INDETERMINATE, f"{reason} so far ({self.as_of.isoformat()}); not yet "
                            f"due ({due.isoformat()})", progress="on_schedule" if ok else "behind", **kw)

    def due(self) -> date | None:
        """The deadline when the check is made ``as_of`` a date before it, else None."""
        if self.as_of is None:
            return None
        t, year = self.t, self.year if self.year is not None else self.as_of.year
        due = deadline_date(t.deadline, year) if t.deadline else date(year, 12, 31)
        return due if self.as_of < due else None

    def timing(self, r, ok, status, reason, unit, lower_is_better=False):
        """Progress as of a date: against the milestone schedule, or 序时进度 without one.

        Before the deadline a value that meets the target is met: progress ``completed`` when it
        is reached for good (at least, ==, a fall), ``on_schedule`` when it can still move (a
        ceiling, ≈, between). A ceiling on an indicator that only adds up (新增建设用地) already passed is
        not met. Anything else is indeterminate, with progress against the value expected by then."""
        t, as_of = self.t, self.as_of
        due = self.due()
        if due is None:
            if t.deadline and as_of is not None:
                due = deadline_date(t.deadline, self.year if self.year is not None else as_of.year)
                reason += f" (due {due.isoformat()})"
            return status, reason, None, None
        comp = t.comparator
        value = t.value.magnitude if t.value is not None else None
        low = t.low.magnitude if t.low is not None else None
        falling = t.measure in (Measure.CHANGE, Measure.CHANGE_RATE) and comp in (Comparator.LE, Comparator.LT) \
            and value is not None and value < 0  # 能耗下降3%: an at-least target on the size of the fall
        ceiling = comp in (Comparator.LE, Comparator.LT) and not falling or \
            comp is Comparator.APPROX and lower_is_better and self.policy.one_sided_caps
        so_far = f"{reason} so far ({as_of.isoformat()}); not yet due ({due.isoformat()})"
        if ok and (comp in (Comparator.GE, Comparator.GT, Comparator.EQ) or falling):
            return MET, reason + f" ahead of the {due.isoformat()} deadline", "completed", value
        if ceiling:
            if not ok and any(w in normalize(t.metric or "") for w in LEX.cumulative_metrics):
                return NOT_MET, reason + f": already over the ceiling before the {due.isoformat()} deadline", \
                    None, None
            return (MET if ok else INDETERMINATE), so_far, "on_schedule" if ok else "behind", value
        if ok:  # ≈ or between, inside the band already: met so far, and it can still move out
            return MET, so_far, "on_schedule", value
        goal = low if comp is Comparator.BETWEEN else value
        if goal is None or goal == 0 or comp is Comparator.EQ and goal < 0:
            return INDETERMINATE, so_far, None, None
        expected = self.schedule.expected(as_of) if self.schedule is not None else None
        how = "milestone schedule"
        if expected is None:
            # 序时进度 over the calendar year, or from January 1 of this year to a later year's deadline
            share = elapsed_fraction(as_of, end=due) if due.year == as_of.year else \
                elapsed_fraction(as_of, start=date(as_of.year, 1, 1), end=due)
            expected = _plain((goal * share).quantize(Decimal("0.01")))
            how = "time-proportional schedule (序时进度)"
        band = self.policy.schedule_band * abs(expected)
        sign = -1 if falling else 1  # for a fall, further down is further ahead
        if sign * r > sign * expected + band:
            progress = "ahead"
        elif sign * r >= sign * expected - band:
            progress = "on_schedule"
        else:
            progress = "behind"
        reason = (f"{_fmt(r, unit)} by {as_of.isoformat()} against {_fmt(expected, unit)} expected on the {how}: "
                  f"{progress.replace('_', ' ')}; not yet due ({due.isoformat()})")
        return INDETERMINATE, reason, progress, expected

    # -- change --------------------------------------------------------------------------------
    def change(self) -> Verdict:
        t, rep = self.t, self.rep
        if {rep.kind, t.measure.value} == {"change", "change_rate"} and {rep.quantity.unit, t.unit} == {"%", "百分点"}:
            raise IncompatibleUnitsError(rep.quantity.unit, t.unit, t.text)
        # 单位GDP能耗降低3%左右: a fall of about 3% on a lower-is-better indicator is a cap like any other
        # 左右 on one (one_sided_caps): falling further meets it
        cap = t.comparator is Comparator.APPROX and t.direction is Direction.DECREASE \
            and LEX.is_lower_is_better(t.metric)
        if rep.kind == t.measure.value:
            r = _in_unit(rep.quantity, t.unit)
            return self.judge(r, t.unit, lower=cap)
        if rep.kind == "level" and self.base is None and t.measure is Measure.CHANGE_RATE and \
                rep.quantity.unit == "%" and not any(normalize(t.metric or "").endswith(h) for h in LEX.ratio_heads):
            # 地区生产总值增长6%左右 vs "5.8%": an amount's own level is never in %, so this is its growth
            r = rep.quantity.magnitude
            if t.direction is Direction.DECREASE and r > 0:  # 能耗下降3% vs "2.5%": a fall of 2.5%
                r = -r
                self.notes.append("a bare % against a fall target is read as the size of the fall; "
                                  "write 上升2.5% for a rise")
            else:
                self.notes.append("a reported % against a growth target on an amount is read as its growth rate")
            return self.judge(r, t.unit, lower=cap)
        if rep.kind == "level" and self.base is not None:
            cur = rep.quantity
            prev = self.base.quantity
            prev_m = _in_unit(prev, cur.unit) if cur.unit else prev.magnitude
            if t.measure is Measure.CHANGE_RATE:
                if prev_m == 0:
                    return self.verdict(INDETERMINATE, "the baseline is zero, so a growth rate is undefined")
                real = any(w in normalize(t.metric or "") for w in LEX.real_price_metrics)
                if t.annualized:
                    if self.years is None:
                        return self.verdict(INDETERMINATE, "a 年均 (compound annual) target checked from two levels "
                                            "needs the number of years (years=)")
                    ratio = cur.magnitude / (prev_m * (self.deflator or 1))
                    if ratio <= 0:
                        return self.verdict(INDETERMINATE, "the levels do not give a growth ratio")
                    growth = _tidy((ratio ** (Decimal(1) / Decimal(self.years)) - 1) * 100)
                    label = (f"compound annual growth {_fmt(growth.quantize(Decimal('0.01')).normalize(), '%')} "
                             f"over {self.years} years")
                    return self.judge(growth, "%", label=label, lower=False)
                if self.deflator is not None:
                    growth = _tidy((cur.magnitude / (prev_m * self.deflator) - 1) * 100)
                    label = f"real growth {_fmt(growth.quantize(Decimal('0.01')).normalize(), '%')}"
                else:
                    if real and self.policy.require_deflator:
                        return self.verdict(INDETERMINATE, "a growth target at comparable prices needs a deflator "
                                            "to be checked from two current-price levels")
                    growth = _tidy((cur.magnitude / prev_m - 1) * 100)
                    label = (f"growth {_fmt(growth.quantize(Decimal('0.01')).normalize(), '%')} "
                             "(computed from two levels at current prices)")
                    if real:
                        self.notes.append("growth targets are at comparable prices (可比价); this growth is nominal")
                return self.judge(growth, "%", label=label, lower=False)
            diff = cur.magnitude - prev_m
            unit = cur.unit
            if (unit, t.unit) in (("%", "百分点"), ("‰", "千分点")):
                unit = t.unit  # the difference of two shares is in (percentage) points
            if t.unit is not None and unit is not None and unit != t.unit:
                diff = Quantity(diff, unit).to(t.unit).magnitude
            return self.judge(diff, t.unit, lower=False)
        if rep.kind == "level":
            return self.verdict(INDETERMINATE, f"a {t.measure.value.replace('_', ' ')} target needs a baseline to "
                                "judge a reported level")
        return self.verdict(INDETERMINATE, f"the report is a {rep.kind.replace('_', ' ')}, the target a "
                            f"{t.measure.value.replace('_', ' ')}")

    # -- direction -----------------------------------------------------------------------------
    def direction(self) -> Verdict:
        t, rep = self.t, self.rep
        want = t.direction
        if rep.kind in ("change_rate", "change"):
            delta = rep.quantity.magnitude
            how = f"reported change {format_quantity(rep.quantity)}"
        elif self.base is None:
            return self.verdict(INDETERMINATE, "a direction target needs a baseline (last period's value)")
        else:
            prev = self.base.quantity
            cur = rep.quantity
            delta = cur.magnitude - (_in_unit(prev, cur.unit) if cur.unit else prev.magnitude)
            how = f"{format_quantity(cur)} against {format_quantity(prev)}"
        ok = delta < 0 if want is Direction.DECREASE else delta > 0
        word = "decrease" if want is Direction.DECREASE else "increase"
        return self.settled(ok, f"{how}: {'a' if ok else 'no'} {word}")

    # -- relative ------------------------------------------------------------------------------
    def relative(self) -> Verdict:
        t, rep = self.t, self.rep
        if self.ref is None:
            return self.verdict(INDETERMINATE, f"a relative target needs the value of {t.reference or 'its reference'}")
        refq = self.ref.quantity
        if t.comparator is Comparator.APPROX or t.comparator is None and t.value is None:
            if t.comparator is None:  # 完成上级下达的…计划目标: the reference is the assigned value
                r = _in_unit(rep.quantity, refq.unit)
                lower = LEX.is_lower_is_better(t.metric)
                ok = r <= refq.magnitude if lower else r >= refq.magnitude
                return self.settled(ok, f"{format_quantity(rep.quantity)} against the assigned "
                                    f"{format_quantity(refq)}: {'met' if ok else 'not met'}")
            r = _in_unit(rep.quantity, refq.unit)
            tol = self.policy.tolerance.for_unit(refq.unit)
            band = tol.band(refq.magnitude)
            ok = r >= refq.magnitude - band
            return self.settled(ok,
                                f"{format_quantity(rep.quantity)} against {t.reference} {format_quantity(refq)} "
                                f"(band {_fmt(band, refq.unit)}, faster is fine): {'met' if ok else 'not met'}",
                                tolerance=tol, gap=Quantity(r - refq.magnitude, refq.unit))
        if t.value is None and t.comparator in (Comparator.GT, Comparator.GE, Comparator.LT, Comparator.LE):
            # 农村居民收入增速快于城镇居民: faster or higher than the reference's value;
            # 能耗控制在省下达目标以内: at most the assigned value
            r = _in_unit(rep.quantity, refq.unit)
            ok = {Comparator.GT: r > refq.magnitude, Comparator.GE: r >= refq.magnitude,
                  Comparator.LT: r < refq.magnitude, Comparator.LE: r <= refq.magnitude}[t.comparator]
            return self.settled(ok, f"{format_quantity(rep.quantity)} {t.comparator.symbol} {t.reference} "
                                f"{format_quantity(refq)}: {'met' if ok else 'not met'}",
                                gap=Quantity(r - refq.magnitude, refq.unit))
        if t.unit in ("百分点", "千分点") and t.value is not None:
            # 增速高于全省平均水平1个百分点: the lead over the reference, in points
            point = "%" if t.unit == "百分点" else "‰"
            lead = _in_unit(rep.quantity, point) - _in_unit(refq, point)
            return self.judge(lead, t.unit, label=f"{_fmt(lead, t.unit)} ahead of {t.reference}", lower=False)
        # a share of another indicator: 达“浙丽保”参保人数的60%以上
        if refq.magnitude == 0:
            return self.verdict(INDETERMINATE, "the reference value is zero")
        share = _in_unit(rep.quantity, refq.unit) / refq.magnitude * 100
        return self.judge(share, "%", label=f"share {_fmt(share.quantize(Decimal('0.01')).normalize(), '%')}",
                          lower=False)

    # -- rank ----------------------------------------------------------------------------------
    def rank(self) -> Verdict:
        t, rep = self.t, self.rep
        r = rep.quantity.magnitude
        if t.comparator is None:
            if r == 1:
                return self.settled(True, "ranked first: leading")
            return self.verdict(INDETERMINATE, "领先 (leading) is not defined for a rank below first")
        value = t.value.magnitude
        ok = r <= value if t.comparator is Comparator.LE else r == value if t.comparator is Comparator.EQ \
            else _compare(r, t.comparator, t, self.policy, False, value, None, None)[0]
        return self.settled(ok, f"rank {r} {t.comparator.symbol} {value}: {'met' if ok else 'not met'}",
                            gap=Quantity(r - value, None))


def check_many(pairs: Iterable[Sequence], *, policy: CheckPolicy | None = None,
               errors: str = "raise") -> list[Verdict | None]:
    """Check many (target, reported[, baseline[, reference]]) rows in order. Repeated texts are parsed once.
    A row of another shape raises TypeError (whatever ``errors`` says: it is a programming error).

    ``errors="coerce"`` gives None for a row that cannot be checked instead of raising.

    >>> [v.status for v in check_many([("新增学位4700个", "4680个"), ("新增学位4700个", "4800个")])]
    ['not_met', 'met']
    """
    if errors not in ("raise", "coerce"):
        raise ValueError("errors must be 'raise' or 'coerce'")
    out: list[Verdict | None] = []
    for n, row in enumerate(pairs):
        if isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or not 2 <= len(row) <= 4:
            raise TypeError(f"row {n}: a row is (target, reported[, baseline[, reference]]), not {row!r}")
        target, reported = row[0], row[1]
        baseline = row[2] if len(row) > 2 else None
        reference = row[3] if len(row) > 3 else None
        try:
            out.append(check(target, reported, baseline=baseline, reference=reference, policy=policy))
        except ParseError:
            if errors == "raise":
                raise
            out.append(None)
    return out


def aggregate_completion(items: Iterable, *, method: str = "mean") -> Decimal | None:
    """Aggregate completion rates: ``"mean"`` (mean of ratios), ``"capped"`` (each capped at 1
    first) or ``"pooled"`` (Σ reported ÷ Σ target, for items in one unit). Items are Verdicts;
    those without a completion rate are left out. Returns None when nothing is left.

    >>> vs = [check("新增学位100个", "150个"), check("新增学位100个", "50个")]
    >>> aggregate_completion(vs), aggregate_completion(vs, method="capped")
    (Decimal('1'), Decimal('0.75'))
    """
    with localcontext(EXACT):
        return _aggregate([v for v in items if isinstance(v, Verdict) and v.completion is not None], method)


def _aggregate(vs: list, method: str) -> Decimal | None:
    six = Decimal("0.000001")
    rates = [v.completion for v in vs if v.completion is not None]
    if not rates:
        return None
    if method == "mean":
        return _plain((sum(rates, Decimal(0)) / len(rates)).quantize(six))
    if method == "capped":
        return _plain((sum((min(c, Decimal(1)) for c in rates), Decimal(0)) / len(rates)).quantize(six))
    if method == "pooled":
        units = sorted({v.target.unit or "" for v in vs})
        if len(units) > 1:
            raise IncompatibleUnitsError(units[0], units[1])
        rep = sum((_in_unit(v.reported, v.target.unit) for v in vs if v.reported is not None), Decimal(0))
        tgt = sum((v.target.value.magnitude for v in vs if v.target.value is not None), Decimal(0))
        return _plain((rep / tgt).quantize(six))
    raise ValueError("method must be 'mean', 'capped' or 'pooled'")
