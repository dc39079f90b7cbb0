from celery import shared_task


@shared_task(name="tremplin.onboarding.purge_import_files")
def purge_import_files_task() -> tuple[int, int]:
    """Daily: files left waiting more than a day deleted, reports' values erased after their time."""
    from . import services

    return services.purge()
