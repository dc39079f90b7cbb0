"""Thin serializers: what the API answers and the shape of what it takes. The rules are the forms' and services'
(`api.services` hands the input to them), so the messages are the pages' own."""

from rest_framework import serializers

from tremplin.action_plan.models import Action, ActionStatus, Objective, ObjectiveStatus, OwnerKind, Section
from tremplin.core.visibility import Visibility
from tremplin.interviews.models import Attendance, Channel, Interview, Kind
from tremplin.job_offers.models import ContractType, JobOffer, OfferStatus, PhysicalDemand, Shift
from tremplin.pathways.models import Pathway, Status
from tremplin.people.models import DrivingLicence, FrenchLevel, Nationality, Person


def _staff_name(user) -> str | None:
    return user.get_full_name() or user.email if user is not None else None


class PersonFileSerializer(serializers.ModelSerializer):
    """The person's file: those who read every file only (a technical supervisor reads the names of their team)."""

    class Meta:
        model = Person
        fields = [
            "birth_date",
            "email",
            "phone",
            "address",
            "postcode",
            "city",
            "nationality",
            "languages",
            "french_level",
            "driving_licence",
            "has_vehicle",
            "recognised_disability",
        ]
        extra_kwargs = {
            "nationality": {"choices": Nationality.choices},
            "french_level": {"choices": FrenchLevel.choices},
            "driving_licence": {"choices": DrivingLicence.choices},
        }


class PersonSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    file = PersonFileSerializer(source="*", read_only=True, allow_null=True)

    class Meta:
        model = Person
        fields = ["id", "first_name", "last_name", "file", "created_at", "updated_at"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not self.context.get("sees_files"):
            data["file"] = None
        return data


class PathwaySerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    person = serializers.UUIDField(source="person.public_id", read_only=True)
    programme = serializers.CharField(source="programme.name", read_only=True)
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    referent = serializers.SerializerMethodField()
    supervisor = serializers.SerializerMethodField()
    worksite = serializers.CharField(source="worksite.name", read_only=True, allow_null=True, default=None)
    referral_source = serializers.SerializerMethodField()

    class Meta:
        model = Pathway
        fields = [
            "id",
            "person",
            "programme",
            "status",
            "status_changed_at",
            "referent",
            "supervisor",
            "worksite",
            "referral_source",
            "created_at",
            "updated_at",
        ]

    def get_referent(self, pathway) -> str | None:
        return _staff_name(pathway.referent)

    def get_supervisor(self, pathway) -> str | None:
        return _staff_name(pathway.supervisor)

    def get_referral_source(self, pathway) -> str | None:
        """Who referred the person: part of the social file, as on the person's page."""
        return pathway.referral_source if self.context.get("sees_files") else None


class ActionSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    objective = serializers.UUIDField(source="objective.public_id", read_only=True, allow_null=True, default=None)
    section = serializers.ChoiceField(choices=Section.choices)
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    owner_kind = serializers.ChoiceField(choices=OwnerKind.choices)
    owner = serializers.SerializerMethodField()
    visibility = serializers.ChoiceField(choices=Visibility.choices)

    class Meta:
        model = Action
        fields = [
            "id",
            "objective",
            "section",
            "title",
            "owner_kind",
            "owner",
            "due_date",
            "status",
            "outcome",
            "visibility",
        ]

    def get_owner(self, action) -> str | None:
        if action.owner_kind == OwnerKind.STAFF:
            return _staff_name(action.owner_user)
        return action.owner_partner_name or None


class ObjectiveSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    status = serializers.ChoiceField(choices=ObjectiveStatus.choices)
    visibility = serializers.ChoiceField(choices=Visibility.choices)

    class Meta:
        model = Objective
        fields = ["id", "text", "target_date", "status", "success_indicator", "visibility"]


class PlanSerializer(serializers.Serializer):
    pathway = serializers.UUIDField()
    follow_up_frequency = serializers.CharField(allow_null=True)
    agreed_on = serializers.DateField(allow_null=True)
    objectives = ObjectiveSerializer(many=True)
    actions = ActionSerializer(many=True)


class AppointmentSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    pathway = serializers.UUIDField(source="pathway.public_id", read_only=True)
    person = serializers.UUIDField(source="pathway.person.public_id", read_only=True)
    kind = serializers.ChoiceField(choices=Kind.choices)
    channel = serializers.ChoiceField(choices=Channel.choices)
    attendance = serializers.ChoiceField(choices=[("", "")] + Attendance.choices)
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    led_by = serializers.SerializerMethodField()

    class Meta:
        model = Interview
        fields = [
            "id",
            "pathway",
            "person",
            "kind",
            "channel",
            "third_party",
            "planned_at",
            "held_on",
            "attendance",
            "led_by",
            "notes",
            "visibility",
            "created_at",
            "updated_at",
        ]

    def get_led_by(self, interview) -> str | None:
        return interview.led_by.email if interview.led_by is not None else None


class AppointmentWriteSerializer(serializers.Serializer):
    """What planning (POST) or changing (PATCH) an appointment takes; the interview forms' rules apply."""

    pathway = serializers.UUIDField(help_text="The pathway (POST only).")
    kind = serializers.ChoiceField(choices=Kind.choices)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    third_party = serializers.CharField(max_length=200, required=False, allow_blank=True)
    planned_at = serializers.DateTimeField()
    led_by = serializers.EmailField(required=False, allow_blank=True, help_text="E-mail of the member leading it.")
    visibility = serializers.ChoiceField(choices=Visibility.choices, required=False, allow_blank=True)
    held_on = serializers.DateField(required=False, allow_null=True, help_text="PATCH only.")
    attendance = serializers.ChoiceField(
        choices=[("", "")] + Attendance.choices, required=False, allow_blank=True, help_text="PATCH only."
    )
    notes = serializers.CharField(required=False, allow_blank=True, help_text="PATCH only.")


class JobOfferSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    company = serializers.UUIDField(source="company.public_id", read_only=True)
    site = serializers.UUIDField(source="site.public_id", read_only=True, allow_null=True, default=None)
    shifts = serializers.ListField(child=serializers.ChoiceField(choices=Shift.choices), source="shift_codes")
    weekly_hours = serializers.DecimalField(max_digits=4, decimal_places=1, allow_null=True, coerce_to_string=False)

    class Meta:
        model = JobOffer
        fields = [
            "id",
            "job_code",
            "title",
            "company",
            "site",
            "postcode",
            "city",
            "contract_type",
            "duration_months",
            "weekly_hours",
            "shifts",
            "start_date",
            "deadline",
            "driving_licence_required",
            "vehicle_required",
            "physical_demand",
            "french_level_required",
            "certifications",
            "required_competences",
            "description",
            "status",
            "source",
            "created_at",
            "updated_at",
        ]


class JobOfferWriteSerializer(serializers.Serializer):
    """What creating (POST) or changing (PATCH) an offer takes; the offer form's rules apply."""

    job_code = serializers.CharField(max_length=5)
    title = serializers.CharField(max_length=200)
    company = serializers.UUIDField()
    site = serializers.UUIDField(required=False, allow_null=True)
    postcode = serializers.CharField(max_length=10, required=False, allow_blank=True)
    city = serializers.CharField(max_length=120, required=False, allow_blank=True)
    contract_type = serializers.ChoiceField(choices=ContractType.choices)
    duration_months = serializers.IntegerField(min_value=0, max_value=32767, required=False, allow_null=True)
    weekly_hours = serializers.DecimalField(
        max_digits=4, decimal_places=1, required=False, allow_null=True, coerce_to_string=False
    )
    shifts = serializers.ListField(child=serializers.ChoiceField(choices=Shift.choices), required=False)
    start_date = serializers.DateField(required=False, allow_null=True)
    deadline = serializers.DateField(required=False, allow_null=True)
    driving_licence_required = serializers.BooleanField(required=False)
    vehicle_required = serializers.BooleanField(required=False)
    physical_demand = serializers.ChoiceField(choices=PhysicalDemand.choices, required=False, allow_blank=True)
    french_level_required = serializers.ChoiceField(choices=FrenchLevel.choices, required=False, allow_blank=True)
    certifications = serializers.CharField(max_length=250, required=False, allow_blank=True)
    required_competences = serializers.CharField(max_length=500, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=OfferStatus.choices, required=False)


class StatusCountSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    people = serializers.IntegerField()


class ExitShareSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    percent = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True, coerce_to_string=False)


class IndicatorsSerializer(serializers.Serializer):
    structure = serializers.UUIDField()
    on = serializers.DateField()
    people_by_status = StatusCountSerializer(many=True)
    contracts_ending_soon = serializers.IntegerField()
    contract_ending_days = serializers.IntegerField()
    people_without_referent = serializers.IntegerField()
    exits_since = serializers.DateField()
    exits_total = serializers.IntegerField()
    exits_counted = serializers.IntegerField()
    exits_by_group = ExitShareSerializer(many=True)
