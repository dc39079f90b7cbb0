from django import template
from django.utils import timezone

from ..services import next_interview_due

register = template.Library()


@register.simple_tag
def next_interview(pathway) -> dict:
    """{due, overdue} for a pathway, counting only the interviews prefetched for the reader
    (`visible_interviews`); without that prefetch nothing is shown, so no reader learns more than they may."""
    if getattr(pathway, "visible_interviews", None) is None:
        return {"due": None, "overdue": False}
    due = next_interview_due(pathway)
    return {"due": due, "overdue": due is not None and due < timezone.localdate()}
