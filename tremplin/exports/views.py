"""Exports of the people list and of the caseload, as CSV or XLSX (`?format=`), with the list's filters.

The rows are those the list would show the member (visibility, team, filters); each export writes one
access-log entry per person in the file (action « export »), like any file that leaves the application.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.access import saw_people
from tremplin.accounts.roles import Capability
from tremplin.audit.models import Action
from tremplin.audit.reads import reads_personal_data
from tremplin.pathways.models import ACTIVE_STATUSES, Pathway
from tremplin.people.filters import PathwayFilter
from tremplin.people.views import require_people_capability, visible_pathways, with_current_contract_end

from .writers import FORMATS, csv_response, xlsx_response

RELATED = ("person", "programme", "referent", "supervisor", "worksite")
ORDER = ("person__last_name", "person__first_name", "-created_at", "-pk")


def _staff(user) -> str:
    return (user.get_full_name() or user.email) if user is not None else ""


def _columns():
    return [
        _("Nom"),
        _("Prénom"),
        _("Statut"),
        _("Dispositif"),
        _("Référent·e"),
        _("Chantier"),
        _("Fin de contrat prévue"),
    ]


def _row(pathway: Pathway) -> list:
    return [
        pathway.person.last_name,
        pathway.person.first_name,
        pathway.get_status_display(),
        pathway.programme.name,
        _staff(pathway.referent),
        pathway.worksite.name if pathway.worksite else "",
        pathway.current_contract_end,
    ]


def _export(request: HttpRequest, pathways, *, back: str, filename: str, title: str) -> HttpResponse:
    """The filtered list as a file; bad filters or format send the member back to the list with its messages."""
    params = request.GET.copy()
    kind = params.pop("format", ["csv"])[-1]
    filterset = PathwayFilter(params or None, queryset=pathways, structure=request.membership.structure)
    if kind not in FORMATS or (filterset.is_bound and not filterset.is_valid()):
        messages.error(request, _("Export impossible : corrigez les filtres de la liste, puis exportez à nouveau."))
        url = reverse(back)
        return redirect(f"{url}?{urlencode(params, doseq=True)}" if params else url)
    rows = list(filterset.qs)
    saw_people(request, [pathway.person for pathway in rows])
    stamp = timezone.localdate().isoformat()
    if kind == "xlsx":
        return xlsx_response(f"{filename}-{stamp}", title, _columns(), (_row(p) for p in rows))
    return csv_response(f"{filename}-{stamp}", _columns(), (_row(p) for p in rows))


@require_people_capability(Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE)
@reads_personal_data("people_list_export", action=Action.EXPORT)
def people(request: HttpRequest) -> HttpResponse:
    """The people list (people:list), as the member sees it, with its filters."""
    pathways = with_current_contract_end(visible_pathways(request.membership).select_related(*RELATED).order_by(*ORDER))
    return _export(request, pathways, back="people:list", filename="personnes", title=_("Personnes"))


@require_people_capability(Capability.EDIT_PEOPLE)
@reads_personal_data("caseload_export", action=Action.EXPORT)
def caseload(request: HttpRequest) -> HttpResponse:
    """The member's own caseload: the active pathways they follow as référent·e, with the list's filters."""
    pathways = with_current_contract_end(
        visible_pathways(request.membership)
        .filter(referent=request.user, status__in=ACTIVE_STATUSES)
        .select_related(*RELATED)
        .order_by(*ORDER)
    )
    return _export(request, pathways, back="dashboards:home", filename="file-active", title=_("File active"))
