"""A compiled shortcut for the most common phrase shape, giving the same Target as the full reader.

Most target phrases are one indicator, an optional verb and comparator word, one number and a
unit: 新增停车位3500个, 确保城镇登记失业率控制在3.5%以内, 地区生产总值增长6%左右. One regular
expression recognizes that shape; when it matches and nothing in the phrase could bring another
rule of the reader into play (a rate after 每, a Chinese numeral, a 分别 list, a pattern word such
as 清零 or 全国前…), the Target is built directly. Anything else returns None and goes through
:mod:`cnquant.reader`. tests/test_fastpath.py checks, on every phrase of the fixture tables and on
generated phrases, that the shortcut and the reader give equal Targets.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .lexicon import LEX
from .normalize import normalize
from .numerals import EXACT, SCALES, _plain
from .quantity import Quantity
from .reader import strip_span
from .target import _COMPARATOR_OF, _MODALITY_OF, Comparator, Direction, Measure, Target
from .tolerance import TolerancePolicy
from .units import UNIT_RE, UNITS
from .wordregex import word_pattern

__all__ = ["fast_target"]


_alt = word_pattern


_UNITS = {name: info.name for name, info in UNITS.items()
          if info.group in ("classifier", "people", "measure", "money") or info.name == "%"}
_UNITS = {k: v for k, v in _UNITS.items() if v not in LEX.attribute_units}
_FAST = re.compile(
    "(?P<mod>" + _alt(LEX.modality_words) + ")?"
    r"(?P<metric>[\u4e00-\u9fff“”()]{0,40}?)"
    "(?P<verb>" + _alt(list(LEX.level_verbs) + list(LEX.change_verbs)) + ")?"
    "(?P<pre>" + _alt(LEX.prefix_words) + ")?"
    r"(?P<num>\d{1,15}(?:\.\d{1,10})?)(?P<scale>万亿|亿|万)?"
    "(?P<unit>" + _alt(_UNITS) + ")"
    "(?P<suf>" + _alt(LEX.suffix_words) + ")?")
# Anything in the indicator that another rule of the reader would act on sends the phrase there.
_BAD_METRIC = re.compile("[每第分|]|" + _alt(list(LEX.modality_words) + ["领先"]) + "|" + LEX.special_trigger.pattern)
_BAD_END = re.compile("(?:" + _alt(list(LEX.fillers) + list(LEX.comparison_base) + list(LEX.annualized)
                                  + list(LEX.respectively) + list(LEX.each) + list(LEX.rate_nouns)) + ")$|"
                      + LEX.comparison_base_re.pattern)
_NUMERAL_RUN = re.compile("[零〇○一二两三四五六七八九十百千万亿点]+")


def _numerals_are_words(s: str, a: int, b: int) -> bool:
    """True when every numeral character in s[a:b] is a lone character inside a word (一般, 八大),
    which the reader skips; a run, or a numeral before a unit (二次), is something it reads."""
    for m in _NUMERAL_RUN.finditer(s, a, b):
        if m.end() - m.start() > 1 or s[m.start()] == "点":
            if s[m.start()] == "点" and m.end() - m.start() == 1:
                continue
            return False
        e = m.end()
        if e < len(s) and (s[e] in "余多" or UNIT_RE.match(s, e) is not None):
            return False
    return True


def fast_target(raw: str, tolerance: TolerancePolicy) -> Target | None:
    """The Target of ``raw`` when it has the common shape, else None (use the full reader)."""
    s = normalize(raw)
    m = _FAST.fullmatch(s)
    if m is None:
        return None
    metric_raw = m.group("metric")
    if _BAD_METRIC.search(metric_raw) or _BAD_END.search(metric_raw) \
            or not _numerals_are_words(s, m.start("metric"), m.end("metric")):
        return None
    if LEX.rank_trigger.search(s) and any(p.regex.search(s) for p in LEX.rank):
        return None  # 保持全市前3位, 排名前移3位: a rank pattern
    if metric_raw.endswith("的") and any(w in metric_raw for w in LEX.share_of):
        return None  # 达到“浙丽保”参保人数的60%: a share of another indicator
    verb, pre, suf = m.group("verb"), m.group("pre"), m.group("suf")
    if verb is None and m.group("unit") in ("%", "‰"):
        v = LEX.change_verbs.starting_at(s, m.start("metric"), m.end("metric"))
        if metric_raw.endswith(LEX.amount_heads) or (v is not None and len(v) >= 2):
            return None  # 地区生产总值6%, 压减…支出10%: a growth or a fall (the reader decides)
    if suf and LEX.suffix_comparator(s, m.start("suf"), len(s)) != suf:
        return None
    num_start = m.start("num")
    unit_name = m.group("unit")
    unit = _UNITS[unit_name]
    if LEX.prefix_comparator(s, m.start("metric"), num_start) != pre:
        return None  # 约1000人: the comparator word is all there is before the number
    # the verb the reader would take: the longest level verb ending before the comparator/number,
    # else the longest change verb when the unit is %
    k = m.start("pre") if pre else num_start
    expected = LEX.level_verbs.ending_at(s, m.start("metric"), k)
    if expected is None:
        cv = LEX.change_verbs.ending_at(s, m.start("metric"), k)
        expected = cv if (cv and unit == "%") else None
        if cv and unit != "%":
            return None  # 增加3500个: the reader may keep the verb in the metric
    if expected != verb:
        return None
    if pre is None and LEX.multi_prefix_re.search(s, max(0, num_start - 14), num_start):
        return None  # 至多设置3个: a comparator word a verb away from the number
    prefix_start = m.start("verb") if verb else (m.start("pre") if pre else num_start)
    metric = strip_span(s, m.start("metric"), prefix_start) or (prefix_start, prefix_start)  # 34处: none
    cues = []
    mod = m.group("mod")
    if mod:
        cues.append(m.span("mod"))
    measure, sign = Measure.LEVEL, 1
    if verb:
        if verb not in LEX.quiet_level_verbs:
            cues.append(m.span("verb"))
        if verb in LEX.change_verbs and verb not in LEX.level_verbs:
            measure = Measure.CHANGE_RATE
            sign = -1 if verb in LEX.decrease else 1
    if pre:
        cues.append(m.span("pre"))
    if suf:
        cues.append(m.span("suf"))
    comp = None
    if pre:
        comp = LEX.prefix_comparators[pre]
    if suf:
        comp = LEX.suffix_comparators[suf]
    metric_text = raw[metric[0]:metric[1]].strip()
    if comp is None:
        lower = LEX.lower_is_better_word(metric_text) if measure is Measure.LEVEL and metric_text else None
        if measure is Measure.LEVEL and verb in LEX.level_verbs_down:
            comp = "<="
        elif lower:
            comp = "<="
            j = s.find(lower, metric[0], metric[1])
            if j != -1:
                cues.append((j, j + len(lower)))
        else:
            comp = ">="
    value = Decimal(m.group("num"))
    if m.group("scale"):
        value = EXACT.multiply(value, SCALES[m.group("scale")])
    value = _plain(value)
    direction = None
    if measure is Measure.CHANGE_RATE:
        direction = Direction.DECREASE if sign < 0 else Direction.INCREASE
    comparator = _COMPARATOR_OF[comp]
    if sign < 0:
        value = -value
        comparator = comparator.mirrored()
    tol = tolerance.for_unit(unit) if comparator is Comparator.APPROX else None
    start = 0 if mod else min(prefix_start, num_start, metric[0])
    words = []
    for a, b in sorted(set(cues)):
        w = raw[a:b]
        if w and w not in words:
            words.append(w)
    return Target(
        measure=measure, comparator=comparator,
        value=Quantity(value, unit, text=raw[num_start:m.end("unit")]), unit=unit, tolerance=tol,
        modality=_MODALITY_OF[LEX.modality_words[mod]] if mod else None, direction=direction,
        metric=metric_text or None, cues=tuple(words), text=raw[start:len(raw)], span=(start, len(raw)),
    )
