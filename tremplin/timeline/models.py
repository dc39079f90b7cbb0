"""The pathway's timeline: one denormalised row per thing that happened.

Events are written when their source is saved (signals.py) and can be rebuilt
(`rebuild_timeline`). A row holds codes, dates, ids and staff names only — never
the person's free text — and the sentence is written at display time in the
reader's language, so one page of events is one query whatever the history.
"""

import datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tremplin.core.visibility import Visibility, VisibilityQuerySet


class EventKind(models.TextChoices):
    STATUS_CHANGE = "status_change", _("Changements de statut")
    CONTRACT = "contract", _("Contrats")
    INTERVIEW = "interview", _("Entretiens")
    OBSERVATION = "observation", _("Observations de chantier")
    PLAN_REVIEW = "plan_review", _("Revues du plan d'action")
    BARRIER_CHANGE = "barrier_change", _("Freins")
    ACTION_DONE = "action_done", _("Actions réalisées")
    WELCOME_STEP = "welcome_step", _("Étapes d'accueil")
    EVALUATION = "evaluation", _("Évaluations de compétences")
    BADGE = "badge", _("Badges")
    ORIENTATION = "orientation", _("Orientations vers des partenaires")
    REVIEW_DECISION = "review_decision", _("Décisions de réunions d'équipe")
    WORKSHOP = "workshop", _("Ateliers collectifs")
    APPLICATION = "application", _("Candidatures")
    IMMERSION = "immersion", _("Immersions en entreprise")
    EXIT = "exit", _("Sortie")
    FOLLOW_UP = "follow_up", _("Suivi après sortie")
    MESSAGE = "message", _("Messages à la personne")


class TimelineEvent(models.Model):
    pathway = models.ForeignKey("pathways.Pathway", on_delete=models.CASCADE, related_name="timeline_events")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="+")
    occurred_at = models.DateTimeField(_("le"))
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    # The variant within the source (a contract is signed, then ended): one event per source and variant.
    variant = models.CharField(max_length=20, blank=True, editable=False)
    # Codes, dates, ids, staff names: never free text about the person (see module docstring).
    data = models.JSONField(default=dict, blank=True)
    visibility = models.CharField(_("visibilité"), max_length=30, choices=Visibility.choices)
    # The source's model label ("interviews.interview"): a content type without a lookup query on every save.
    source_type = models.CharField(max_length=60, editable=False)
    # The source's public_id, or its primary key for records that have none (status and barrier changes).
    source_id = models.CharField(max_length=40, editable=False)

    objects = VisibilityQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("événement de la chronologie")
        verbose_name_plural = _("événements de la chronologie")
        indexes = [models.Index(fields=["pathway", "occurred_at"], name="timeline_pathway_at")]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "variant"], name="timeline_one_event_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.occurred_at:%Y-%m-%d}"

    def describe(self) -> str:
        """The sentence, in the reader's language, from the stored codes."""
        return describe(self.kind, self.variant, self.data or {})


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def _day(value) -> str:
    if not value:
        return ""
    try:
        return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    except ValueError:
        return ""


def describe(kind: str, variant: str, data: dict) -> str:  # noqa: C901 - one branch per kind reads best
    from tremplin.action_plan.models import Section
    from tremplin.barriers.models import BarrierDomain, BarrierStatus
    from tremplin.contracts.models import EarlyEndReason
    from tremplin.interviews.models import Attendance
    from tremplin.interviews.models import Kind as InterviewKind
    from tremplin.observations.models import Category
    from tremplin.pathways.models import Status

    if not data:
        # Anonymised: the codes went with the person's identity.
        return _label(EventKind, kind)
    if kind == EventKind.STATUS_CHANGE:
        if data.get("from"):
            return gettext("Statut : %(from)s → %(to)s") % {
                "from": _label(Status, data["from"]),
                "to": _label(Status, data.get("to")),
            }
        return gettext("Parcours ouvert, statut : %(to)s") % {"to": _label(Status, data.get("to"))}
    if kind == EventKind.CONTRACT:
        values = {"start": _day(data.get("start")), "end": _day(data.get("end"))}
        if variant == "renewed":
            return gettext("Contrat renouvelé, du %(start)s au %(end)s") % values
        if variant == "ended_early":
            return gettext("Contrat rompu avant terme le %(end)s (%(reason)s)") % {
                "end": _day(data.get("ended_on")),
                "reason": _label(EarlyEndReason, data.get("reason")) or gettext("motif non précisé"),
            }
        if variant == "completed":
            return gettext("Contrat arrivé à son terme le %(end)s") % values
        return gettext("Contrat signé, du %(start)s au %(end)s") % values
    if kind == EventKind.INTERVIEW:
        text = gettext("%(kind)s tenu") % {"kind": _label(InterviewKind, data.get("kind")).capitalize()}
        if data.get("attendance"):
            text += " — " + _label(Attendance, data["attendance"])
        return text
    if kind == EventKind.OBSERVATION:
        text = gettext("Observation de chantier : %(category)s") % {"category": _label(Category, data.get("category"))}
        if data.get("flagged"):
            text += " — " + gettext("signalée à l'équipe sociale")
        return text
    if kind == EventKind.PLAN_REVIEW:
        if data.get("next"):
            return gettext("Revue du plan d'action ; prochaine revue le %(next)s") % {"next": _day(data["next"])}
        return gettext("Revue du plan d'action")
    if kind == EventKind.BARRIER_CHANGE:
        domain = _label(BarrierDomain, data.get("domain"))
        if data.get("from"):
            return gettext("Frein « %(domain)s » : %(from)s → %(to)s") % {
                "domain": domain,
                "from": _label(BarrierStatus, data["from"]),
                "to": _label(BarrierStatus, data.get("to")),
            }
        return gettext("Frein « %(domain)s » : %(to)s") % {
            "domain": domain,
            "to": _label(BarrierStatus, data.get("to")),
        }
    if kind == EventKind.ACTION_DONE:
        return gettext("Action réalisée (%(section)s)") % {"section": _label(Section, data.get("section"))}
    if kind == EventKind.WELCOME_STEP:
        return gettext("Étape d'accueil réalisée")
    from .registry import describer_for

    describer = describer_for(kind)
    if describer is not None:
        return describer(variant, data)
    return _label(EventKind, kind)
