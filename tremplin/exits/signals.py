"""When a person is anonymised, the free text of their exit and follow-ups goes with their identity;
dates, categories and outcomes stay, for the structure's figures."""

from django.dispatch import receiver

from tremplin.retention.signals import person_anonymised

from .models import Exit, FollowUp


@receiver(person_anonymised, dispatch_uid="exits_person_anonymised")
def forget_exit_texts(sender, person, **kwargs) -> None:
    Exit.objects.filter(pathway__person=person).update(destination="", job_title="", comment="")
    FollowUp.objects.filter(exit__pathway__person=person).update(note="")
