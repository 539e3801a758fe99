"""extract / explain: every target in running text, and every number accounted for.

>>> ts = extract("新增科技型中小企业300家以上,有效国家高新技术企业超600家。")
>>> [(t.metric, t.comparator.value, t.value.magnitude) for t in ts]
[('新增科技型中小企业', '>=', Decimal('300')), ('有效国家高新技术企业', '>', Decimal('600'))]
>>> [(m.text, m.role) for m in explain("为全市60岁以上老年人免费接种流感疫苗85.8万人次")]
[('为全市60岁以上老年人免费接种流感疫苗85.8万人次', 'target'), ('60岁以上', 'qualifier')]
"""
from __future__ import annotations

from .reader import ROLES, Mention, read
from .target import Target
from .tolerance import TolerancePolicy

__all__ = ["extract", "explain", "Mention", "ROLES"]


def extract(text: str, *, tolerance: TolerancePolicy | None = None, year: int | None = None) -> list[Target]:
    """Every target in a sentence, paragraph or whole document, in order, each with ``span``
    (offsets into ``text``) and ``metric``. Works on simplified and traditional script alike.

    ``year`` is the year the document plans for (a 2025 work report plans 2025): a sentence that
    opens with an earlier year (2024年,全区…) then reports results. Without it, a whole document's
    headings tell (2025年工作安排, 2024年工作回顾); a lone sentence has no plan year.

    >>> [t.span for t in extract("地区生产总值增长6%左右。")]
    [(0, 12)]
    >>> extract("2024年,实际使用外资3.6亿美元。", year=2025)
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"extract expects a str, not {type(text).__name__}")
    return [m.target for m in read(text, mode="text", tolerance=tolerance, year=year) if m.target is not None]


def explain(text: str, *, tolerance: TolerancePolicy | None = None, year: int | None = None) -> list[Mention]:
    """Every number of ``text`` (and every numberless target) with its role and the reason.

    Roles are the keys of :data:`ROLES`: target, qualifier, date, duration, code, ordinal, name,
    count, idiom, label, parenthetical, outcome, number, rank.

    >>> [(m.text, m.role) for m in explain("开工建设G228国道海曙段一期等12条道路")]
    [('G228', 'code'), ('一期', 'count'), ('12条道路', 'target')]
    """
    if not isinstance(text, str):
        raise TypeError(f"explain expects a str, not {type(text).__name__}")
    return read(text, mode="text", tolerance=tolerance, year=year)
