"""What the header's search box finds: people, partners, employers and job offers, by name.

Nothing here decides who may see what: each group reads the queryset its own app's list reads
(`people.views.visible_pathways`, `partner_portal.services.shared_pathways`,
`PartnerOrganisation.objects.in_directory_of`, the structure's companies and offers) and is searched only by
a member holding the capability of that list. Names are compared through their search keys, so accents
and case are ignored on every database (docs/decisions/0012-search.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Case, QuerySet, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.roles import Capability
from tremplin.core.links import SLOT, url_maker
from tremplin.core.search_keys import search_key, search_words
from tremplin.employers.models import Company, normalise_name
from tremplin.job_offers.models import JobOffer, OfferStatus
from tremplin.partners.models import PartnerKind, PartnerOrganisation, normalised
from tremplin.pathways.models import Status
from tremplin.people.models import Person

MIN_LENGTH = 2
MAX_LENGTH = 100
# Rows per group: the live list under the box stays short on a phone; the full page shows a few more.
LIVE_LIMIT = 5
PAGE_LIMIT = 8


@dataclass
class Hit:
    label: str
    detail: str
    url: str


@dataclass
class Group:
    key: str
    title: str
    hits: list[Hit] = field(default_factory=list)
    has_more: bool = False
    see_all_url: str = ""
    see_all_label: str = ""


@dataclass
class Results:
    query: str
    groups: list[Group]

    @property
    def count(self) -> int:
        return sum(len(group.hits) for group in self.groups)


def clean_query(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_LENGTH]


def is_searchable(query: str) -> bool:
    """At least two letters or digits once accents and punctuation are set aside."""
    return len(search_key(query).replace(" ", "")) >= MIN_LENGTH


def search(membership, query: str, *, limit: int) -> Results:
    """The groups this member may search, each with at most `limit` hits (one query per group, and one
    for the statuses of the people shown)."""
    groups: list[Group] = []
    if membership.can(Capability.USE_PARTNER_PORTAL):
        groups.append(_shared_people(membership, query, limit))
    elif membership.can(Capability.VIEW_ALL_PEOPLE) or membership.can(Capability.VIEW_TEAM_PEOPLE):
        groups.append(_people(membership, query, limit))
    if membership.can(Capability.VIEW_PARTNER_DIRECTORY):
        groups.append(_partners(membership, query, limit))
    if membership.can(Capability.MANAGE_JOB_COACHING):
        groups.append(_companies(membership, query, limit))
        groups.append(_offers(membership, query, limit))
    return Results(query=query, groups=groups)


def _matching(queryset: QuerySet, column: str, words: list[str]) -> QuerySet:
    if not words:
        return queryset.none()
    for word in words:
        queryset = queryset.filter(**{f"{column}__contains": word})
    return queryset


def _cut(rows: list, limit: int) -> tuple[list, bool]:
    return rows[:limit], len(rows) > limit


def _list_url(name: str, **params: str) -> str:
    return f"{reverse(name)}?{urlencode(params)}"


def _people(membership, query: str, limit: int) -> Group:
    """The people the member may see (the people list's own rule: all the structure's pathways, or the
    supervisor's team), then the status of the latest visible pathway of the few shown (+1 query)."""
    from tremplin.people.views import visible_pathways

    visible = visible_pathways(membership)
    people = Person.objects.filter(structure_id=membership.structure_id, pk__in=visible.values("person_id"))
    people = _matching(people, "search_name", search_words(query))
    rows, more = _cut(
        list(
            people.order_by("last_name", "first_name", "pk").only("public_id", "first_name", "last_name")[: limit + 1]
        ),
        limit,
    )
    status_of: dict[int, str] = {}
    if rows:
        latest_first = visible.filter(person_id__in=[p.pk for p in rows]).order_by("person_id", "-created_at", "-pk")
        for person_id, status in latest_first.values_list("person_id", "status"):
            status_of.setdefault(person_id, status)
    link = url_maker("people:detail", SLOT)
    statuses = dict(Status.choices)
    return Group(
        key="people",
        title=_("Personnes"),
        hits=[Hit(p.full_name, str(statuses.get(status_of.get(p.pk), "")), link(p.public_id)) for p in rows],
        has_more=more,
        see_all_url=_list_url("people:list", q=query),
        see_all_label=_("Toutes les personnes correspondantes"),
    )


def _shared_people(membership, query: str, limit: int) -> Group:
    """A partner finds only the people whose pathway is shared with their organisation today."""
    from tremplin.partner_portal.services import account_for, shared_pathways

    shares = _matching(shared_pathways(account_for(membership)), "pathway__person__search_name", search_words(query))
    rows, more = _cut(list(shares[: limit + 1]), limit)
    link = url_maker("partner_portal:pathway", SLOT)
    return Group(
        key="people",
        title=_("Personnes"),
        hits=[Hit(s.pathway.person.full_name, s.pathway.programme.name, link(s.pathway.public_id)) for s in rows],
        has_more=more,
        see_all_url=reverse("partner_portal:home"),
        see_all_label=_("Tous les parcours partagés avec vous"),
    )


def _partners(membership, query: str, limit: int) -> Group:
    partners = PartnerOrganisation.objects.in_directory_of(membership.structure).filter(is_active=True)
    partners = _matching(partners, "normalised_name", search_words(query, normalised))
    rows, more = _cut(
        list(partners.order_by("name", "pk").only("public_id", "name", "kind", "city")[: limit + 1]), limit
    )
    link = url_maker("partners:detail", SLOT)
    kinds = dict(PartnerKind.choices)
    return Group(
        key="partners",
        title=_("Partenaires"),
        hits=[
            Hit(p.name, ", ".join(filter(None, [str(kinds.get(p.kind, "")), p.city])), link(p.public_id)) for p in rows
        ],
        has_more=more,
        see_all_url=_list_url("partners:list", q=query),
        see_all_label=_("Tous les partenaires correspondants"),
    )


def _companies(membership, query: str, limit: int) -> Group:
    companies = Company.objects.filter(structure_id=membership.structure_id)
    companies = _matching(companies, "name_normalised", search_words(query, normalise_name))
    rows, more = _cut(list(companies.order_by("name", "pk").only("public_id", "name", "sector")[: limit + 1]), limit)
    link = url_maker("employers:detail", SLOT)
    return Group(
        key="employers",
        title=_("Entreprises"),
        hits=[Hit(c.name, c.sector, link(c.public_id)) for c in rows],
        has_more=more,
        see_all_url=_list_url("employers:list", q=query),
        see_all_label=_("Toutes les entreprises correspondantes"),
    )


def _offers(membership, query: str, limit: int) -> Group:
    offers = JobOffer.objects.filter(structure_id=membership.structure_id)
    offers = _matching(offers, "search_title", search_words(query))
    offers = offers.select_related("company").only("public_id", "title", "city", "status", "company__name")
    # Open offers first, the newest first within each status.
    open_first = Case(When(status=OfferStatus.OPEN, then=Value(0)), default=Value(1))
    rows, more = _cut(list(offers.order_by(open_first, "-created_at", "-pk")[: limit + 1]), limit)
    link = url_maker("job_offers:detail", SLOT)
    statuses = dict(OfferStatus.choices)
    return Group(
        key="job_offers",
        title=_("Offres d'emploi"),
        hits=[
            Hit(o.title, " · ".join(filter(None, [o.company.name, o.city, str(statuses[o.status])])), link(o.public_id))
            for o in rows
        ],
        has_more=more,
        see_all_url=_list_url("job_offers:list", q=query, statut="all"),
        see_all_label=_("Toutes les offres correspondantes"),
    )
