"""Which tone of badge each status of a pathway, contract, action, objective or application takes.

The tone only reinforces the words: a badge always prints the status's label (docs/design-system.md,
"Status badges"). A status missing here is caught by the tests (every choice is mapped).
"""

from __future__ import annotations

from django.db.models import TextChoices

NEUTRAL, INFO, OK, WARNING, DANGER = "neutral", "info", "ok", "warning", "danger"
TONES = (NEUTRAL, INFO, OK, WARNING, DANGER)


def _kinds() -> dict[str, tuple[type[TextChoices], dict[str, str]]]:
    from tremplin.action_plan.models import ActionStatus, ObjectiveStatus
    from tremplin.applications.models import ApplicationStatus
    from tremplin.contracts.models import ContractStatus
    from tremplin.pathways.models import Status

    return {
        "pathway": (
            Status,
            {
                Status.CANDIDATE: NEUTRAL,
                Status.ELIGIBLE: INFO,
                Status.NOT_ELIGIBLE: DANGER,
                Status.IN_CONTRACT: OK,
                Status.EXITED: NEUTRAL,
                Status.FOLLOW_UP: INFO,
                Status.CLOSED: NEUTRAL,
                Status.WITHDRAWN: DANGER,
            },
        ),
        "contract": (
            ContractStatus,
            {
                ContractStatus.PLANNED: INFO,
                ContractStatus.ACTIVE: OK,
                ContractStatus.SUSPENDED: WARNING,
                ContractStatus.ENDED_EARLY: DANGER,
                ContractStatus.COMPLETED: NEUTRAL,
                ContractStatus.RENEWED: NEUTRAL,
                ContractStatus.CANCELLED: NEUTRAL,
            },
        ),
        "action": (
            ActionStatus,
            {
                ActionStatus.PLANNED: NEUTRAL,
                ActionStatus.IN_PROGRESS: INFO,
                ActionStatus.DONE: OK,
                ActionStatus.CANCELLED: NEUTRAL,
            },
        ),
        "objective": (
            ObjectiveStatus,
            {
                ObjectiveStatus.IN_PROGRESS: INFO,
                ObjectiveStatus.ACHIEVED: OK,
                ObjectiveStatus.PARTLY_ACHIEVED: WARNING,
                ObjectiveStatus.NOT_ACHIEVED: DANGER,
                ObjectiveStatus.ABANDONED: NEUTRAL,
            },
        ),
        "application": (
            ApplicationStatus,
            {
                ApplicationStatus.TO_APPLY: WARNING,
                ApplicationStatus.APPLIED: INFO,
                ApplicationStatus.INTERVIEW: INFO,
                ApplicationStatus.HIRED: OK,
                ApplicationStatus.REFUSED: DANGER,
                ApplicationStatus.WITHDRAWN: NEUTRAL,
            },
        ),
    }


# The kind of each model whose `status` field a badge shows.
MODEL_KINDS = {
    "pathways.Pathway": "pathway",
    "contracts.Contract": "contract",
    "action_plan.Action": "action",
    "action_plan.Objective": "objective",
    "applications.Application": "application",
}


def kinds() -> dict[str, tuple[type[TextChoices], dict[str, str]]]:
    """Every kind with its choices and tones (read by the tests and the docs)."""
    return _kinds()


def badge_for(value: str, kind: str) -> tuple[str, str]:
    """(tone, label) of a status value of a kind; an unknown value shows as itself, neutral."""
    choices, tones = _kinds()[kind]
    try:
        label = choices(value).label
    except ValueError:
        return NEUTRAL, str(value)
    return tones.get(value, NEUTRAL), label
