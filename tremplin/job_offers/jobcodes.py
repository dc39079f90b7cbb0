"""Which job codes exist: the built-in list of common jobs, plus the ROME referential when imported."""

from tremplin.professional_project.jobs import COMMON_JOBS, ROME_CODE

BUILT_IN_CODES = frozenset(code for _title, code in COMMON_JOBS if code)


def known_job_codes(codes) -> set[str]:
    """The codes of `codes` found in the built-in list or in the imported ROME referential (one query at most)."""
    wanted = {code.strip().upper() for code in codes if code and ROME_CODE.match(code.strip().upper())}
    known = wanted & BUILT_IN_CODES
    rest = wanted - known
    if rest:
        try:
            from tremplin.competences.models import RomeJob
        except ImportError:  # the competence referential is not installed
            return known
        known |= set(RomeJob.objects.filter(code__in=rest).values_list("code", flat=True))
    return known


def title_for_code(code: str) -> str:
    for title, known in COMMON_JOBS:
        if known == code:
            return title
    return ""
