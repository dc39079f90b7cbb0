"""What a token may reach: one scope per area and level ("people:read", "job_offers:write").

A write scope includes the read of its area (a created offer is answered with its content). The scopes
narrow a token below its membership, never beyond: the role's capabilities and visibility still apply.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    PEOPLE = "people", _("personnes")
    PATHWAYS = "pathways", _("parcours")
    PLAN = "plan", _("plans d'action")
    APPOINTMENTS = "appointments", _("rendez-vous et entretiens")
    INDICATORS = "indicators", _("indicateurs de la structure")
    JOB_OFFERS = "job_offers", _("offres d'emploi")


READ = "read"
WRITE = "write"
# Areas the API writes to; the others are read only.
WRITABLE = (Area.APPOINTMENTS, Area.JOB_OFFERS)


def scope(area: str, level: str) -> str:
    return f"{area}:{level}"


ALL_SCOPES: tuple[str, ...] = tuple([scope(area, READ) for area in Area] + [scope(area, WRITE) for area in WRITABLE])


def grants(scopes, area: str, level: str) -> bool:
    """Whether `scopes` reach `area` at `level` (write includes read)."""
    held = set(scopes)
    if scope(area, WRITE) in held:
        return True
    return level == READ and scope(area, READ) in held


def label(value: str) -> str:
    area, level = value.split(":", 1)
    verb = _("lecture") if level == READ else _("écriture")
    return f"{Area(area).label} ({verb})"
