"""Visibility levels of notes and documents, and who reads each level.

One definition for the whole product: a note, an interview record, an
observation or a document carries one of these levels, and every page,
list, search, export and PDF filters with `visibilities_for`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.roles import Capability


class Visibility(models.TextChoices):
    SOCIAL_STAFF_ONLY = "social_staff_only", _("équipe sociale uniquement")
    WHOLE_TEAM = "whole_team", _("toute l'équipe")
    SHAREABLE_WITH_PARTNERS = "shareable_with_partners", _("partageable avec les partenaires")


def visibilities_for(membership) -> set[str]:
    """Levels a member may read, once they may see the person at all.

    The social staff (who edit people's files) and the data protection officer
    read everything; the rest of the team (technical supervisors, job coaches,
    administration) never reads what is kept for the social staff.
    """
    everyone = {Visibility.WHOLE_TEAM, Visibility.SHAREABLE_WITH_PARTNERS}
    if membership.can(Capability.EDIT_PEOPLE) or membership.can(Capability.MANAGE_PERSONAL_DATA):
        return everyone | {Visibility.SOCIAL_STAFF_ONLY}
    return everyone


# From the most to the least restrictive: a derived item takes the lowest rank of its sources.
RANK = {Visibility.SOCIAL_STAFF_ONLY: 0, Visibility.WHOLE_TEAM: 1, Visibility.SHAREABLE_WITH_PARTNERS: 2}


def most_restrictive(*levels: str | None) -> str:
    """The most restrictive of `levels` (blanks ignored); shareable with partners when none is given.

    An unknown value counts as « social staff only »: a typo never opens anything.
    """
    given = [level for level in levels if level]
    if not given:
        return Visibility.SHAREABLE_WITH_PARTNERS
    if any(level not in RANK for level in given):
        return Visibility.SOCIAL_STAFF_ONLY
    return min(given, key=RANK.__getitem__)


def is_looser(level: str, than: str) -> bool:
    """Whether `level` lets more people read than `than`."""
    return RANK.get(level, -1) > RANK.get(than, -1)
