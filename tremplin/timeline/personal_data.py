"""What the timeline app holds about a person: events derived from their records (decision 0010).
The events stay (dates and kinds, for the figures); their codes and staff names go: a barrier's domain
(health, justice) says too much about someone."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="timeline.TimelineEvent",
        person_path="person",
        erase={"data": dict},
        export=ExportSection(
            "timeline", fields=("pathway", "occurred_at", "kind", "variant", "data"), ordering=("occurred_at", "pk")
        ),
    ),
]
