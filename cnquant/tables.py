"""Rows of indicator tables (十四五规划 主要指标表 and the like), read cell by cell.

An indicator table gives, per row, an indicator whose unit is written in brackets or in a unit
column, then bare numbers: the base-year value, the target value, sometimes an annual growth rate,
and an attribute (预期性 / 约束性)::

    | 1 | 地区生产总值(亿元) | 1500 | 2100 | 7%左右 | 预期性 |
    | 3 | 城镇调查失业率(%)  | —    | <5.5 |        | 约束性 |

The general reader cannot read such a row (a bare number has no unit, and the cell before it is
another number), so :func:`cnquant.reader.read` hands every line that looks like one to
:func:`read_row`. A header line seen before (``| 指标 | 单位 | 2020年 | 2025年 | 年均增长 | 属性 |``) says
which column is which; without one, the first of several bare numbers is the base-year value and
the others are targets, and a value with a % of its own under an indicator counted in another
unit is its annual growth rate. 约束性 makes the targets binding, 预期性 aspirational.

>>> from cnquant import extract
>>> [str(t) for t in extract("| 1 | 地区生产总值(亿元) | 1500 | 2100 | 7%左右 | 预期性 |")]
['地区生产总值: level ≥ 2100亿元 (aspirational)', '地区生产总值: change_rate ≈ 7% (aspirational)']
>>> [str(t) for t in extract("| 3 | 城镇调查失业率(%) | — | <5.5 | 约束性 |")]
['城镇调查失业率: level < 5.5% (binding)']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .lexicon import LEX
from .numerals import _plain
from .errors import LimitError
from .quantity import Quantity, QuantityMatch, match_quantity
from .target import _COMPARATOR_OF, Comparator, Direction, Measure, Modality, Target
from .tolerance import TolerancePolicy
from .units import UNITS, lookup
from .wordregex import word_pattern

__all__ = ["Header", "header_of", "read_row"]

_CELL_SEP = re.compile(r"[|\t]")
_NAME_UNIT = re.compile(r"(?P<name>.*?[\u4e00-\u9fffA-Za-z].*?)\s*[(](?P<unit>[^()]{1,10})[)]\s*$")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_BRACKETS = str.maketrans("", "", "[]〔〕【】")
_DIGIT = re.compile(r"\d")
_BRACKET_CELL = re.compile(r"\)\s*(?:[|\t]|$)")
_COUNT_IN_NAME = re.compile(r"\d\s*[万亿千百]?(?:" + word_pattern(UNITS) + ")(?!以上|以下|及以上|及以下|以内)")
_PER_POPULATION = re.compile(r"每(?P<scale>十万|万|千|百)?(?:名|个)?(?P<who>人口|人|户|常住人口|老年人|老人)")

_NAME_INDEX = re.compile(r"\d{1,3}[.、]\s*")
_NAMES = re.compile(r"[^|\t]*[\u4e00-\u9fff]{2}[^|\t]*")  # an indicator name: words (and no count, see below)
_UNIT_CELL = re.compile(r"[|\t]\s*(?:[万亿千百]?(?:" + word_pattern(UNITS) + r"))\s*(?=[|\t]|$)")
_DATE_CELL = re.compile(r"[\d年月日底前中旬上下季度末初份全内\-~至到.]+")


@dataclass(frozen=True, slots=True)
class Header:
    """The column roles of an indicator table: ``name``, ``unit``, ``base``, ``target``, ``rate``,
    ``attr``, ``index`` or ``""`` (unknown), one per cell."""

    roles: tuple[str, ...]
    annual: bool = False   #: the growth column says 年均 (its rates are annual)
    rates_only: bool = False  #: the growth column holds only rates (年均增速(%)), not also totals (年均增长/累计)


def _match(s: str, i: int, stop: int) -> QuantityMatch | None:
    """match_quantity, with a number too long to read taken as no value (the cell is text)."""
    try:
        return match_quantity(s, i, stop)
    except LimitError:
        return None


def _unit(text: str) -> tuple[str, Decimal] | None:
    """A unit as a table writes it (%, 亿元, 万人, 个): its canonical name and scale, or None."""
    probe = "1" + text.strip()
    m = _match(probe, 0, len(probe))
    if m is None or m.end != len(probe) or m.unit is None:
        return None
    return m.unit, m.value


def _cells(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of a row as (start, end) spans, stripped of spaces; the empty edges of a row
    written with outer bars (| a | b |) are dropped."""
    spans, k = [], a
    for m in _CELL_SEP.finditer(s, a, b):
        spans.append((k, m.start()))
        k = m.end()
    spans.append((k, b))
    out = []
    for x, y in spans:
        while x < y and s[x].isspace():
            x += 1
        while y > x and s[y - 1].isspace():
            y -= 1
        out.append((x, y))
    if s[a] == "|" and out and out[0][0] == out[0][1]:
        out.pop(0)  # the outer bars of | a | b |
    k = a
    while k > 0 and s[k - 1] in " \t":  # leading tabs (stripped with the line's blanks) are empty cells
        k -= 1
        if s[k] == "\t":
            out.insert(0, (a, a))
    if s[b - 1] == "|" and out and out[-1][0] == out[-1][1]:
        out.pop()
    return out


def header_of(s: str, a: int, b: int) -> Header | None:
    """The column roles when s[a:b] is the header line of an indicator table, else None."""
    if LEX.table_header_name_re.search(s, a, b) is None:  # (a header must name its indicator column)
        return None
    cells = _cells(s, a, b)
    if len(cells) < 3:
        return None
    roles: list[str] = []
    years: list[tuple[int, int]] = []
    for x, y in cells:
        c = s[x:y]
        ym = _YEAR.search(c)
        period = next((year for w, year in LEX.table_periods.items() if w in c), None)  # “十四五”目标: 2025
        role = next((r for r, words, whole in LEX.table_header
                     if (c in words if whole else any(w in c for w in words))), "")
        if ym or period or role in ("base", "target"):
            if role not in ("attr", "unit", "rate"):
                role = "year"
                years.append((len(roles), int(ym.group(1)) if ym else (period or (
                    9999 if any(w in c for w in LEX.table_target_words) else 0))))
        if not role and _match(s, x, y) is not None:
            return None  # a header holds no values
        roles.append(role)
    if "name" not in roles or not any(0 < y < 9999 for _, y in years):
        return None  # (an indicator table has year columns; 量化目标 alone heads a task list)
    last = max(years, key=lambda iy: iy[1])[0]
    roles = ["target" if i == last else ("base" if r == "year" else r) for i, r in enumerate(roles)]
    rate_cells = [s[x:y] for (x, y), r in zip(cells, roles) if r == "rate"]
    return Header(tuple(roles), annual=any(w in c for c in rate_cells for w in LEX.table_annual),
                  rates_only=bool(rate_cells) and not any(w in c for c in rate_cells for w in LEX.table_totals))


# A cell that may hold a target in words (relative, special or direction targets).
_WORD_TARGET = re.compile("|".join(p.pattern for p in (LEX.relative_trigger, LEX.special_trigger,
                                                        LEX.direction_trigger)))


def _value(s: str, x: int, y: int):
    """Read a value cell: (prefix word span or None, suffix word span or None, QuantityMatch, low,
    high) when the cell is a bare value (a number with optional comparator words, unit and range),
    else None."""
    k = x
    while k < y and s[k] in "[〔【":
        k += 1
    e = y
    while e > k and s[e - 1] in "]〕】":
        e -= 1
    pre = None
    for j in range(k, min(e, k + 4)):  # a prefix word or symbol right before the number
        w = LEX.prefix_comparator(s, k, j + 1)
        if w and s[k:j + 1] == w:
            pre = (k, j + 1)
    start = pre[1] if pre else k
    while start < e and s[start] == " ":
        start += 1
    m = _match(s, start, e)
    if m is None:
        return None
    end = m.end
    low = high = None
    for joiner in LEX.range_joiners:
        if s.startswith(joiner, end, e):
            m2 = _match(s, end + len(joiner), e)
            if m2 is not None and (m2.unit == m.unit or m.unit is None):
                low, high, end = m.value, m2.value, m2.end
                m = m2 if m.unit is None else m
            break
    w = LEX.suffix_comparator(s, end, e)
    suf = (end, end + len(w)) if w else None
    if suf:
        end = suf[1]
    if end != e:
        return None  # more than a value: a task cell the general reader reads
    return pre, suf, m, low, high


def read_row(raw: str, s: str, a: int, b: int, header: Header | None, policy: TolerancePolicy) -> list | None:
    """The mentions of an indicator-table row s[a:b] as (text, span, role, reason, target) tuples,
    or None when the line is not such a row (the general reader takes it)."""
    if header is None and _BRACKET_CELL.search(s, a, b) is None and _UNIT_CELL.search(s, a, b) is None:
        return None  # (the quick test: no cell ends with a bracketed unit, no cell is a unit)
    cells = _cells(s, a, b)
    if len(cells) < 3:
        return None
    roles = list(header.roles) if header is not None and len(header.roles) == len(cells) else None
    # the indicator: the header's name column, else the first cell with a bracketed unit
    name_i, found, unit_i = None, None, None
    for i, (x, y) in enumerate(cells):
        if roles is not None and roles[i] != "name":
            continue
        nm = _NAME_UNIT.match(s, x, y)
        if nm is not None and _COUNT_IN_NAME.search(s, nm.start("name"), nm.end("name")):
            nm = None  # 房源500套(间): a number with an alternative classifier, not an indicator's unit
        found = _unit(nm.group("unit")) if nm else None
        if nm is not None and found is not None:
            name_i, name = i, (nm.start("name"), nm.end("name"))
            break
        if roles is not None:
            if _COUNT_IN_NAME.search(s, x, y):
                return None  # 新增老年助餐服务点227个: a task, not an indicator's name
            name_i, name = i, (x, y)
            break
        if i + 1 < len(cells) and _NAMES.fullmatch(s, x, y) and not _COUNT_IN_NAME.search(s, x, y):
            found = _unit(s[cells[i + 1][0]:cells[i + 1][1]])
            if found is not None:  # | 地区生产总值 | 亿元 | 1500 | 2100 |: a unit column after the name
                name_i, name, unit_i = i, (x, y), i + 1
                break
    if name_i is None:
        return None
    if roles is not None and "unit" in roles:
        ux, uy = cells[roles.index("unit")]
        found = _unit(s[ux:uy]) or found
    if found is None and roles is None:
        return None
    unit, scale = found if found is not None else (None, Decimal(1))
    pm = _PER_POPULATION.search(s, name[0], name[1])
    if unit is not None and "/" not in unit and unit not in ("%", "‰", "百分点") and pm:
        unit = f"{unit}/{pm.group('scale') or ''}{'户' if pm.group('who') == '户' else '人'}"  # 每千人口…(个): 个/千人
    info = lookup(unit) if unit else None
    values = []
    texts = []  # 与经济增长基本同步, 完成省下达任务, 全覆盖: a target cell in words
    for i in range(name_i + 1, len(cells)):
        x, y = cells[i]
        if s[x:y] in LEX.table_empty or i == unit_i or (roles is not None and roles[i] in ("attr", "unit", "index", "name")):
            continue
        if not _DIGIT.search(s, x, y) and _WORD_TARGET.search(s, x, y) and not _is_attribute(s, x, y):
            texts.append(i)
            continue
        v = _value(s, x, y)
        if v is None and _DIGIT.search(s, x, y) and not _DATE_CELL.fullmatch(s, x, y):
            return None  # a cell with numbers in words (1.5万人以上,其中…): the general reader reads the row
        if v is None or (v[2].group == "time" and info is not None and info.group != "time"):
            continue  # 预期性, 区发改局, 12月: not a value of this indicator
        values.append((i, v))
    if not values and not texts:
        return None
    attr = None
    for j, (x, y) in enumerate(cells):
        if j == name_i or not _is_attribute(s, x, y):
            continue  # 人均预期寿命 names the indicator; the attribute is a short cell of its own (预期性)
        if any(w in s[x:y] for w in LEX.table_binding):
            attr = (Modality.BINDING, (x, y))
        elif any(w in s[x:y] for w in LEX.table_aspirational):
            attr = (Modality.ASPIRATIONAL, (x, y))
    # which value is which: the header says, else the first of several unit-less values is the base
    bare = [i for i, v in values if v[2].unit is None]
    im = _NAME_INDEX.match(s, name[0], name[1])
    if im:  # 1.地区生产总值: the row number written in the name cell
        name = (im.end(), name[1])
    out: list[tuple[str, tuple[int, int], str, str, Target | None]] = [
        (raw[x:y], (x, y), "index", "the number of a table row", None)
        for x, y in cells[:name_i] if y > x and s[x:y].isdigit()]
    name_text = s[name[0]:name[1]]
    g = LEX.table_growth_re.search(name_text)
    metric_end = name[0] + g.start() if g else name[1]
    # with no header, of several values in the row's own unit the first is the base (99% | 99%以上)
    own = [i for i, v in values if v[2].unit is None or v[2].unit == unit]
    for i, (pre, suf, m, low, high) in values:
        role = roles[i] if roles is not None else (
            "base" if (len(bare) > 1 and i == bare[0]) or (len(own) > 1 and i == own[0])
            or (texts and i < texts[0] and m.unit is None)
            else ("rate" if m.unit == "%" and unit not in ("%", None) and unit != "百分点" else "target"))
        x, y = cells[i]
        if role == "base":
            out.append((raw[x:y], (x, y), "number", "the base-year value in an indicator table row", None))
            continue
        if role not in ("target", "rate"):
            out.append((raw[x:y], (x, y), "number", "a value in a column the table header does not name", None))
            continue
        vunit, mult = (m.unit, Decimal(1)) if m.unit else (unit, scale)  # 2100 under 亿元: 2100亿元
        total = s[x] in "[〔【"  # 〔13.5〕: a total over the plan period, not a yearly rate
        if role == "rate" and not g and m.unit is None:
            if unit != "%" and header is not None and header.rates_only:
                vunit, mult = "%", Decimal(1)  # 7左右 under 年均增速(%) for an indicator in 亿元
            else:
                # a growth column that doubles as the target column (年均增长/累计): a total change in
                # points under a % indicator ([1] under 城镇化率), else the row's target (<5.5, >37万吨)
                role = "points" if total and unit == "%" else "target"
        measure, direction, annualized, sign = Measure.LEVEL, None, False, 1
        metric = (name[0], metric_end if g else name[1])
        if role == "points":
            measure, direction, vunit = Measure.CHANGE, Direction.INCREASE, "百分点"
        elif total and role == "target" and not g and vunit not in ("%", "‰") \
                and not any(w in name_text for w in LEX.table_flow_words):
            measure, direction = Measure.CHANGE, Direction.INCREASE  # 人均预期寿命(岁) 〔1〕: up 1 岁 in the period
        elif role == "rate" or (g and vunit == "%"):
            measure, direction = Measure.CHANGE_RATE, Direction.INCREASE
            annualized = not total and (bool(g and g.group("annual")) or (role == "rate" and (
                g is None or (header is not None and header.annual))))
            if g and g.group("verb") in LEX.table_falls:
                direction, sign = Direction.DECREASE, -1
        elif g and vunit == "百分点":
            measure, direction = Measure.CHANGE, Direction.INCREASE
            if g.group("verb") in LEX.table_falls:
                direction, sign = Direction.DECREASE, -1
        else:
            metric = name
        metric_text = raw[metric[0]:metric[1]].strip() or None
        cues = []
        comp = None
        if pre:
            comp = LEX.prefix_comparators[s[pre[0]:pre[1]]]
            cues.append(raw[pre[0]:pre[1]])
        if suf:
            comp = LEX.suffix_comparators[s[suf[0]:suf[1]]]
            cues.append(raw[suf[0]:suf[1]])
        if low is not None and high is not None:
            comp = "between"
        if comp is None:
            lower = LEX.lower_is_better_word(metric_text) if measure is Measure.LEVEL and metric_text else None
            comp = "<=" if lower else ">="
        comparator = _COMPARATOR_OF[comp]
        value = _plain(m.value * mult)
        low, high = (None if low is None else low * mult), (None if high is None else high * mult)
        if sign < 0:
            value = -value
            low, high = (None if high is None else -high), (None if low is None else -low)
            comparator = comparator.mirrored()
        if attr is not None:
            cues.append(raw[attr[1][0]:attr[1][1]])

        def q(v: Decimal | None) -> Quantity | None:
            return None if v is None else Quantity(_plain(v), vunit)

        target = Target(
            measure=measure, comparator=comparator,
            value=None if comparator is Comparator.BETWEEN else Quantity(value, vunit, text=raw[m.start:m.end]),
            low=q(low), high=q(high), unit=vunit,
            tolerance=policy.for_unit(vunit) if comparator is Comparator.APPROX else None,
            modality=attr[0] if attr else None, direction=direction, metric=metric_text,
            cues=tuple(cues), text=raw[cells[name_i][0]:y], span=(cells[name_i][0], y), annualized=annualized)
        out.append((target.text, target.span, "target", "a value in an indicator table row", target))
    out.extend(_word_targets(raw, s, cells, name_i, (name[0], metric_end), texts, attr))
    return out


def _is_attribute(s: str, x: int, y: int) -> bool:
    """A short cell that gives the attribute of a row (约束性, 预期性), not a target in words."""
    return y - x <= 6 and any(w in s[x:y] for w in LEX.table_binding + LEX.table_aspirational)


def _word_targets(raw: str, s: str, cells, name_i: int, metric, texts: list[int], attr) -> list:
    """The targets of the cells written in words (与经济增长基本同步, 完成省下达任务): read alone, with
    the row's indicator as their metric and its 预期性/约束性 as their modality."""
    from dataclasses import replace

    from .errors import ParseError
    from .parse import parse_targets

    out = []
    row_metric = raw[metric[0]:metric[1]].strip() or None  # (居民人均可支配收入增长(%): 增长 is the measure)
    for i in texts:
        x, y = cells[i]
        try:  # read after the indicator's name, as the row says it (规上工业企业数 | 持续增加)
            found = parse_targets((row_metric or "") + raw[x:y])
        except ParseError:
            continue  # 区发改局, 持续推进: no target in the cell
        for t in found:
            cues = t.cues + ((raw[attr[1][0]:attr[1][1]],) if attr else ())
            t = replace(t, metric=t.metric or row_metric, modality=attr[0] if attr else t.modality,
                        cues=cues, text=raw[cells[name_i][0]:y], span=(cells[name_i][0], y))
            out.append((t.text, t.span, "target", "a target written in words in an indicator table row", t))
    return out
