"""The directory's search: by need (a barrier domain), area, kind and name."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from tremplin.barriers.models import BarrierDomain

from .models import PartnerKind, PartnerOrganisation, normalised
from .services import area_filter, services_answering


class PartnerFilter(django_filters.FilterSet):
    need = django_filters.ChoiceFilter(
        label=_("Besoin"), choices=BarrierDomain.choices, empty_label=_("Tous les besoins"), method="filter_need"
    )
    area = django_filters.CharFilter(
        label=_("Territoire"),
        method="filter_area",
        max_length=60,
        help_text=_("Code postal, commune ou numéro de département."),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type de partenaire"), choices=PartnerKind.choices, empty_label=_("Tous les types")
    )
    q = django_filters.CharFilter(
        label=_("Nom ou mot-clé"),
        method="filter_text",
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    class Meta:
        model = PartnerOrganisation
        fields = ["need", "area", "kind", "q"]

    def filter_need(self, queryset, name, value):
        return queryset.filter(Exists(services_answering(value).filter(organisation=OuterRef("pk"))))

    def filter_area(self, queryset, name, value):
        return queryset.filter(area_filter(value))

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(normalised_name__contains=normalised(value)) | Q(eligibility_notes__icontains=value))
