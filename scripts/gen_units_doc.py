"""Write docs/units.md from units_zh.txt (run after editing the definitions file).

    python scripts/gen_units_doc.py
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from cnquant import units

GROUPS = {
    "ratio": "Ratios", "money": "Money", "measure": "Measures", "time": "Time", "age": "Age",
    "people": "People", "classifier": "Classifiers (量词)", "other": "Other",
}
INTRO = """# Units

Every unit cnquant knows is defined in `units_zh.txt` (a pint definitions file at the root of the
repository, shipped inside the package). This page is generated from it by
`scripts/gen_units_doc.py`; a test checks that every unit is listed here.

**What converts.** Units on the same base dimension convert exactly with `Quantity.to`:
公里 = 千米 = 1000 米, 亩 = 10000/15 平方米, 公顷 = 15 亩, 斤 = 0.5 千克, 吨 = 1000 千克,
万元 = 10000 元, 批次/千人 = 10 批次/万人. 人, 名 and 位 all count persons and convert 1:1.

**What never converts.** Each of these is its own dimension, and comparing across them raises
`IncompatibleUnitsError` (a `ParseError`, so a `ValueError`) instead of a verdict:
人 vs 人次 vs 户 (persons, visits, households); 元 vs 美元 vs 欧元 (no exchange rate);
every classifier against every other (个 vs 家 vs 所 …: they count different kinds of things);
日 vs 月 (a month is not a fixed number of days); % vs 百分点 (a percent is a ratio, a percentage
point a difference of two ratios); 吨标煤 vs 千瓦时 (which conversion method applies is a choice the
text does not make).

**Scale words** (十 百 千 万 亿 and their compounds 十万 百万 千万 十亿 百亿 千亿 万亿) multiply the
number and are not part of the unit: `1.1万个` is 11000 个. Units whose own name contains a scale
character keep it: 千米, 千克, 千瓦, 千伏, 千瓦时, 千分点.

Traditional spellings are aliases of the simplified unit (公裏 → 公里); the simplified name is what
`Quantity.unit` and `Target.unit` report.
"""


def render() -> str:
    """The text of docs/units.md."""
    text = units.definitions_text()
    by_group: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
    for group, parts in units.iter_definitions(text):
        if parts[0].endswith("-"):
            continue
        info = units.lookup(parts[0])
        aliases = [p for p in parts[2:] if p != "_" and p != info.name]
        if parts[0] != info.name:
            aliases.insert(0, parts[0])
        by_group[group].append((info.name, parts[1], aliases))
    out = [INTRO]
    for key, title in GROUPS.items():
        rows = by_group.get(key)
        if not rows:
            continue
        out.append(f"\n## {title}\n\n| unit | definition | also written |\n|---|---|---|")
        for name, definition, aliases in rows:
            out.append(f"| `{name}` | `{definition}` | {' '.join(aliases)} |")
    return "\n".join(out) + "\n"


def main() -> None:
    Path(__file__).resolve().parent.parent.joinpath("docs", "units.md").write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
