from celery import shared_task


@shared_task(name="tremplin.les_emplois.sync_les_emplois")
def sync_les_emplois_task(structure_id: int | None = None, user_id: int | None = None) -> int:
    """Pulls the hires of one structure, or of every structure with a stored connection; returns the runs."""
    from django.contrib.auth import get_user_model

    from .models import Connection
    from .services import pull_structure

    by = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    connections = Connection.objects.select_related("structure")
    if structure_id is not None:
        connections = connections.filter(structure_id=structure_id)
    return sum(1 for connection in connections if pull_structure(connection.structure, by=by) is not None)
