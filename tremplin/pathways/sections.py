"""The sections of one pathway's insertion programme, in the order of the tabs, each with who may open it.

One list for the tabs on a desktop and the menu on a phone (templates/pathways/_programme_nav.html): a
section a member may not open is not offered. The capabilities are those of the membership's context
processor (`caps`), so no query is made here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tremplin.core.links import object_url

ALWAYS = ()


@dataclass(frozen=True)
class Section:
    key: str  # the `current` value of the page that shows it ("" for a document, never current)
    label: str
    url_name: str
    of_person: bool  # the URL takes the person's public id, not the pathway's
    capabilities: tuple[str, ...] = ALWAYS  # any of them opens the section; none means everyone who sees the pathway


SECTIONS: tuple[Section, ...] = (
    Section("person", _("Fiche"), "people:detail", True),
    Section(
        "welcome",
        pgettext_lazy("étape du parcours : accueil dans la structure", "Accueil"),
        "welcome:checklist",
        False,
    ),
    Section("barriers", _("Freins"), "barriers:list", False),
    Section("project", _("Projet professionnel"), "professional_project:list", False, ("view_all_people",)),
    Section("plan", _("Plan d'action"), "action_plan:plan", False, ("view_all_people",)),
    Section("interviews", _("Entretiens"), "interviews:list", False),
    Section("observations", _("Observations"), "observations:list", False, ("edit_people", "view_team_people")),
    Section("competences", _("Compétences"), "competences:pathway", False),
    Section("portfolio", _("Portfolio"), "portfolio:person", True),
    Section("badges", _("Badges"), "badges:pathway", False),
    Section("orientations", _("Orientations"), "orientations:pathway", False, ("view_all_people",)),
    Section("applications", _("Candidatures"), "applications:list", False, ("view_all_people",)),
    Section("matching", _("Offres compatibles"), "matching:person", False, ("manage_job_coaching",)),
    Section("immersions", _("Immersions"), "immersions:list", False),
    Section("cv", _("CV"), "cv:edit", True, ("manage_job_coaching",)),
    Section("timeline", _("Chronologie"), "timeline:pathway", False),
    Section(
        "", _("Programme (PDF)"), "programme_documents:programme_pdf", False, ("edit_people", "manage_personal_data")
    ),
)


@dataclass(frozen=True)
class Link:
    key: str
    label: str
    url: str
    current: bool


def sections_for(pathway, caps: dict, current: str) -> list[Link]:
    """The sections the member may open, with their URLs; `current` marks the page shown."""
    links = []
    for section in SECTIONS:
        if section.capabilities and not any(caps.get(capability) for capability in section.capabilities):
            continue
        public_id = pathway.person.public_id if section.of_person else pathway.public_id
        links.append(
            Link(
                section.key,
                section.label,
                object_url(section.url_name, public_id),
                bool(section.key) and section.key == current,
            )
        )
    return links
