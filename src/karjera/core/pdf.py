"""PDF rendering with WeasyPrint and the bundled DejaVu font, so every machine renders the same glyphs."""
from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

FONT_DIR = Path(__file__).resolve().parent / "static" / "karjera" / "fonts"


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # imported lazily: it is heavy and only the report needs it

    html = render_to_string(template, {**context, "font_dir": FONT_DIR.as_uri()})
    return HTML(string=html, base_url=str(FONT_DIR)).write_pdf()
