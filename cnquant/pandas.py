"""pandas accessors: ``Series.cnq`` and ``DataFrame.cnq``.

Importing this module registers the accessors (``import cnquant`` does it too when pandas is
already imported). They are thin shells over :func:`~cnquant.parse_target`,
:func:`~cnquant.extract` and :func:`~cnquant.check`: stateless, index-preserving, and following
pandas' ``errors="raise" | "coerce"`` convention (coerce leaves missing values and keeps the row).
Repeated texts are parsed once.

>>> import pandas as pd, cnquant.pandas
>>> s = pd.Series(["新增停车位3500个", "城镇新增就业2万人以上", None], index=["a", "b", "c"])
>>> s.cnq.parse()[["measure", "comparator", "value", "unit"]]
  measure comparator  value unit
a   level         >=   3500    个
b   level         >=  20000    人
c     NaN        NaN    NaN  NaN
>>> df = pd.DataFrame({"目标": ["新增学位4700个", "新增学位4700个"], "完成": ["4680个", "4800个"]})
>>> df.cnq.check()["status"].tolist()
['not_met', 'met']
"""
from __future__ import annotations

from typing import Callable

import pandas as pd

from .check import CheckPolicy, check
from .check import _as_date as as_date
from .errors import ParseError
from .extract import extract
from .parse import parse_target
from .quantity import parse_quantity
from .reader import check_year

__all__ = ["TARGET_COLUMNS", "VERDICT_COLUMNS", "CnqSeriesAccessor", "CnqDataFrameAccessor", "register"]

#: Columns of :meth:`CnqSeriesAccessor.parse` and :meth:`CnqSeriesAccessor.extract`.
TARGET_COLUMNS = ["measure", "comparator", "value", "low", "high", "unit", "modality", "direction",
                  "reference", "metric", "cues", "deadline", "text", "annualized", "absent"]
#: Columns of the check methods.
VERDICT_COLUMNS = ["status", "completion", "gap", "unit", "reason", "progress", "expected", "notes", "error"]


def _missing(v) -> bool:
    """None, NaN, pd.NA, NaT and blank strings (empty spreadsheet cells) are missing."""
    if v is None:
        return True
    if isinstance(v, str):
        return not v.strip()
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _errors(errors: str) -> str:
    if errors not in ("raise", "coerce"):
        raise ValueError("errors must be 'raise' or 'coerce' (pandas removed 'ignore')")
    return errors


def _row(t) -> dict:
    def q(x):
        return None if x is None else x.magnitude
    return {
        "measure": t.measure.value, "comparator": None if t.comparator is None else t.comparator.value,
        "value": q(t.value), "low": q(t.low), "high": q(t.high), "unit": t.unit,
        "modality": None if t.modality is None else t.modality.value,
        "direction": None if t.direction is None else t.direction.value, "reference": t.reference,
        "metric": t.metric, "cues": "|".join(t.cues), "deadline": t.deadline, "text": t.text,
        "annualized": t.annualized, "absent": t.absent,
    }


def _memo(fn: Callable, errors: str) -> Callable:
    cache: dict = {}

    def call(v):
        if _missing(v):
            return None
        key = v if isinstance(v, str) else repr(v)
        if key not in cache:
            try:
                cache[key] = fn(v)
            except ParseError:
                if errors == "raise":
                    raise
                cache[key] = None
        return cache[key]
    return call


class CnqSeriesAccessor:
    """``Series.cnq``: read a column of target phrases, sentences or quantities."""

    def __init__(self, series: pd.Series) -> None:
        self._s = series

    def parse(self, *, errors: str = "raise") -> pd.DataFrame:
        """One row of Target fields per phrase (index kept). ``errors="coerce"``: an unreadable
        phrase gives an all-missing row."""
        read = _memo(lambda v: _row(parse_target(str(v))), _errors(errors))
        rows = [read(v) or {} for v in self._s.tolist()]
        return pd.DataFrame(rows, index=self._s.index, columns=TARGET_COLUMNS)

    def extract(self, *, year=None, errors: str = "raise") -> pd.DataFrame:
        """Every target of every cell, as a long table keyed by the source row (column ``row``)
        and the target's number within it (``n``). ``year`` is the year the texts plan for
        (see :func:`cnquant.extract`): one int for all, or a Series of years aligned with this one.

        >>> import pandas as pd, cnquant.pandas
        >>> s = pd.Series(["2024年,全区实际使用外资3.6亿美元。", "新增停车位3500个。"])
        >>> s.cnq.extract(year=2025)[["row", "metric", "value"]].values.tolist()
        [[1, '新增停车位', Decimal('3500')]]
        """
        if isinstance(year, pd.Series):
            years = year.reindex(self._s.index).tolist()
        else:
            check_year(year)
            years = [year] * len(self._s)
        memos: dict = {}
        out = []
        for idx, v, y in zip(self._s.index, self._s.tolist(), years):
            y = None if _missing(y) else check_year(int(y))
            read = memos.get(y)
            if read is None:
                read = memos[y] = _memo(lambda v, y=y: [_row(t) for t in extract(str(v), year=y)], _errors(errors))
            for n, r in enumerate(read(v) or []):
                out.append({"row": idx, "n": n, **r})
        return pd.DataFrame(out, columns=["row", "n", *TARGET_COLUMNS])

    def to(self, unit: str, *, errors: str = "raise") -> pd.Series:
        """Quantities (text or Quantity) converted to ``unit``, as exact Decimals."""
        def conv(v):
            q = v if hasattr(v, "to") else parse_quantity(str(v))
            return q.to(unit).magnitude
        read = _memo(conv, _errors(errors))
        return pd.Series([read(v) for v in self._s.tolist()], index=self._s.index, name=self._s.name, dtype=object)

    def check(self, reported, baseline=None, *, as_of=None, reference=None, year=None, deadline=None,
              policy: CheckPolicy | None = None, errors: str = "raise") -> pd.DataFrame:
        """Check this column of targets against ``reported`` (a Series aligned on the index, or a
        scalar), with an optional ``baseline``, ``as_of`` date (progress before the deadline) and
        ``reference`` value (relative targets), each a Series or one value for every row; ``year``
        is the year the targets are for (an int or a Series; see :func:`cnquant.check`); ``deadline``
        each task's deadline as its table writes it (2024年11月底前)."""
        s = self._s
        return _check_frame(s, _align(reported, s), _align(baseline, s), policy, errors,
                            as_of=_align(as_of, s), reference=_align(reference, s), year=_align(year, s),
                            deadline=_align(deadline, s))


def _align(other, like: pd.Series):
    if other is None:
        return pd.Series([None] * len(like), index=like.index, dtype=object)
    if isinstance(other, pd.Series):
        return other.reindex(like.index)
    if isinstance(other, (list, tuple)) or (hasattr(other, "__len__") and hasattr(other, "dtype")):
        if len(other) != len(like):  # a list (or array) is one value per row, in order
            raise ValueError(f"{len(other)} values for {len(like)} rows")
        return pd.Series(list(other), index=like.index, dtype=object)
    return pd.Series([other] * len(like), index=like.index, dtype=object)


def _as_date(v):
    return None if _missing(v) else as_date(v)


def _check_frame(targets: pd.Series, reported: pd.Series, baseline: pd.Series, policy, errors,
                 as_of: pd.Series | None = None, reference: pd.Series | None = None,
                 year: pd.Series | None = None, deadline: pd.Series | None = None) -> pd.DataFrame:
    _errors(errors)
    cache: dict = {}
    rows: list[dict] = []
    n = len(targets)
    days = [None] * n if as_of is None else as_of.tolist()
    refs = [None] * n if reference is None else reference.tolist()
    plan_years = [None] * n if year is None else [None if _missing(y) else int(y) for y in year.tolist()]
    dues = [None] * n if deadline is None else [None if _missing(d) else str(d) for d in deadline.tolist()]
    for t, r, b, day, ref, y, due in zip(targets.tolist(), reported.tolist(), baseline.tolist(), days, refs,
                                         plan_years, dues):
        if _missing(t) or _missing(r):
            rows.append({})
            continue
        b = None if _missing(b) else b
        ref = None if _missing(ref) else ref
        try:
            day = _as_date(day)
        except ValueError:
            if errors == "raise":
                raise
            rows.append({})
            continue
        key = (str(t), str(r), None if b is None else str(b), day, None if ref is None else str(ref), y, due)
        if key not in cache:
            try:
                v = check(str(t), str(r), baseline=None if b is None else str(b), as_of=day,
                          reference=None if ref is None else str(ref), policy=policy, year=y, deadline=due)
                cache[key] = {"status": v.status, "completion": v.completion,
                              "gap": None if v.gap is None else v.gap.magnitude, "unit": v.target.unit,
                              "reason": v.reason, "progress": v.progress,
                              "expected": None if v.expected is None else v.expected.magnitude,
                              "notes": "; ".join(v.notes) or None}
            except ParseError as e:
                if errors == "raise":
                    raise
                cache[key] = {"error": str(e)}  # (coerce: the row says why it has no verdict)
        rows.append(cache[key])
    return pd.DataFrame(rows, index=targets.index, columns=VERDICT_COLUMNS)


class CnqDataFrameAccessor:
    """``DataFrame.cnq``: check a target column against a reported column (序号/任务/目标/完成)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._f = frame

    def check(self, target: str = "目标", reported: str = "完成", baseline: str | None = None, *,
              as_of=None, reference: str | None = None, year=None, deadline: str | None = None,
              policy: CheckPolicy | None = None, errors: str = "raise") -> pd.DataFrame:
        """Verdict columns (:data:`VERDICT_COLUMNS`) for each row. ``baseline`` and ``reference``
        name columns (``baseline`` defaults to a column named 基期 when there is one); ``as_of`` is a date for every row or the name of a column of dates; ``year``
        the year the targets are for, or the name of a column of years; ``deadline`` the name of a
        column of deadlines as a task table writes them (完成时限)."""
        f = self._f
        if isinstance(as_of, str) and as_of not in f.columns:
            try:
                as_of = as_date(as_of)  # an ISO date for every row
            except ValueError:
                pass  # neither a date nor a column: reported as a missing column below
        named = (target, reported) + tuple(c for c in (baseline, reference, deadline) if c) + \
            tuple(c for c in (as_of, year) if isinstance(c, str))
        for col in named:
            if col not in f.columns:
                raise KeyError(f"no column {col!r}; columns are {list(f.columns)}")
        if baseline is None and "基期" in f.columns:
            baseline = "基期"  # as the CLI does: a 基期 column is the baseline
        base = f[baseline] if baseline else _align(None, f[target])
        day = f[as_of] if isinstance(as_of, str) else _align(as_of, f[target])
        ref = f[reference] if reference else None
        years = f[year] if isinstance(year, str) else _align(year, f[target])
        dues = f[deadline] if deadline else None
        return _check_frame(f[target], f[reported], base, policy, errors, as_of=day, reference=ref, year=years,
                            deadline=dues)

    def parse(self, column: str = "目标", *, errors: str = "raise") -> pd.DataFrame:
        """Target fields of ``column``, joined to nothing (same index as the frame)."""
        return self._column(column).cnq.parse(errors=errors)

    def _column(self, name: str) -> pd.Series:
        if name not in self._f.columns:
            raise KeyError(f"no column {name!r}; columns are {list(self._f.columns)}")
        return self._f[name]

    def extract(self, column: str, *, year=None, errors: str = "raise") -> pd.DataFrame:
        """Every target of ``column`` as a long table keyed by the frame's index. ``year``: an int,
        or the name of a column holding each row's plan year (the year of its report)."""
        if isinstance(year, str):
            year = self._column(year)
        return self._column(column).cnq.extract(year=year, errors=errors)


def register() -> None:
    """Register ``.cnq`` on Series and DataFrame (idempotent)."""
    if "cnq" not in getattr(pd.Series, "_accessors", set()):
        pd.api.extensions.register_series_accessor("cnq")(CnqSeriesAccessor)
    if "cnq" not in getattr(pd.DataFrame, "_accessors", set()):
        pd.api.extensions.register_dataframe_accessor("cnq")(CnqDataFrameAccessor)


register()
