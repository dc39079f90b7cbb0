"""When a person is anonymised, the free text of their applications goes with their identity (and the past
versions kept by the change history); steps, dates, channels and employers stay, for the structure's figures."""

from django.dispatch import receiver

from tremplin.retention.signals import person_anonymised

from .models import Application, ApplicationStep


@receiver(person_anonymised, dispatch_uid="applications_person_anonymised")
def forget_application_texts(sender, person, **kwargs) -> None:
    pathway_ids = list(person.pathways.values_list("pk", flat=True))
    Application.objects.filter(pathway_id__in=pathway_ids).update(employer_feedback="", next_step="")
    ApplicationStep.objects.filter(application__pathway_id__in=pathway_ids).update(note="")
    Application.history.filter(pathway_id__in=pathway_ids).delete()
