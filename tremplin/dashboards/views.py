"""The first screen after sign-in, one per role, and the structure dashboard."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tremplin.accounts.access import require_membership
from tremplin.accounts.roles import Capability, Home
from tremplin.audit.reads import reads_personal_data
from tremplin.barriers.services import domain_indicators
from tremplin.core.visibility import visibilities_for
from tremplin.pathways.access import pathway_membership_or_404
from tremplin.pathways.models import ACTIVE_STATUSES

from . import services
from .alerts import load_alert_figures, pathway_alerts
from .menu import menu_counts as read_menu_counts
from .status_badges import kinds

PAGE_SIZE = 25


def _page(request: HttpRequest, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Each role lands on what it works on; nothing here shows more than the role may see."""
    membership = request.membership
    if membership is None:
        return render(request, "dashboards/no_structure.html")
    home = membership.home  # declared with the roles (accounts.roles.ROLE_HOME)
    if home == Home.CASELOAD:
        return _caseload(request, membership)
    if home == Home.TEAM:
        return _team(request, membership)
    if home == Home.STRUCTURE and membership.can(Capability.VIEW_STRUCTURE_DASHBOARD):
        return _structure(request, membership, with_own_caseload=True)
    if home == Home.IN_CONTRACT:
        return _in_contract(request, membership)
    if membership.can(Capability.MANAGE_PERSONAL_DATA):
        # The data protection officer: requests to answer and retention first.
        return _personal_data(request, membership)
    if membership.can(Capability.USE_PARTNER_PORTAL):
        from tremplin.partner_portal.views import home_context

        return render(request, "dashboards/home_partner.html", home_context(request))
    return render(request, "dashboards/home_partner.html")


def _caseload(request: HttpRequest, membership) -> HttpResponse:
    caseload = services.caseload_home(request.user, membership)
    # The caseload is already in memory: people per status counted from it, not by another query.
    counts = services.status_counts_of(caseload.pathways, statuses=ACTIVE_STATUSES)
    active = sum(row.count for row in counts)
    return render(
        request,
        "dashboards/home_caseload.html",
        {
            "counts": counts,
            "active": active,
            "limit": services.caseload_limit(),
            "warning": services.caseload_warning(active),
            "page": _page(request, caseload.pathways),
            "alerts": caseload.alerts,
        },
    )


def _team(request: HttpRequest, membership) -> HttpResponse:
    team = services.team_home(request.user, membership)
    return render(
        request,
        "dashboards/home_team.html",
        {
            "page": _page(request, team.pathways),
            "recent_observations": team.recent_observations,
            "without_attendance": team.without_attendance,
            "today": team.today,
        },
    )


def _in_contract(request: HttpRequest, membership) -> HttpResponse:
    return render(
        request,
        "dashboards/home_in_contract.html",
        {"page": _page(request, services.people_in_contract(membership.structure))},
    )


def _structure(request: HttpRequest, membership, with_own_caseload: bool = False) -> HttpResponse:
    """The structure's figures; on a director's home, also the alerts of the people they follow themselves.

    Whether they follow anyone is read from the figures per référent·e already counted, so a director
    without a caseload costs no query more, and one with a caseload two (see caseload_home), whatever its size.
    """
    today = timezone.localdate()
    overview = services.structure_overview(membership.structure, today)
    own_caseload = None
    if with_own_caseload and overview.caseload_of(request.user):
        own_caseload = services.caseload_home(request.user, membership, today)
    barrier_domains = domain_indicators(membership.structure, visibilities=visibilities_for(membership))
    return render(
        request,
        "dashboards/structure.html",
        {"overview": overview, "own_caseload": own_caseload, "barrier_domains": barrier_domains},
    )


@require_GET
@require_membership(Capability.VIEW_STRUCTURE_DASHBOARD)
def structure(request: HttpRequest) -> HttpResponse:
    return _structure(request, request.membership)


def _personal_data(request: HttpRequest, membership) -> HttpResponse:
    home = services.personal_data_home(membership.structure, timezone.localdate())
    return render(
        request,
        "dashboards/home_personal_data.html",
        {"home": home, "shown": services.RETENTION_ROWS_SHOWN},
    )


@require_GET
@require_membership(Capability.MANAGE_PERSONAL_DATA)
def personal_data(request: HttpRequest) -> HttpResponse:
    """The personal-data home, also reachable from the menu by a director who holds the capability."""
    return _personal_data(request, request.membership)


@require_GET
@require_membership()
def menu_counts(request: HttpRequest) -> HttpResponse:
    """The header menu's figures, read after the page (htmx, out-of-band swaps): no page pays for them."""
    return render(request, "dashboards/_menu_counts.html", {"counts": read_menu_counts(request.membership)})


@require_GET
@login_required
@reads_personal_data("person_card")
def person_card(request: HttpRequest, public_id) -> HttpResponse:
    """The person's header card, second half (pathways/_person_card.html loads it after the page; here, in the top
    layer, because it reads the alerts of the dashboards): référent,
    next appointment and alerts, read at the viewer's visibility in one query for the figures."""
    pathway, membership = pathway_membership_or_404(
        request, public_id, related=("person", "structure", "referent", "action_plan")
    )
    today = timezone.localdate()
    load_alert_figures([pathway], visibilities_for(membership), today)
    # Alerts speak of the plan and the social follow-up: shown to those who read the whole file.
    show_alerts = membership.can(Capability.VIEW_ALL_PEOPLE)
    return render(
        request,
        "pathways/_person_card_more.html",
        {
            "pathway": pathway,
            "next_appointment": pathway.next_planned_at,
            "show_alerts": show_alerts,
            "alerts": pathway_alerts(pathway, today) if show_alerts else [],
        },
    )


@require_GET
@require_membership()
def components(request: HttpRequest) -> HttpResponse:
    """The design system's living page (docs/design-system.md): each component as the pages use it, for the team
    and developers to check them at 390 px and on a desktop. It shows no one's data."""
    badges = [(kind, [value for value, _label in choices.choices]) for kind, (choices, _tones) in kinds().items()]
    return render(request, "dashboards/components.html", {"badges": badges})
