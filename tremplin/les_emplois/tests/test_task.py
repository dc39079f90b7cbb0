from tremplin.les_emplois.factories import ConnectionFactory
from tremplin.les_emplois.models import SyncRun
from tremplin.les_emplois.tasks import sync_les_emplois_task


def test_the_scheduled_task_pulls_every_stored_connection(french_structure, programme, platform, make_client):
    token = make_client().token
    ConnectionFactory(structure=french_structure, base_url=platform.url, token=token)
    assert sync_les_emplois_task.delay().get() == 1
    assert SyncRun.objects.get().created == 25
