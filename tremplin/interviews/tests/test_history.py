import pytest

from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Interview
from tremplin.people.history import forget_history

pytestmark = pytest.mark.django_db


def test_changes_are_kept_and_forgotten_with_the_person(pathway):
    interview = InterviewFactory(pathway=pathway, notes="Premier point")
    interview.notes = "Second point"
    interview.save()
    assert interview.history.count() == 2

    forget_history(pathway.person_id)

    assert not Interview.history.filter(pathway_id=pathway.pk).exists()
