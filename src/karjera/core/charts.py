"""Accessible SVG charts rendered on the server: no script, and every chart has a text alternative.

The page shows the same figures as a table next to the chart; the SVG itself carries a title and a
description for screen readers.
"""
from __future__ import annotations

from html import escape


def bar_chart(bars: list[dict], title: str, description: str, width: int = 400, bar_height: int = 26) -> str:
    """Horizontal bars: each bar is {"label", "value", "max", "highlight"(optional)}.

    Drawn 400 units wide so that 16-unit text stays legible (about 12 px) on a 360 px phone.
    """
    label_w = 150
    value_w = 62
    gap = 12
    chart_w = width - label_w - value_w
    height = len(bars) * (bar_height + gap) + gap
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="chart-title chart-desc" class="chart" preserveAspectRatio="xMinYMin meet">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
    ]
    for i, bar in enumerate(bars):
        y = gap + i * (bar_height + gap)
        maximum = bar.get("max") or 1
        length = max(0.0, min(1.0, bar["value"] / maximum)) * chart_w
        fill = "#0b5cad" if bar.get("highlight") else "#6b8fb5"
        parts.append(
            f'<text x="0" y="{y + bar_height * 0.7:.1f}" font-size="16" fill="#1a1a1a">{escape(bar["label"])}</text>'
            f'<rect x="{label_w}" y="{y}" width="{chart_w}" height="{bar_height}" fill="#e8edf3" rx="4"/>'
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{fill}" rx="4"/>'
            f'<text x="{width - value_w + 8}" y="{y + bar_height * 0.7:.1f}" font-size="16" fill="#1a1a1a">'
            f'{escape(str(bar["value"]))}/{escape(str(maximum))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
