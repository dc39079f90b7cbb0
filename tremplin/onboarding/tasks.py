from celery import shared_task


@shared_task(name="tremplin.onboarding.purge_import_files")
def purge_import_files_task() -> tuple[int, int]:
    """Daily: files left waiting more than a day deleted, reports' values erased after their time."""
    from . import services

    return services.purge()


@shared_task(name="tremplin.onboarding.process_run")
def process_run(run_id: int, action: str, user_id: int | None) -> str:
    """The dry run ("check") or the import ("confirm") of an uploaded file, out of the request."""
    from . import services

    run = services.process(run_id, action, user_id)
    return run.status if run is not None else "skipped"
