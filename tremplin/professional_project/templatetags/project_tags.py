from django import template

from ..models import TargetJobStatus

register = template.Library()


@register.filter
def targeted_jobs(pathway) -> list:
    """Confirmed jobs first, then those to confirm, from prefetched `target_jobs` (no query)."""
    rank = {TargetJobStatus.CONFIRMED: 0, TargetJobStatus.TO_CONFIRM: 1}
    jobs = [job for job in pathway.target_jobs.all() if job.status in rank]
    return sorted(jobs, key=lambda job: rank[job.status])
