"""The REST API, version 1 (docs/api.md). Each view names its scope area and its access-log part; the access
checks, visibility filters, forms and services are the pages' own (`api.access`, `api.services`)."""

import uuid

from django.db.models import QuerySet
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework import serializers as drf_serializers
from rest_framework.request import Request
from rest_framework.response import Response

from tremplin.accounts.access import can_view_pathway
from tremplin.accounts.roles import Capability
from tremplin.action_plan.models import ActionPlan
from tremplin.core.search_keys import search_words
from tremplin.core.visibility import visibilities_for
from tremplin.interviews.models import Interview
from tremplin.job_offers.models import JobOffer, OfferStatus
from tremplin.pathways.models import Status
from tremplin.people.models import Person
from tremplin.people.views import visible_pathways

from . import access, errors, serializers, services
from .audit import LogsReads, note_people
from .pagination import Cursor
from .scopes import Area

READERS = (Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE)
OFFERS = Capability.MANAGE_JOB_COACHING


class Query(drf_serializers.Serializer):
    """The query parameters every list takes; a view's own add to them. Unknown values are refused (400)."""

    cursor = drf_serializers.CharField(required=False, max_length=500)
    page_size = drf_serializers.IntegerField(required=False, min_value=1, max_value=Cursor.max_page_size)


class PeopleQuery(Query):
    q = drf_serializers.CharField(required=False, allow_blank=True, max_length=100)


class PathwayQuery(Query):
    status = drf_serializers.ChoiceField(required=False, choices=Status.choices)


class AppointmentQuery(Query):
    pathway = drf_serializers.UUIDField(required=False)


class OfferQuery(Query):
    status = drf_serializers.ChoiceField(required=False, choices=OfferStatus.choices)


class ApiView(LogsReads, generics.GenericAPIView):
    scope_area: str | None = None
    query_class: type[drf_serializers.Serializer] | None = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.query = {}
        if request.method == "GET" and self.query_class is not None:
            # A plain dict, not the QueryDict: an empty value is a value to check, not an absent one.
            query = self.query_class(data=request.query_params.dict())
            query.is_valid(raise_exception=True)
            self.query = query.validated_data

    def sees_files(self) -> bool:
        return access.membership(self.request).can(Capability.VIEW_ALL_PEOPLE)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self.request, "auth", None) is not None:
            context["sees_files"] = self.sees_files()
        return context

    def page_of(self, queryset: QuerySet, people=lambda row: row) -> Response:
        page = self.paginate_queryset(queryset)
        note_people(self.request, [people(row) for row in page])
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


def _visible_people(membership) -> QuerySet:
    """People of the structure the member may see: all of them, or those of their team."""
    people = Person.objects.filter(structure_id=membership.structure_id)
    if membership.can(Capability.VIEW_ALL_PEOPLE):
        return people
    return people.filter(pathways__in=visible_pathways(membership)).distinct()


NAME = OpenApiParameter("q", str, description="Words of the first or last name (accents and case ignored).")
STATUS = OpenApiParameter("status", str, enum=Status.values, description="Pathways in this status only.")
PATHWAY = OpenApiParameter("pathway", uuid.UUID, description="Appointments of this pathway only.")


class PersonList(ApiView):
    scope_area = Area.PEOPLE
    audit_part = "person"
    serializer_class = serializers.PersonSerializer
    query_class = PeopleQuery

    @extend_schema(
        operation_id="people_list",
        responses=serializers.PersonSerializer(many=True),
        parameters=[NAME],
        summary="People the token's member may see",
    )
    def get(self, request: Request) -> Response:
        membership = access.require(request, *READERS)
        people = _visible_people(membership)
        for word in search_words(self.query.get("q", "")):
            people = people.filter(search_name__contains=word)
        return self.page_of(people)


class PersonDetail(ApiView):
    scope_area = Area.PEOPLE
    audit_part = "person"
    serializer_class = serializers.PersonSerializer

    @extend_schema(operation_id="people_retrieve", summary="One person")
    def get(self, request: Request, public_id: uuid.UUID) -> Response:
        person, membership = access.person_or_404(request, public_id, *READERS)
        if (
            not membership.can(Capability.VIEW_ALL_PEOPLE)
            and not _visible_people(membership).filter(pk=person.pk).exists()
        ):
            raise errors.exceptions.NotFound(_("Aucun enregistrement ne correspond à cet identifiant."))
        return Response(self.get_serializer(person).data)


PATHWAY_RELATED = ("person", "programme", "referent", "supervisor", "worksite")


class PathwayList(ApiView):
    scope_area = Area.PATHWAYS
    audit_part = "pathway"
    serializer_class = serializers.PathwaySerializer
    query_class = PathwayQuery

    @extend_schema(
        operation_id="pathways_list",
        responses=serializers.PathwaySerializer(many=True),
        parameters=[STATUS],
        summary="Pathways the token's member may see",
    )
    def get(self, request: Request) -> Response:
        membership = access.require(request, *READERS)
        pathways = visible_pathways(membership).select_related(*PATHWAY_RELATED)
        if "status" in self.query:
            pathways = pathways.filter(status=self.query["status"])
        return self.page_of(pathways, lambda pathway: pathway.person)


class PathwayDetail(ApiView):
    scope_area = Area.PATHWAYS
    audit_part = "pathway"
    serializer_class = serializers.PathwaySerializer

    @extend_schema(operation_id="pathways_retrieve", summary="One pathway")
    def get(self, request: Request, public_id: uuid.UUID) -> Response:
        pathway, _membership = access.pathway_or_404(request, public_id, *READERS, related=PATHWAY_RELATED)
        return Response(self.get_serializer(pathway).data)


class PlanDetail(ApiView):
    scope_area = Area.PLAN
    audit_part = "action_plan"
    serializer_class = serializers.PlanSerializer
    pagination_class = None

    @extend_schema(summary="The action plan of a pathway: objectives and actions the member may read")
    def get(self, request: Request, public_id: uuid.UUID) -> Response:
        # As on the plan page: whoever reads every file (a supervisor of the person's team gets 403).
        pathway, membership = access.pathway_or_404(request, public_id, Capability.VIEW_ALL_PEOPLE)
        plan = ActionPlan.objects.filter(pathway=pathway).first()
        objectives, actions = [], []
        if plan is not None:
            objectives = list(plan.objectives.visible_to(membership))
            actions = list(plan.actions.visible_to(membership).select_related("owner_user", "objective"))
        data = {
            "pathway": pathway.public_id,
            "follow_up_frequency": plan.follow_up_frequency if plan else None,
            "agreed_on": plan.agreed_on if plan else None,
            "objectives": objectives,
            "actions": actions,
        }
        return Response(self.get_serializer(data).data)


def _visible_appointments(membership) -> QuerySet:
    return (
        Interview.objects.filter(pathway__in=visible_pathways(membership))
        .visible_to(visibilities_for(membership))
        .select_related("pathway__person", "led_by")
    )


class AppointmentList(ApiView):
    scope_area = Area.APPOINTMENTS
    audit_part = "interviews"
    serializer_class = serializers.AppointmentSerializer
    query_class = AppointmentQuery

    def get_serializer_class(self):
        if self.request.method == "POST":
            return serializers.AppointmentWriteSerializer
        return serializers.AppointmentSerializer

    @extend_schema(
        operation_id="appointments_list",
        responses=serializers.AppointmentSerializer(many=True),
        parameters=[PATHWAY],
        summary="Appointments the member may read",
    )
    def get(self, request: Request) -> Response:
        membership = access.require(request, *READERS)
        appointments = _visible_appointments(membership)
        if "pathway" in self.query:
            appointments = appointments.filter(pathway__public_id=self.query["pathway"])
        return self.page_of(appointments, lambda interview: interview.pathway.person)

    @extend_schema(
        request=serializers.AppointmentWriteSerializer,
        responses={201: serializers.AppointmentSerializer},
        summary="Plan an appointment (the interview form's rules)",
    )
    def post(self, request: Request) -> Response:
        incoming = serializers.AppointmentWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        pathway, _membership = access.pathway_or_404(
            request, incoming.validated_data["pathway"], Capability.EDIT_PEOPLE, related=("person", "structure")
        )
        interview = services.plan_appointment(pathway=pathway, by=request.user, data=incoming.validated_data)
        return Response(serializers.AppointmentSerializer(interview).data, status=status.HTTP_201_CREATED)


class AppointmentPatchSerializer(serializers.AppointmentWriteSerializer):
    def __init__(self, *args, **kwargs):
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)
        self.fields.pop("pathway")


class AppointmentDetail(ApiView):
    scope_area = Area.APPOINTMENTS
    audit_part = "interviews"
    serializer_class = serializers.AppointmentSerializer

    def _appointment(self, public_id, *capabilities) -> Interview:
        interview = (
            Interview.objects.select_related("pathway__person", "pathway__structure", "led_by")
            .filter(pathway__structure_id=access.structure_id(self.request), public_id=public_id)
            .first()
        )
        if interview is None:
            raise errors.exceptions.NotFound(_("Aucun enregistrement ne correspond à cet identifiant."))
        membership = access.pathway_or_404(self.request, interview.pathway.public_id, *READERS)[1]
        if interview.visibility not in visibilities_for(membership) or not can_view_pathway(
            membership, interview.pathway
        ):
            raise errors.exceptions.NotFound(_("Aucun enregistrement ne correspond à cet identifiant."))
        if capabilities:
            access.pathway_or_404(self.request, interview.pathway.public_id, *capabilities)
        return interview

    @extend_schema(operation_id="appointments_retrieve", summary="One appointment")
    def get(self, request: Request, public_id: uuid.UUID) -> Response:
        return Response(self.get_serializer(self._appointment(public_id)).data)

    @extend_schema(
        request=AppointmentPatchSerializer,
        responses={200: serializers.AppointmentSerializer},
        summary="Change an appointment (the interview form's rules)",
    )
    def patch(self, request: Request, public_id: uuid.UUID) -> Response:
        interview = self._appointment(public_id, Capability.EDIT_PEOPLE)
        incoming = AppointmentPatchSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        interview = services.change_appointment(interview, data=incoming.validated_data)
        return Response(serializers.AppointmentSerializer(interview).data)


class Indicators(ApiView):
    scope_area = Area.INDICATORS
    serializer_class = serializers.IndicatorsSerializer
    pagination_class = None

    @extend_schema(summary="The structure's figures (as on the structure dashboard)")
    def get(self, request: Request) -> Response:
        membership = access.require(request, Capability.VIEW_STRUCTURE_DASHBOARD)
        return Response(self.get_serializer(services.indicators(membership.structure)).data)


OFFER_STATUS = OpenApiParameter("status", str, enum=OfferStatus.values, description="Offers in this status only.")


class JobOfferPatchSerializer(serializers.JobOfferWriteSerializer):
    def __init__(self, *args, **kwargs):
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class JobOfferList(ApiView):
    scope_area = Area.JOB_OFFERS
    serializer_class = serializers.JobOfferSerializer
    query_class = OfferQuery

    def get_serializer_class(self):
        if self.request.method == "POST":
            return serializers.JobOfferWriteSerializer
        return serializers.JobOfferSerializer

    @extend_schema(
        operation_id="job_offers_list",
        responses=serializers.JobOfferSerializer(many=True),
        parameters=[OFFER_STATUS],
        summary="The structure's job offers",
    )
    def get(self, request: Request) -> Response:
        membership = access.require(request, OFFERS)
        offers = JobOffer.objects.filter(structure_id=membership.structure_id).select_related("company", "site")
        if "status" in self.query:
            offers = offers.filter(status=self.query["status"])
        page = self.paginate_queryset(offers)
        return self.get_paginated_response(serializers.JobOfferSerializer(page, many=True).data)

    @extend_schema(
        request=serializers.JobOfferWriteSerializer,
        responses={201: serializers.JobOfferSerializer},
        summary="Create a job offer (the offer form's rules)",
    )
    def post(self, request: Request) -> Response:
        membership = access.require(request, OFFERS)
        incoming = serializers.JobOfferWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        offer = services.create_offer(structure=membership.structure, by=request.user, data=incoming.validated_data)
        return Response(serializers.JobOfferSerializer(offer).data, status=status.HTTP_201_CREATED)


class JobOfferDetail(ApiView):
    scope_area = Area.JOB_OFFERS
    serializer_class = serializers.JobOfferSerializer

    def _offer(self, public_id) -> JobOffer:
        queryset = JobOffer.objects.select_related("structure", "company", "site")
        return access.structure_record_or_404(self.request, queryset, public_id, OFFERS)

    @extend_schema(operation_id="job_offers_retrieve", summary="One job offer")
    def get(self, request: Request, public_id: uuid.UUID) -> Response:
        return Response(self.get_serializer(self._offer(public_id)).data)

    @extend_schema(
        request=JobOfferPatchSerializer,
        responses={200: serializers.JobOfferSerializer},
        summary="Change a job offer (the offer form's rules)",
    )
    def patch(self, request: Request, public_id: uuid.UUID) -> Response:
        offer = self._offer(public_id)
        incoming = JobOfferPatchSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        offer = services.change_offer(offer, data=incoming.validated_data)
        return Response(serializers.JobOfferSerializer(offer).data)


@csrf_exempt
def not_found(request, *args, **kwargs) -> JsonResponse:
    """What /api/v1/ answers for a path it does not know (a malformed identifier, a removed route)."""
    message = _("Aucun enregistrement ne correspond à cet identifiant.")
    return JsonResponse({"errors": [{"field": None, "code": "not_found", "message": message}]}, status=404)
