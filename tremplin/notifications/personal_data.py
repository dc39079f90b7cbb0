"""What the notifications app holds about a person: notifications whose title names them (decision 0010).
They are the staff's working reminders, deleted with the person."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="notifications.Notification",
        person_path="person",
        delete=True,
        export=ExportSection("staff_notifications", fields=("kind", "title", "url", "dedupe_key", "created_at")),
    ),
]
