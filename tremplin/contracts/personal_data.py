"""What the contracts app holds about a person: contracts and suspensions (decision 0010).
Positions, hours and dates stay after anonymisation for the structure's figures."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="contracts.Contract",
        person_path="pathway__person",
        timeline=TimelineSource("tremplin.timeline.builders.contract_events", ("pathway", "signed_by")),
        part="contract",
        erase={"reduced_hours_reason": "", "early_end_comment": "", "cancellation_reason": ""},
        export=ExportSection("contracts", ordering=("start_date", "pk")),
        history=True,
    ),
    PersonalData(
        model="contracts.Suspension",
        person_path="contract__pathway__person",
        part="suspension",
        erase={"reason": ""},
        export=ExportSection("suspensions", ordering=("start_date", "pk")),
        history=True,
    ),
]
