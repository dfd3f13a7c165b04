"""{% game_icon key label %}: one of the game's SVG icons (checked by the content loader when read)."""
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from karjera.game.views import game_content

register = template.Library()


@register.simple_tag
def game_icon(key, label="", size=64, css="game-icon"):
    """An icon with its name for screen readers, or hidden from them when ``label`` is empty (then the
    text next to it says the same)."""
    markup = game_content().icons.get(key or "")
    if not markup:
        return ""
    if label:
        return format_html('<svg class="{}" viewBox="0 0 64 64" width="{}" height="{}" role="img" aria-label="{}" '
                           'focusable="false"><title>{}</title>{}</svg>', css, size, size, label, label, mark_safe(markup))
    return format_html('<svg class="{}" viewBox="0 0 64 64" width="{}" height="{}" aria-hidden="true" focusable="false">{}</svg>',
                       css, size, size, mark_safe(markup))
