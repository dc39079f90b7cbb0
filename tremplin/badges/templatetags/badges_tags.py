from django import template

register = template.Library()


@register.filter
def pathway_awards(pathway) -> list:
    """The badges awarded on this pathway, most recent first. The person page prefetches them
    (people.views._detail_pathways: "badge_awards__achievement"); elsewhere, one query."""
    if "badge_awards" in getattr(pathway, "_prefetched_objects_cache", {}):
        return sorted(pathway.badge_awards.all(), key=lambda award: award.awarded_at, reverse=True)
    return list(pathway.badge_awards.select_related("achievement").order_by("-awarded_at"))
