"""Filters of the people list (one row per pathway)."""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import User
from tremplin.core.search_keys import search_words
from tremplin.pathways.models import Pathway, Status
from tremplin.programmes.models import Programme
from tremplin.structures.models import Worksite


class PathwayFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Nom ou prénom"),
        method="filter_name",
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Plusieurs mots : chacun doit apparaître dans le nom ou le prénom."),
    )
    status = django_filters.ChoiceFilter(
        label=_("Statut"),
        choices=Status.choices,
        empty_label=_("Tous les statuts"),
    )
    referent = django_filters.ModelChoiceFilter(
        label=_("Référent·e"),
        queryset=User.objects.none(),
        empty_label=_("Tous les référent·es"),
    )
    worksite = django_filters.ModelChoiceFilter(
        label=_("Chantier"),
        queryset=Worksite.objects.none(),
        empty_label=_("Tous les chantiers"),
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Dispositif"),
        queryset=Programme.objects.none(),
        empty_label=_("Tous les dispositifs"),
    )

    class Meta:
        model = Pathway
        fields = ["q", "status", "referent", "worksite", "programme"]

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices come from the current structure only.
        self.filters["referent"].queryset = (
            User.objects.filter(memberships__structure=structure).order_by("last_name", "first_name").distinct()
        )
        self.filters["worksite"].queryset = Worksite.objects.filter(structure=structure).order_by("name")
        self.filters["programme"].queryset = Programme.objects.filter(structure=structure).order_by("name")
        invalid = _("Ce choix ne fait pas partie de la liste proposée.")
        for name in ("status", "referent", "worksite", "programme"):
            self.form.fields[name].error_messages["invalid_choice"] = invalid

    def filter_name(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Accents and case ignored, like the search box: "ines" finds Inès (tremplin/core/search_keys.py)."""
        for word in search_words(value):
            queryset = queryset.filter(person__search_name__contains=word)
        return queryset
