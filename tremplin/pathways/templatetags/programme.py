from django import template

from tremplin.pathways.sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def programme_sections(context, pathway, current: str = ""):
    """`{% programme_sections pathway current as sections %}`: the tabs the viewer may open (no query)."""
    return sections_for(pathway, context.get("caps") or {}, current)
