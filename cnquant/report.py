"""A self-contained HTML report (no plotting dependency): the text with its numbers marked by role,
and a bar chart of completion by target drawn as inline SVG."""
from __future__ import annotations

import html
from decimal import Decimal

__all__ = ["write_report", "completion_chart"]

_COLOURS = {"met": "#2e7d32", "not_met": "#c62828", "indeterminate": "#9e9e9e", "error": "#6d4c41"}


def completion_chart(labels: list[str], rates: list[Decimal | None], statuses: list[str]) -> str:
    """An SVG bar chart: one bar per target, the 100% line marked; targets without a completion
    rate are listed with their status instead of a bar."""
    width, bar_h, gap, left = 760, 18, 6, 220
    scale_max = max([Decimal(1)] + [r for r in rates if r is not None]) * Decimal("1.1")
    height = len(labels) * (bar_h + gap) + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="12" role="img" aria-label="completion by target">']
    plot_w = width - left - 80
    x100 = left + float(Decimal(plot_w) / scale_max)
    for i, (label, rate, status) in enumerate(zip(labels, rates, statuses)):
        y = 20 + i * (bar_h + gap)
        parts.append(f'<text x="{left - 8}" y="{y + 13}" text-anchor="end">{html.escape(label[:16])}</text>')
        colour = _COLOURS.get(status, "#607d8b")
        if rate is None:
            parts.append(f'<text x="{left + 4}" y="{y + 13}" fill="{colour}">{html.escape(status)} (no rate)</text>')
            continue
        w = float(Decimal(plot_w) * rate / scale_max)
        parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}"/>')
        parts.append(f'<text x="{left + w + 4:.1f}" y="{y + 13}">{rate * 100:.1f}%</text>')
    parts.append(f'<line x1="{x100:.1f}" y1="10" x2="{x100:.1f}" y2="{height - 10}" stroke="#333" '
                 'stroke-dasharray="4 3"/>')
    parts.append(f'<text x="{x100:.1f}" y="{height - 2}" text-anchor="middle">100%</text></svg>')
    return "".join(parts)


def _marked_text(text: str, mentions) -> str:
    out, k = [], 0
    for m in sorted(mentions, key=lambda m: m.span[0]):
        a, b = m.span
        if a < k:
            continue
        out.append(html.escape(text[k:a]))
        cls = "target" if m.target is not None else "other"
        out.append(f'<mark class="{cls}" title="{html.escape(m.role + ": " + m.reason)}">{html.escape(text[a:b])}</mark>')
        k = b
    out.append(html.escape(text[k:]))
    return "".join(out).replace("\n", "<br>")


def write_report(path: str, *, text: str, mentions, table, results) -> None:
    """Write the demo report to ``path``."""
    labels = [str(x) for x in table["任务"].tolist()]
    verdicts = [r.get("_verdict") for r in results]
    rates = [None if v is None else v.completion for v in verdicts]
    statuses = [r["状态"] for r in results]
    rows = "".join(
        f"<tr><td>{html.escape(str(row['序号']))}</td><td>{html.escape(str(row['任务']))}</td>"
        f"<td>{html.escape(str(row['目标']))}</td><td>{html.escape(str(row['完成']))}</td>"
        f"<td>{html.escape(r['完成率'])}</td><td class='{r['状态']}'>{html.escape(r['状态'])}</td>"
        f"<td>{html.escape(r['说明'])}</td></tr>"
        for (_, row), r in zip(table.iterrows(), results))
    doc = f"""<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>cnquant report</title>
<style>body{{font-family:sans-serif;max-width:980px;margin:2em auto;line-height:1.6}}
mark.target{{background:#c8e6c9}} mark.other{{background:#eeeeee}} table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:2px 6px}} .met{{color:#2e7d32}} .not_met{{color:#c62828}}
.indeterminate{{color:#757575}}</style></head><body>
<h1>cnquant report</h1>
<h2>Text, with every number marked</h2><p>Green: targets; grey: numbers that are not targets
(hover for the reason).</p><p>{_marked_text(text, mentions)}</p>
<h2>Completion by target</h2>{completion_chart(labels, rates, statuses)}
<h2>Year-end review</h2><table><tr><th>序号</th><th>任务</th><th>目标</th><th>完成</th><th>完成率</th>
<th>状态</th><th>说明</th></tr>{rows}</table></body></html>"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)
