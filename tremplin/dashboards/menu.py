"""The figures the header's menu shows next to its links: what waits for the member.

Read after the page by htmx (dashboards:menu_counts), so no page pays for them: at most one small
count query per figure the member's capabilities allow, none for the others; the unread notifications
are counted for every member (one indexed count).
"""

from __future__ import annotations

from dataclasses import dataclass

from tremplin.accounts.roles import Capability


@dataclass(frozen=True)
class MenuCounts:
    observations: int | None = None  # observations passed on to the social staff, not yet read
    handovers: int | None = None  # handovers to this member, not yet taken into account
    applications: int | None = None  # the structure's applications still to send
    notifications: int = 0  # the member's unread notifications (every member has a centre)

    @property
    def people(self) -> int:
        return (self.observations or 0) + (self.handovers or 0)

    @property
    def jobs(self) -> int:
        return self.applications or 0

    @property
    def total(self) -> int:
        return self.people + self.jobs + self.notifications


def menu_counts(membership) -> MenuCounts:
    from tremplin.applications.models import Application, ApplicationStatus
    from tremplin.handover.models import Handover
    from tremplin.notifications.services import unread_count
    from tremplin.observations.models import Observation

    observations = handovers = applications = None
    if membership.can(Capability.EDIT_PEOPLE):
        observations = Observation.objects.inbox_of(membership).filter(acknowledged_at__isnull=True).count()
        handovers = Handover.objects.filter(
            structure_id=membership.structure_id, to_referent_id=membership.user_id, acknowledged_at__isnull=True
        ).count()
    if membership.can(Capability.MANAGE_JOB_COACHING):
        applications = Application.objects.filter(
            pathway__structure_id=membership.structure_id, status=ApplicationStatus.TO_APPLY
        ).count()
    return MenuCounts(observations, handovers, applications, unread_count(membership))
