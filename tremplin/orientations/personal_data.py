"""What the orientations app holds about a person: orientations to partners, their steps and the shares
they opened (decision 0010). Dates, statuses and partners stay for the figures; nothing stays shared."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource


def _end_shares(shares) -> None:
    shares.filter(ended_on__isnull=True).update(ended_on=timezone.localdate())


DECLARATIONS = [
    PersonalData(
        model="orientations.Orientation",
        person_path="pathway__person",
        part="orientation",
        erase={"reason": "", "outcome": ""},
        export=ExportSection("orientations", ordering=("created_at", "pk")),
        history=True,
    ),
    PersonalData(
        model="orientations.OrientationStep",
        person_path="orientation__pathway__person",
        timeline=TimelineSource(
            "tremplin.orientations.timeline.step_events",
            ("orientation__pathway", "orientation__organisation", "orientation__barrier", "by"),
        ),
        part="orientation_step",
        erase={"note": ""},
        export=ExportSection("orientation_steps", ordering=("on", "pk")),
    ),
    PersonalData(
        model="orientations.Share",
        person_path="pathway__person",
        part="orientation_share",
        keep_reason=_("Le partenaire, ce qui a été partagé et quand : le partage s'arrête à l'anonymisation."),
        on_anonymise=_end_shares,
        export=ExportSection("shares", ordering=("started_on", "pk")),
        history=True,
    ),
]
