import pytest
from django.core.exceptions import ValidationError

from tremplin.accounts.roles import Role
from tremplin.handover.models import HandoverKind
from tremplin.handover.services import acknowledge, hand_over
from tremplin.pathways.factories import PathwayFactory


def test_a_referents_people_are_given_to_the_newcomer_and_what_they_had_is_kept(
    structure, leaving, newcomer, director, make_pathway
):
    first = make_pathway("A", "Un", referent=leaving)
    second = make_pathway("B", "Deux", referent=leaving)
    handover = hand_over(
        structure=structure,
        kind=HandoverKind.REFERENT,
        pathways=[first, second],
        to_referent=newcomer,
        from_user=leaving,
        note="",
        notes={first.pk: "Attend une réponse logement", second.pk: "Permis en cours"},
        by=director,
    )
    first.refresh_from_db()
    assert first.referent == newcomer
    assert {item.previous_referent for item in handover.items.all()} == {leaving}
    assert handover.items.get(pathway=first).note == "Attend une réponse logement"
    assert first.history.first().referent_id == newcomer.pk


def test_a_change_of_worksite_moves_the_people_and_their_supervisor(
    structure, leaving, newcomer, director, make_pathway, worksite, other_worksite, member
):
    supervisor = member(Role.SUPERVISOR)
    pathway = make_pathway(referent=leaving, worksite=worksite)
    hand_over(
        structure=structure,
        kind=HandoverKind.WORKSITE,
        pathways=[pathway],
        to_referent=newcomer,
        from_worksite=worksite,
        to_worksite=other_worksite,
        to_supervisor=supervisor,
        note="Fermeture du jardin l'hiver",
        by=director,
    )
    pathway.refresh_from_db()
    assert (pathway.worksite, pathway.supervisor, pathway.referent) == (other_worksite, supervisor, newcomer)


def test_every_person_needs_a_note(structure, leaving, newcomer, director, make_pathway):
    first = make_pathway("A", "Un", referent=leaving)
    second = make_pathway("Bruno", "Sansnote", referent=leaving)
    with pytest.raises(ValidationError) as error:
        hand_over(
            structure=structure,
            kind=HandoverKind.REFERENT,
            pathways=[first, second],
            to_referent=newcomer,
            notes={first.pk: "Une note"},
            by=director,
        )
    assert "Bruno Sansnote" in error.value.message_dict["note"][0]
    first.refresh_from_db()
    assert first.referent == leaving


def test_bad_input_is_named_per_field(structure, leaving, director, make_pathway, member, worksite):
    supervisor = member(Role.SUPERVISOR)
    pathway = make_pathway(referent=leaving, worksite=worksite)
    with pytest.raises(ValidationError) as error:
        hand_over(
            structure=structure,
            kind=HandoverKind.WORKSITE,
            pathways=[pathway, PathwayFactory()],
            to_referent=supervisor,
            from_worksite=worksite,
            to_worksite=worksite,
            note="x",
            by=director,
        )
    assert set(error.value.message_dict) == {"pathways", "to_referent", "to_worksite"}


def test_giving_people_to_their_own_referent_is_refused(structure, leaving, director, make_pathway):
    pathway = make_pathway(referent=leaving)
    with pytest.raises(ValidationError) as error:
        hand_over(
            structure=structure,
            kind=HandoverKind.REFERENT,
            pathways=[pathway],
            to_referent=leaving,
            note="x",
            by=director,
        )
    assert "déjà" in error.value.message_dict["to_referent"][0]


def test_only_the_new_referent_acknowledges(structure, leaving, newcomer, director, make_pathway):
    handover = hand_over(
        structure=structure,
        kind=HandoverKind.REFERENT,
        pathways=[make_pathway(referent=leaving)],
        to_referent=newcomer,
        note="x",
        by=director,
    )
    with pytest.raises(ValidationError):
        acknowledge(handover, by=director)
    acknowledge(handover, by=newcomer)
    assert handover.acknowledged_by == newcomer and handover.acknowledged_at is not None
