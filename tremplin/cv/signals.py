"""When a person is anonymised, their CV draft (headline and summary written about them) is deleted, with the
past versions kept by the change history."""

from django.dispatch import receiver

from tremplin.retention.signals import person_anonymised

from .models import CvDraft


@receiver(person_anonymised, dispatch_uid="cv_person_anonymised")
def forget_cv_draft(sender, person, **kwargs) -> None:
    CvDraft.objects.filter(person=person).delete()
    CvDraft.history.filter(person_id=person.pk).delete()
