from django import template

from tremplin.competences.progress import pathway_progression

register = template.Library()


@register.simple_tag
def pathway_progress_for_print(pathway):
    """The progression of `pathway` for the printable documents (completed sessions only)."""
    return pathway_progression(pathway)
