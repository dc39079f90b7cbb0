"""Demo: each demo structure ran two workshops (with attendance) and has one planned next week."""

import datetime

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Pathway, Status

from . import services
from .models import Attendance, Theme


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        staff = {
            m.role: m.user
            for m in Membership.objects.filter(structure=structure, is_active=True)
            .select_related("user")
            .order_by("-pk")
        }
        by = staff.get(Role.COUNSELLOR) or staff.get(Role.DIRECTOR)
        if by is None:
            continue
        pathways = list(Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT).order_by("pk")[:8])
        plans = [
            (Theme.DIGITAL, "Créer et utiliser sa boîte mail", -14, {"facilitator_user": by}),
            (
                Theme.WELL_BEING,
                "Gestion du stress et sommeil",
                -4,
                {"facilitator_name": "Infirmière du centre de santé"},
            ),
            (
                Theme.LIVING_TOGETHER,
                "Conseil de chantier : règles de vie",
                7,
                {"facilitator_user": staff.get(Role.SUPERVISOR) or by},
            ),
        ]
        for theme, title, days, facilitator in plans:
            workshop = services.plan_workshop(
                structure=structure,
                by=by,
                theme=theme,
                title=title,
                date=today + datetime.timedelta(days=days),
                start_time=datetime.time(10, 0),
                end_time=datetime.time(12, 0),
                place="Salle collective",
                notes="",
                notes_visibility="whole_team",
                **facilitator,
            )
            if not pathways:
                continue
            invited = services.invite(workshop, rng.sample(pathways, min(len(pathways), 6)))
            if days < 0:
                weights = [Attendance.PRESENT] * 4 + [Attendance.EXCUSED, Attendance.ABSENT]
                services.record_attendance(workshop, {p.pk: rng.choice(weights) for p in invited}, by=by)
