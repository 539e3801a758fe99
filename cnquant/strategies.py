"""hypothesis strategies for cnquant's value objects and the texts that produce them.

Needs the ``test`` extra (``pip install cnquant[test]``); importing :mod:`cnquant` itself never
imports hypothesis. Every strategy takes keyword-only arguments, and those arguments are
themselves strategies, so a downstream suite can narrow any part:

>>> from hypothesis import given, strategies as st
>>> from cnquant import strategies as cst, parse_quantity
>>> @given(cst.quantity_texts(units=cst.units(group="classifier")))
... def test_round_trip(pair):
...     quantity, text = pair
...     assert parse_quantity(text) == quantity
>>> test_round_trip()

Strategies: :func:`numbers`, :func:`number_texts`, :func:`units`, :func:`quantities`,
:func:`quantity_texts`, :func:`target_texts`, :func:`targets`, :func:`check_cases`.
"""
from __future__ import annotations

from decimal import Decimal

try:
    from hypothesis import strategies as st
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("cnquant.strategies needs hypothesis: pip install 'cnquant[test]'") from e

from .numerals import to_chinese
from .quantity import Quantity, format_quantity
from .units import UNITS

__all__ = ["numbers", "number_texts", "units", "quantities", "quantity_texts", "target_texts", "targets",
           "check_cases", "NUMBER_FORMS", "MEASURES"]

#: The written forms :func:`number_texts` can produce.
NUMBER_FORMS = ("arabic", "fullwidth", "separators", "scaled", "chinese", "traditional")

# Units whose name starts with a scale character: never written right after a Chinese numeral.
_SCALE_NAMED = frozenset(u.name for u in UNITS.values() if u.name[:1] in "十百千万亿")
_TRAD_DIGITS = str.maketrans({"万": "萬", "亿": "億", "两": "兩", "点": "點"})


def _strategy(name: str, value) -> None:
    if not isinstance(value, st.SearchStrategy):
        raise TypeError(f"{name} must be a hypothesis strategy (e.g. st.just(...)), not {type(value).__name__}")


def numbers(*, min_value: Decimal | int = 0, max_value: Decimal | int = 10**10,
            places: st.SearchStrategy[int] | None = None) -> st.SearchStrategy[Decimal]:
    """Exact Decimals of document-like size and precision (at most ``places`` decimals).

    >>> numbers().example() >= 0
    True
    """
    places = st.integers(0, 2) if places is None else places
    _strategy("places", places)
    lo, hi = Decimal(min_value), Decimal(max_value)
    if lo > hi:
        raise ValueError("min_value exceeds max_value")

    @st.composite
    def build(draw):
        p = draw(places)
        scale = Decimal(10) ** p
        n = draw(st.integers(int(lo * scale), int(hi * scale)))
        return (Decimal(n) / scale).normalize() if n else Decimal(0)

    return build().map(lambda d: d.quantize(Decimal(1)) if d == d.to_integral_value() else d)


def number_texts(*, values: st.SearchStrategy[Decimal] | None = None,
                 forms: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[tuple[Decimal, str]]:
    """(value, text) pairs: the same number written in one of :data:`NUMBER_FORMS`
    (3500, ３５００, 3,500, 0.35万, 三千五百, traditional 萬/兩).

    >>> value, text = number_texts(values=st.just(Decimal(11000)), forms=st.just("scaled")).example()
    >>> text
    '1.1万'
    """
    values = numbers() if values is None else values
    forms = st.sampled_from(NUMBER_FORMS) if forms is None else forms
    _strategy("values", values)
    _strategy("forms", forms)

    def write(pair):
        v, form = pair
        plain = format(v, "f")
        if form == "fullwidth":
            return v, plain.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789."})
        if form == "separators" and v == v.to_integral_value() and v >= 1000:
            return v, f"{int(v):,}"
        if form == "scaled" and v >= 10000:
            word, size = ("亿", 10**8) if v >= 10**8 else ("万", 10**4)
            return v, format((v / size).normalize(), "f") + word
        if form in ("chinese", "traditional") and v == v.to_integral_value() and v < 10**8:
            text = to_chinese(int(v))
            return v, text.translate(_TRAD_DIGITS) if form == "traditional" else text
        return v, plain

    return st.tuples(values, forms).map(write)


def units(*, group: str | None = None, dimension: str | None = None,
          exclude: frozenset[str] = frozenset()) -> st.SearchStrategy[str]:
    """Canonical unit names from the registry, optionally of one group (classifier, measure,
    money, people, ratio, time, age) or of one pint dimension (``"[length]"``, ``"[mass]"``,
    ``"[length] ** 2"``, ``"[person]"``).

    >>> units(group="money").example() in {"元", "美元", "欧元", "港元", "日元"}
    True
    >>> sorted(set(units(dimension="[length]").example() for _ in range(200)))
    ['公里', '千米', '厘米', '毫米', '米']
    """
    if group is not None and not isinstance(group, str):
        raise TypeError("group must be a str such as 'classifier'")
    if dimension is not None and not isinstance(dimension, str):
        raise TypeError("dimension must be a str such as '[length]'")
    names = sorted({u.name for u in UNITS.values() if (group is None or u.group == group)} - set(exclude))
    if dimension is not None:
        from .units import pint_units, registry

        ureg = registry()
        want = ureg.get_dimensionality(dimension)
        names = [n for n in names if ureg.get_dimensionality(pint_units(n)) == want]
    if not names:
        raise ValueError(f"no units in group {group!r} with dimension {dimension!r}")
    return st.sampled_from(names)


def quantities(*, magnitudes: st.SearchStrategy[Decimal] | None = None,
               units: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Quantity]:
    """Quantity objects.

    >>> q = quantities(units=st.just("公里")).example()
    >>> q.unit, q.to("米").magnitude == q.magnitude * 1000
    ('公里', True)
    """
    magnitudes = numbers() if magnitudes is None else magnitudes
    units = _default_units() if units is None else units
    _strategy("magnitudes", magnitudes)
    _strategy("units", units)
    return st.builds(Quantity, magnitudes, units)


def _default_units():
    return units(exclude=frozenset({"倍"}))


def quantity_texts(*, magnitudes: st.SearchStrategy[Decimal] | None = None,
                   units: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[tuple[Quantity, str]]:
    """(Quantity, text) pairs in document style (format_quantity, or the number in another form
    followed by the unit).

    >>> from cnquant import parse_quantity
    >>> q, text = quantity_texts(units=st.just("个")).example()
    >>> parse_quantity(text) == q
    True
    """
    magnitudes = numbers() if magnitudes is None else magnitudes
    units = _default_units() if units is None else units
    _strategy("magnitudes", magnitudes)
    _strategy("units", units)

    @st.composite
    def build(draw):
        q = Quantity(draw(magnitudes), draw(units))
        if draw(st.booleans()) or q.unit in ("%", "‰", "百分点"):
            return q, format_quantity(q)
        forms = NUMBER_FORMS if q.unit not in _SCALE_NAMED else ("arabic", "fullwidth", "separators")
        _, number = draw(number_texts(values=st.just(q.magnitude), forms=st.sampled_from(forms)))
        return q, number + q.unit

    return build()


_METRICS = ("新增停车位", "新建口袋公园", "城镇新增就业", "改造老旧小区", "新增学位", "引进高层次人才", "建设绿道")
_LEVEL_UNITS = ("个", "家", "所", "条", "座", "张", "套", "人", "人次", "户", "公里", "亩", "平方米", "吨", "元")
_PREFIX = {">=": ("不少于", "不低于", "至少"), ">": ("超过", "突破", "高于"), "<=": ("不超过", "不高于"),
           "<": ("低于", "不足", "少于"), "≈": ("约",)}
_SUFFIX = {">=": ("以上",), "<=": ("以内", "以下"), "≈": ("左右",)}
_MODALITY = {None: ("",), "binding": ("确保", "保证"), "aspirational": ("力争", "争取", "力求")}


_OTHER_METRICS = {
    "rank": ("市区空气质量", "营商环境评价"),
    "relative": ("城乡居民人均可支配收入", "一般公共预算收入"),
    "direction": ("城乡居民收入倍差", "刑事案件数", "森林覆盖率", "物业服务投诉件数"),
    "special": ("信访积案", "慢性病一体化门诊", "全国文明村"),
    "change": ("规上工业企业研发机构设置率", "数字经济核心产业增加值占比"),
}
#: The measures :func:`target_texts` composes.
MEASURES = ("level", "change_rate", "change", "rank", "relative", "direction", "special")


def target_texts(*, metrics: st.SearchStrategy[str] | None = None,
                 values: st.SearchStrategy[Decimal] | None = None,
                 modalities: st.SearchStrategy[str | None] | None = None,
                 measures: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[tuple[dict, str]]:
    """(expected fields, phrase) pairs composed from modality word × metric × comparator word ×
    number form × unit, for every measure (level, change_rate, change, rank, relative,
    direction, special) and every comparator (between included). The expected dict has measure,
    comparator, value (Decimal, signed, or None), low, high, unit, modality, direction, reference
    and metric — what ``parse_target(phrase)`` must return. ``metrics`` applies to level and
    change_rate phrases; the other measures use indicator names that suit them.

    >>> fields, text = target_texts(measures=st.just("change_rate")).example()
    >>> fields["unit"]
    '%'
    """
    metrics = st.sampled_from(_METRICS) if metrics is None else metrics
    values = numbers(min_value=1, max_value=10**6) if values is None else values
    modalities = st.sampled_from(list(_MODALITY)) if modalities is None else modalities
    measures = st.sampled_from(MEASURES) if measures is None else measures
    for name, s in (("metrics", metrics), ("values", values), ("modalities", modalities), ("measures", measures)):
        _strategy(name, s)

    def fields(**kw):
        base = {"measure": "level", "comparator": None, "value": None, "low": None, "high": None, "unit": None,
                "modality": None, "direction": None, "reference": None, "metric": None}
        base.update(kw)
        return base

    @st.composite
    def build(draw):
        modality = draw(modalities)
        mod_word = draw(st.sampled_from(_MODALITY[modality]))
        measure = draw(measures)
        if measure not in MEASURES:
            raise ValueError(f"unknown measure {measure!r}; use one of {MEASURES}")
        if measure in _OTHER_METRICS:
            metric = draw(st.sampled_from(_OTHER_METRICS[measure]))
        else:
            metric = draw(metrics)
        value = draw(values)
        if measure == "rank":
            n = draw(st.integers(1, 20))
            if draw(st.booleans()):
                return fields(measure="rank", comparator="<=", value=Decimal(n), modality=modality,
                              metric=metric), f"{mod_word}{metric}保持在全国前{n}"
            return fields(measure="rank", comparator="==", value=Decimal(1), modality=modality,
                          metric=metric), f"{mod_word}{metric}保持全省第一"
        if measure == "relative":
            return (fields(measure="relative", comparator="≈", modality=modality, metric=metric, reference="经济增长"),
                    f"{mod_word}{metric}与经济增长基本同步")
        if measure == "direction":
            decrease = metric in ("城乡居民收入倍差", "刑事案件数", "物业服务投诉件数")
            verb = draw(st.sampled_from(("持续下降", "继续缩小", "稳步下降") if decrease else ("稳步提高", "持续提升")))
            return (fields(measure="direction", modality=modality, metric=metric,
                           direction="decrease" if decrease else "increase"), f"{mod_word}{metric}{verb}")
        if measure == "special":
            if metric == "信访积案":
                return fields(measure="special", comparator="==", value=Decimal(0), modality=modality,
                              metric=metric), f"{mod_word}{metric}化解清零"
            if metric == "全国文明村":
                return fields(measure="special", comparator=">=", value=Decimal(1), modality=modality,
                              metric=metric), f"{mod_word}{metric}实现零的突破"
            return (fields(measure="special", comparator="==", value=Decimal(100), unit="%", modality=modality,
                           metric=metric), f"{mod_word}实现{metric}全覆盖")
        comp = draw(st.sampled_from([None, ">=", ">", "<=", "<", "≈"] + (["between"] if measure == "level" else [])))
        if measure == "change":
            points = draw(numbers(min_value=1, max_value=20, places=st.integers(0, 1)))
            decrease = draw(st.booleans())
            verb = "下降" if decrease else "提高"
            suffix = "以上" if comp == ">=" else ""
            cmp_on_value = ">=" if not decrease else "<="
            return (fields(measure="change", comparator=cmp_on_value, value=-points if decrease else points,
                           unit="百分点", modality=modality, metric=metric,
                           direction="decrease" if decrease else "increase"),
                    f"{mod_word}{metric}{verb}{format(points, 'f')}个百分点{suffix}")
        where = draw(st.sampled_from(["prefix", "suffix"]))
        if comp in (">", "<"):
            where = "prefix"
        prefix = suffix = ""
        if comp not in (None, "between"):
            if where == "prefix" or comp not in _SUFFIX:
                prefix = draw(st.sampled_from(_PREFIX[comp]))
            else:
                suffix = draw(st.sampled_from(_SUFFIX[comp]))
        if measure == "change_rate":
            decrease = draw(st.booleans())
            verb = draw(st.sampled_from(("下降", "降低", "减少") if decrease else ("增长", "提高", "增加")))
            text = f"{mod_word}{metric}{verb}{prefix}{format(value, 'f')}%{suffix}"
            cmp_on_value = comp or ">="
            signed = value
            if decrease:
                signed = -value
                cmp_on_value = {">=": "<=", "<=": ">=", ">": "<", "<": ">"}.get(cmp_on_value, cmp_on_value)
            return (fields(measure="change_rate", comparator=cmp_on_value, value=signed, unit="%", modality=modality,
                           direction="decrease" if decrease else "increase", metric=metric), text)
        unit = draw(st.sampled_from(_LEVEL_UNITS))
        if comp == "between":
            high = value + draw(numbers(min_value=1, max_value=1000, places=st.just(0)))
            joiner = draw(st.sampled_from(("-", "至", "到", "~")))
            text = f"{mod_word}{metric}{format(value, 'f')}{joiner}{format(high, 'f')}{unit}"
            return (fields(comparator="between", low=value, high=high, unit=unit, modality=modality,
                           metric=metric), text)
        _, number = draw(number_texts(values=st.just(value),
                                      forms=st.sampled_from(("arabic", "fullwidth", "separators", "scaled"))))
        text = f"{mod_word}{metric}{prefix}{number}{unit}{suffix}"
        return fields(comparator=comp or ">=", value=value, unit=unit, modality=modality, metric=metric), text

    return build()


def targets(**kwargs):
    """Target objects (parsed from :func:`target_texts`, so every field is consistent); takes the
    keyword arguments of :func:`target_texts`.

    >>> targets(measures=st.just("rank")).example().measure.value
    'rank'
    """
    from .parse import parse_target

    return target_texts(**kwargs).map(lambda pair: parse_target(pair[1]))


def check_cases(*, values: st.SearchStrategy[Decimal] | None = None) -> st.SearchStrategy[tuple[str, str, str]]:
    """(target text, reported text, expected status) triples for level targets with every
    comparator, including the boundary itself (民法典 1259: 以上 includes, 超过 excludes).

    >>> t, r, status = check_cases().example()
    >>> status in ("met", "not_met")
    True
    """
    values = numbers(min_value=1, max_value=10**6) if values is None else values
    _strategy("values", values)
    rules = {
        "不少于": lambda r, v: r >= v, "以上": lambda r, v: r >= v, "": lambda r, v: r >= v,
        "超过": lambda r, v: r > v, "不超过": lambda r, v: r <= v, "以内": lambda r, v: r <= v,
        "低于": lambda r, v: r < v,
    }

    @st.composite
    def build(draw):
        v = draw(values)
        word = draw(st.sampled_from(sorted(rules)))
        unit = draw(st.sampled_from(("个", "人", "公里", "元")))
        delta = draw(st.sampled_from([Decimal(0), Decimal(1), Decimal(-1), Decimal("0.5"), Decimal("-0.5")]))
        r = v + delta
        metric = draw(st.sampled_from(_METRICS))
        if word in ("以上", "以内"):
            text = f"{metric}{format(v, 'f')}{unit}{word}"
        else:
            text = f"{metric}{word}{format(v, 'f')}{unit}"
        return text, f"{format(r, 'f')}{unit}", "met" if rules[word](r, v) else "not_met"

    return build()
