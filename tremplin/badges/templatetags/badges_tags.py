from django import template

register = template.Library()


@register.filter
def pathway_awards(pathway) -> list:
    """The badges awarded on this pathway, most recent first (one query per pathway; a person has few)."""
    return list(pathway.badge_awards.select_related("achievement").order_by("-awarded_at"))
