"""What the messaging app holds about a person: the messages sent to them and how they wish to be reached
(decision 0010)."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="messaging.Message",
        person_path="person",
        timeline=TimelineSource("tremplin.messaging.timeline.message_events", ("pathway", "person")),
        part="message",
        erase={"body": "", "subject": "", "recipient": "", "reason": ""},
        export=ExportSection("messages", ordering=("created_at", "pk"), exclude=("idempotency_key",)),
    ),
    PersonalData(
        model="messaging.ContactPreference",
        person_path="person",
        part="contact_preference",
        erase={"mobile": ""},
        export=ExportSection("contact_preference", single=True),
    ),
]
