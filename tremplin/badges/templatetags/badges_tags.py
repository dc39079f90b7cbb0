from django import template

register = template.Library()


@register.filter
def badge_count(pathway) -> int:
    """Badges awarded on this pathway (one query per pathway; a person has few)."""
    return pathway.badge_awards.count()
