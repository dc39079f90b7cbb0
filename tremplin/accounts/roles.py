"""Roles a staff member can hold in a structure, and what each may do.

Permissions are capabilities granted to roles in one table, so that the
permission matrix can be read (and tested) in one place.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    DIRECTOR = "director", _("Direction")
    COUNSELLOR = "counsellor", _("Conseiller·ère en insertion (CIP)")
    SUPERVISOR = "supervisor", _("Encadrant·e technique")
    JOB_COACH = "job_coach", _("Chargé·e de relations entreprises")
    CASE_MANAGER = "case_manager", _("Responsable des parcours")
    ADMIN = "admin", _("Administration")
    PARTNER = "partner", _("Partenaire ou prescripteur")
    DPO = "dpo", _("Délégué·e à la protection des données")


class Capability(models.TextChoices):
    MANAGE_STRUCTURE = "manage_structure", _("gérer la structure, ses chantiers et ses dispositifs")
    MANAGE_MEMBERS = "manage_members", _("gérer l'équipe et les rôles")
    VIEW_STRUCTURE_DASHBOARD = "view_structure_dashboard", _("voir le tableau de bord de la structure")
    VIEW_ALL_PEOPLE = "view_all_people", _("voir toutes les personnes accompagnées")
    VIEW_TEAM_PEOPLE = "view_team_people", _("voir les personnes de son équipe")
    EDIT_PEOPLE = "edit_people", _("créer et modifier les personnes et leur parcours")
    RECORD_ELIGIBILITY = "record_eligibility", _("enregistrer l'éligibilité")
    MANAGE_CONTRACTS = "manage_contracts", _("gérer les contrats")
    VIEW_ACCESS_LOG = "view_access_log", _("consulter le journal des accès")
    MANAGE_PERSONAL_DATA = (
        "manage_personal_data",
        _("gérer les données personnelles : conservation, gel, exports et demandes des personnes"),
    )
    MANAGE_JOB_COACHING = (
        "manage_job_coaching",
        _("gérer le réseau d'entreprises, les offres d'emploi et leur rapprochement avec les personnes"),
    )
    VIEW_PARTNER_DIRECTORY = "view_partner_directory", _("consulter l'annuaire des partenaires")
    MANAGE_PARTNER_DIRECTORY = "manage_partner_directory", _("tenir à jour l'annuaire des partenaires")
    READ_SOCIAL_STAFF_ONLY = "read_social_staff_only", _("lire ce qui est réservé à l'équipe sociale")
    SET_SIGN_IN_POLICY = "set_sign_in_policy", _("imposer la double authentification aux membres")
    APPOINT_DIRECTION = "appoint_direction", _("attribuer ou retirer le rôle de direction")
    VIEW_TEAM_CALENDAR = "view_team_calendar", _("voir les réunions de synthèse et les ateliers de la structure")
    VIEW_COLLEAGUES_CALENDARS = "view_colleagues_calendars", _("voir l'agenda des autres membres de l'équipe")
    USE_PARTNER_PORTAL = "use_partner_portal", _("consulter les parcours partagés avec son organisation")
    CONNECT_LES_EMPLOIS = (
        "connect_les_emplois",
        _("relier la structure aux emplois de l'inclusion et importer ses embauches"),
    )
    IMPORT_PEOPLE = "import_people", _("reprendre les personnes, parcours et contrats depuis un tableur")
    # Issue 17: only the direction (every capability but the team scope and the portal) creates and revokes them.
    MANAGE_API_TOKENS = "manage_api_tokens", _("créer et révoquer les jetons d'accès à l'API")
    WRITE_ACTIVITY_REPORTS = (
        "write_activity_reports",
        _("établir les rapports d'activité pour les financeurs et y écrire les commentaires de la structure"),
    )


_ALL = set(Capability)

ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    # The direction may do everything the structure's team does; a supervisor's team scope and the partners'
    # portal are not theirs.
    Role.DIRECTOR: frozenset(_ALL - {Capability.VIEW_TEAM_PEOPLE, Capability.USE_PARTNER_PORTAL}),
    # The data protection officer answers the people's requests and checks the access log.
    Role.DPO: frozenset({Capability.VIEW_ALL_PEOPLE, Capability.VIEW_ACCESS_LOG, Capability.MANAGE_PERSONAL_DATA}),
    Role.ADMIN: frozenset(
        {
            Capability.MANAGE_STRUCTURE,
            Capability.MANAGE_MEMBERS,
            Capability.VIEW_STRUCTURE_DASHBOARD,
            Capability.VIEW_ALL_PEOPLE,
            Capability.MANAGE_CONTRACTS,
        }
    ),
    Role.CASE_MANAGER: frozenset(
        {
            Capability.VIEW_STRUCTURE_DASHBOARD,
            Capability.VIEW_ALL_PEOPLE,
            Capability.EDIT_PEOPLE,
            Capability.RECORD_ELIGIBILITY,
            Capability.MANAGE_CONTRACTS,
            Capability.MANAGE_JOB_COACHING,
            # Who leads the team's follow-up plans with the others' agendas (calendars).
            Capability.VIEW_COLLEAGUES_CALENDARS,
        }
    ),
    Role.COUNSELLOR: frozenset(
        {
            Capability.VIEW_ALL_PEOPLE,
            Capability.EDIT_PEOPLE,
            Capability.RECORD_ELIGIBILITY,
            Capability.MANAGE_CONTRACTS,
            Capability.MANAGE_JOB_COACHING,
        }
    ),
    Role.JOB_COACH: frozenset({Capability.VIEW_ALL_PEOPLE, Capability.MANAGE_JOB_COACHING}),
    # A technical supervisor sees the people of their own team, nothing of the rest.
    Role.SUPERVISOR: frozenset({Capability.VIEW_TEAM_PEOPLE}),
    # Partners get their portal only, which shows nothing until a person's consent shares a pathway with them.
    Role.PARTNER: frozenset({Capability.USE_PARTNER_PORTAL}),
}

# Review meetings and workshops: every member of the team, never a partner.
for _role in (Role.DPO, Role.ADMIN, Role.CASE_MANAGER, Role.COUNSELLOR, Role.JOB_COACH, Role.SUPERVISOR):
    ROLE_CAPABILITIES[_role] = ROLE_CAPABILITIES[_role] | {Capability.VIEW_TEAM_CALENDAR}


# Partner directory (issue 6): every staff role reads it; those who orient people or work with employers keep it.
for _role in (Role.DPO, Role.SUPERVISOR):
    ROLE_CAPABILITIES[_role] = ROLE_CAPABILITIES[_role] | {Capability.VIEW_PARTNER_DIRECTORY}
for _role in (Role.ADMIN, Role.CASE_MANAGER, Role.COUNSELLOR, Role.JOB_COACH):
    ROLE_CAPABILITIES[_role] = ROLE_CAPABILITIES[_role] | {
        Capability.VIEW_PARTNER_DIRECTORY,
        Capability.MANAGE_PARTNER_DIRECTORY,
    }

# Decision 0008: the social staff (who edit people's files) and the data protection officer read what is kept
# for the social staff; the rest of the team (technical supervisors, job coaches, administration) never does.
for _role, _capabilities in list(ROLE_CAPABILITIES.items()):
    if _capabilities & {Capability.EDIT_PEOPLE, Capability.MANAGE_PERSONAL_DATA}:
        ROLE_CAPABILITIES[_role] = _capabilities | {Capability.READ_SOCIAL_STAFF_ONLY}


class Responsibility:
    """What a member may be named for in the follow-up of people, granted by capabilities like the rest.

    Pickers (référent·e, supervisor, action owner, interview lead, workshop facilitator, meeting
    participant, handover) offer only members who hold the responsibility: never the data protection
    officer, the administration or a partner, who do not follow people.
    """

    REFERENT = "referent"  # follows a pathway as référent·e: those who create and change pathways
    SUPERVISOR = "supervisor"  # technical supervisor of a pathway or a worksite: those who lead a team
    SUPPORT = "support"  # owns an action, leads an interview or a workshop, sits in a review meeting


RESPONSIBILITY_CAPABILITIES: dict[str, frozenset[str]] = {
    Responsibility.REFERENT: frozenset({Capability.EDIT_PEOPLE}),
    Responsibility.SUPERVISOR: frozenset({Capability.VIEW_TEAM_PEOPLE}),
    Responsibility.SUPPORT: frozenset(
        {Capability.EDIT_PEOPLE, Capability.VIEW_TEAM_PEOPLE, Capability.MANAGE_JOB_COACHING}
    ),
}


class Home:
    """The first screen of each role (dashboards), declared here with the rest of what a role means."""

    CASELOAD = "caseload"  # their own people as référent·e
    TEAM = "team"  # the people of their worksites
    STRUCTURE = "structure"  # the structure's overview, and their own caseload if they have one
    IN_CONTRACT = "in_contract"  # people in contract and the employers' side
    PERSONAL_DATA = "personal_data"  # requests to answer and retention
    PARTNER = "partner"  # the pathways shared with their organisation


ROLE_HOME: dict[str, str] = {
    Role.COUNSELLOR: Home.CASELOAD,
    Role.CASE_MANAGER: Home.CASELOAD,
    Role.SUPERVISOR: Home.TEAM,
    Role.DIRECTOR: Home.STRUCTURE,
    Role.ADMIN: Home.STRUCTURE,
    Role.JOB_COACH: Home.IN_CONTRACT,
    Role.DPO: Home.PERSONAL_DATA,
    Role.PARTNER: Home.PARTNER,
}


def roles_with_home(home: str) -> tuple[str, ...]:
    return tuple(str(role) for role, role_home in ROLE_HOME.items() if role_home == home)


def roles_holding(responsibility: str) -> tuple[str, ...]:
    """Roles granted one of the capabilities the responsibility needs."""
    needed = RESPONSIBILITY_CAPABILITIES[responsibility]
    return tuple(str(role) for role, capabilities in ROLE_CAPABILITIES.items() if capabilities & needed)


def role_can(role: str, capability: str) -> bool:
    return capability in ROLE_CAPABILITIES.get(role, frozenset())
