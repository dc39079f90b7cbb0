import datetime

from tremplin.workshops.factories import ParticipantFactory, WorkshopFactory
from tremplin.workshops.services import participation_counts


def test_participation_counts_per_theme_and_period(structure, make_pathway, today):
    first, second = make_pathway("A", "Un"), make_pathway("B", "Deux")
    digital = WorkshopFactory(structure=structure, theme="digital", date=today - datetime.timedelta(days=3))
    again = WorkshopFactory(structure=structure, theme="digital", date=today - datetime.timedelta(days=1))
    culture = WorkshopFactory(structure=structure, theme="culture", date=today - datetime.timedelta(days=2))
    outside = WorkshopFactory(structure=structure, theme="culture", date=today - datetime.timedelta(days=60))
    ParticipantFactory(workshop=digital, pathway=first, attendance="present")
    ParticipantFactory(workshop=digital, pathway=second, attendance="absent")
    ParticipantFactory(workshop=again, pathway=first, attendance="present")
    ParticipantFactory(workshop=culture, pathway=second, attendance="excused")
    ParticipantFactory(workshop=outside, pathway=first, attendance="present")
    WorkshopFactory(theme="digital", date=today)  # another structure
    rows = participation_counts(structure, today - datetime.timedelta(days=30), today)
    assert rows == [
        {"theme": "digital", "label": "Compétences numériques", "workshops": 2, "participations": 2, "people": 1},
        {"theme": "culture", "label": "Culture", "workshops": 1, "participations": 0, "people": 0},
    ]
