"""What the review meetings app holds about a person: their place on an agenda and the decisions taken
(decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="review_meetings.ReviewItem",
        person_path="pathway__person",
        part="review_item",
        keep_reason=_("Une réunion, un motif codé et si la personne est invitée : rien d'autre à effacer."),
        export=ExportSection("review_items"),
    ),
    PersonalData(
        model="review_meetings.ReviewDecision",
        person_path="item__pathway__person",
        timeline=TimelineSource(
            "tremplin.review_meetings.timeline.decision_events", ("pathway", "item__meeting", "decided_by")
        ),
        part="review_decision",
        erase={"text": ""},
        export=ExportSection("review_decisions"),
        history=True,
    ),
]
