"""When a person is anonymised, what was said about them in their immersions goes with their identity (and the
past versions kept by the change history); hosts, dates, objectives, levels and conclusions stay."""

from django.dispatch import receiver

from tremplin.retention.signals import person_anonymised

from .models import Immersion, ImmersionEvaluation


@receiver(person_anonymised, dispatch_uid="immersions_person_anonymised")
def forget_immersion_texts(sender, person, **kwargs) -> None:
    pathway_ids = list(person.pathways.values_list("pk", flat=True))
    immersion_ids = list(Immersion.objects.filter(pathway_id__in=pathway_ids).values_list("pk", flat=True))
    Immersion.objects.filter(pk__in=immersion_ids).update(objective_details="")
    ImmersionEvaluation.objects.filter(immersion_id__in=immersion_ids).update(
        person_view="", tutor_view="", counsellor_view="", conclusions=""
    )
    ImmersionEvaluation.history.filter(immersion_id__in=immersion_ids).delete()
    Immersion.history.filter(pathway_id__in=pathway_ids).delete()
