"""The design system's template tags (docs/design-system.md)."""

from django import template
from django.utils.html import format_html

from tremplin.dashboards.status_badges import MODEL_KINDS, badge_for

register = template.Library()


@register.simple_tag
def status_badge(obj_or_value, kind: str = ""):
    """`{% status_badge pathway %}` or `{% status_badge "in_contract" "pathway" %}`: the status in words, in a badge
    whose tone (colour and border) only repeats what the words say."""
    if not kind:
        kind = MODEL_KINDS[obj_or_value._meta.label]
        value = obj_or_value.status
    else:
        value = obj_or_value
    tone, label = badge_for(value, kind)
    return format_html('<span class="badge badge-{} status-{}">{}</span>', tone, value, label)
