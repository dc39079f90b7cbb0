import datetime

import factory
from django.utils import timezone

from tremplin.core.visibility import Visibility
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.programmes.rules.base import ExitGroup

from .models import Exit, ExitReason, FollowUp


class ExitFactory(factory.django.DjangoModelFactory):
    """A lasting exit (CDI) 40 days ago, after a contract that began 8 months before; follow-ups are not created."""

    class Meta:
        model = Exit

    pathway = factory.SubFactory(PathwayFactory, status=Status.FOLLOW_UP)
    exit_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=40))
    reason = ExitReason.HIRED
    category = "cdi"
    group = ExitGroup.LASTING
    is_counted = True
    entry_on = factory.LazyAttribute(lambda o: o.exit_on - datetime.timedelta(days=240))
    destination = "Paysages du Nord"
    job_title = "Agent·e d'espaces verts"
    visibility = Visibility.WHOLE_TEAM


class FollowUpFactory(factory.django.DjangoModelFactory):
    """The 1-month follow-up of an exit, not yet recorded."""

    class Meta:
        model = FollowUp

    exit = factory.SubFactory(ExitFactory)
    months = 1
    due_on = factory.LazyAttribute(lambda o: o.exit.exit_on + datetime.timedelta(days=30 * o.months))
