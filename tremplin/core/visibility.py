"""Visibility levels of notes and documents, and the one way lists filter by them.

One definition for the whole product: a note, an interview record, an
observation or a document carries one of these levels, and every page,
list, search, export and PDF filters with `.visible_to(reader)` (models whose
queryset is a `VisibilityQuerySet`). Who reads which level is the roles' rule
(`accounts.Membership.readable_levels`, decision 0008): core knows no roles.
"""

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    SOCIAL_STAFF_ONLY = "social_staff_only", _("équipe sociale uniquement")
    WHOLE_TEAM = "whole_team", _("toute l'équipe")
    SHAREABLE_WITH_PARTNERS = "shareable_with_partners", _("partageable avec les partenaires")


# What the rest of the team reads (everything but the social staff's notes), and what a partner reads.
TEAM_LEVELS = frozenset({Visibility.WHOLE_TEAM, Visibility.SHAREABLE_WITH_PARTNERS})
PARTNER_LEVELS = frozenset({Visibility.SHAREABLE_WITH_PARTNERS})
ALL_LEVELS = frozenset(Visibility)


@runtime_checkable
class Reader(Protocol):
    """Whoever reads levelled items: a membership says which levels it reads."""

    @property
    def readable_levels(self) -> frozenset[str]: ...


def levels_readable(*, social_staff: bool) -> frozenset[str]:
    """The levels a member reads: all of them for the social staff, the team's levels for the others."""
    return ALL_LEVELS if social_staff else TEAM_LEVELS


def visibilities_for(reader: Reader | Iterable[str]) -> frozenset[str]:
    """Levels `reader` may read, once they may see the person at all.

    `reader` is a membership (or anything with `readable_levels`), or the levels themselves: a partner's
    page passes `PARTNER_LEVELS`, and a service handed the levels passes them on unchanged.
    """
    if isinstance(reader, Reader):
        return frozenset(reader.readable_levels)
    return frozenset(reader)


def visible_q(reader: Reader | Iterable[str]) -> models.Q:
    """The condition behind `visible_to`, for querysets that are not a model's own (history tables),
    or to exclude what a reader may not see."""
    return models.Q(visibility__in=sorted(visibilities_for(reader)))


class VisibilityQuerySet(models.QuerySet):
    """Base of the queryset of every model with a `visibility` field."""

    def visible_to(self, reader: Reader | Iterable[str]) -> "VisibilityQuerySet":
        """Only the rows at a level `reader` reads (see `visibilities_for`)."""
        return self.filter(visible_q(reader))


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
