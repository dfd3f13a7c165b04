"""PDF rendering with WeasyPrint and the bundled DejaVu font, so every machine renders the same glyphs."""
from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

FONT_DIR = Path(__file__).resolve().parent / "static" / "karjera" / "fonts"


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # imported lazily: it is heavy and only the report needs it

    html = render_to_string(template, {**context, "font_dir": FONT_DIR.as_uri()})
    return HTML(string=html, base_url=str(FONT_DIR)).write_pdf()


def warm_up() -> None:
    """Render a one-line page with the bundled fonts, so that a worker's first real report does not pay
    for importing WeasyPrint and loading the fonts (about a second)."""
    from weasyprint import HTML

    face = (FONT_DIR / "DejaVuSans.ttf").as_uri()
    bold = (FONT_DIR / "DejaVuSans-Bold.ttf").as_uri()
    HTML(string=(
        f"<style>@font-face{{font-family:K;src:url({face})}}@font-face{{font-family:K;font-weight:700;src:url({bold})}}"
        "body{font-family:K}</style><p>Āā Čč Ēē <b>Ģģ Īī Ķķ</b> Ļļ Ņņ Šš Ūū Žž</p>"
    )).write_pdf()
