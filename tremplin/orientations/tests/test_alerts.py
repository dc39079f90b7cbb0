import datetime

import pytest
import time_machine
from django.utils import timezone

from tremplin.core.visibility import Visibility
from tremplin.dashboards.alerts import ORIENTATION_NO_NEWS, alerts_for, with_alert_figures
from tremplin.dashboards.services import with_current_contract
from tremplin.orientations.models import OrientationStatus
from tremplin.orientations.services import change_status, orient
from tremplin.pathways.models import Pathway

pytestmark = pytest.mark.django_db


def no_news_alerts(pathway):
    pathways = with_alert_figures(with_current_contract(Pathway.objects.filter(pk=pathway.pk)), list(Visibility))
    return [a for a in alerts_for(pathways) if a.kind == ORIENTATION_NO_NEWS]


def test_no_news_after_the_delay_raises_an_alert_to_the_referent(pathway, service, counsellor):
    orientation = orient(
        pathway=pathway,
        service=service,
        reason="x",
        shared_items=["status"],
        by=counsellor,
        record_consent=True,
        send=True,
    )
    sent = timezone.localdate()
    with time_machine.travel(sent + datetime.timedelta(days=15)):
        assert no_news_alerts(pathway) == []
    with time_machine.travel(sent + datetime.timedelta(days=16)):
        [alert] = no_news_alerts(pathway)
        assert "Amina Diallo" in alert.sentence and "sans nouvelles" in alert.sentence
    # News from the partner starts the delay again.
    with time_machine.travel(sent + datetime.timedelta(days=16)):
        change_status(orientation, OrientationStatus.ACCEPTED, by=counsellor)
        assert no_news_alerts(pathway) == []


def test_a_finished_orientation_raises_nothing(pathway, service, counsellor):
    orientation = orient(
        pathway=pathway,
        service=service,
        reason="x",
        shared_items=["status"],
        by=counsellor,
        record_consent=True,
        send=True,
    )
    change_status(orientation, OrientationStatus.REFUSED, by=counsellor, note="Complet")
    with time_machine.travel(timezone.localdate() + datetime.timedelta(days=40)):
        assert no_news_alerts(pathway) == []
