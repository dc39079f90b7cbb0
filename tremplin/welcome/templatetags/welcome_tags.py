from django import template

from ..services import Summary, summarise

register = template.Library()


@register.simple_tag
def welcome_summary(pathway) -> Summary | None:
    """The welcome summary of a pathway whose `welcome_steps` and `contracts` are prefetched (no query).

    None when the checklist is not open yet.
    """
    steps = pathway.welcome_steps.all()
    if not steps:
        return None
    starts = [c.start_date for c in pathway.contracts.all()]
    return summarise(steps, min(starts) if starts else None)
