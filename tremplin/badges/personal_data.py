"""What the badges app holds about a person: the badges awarded to them (decision 0010). The signed
credential names the person only by a salted hash and stays verifiable; a revocation's reason goes."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="badges.Award",
        person_path="person",
        timeline=TimelineSource(
            "tremplin.badges.timeline.award_events", ("pathway", "achievement", "awarded_by", "revoked_by")
        ),
        part="badge_award",
        erase={"revocation_reason": ""},
        export=ExportSection("badges", exclude=("signing_key",), ordering=("awarded_at", "pk")),
    ),
]
