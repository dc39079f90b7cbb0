"""The demo records exits in several groups, with follow-ups recorded and others still due."""

import pytest
from django.utils import timezone

from tremplin.demo import builder
from tremplin.exits import demo
from tremplin.exits.models import Exit, FollowUp
from tremplin.exits.services import exit_indicators
from tremplin.pathways.models import Pathway, Status


@pytest.mark.django_db
def test_the_demo_fills_the_directors_indicators_and_leaves_follow_ups_due(monkeypatch):

    # Only the exits step on top of the structures, staff and pathways: it needs nothing of the other apps' steps.
    monkeypatch.setattr(builder, "app_demo_steps", lambda: [demo.populate])
    result = builder.build_demo()

    for structure in result.structures:
        indicators = exit_indicators(structure)
        assert indicators.counted >= 3, structure.name
        assert sum(1 for g in indicators.groups[:4] if g.count) >= 2, structure.name
        # One pathway is left without its exit, for the demo of the button that records it.
        assert Pathway.objects.filter(structure=structure, status=Status.EXITED, exit_record__isnull=True).exists()

    assert {"lasting", "transition", "positive", "not_counted"} <= set(Exit.objects.values_list("group", flat=True))
    assert FollowUp.objects.exclude(outcome="").exists()
    assert FollowUp.objects.filter(outcome="", due_on__lte=timezone.localdate()).exists()
    assert not Pathway.objects.filter(status=Status.FOLLOW_UP, exit_record__isnull=True).exists()


def test_categories_are_read_from_the_stories():
    assert demo._category("fr_aci", "Embauche en CDI comme agent") == "cdi"
    assert demo._category("fr_aci", "Embauche en contrat de professionnalisation") == "subsidised_contract"
    assert demo._category("be_art60", "le droit aux allocations de chômage est ouvert") == "unemployment_rights"
    assert demo._category("it_coop_b", "rien de connu") == "other"
