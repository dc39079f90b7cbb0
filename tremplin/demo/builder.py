"""Builds the demonstration data through the real services.

Every pathway, diagnosis and contract goes through the same functions the
screens use (open_pathway, record_diagnosis, sign_contract…), so the demo
obeys the programme rules by construction: if a rule changes and a story no
longer fits, building the demo fails loudly instead of showing data the
application would refuse.

Dates are computed back from today, so the dashboards always have contracts
ending soon, recent diagnoses and follow-ups under way. Random choices (names,
ages, exact days) come from a seeded generator: the same seed on the same day
gives the same demo.
"""

from __future__ import annotations

import datetime
import os
import random
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import import_module

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import Membership, User
from tremplin.accounts.roles import Role
from tremplin.contracts.models import Contract, EarlyEndReason
from tremplin.contracts.services import (
    ContractTerms,
    complete_contract,
    end_contract_early,
    renew_contract,
    sign_contract,
    suspend_contract,
)
from tremplin.core.dates import add_months, age_on
from tremplin.eligibility.services import person_facts, record_diagnosis
from tremplin.pathways.models import Pathway, Status, StatusChange
from tremplin.pathways.services import change_status, open_pathway
from tremplin.people.models import DrivingLicence, FrenchLevel, Nationality, Person
from tremplin.programmes.models import Programme
from tremplin.programmes.rules import ProgrammeKind
from tremplin.programmes.rules.base import ContractInput, ProofInput
from tremplin.programmes.rules.common import last_day_within
from tremplin.structures.models import Structure, StructureKind, Worksite
from tremplin.timeline.builders import status_change_events
from tremplin.timeline.signals import sync_events

from .programme import populate as populate_programme

DEMO_DOMAIN = "demo.tremplin.test"
DEMO_PASSWORD = "Tremplin-demo-2026"
DEMO_REGISTRATION_PREFIX = "DEMO-"
DEFAULT_SEED = 2026


# --- What a story says -------------------------------------------------------------------------

# Where a person's pathway stands at the end of their story.
CANDIDATE = "candidate"
WITHDRAWN = "withdrawn"
NOT_ELIGIBLE = "not_eligible"
ELIGIBLE = "eligible"
IN_CONTRACT = "in_contract"
EXITED_HIRED = "exited_hired"
EXITED_TRAINING = "exited_training"
EXITED_COMPLETED = "exited_completed"
FOLLOW_UP = "follow_up"
CLOSED_AFTER_FOLLOW_UP = "closed_after_follow_up"
CLOSED_AFTER_EXIT = "closed_after_exit"

# Variants of a contract in progress.
STANDARD = ""
RENEWED = "renewed"
ENDING = "ending"
SUSPENDED = "suspended"
REDUCED = "reduced"


@dataclass(frozen=True)
class Story:
    """One person's situation and where their pathway has got to. Texts are written to be read by the person too."""

    stage: str
    gender: str  # "f" or "m": only to pick a first name matching the wording of the situation
    situation: str = ""
    criteria: tuple[str, ...] = ()
    age: tuple[int, int] = (26, 48)
    worksite: int | None = None
    host: str = ""
    position: str = ""
    hours: str = "26"
    variant: str = STANDARD
    note: str = ""  # reason of a withdrawal, an exit, an early end, a follow-up or a closure
    referral: str = ""
    languages: str = ""  # empty: the structure's usual language
    french_level: str | None = None  # None: the structure's usual level
    licence: str = DrivingLicence.NONE
    vehicle: bool = False
    nationality: str = ""
    disability: bool = False
    proof_references: tuple[str, ...] = ()
    name: tuple[str, str] | None = None  # a name that fits the person's origin, when the story tells it


@dataclass(frozen=True)
class StaffMember:
    key: str  # first part of the sign-in address
    first_name: str
    last_name: str
    role: str
    job_title: str
    worksites: tuple[int, ...] = ()


@dataclass(frozen=True)
class StructurePlan:
    slug: str
    name: str
    kind: str
    registration_number: str
    address: str
    postcode: str
    city: str
    phone: str
    programme_kind: str
    programme_name: str
    agreement_reference: str
    exit_target: int | None
    worksites: tuple[tuple[str, str, int], ...]
    staff: tuple[StaffMember, ...]
    stories: tuple[Story, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    last_names: tuple[str, ...]
    towns: tuple[tuple[str, str], ...]
    nationality: str
    contract_months: int
    languages: str = "français"
    french_level: str = FrenchLevel.NATIVE
    phone_prefix: str = ""


def names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(","))


# --- The three structures ------------------------------------------------------------------------

ACI_STORIES = (
    Story(
        IN_CONTRACT,
        "m",
        "Ancien ouvrier du textile, au RSA depuis la fermeture de son entreprise. Aime le travail en extérieur ; "
        "prépare le permis B pour viser un poste d'agent d'espaces verts.",
        ("rsa",),
        age=(44, 52),
        worksite=0,
        position="Ouvrier·ère maraîcher·ère",
        variant=RENEWED,
        referral="France Travail — agence d'Armentières",
        licence=DrivingLicence.IN_PROGRESS,
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Mère de deux enfants, parent isolé, hébergée chez sa sœur. Cherche un emploi compatible avec les horaires "
        "de l'école ; la vente de paniers sur les marchés lui plaît beaucoup.",
        ("single_parent", "homeless", "low_qualification"),
        age=(30, 40),
        worksite=0,
        position="Ouvrier·ère maraîcher·ère",
        variant=ENDING,
        referral="Centre communal d'action sociale d'Armentières",
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Inscrit à France Travail depuis plus de deux ans après un licenciement économique. Très investi sur le "
        "chantier ; une période d'essai chez un maraîcher du secteur est en cours.",
        ("job_seeker_24_months",),
        age=(38, 48),
        worksite=0,
        position="Ouvrier·ère maraîcher·ère",
        variant=SUSPENDED,
        referral="France Travail — agence d'Armentières",
        licence=DrivingLicence.B,
        vehicle=True,
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Sorti de l'aide sociale à l'enfance l'an dernier, sans diplôme. Découvre le travail en équipe et la "
        "régularité des horaires ; attiré par les métiers de la cuisine.",
        ("under_26", "child_welfare_leaver", "low_qualification"),
        age=(19, 22),
        worksite=0,
        position="Ouvrier·ère maraîcher·ère",
        hours="24",
        referral="Mission locale de la vallée de la Lys",
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Reprend une activité après une longue période sans emploi ; commence à 18 heures par semaine, à sa "
        "demande, avec une augmentation progressive prévue au bout de trois mois.",
        ("aah",),
        age=(45, 55),
        worksite=0,
        position="Ouvrier·ère maraîcher·ère",
        hours="18",
        variant=REDUCED,
        referral="Cap emploi",
        disability=True,
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Arrivé en France il y a quatre ans, réfugié. Maçon dans son pays ; suit des cours de français le mardi "
        "soir et vise un CAP maçonnerie.",
        ("refugee_or_asylum", "low_qualification", "priority_district"),
        age=(28, 38),
        worksite=1,
        position="Agent·e du second œuvre du bâtiment",
        hours="30",
        variant=RENEWED,
        referral="Plateforme d'accueil des personnes réfugiées",
        name=("Ahmad", "Rahimi"),
        languages="dari, pachto, français",
        french_level=FrenchLevel.A2,
        nationality=Nationality.NON_EU,
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Accompagné par le service pénitentiaire d'insertion et de probation depuis sa sortie il y a quelques "
        "mois. Bon niveau en peinture ; cherche un emploi stable et un logement à lui.",
        ("justice", "low_qualification", "homeless"),
        age=(24, 34),
        worksite=1,
        position="Agent·e du second œuvre du bâtiment",
        variant=ENDING,
        referral="Service pénitentiaire d'insertion et de probation (SPIP)",
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Au RSA, a longtemps travaillé en intérim dans le bâtiment. Connaît bien la plâtrerie ; souhaite faire "
        "reconnaître son expérience par une VAE.",
        ("rsa",),
        age=(35, 50),
        worksite=1,
        position="Agent·e du second œuvre du bâtiment",
        hours="30",
        referral="Département du Nord — service insertion",
        licence=DrivingLicence.B,
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Magasinier pendant vingt-cinq ans, sans emploi depuis dix-huit mois. Transmet volontiers son savoir-faire "
        "aux plus jeunes ; vise un poste de magasinier.",
        ("aged_50_plus", "job_seeker_12_24_months", "low_qualification"),
        age=(52, 58),
        worksite=1,
        position="Agent·e du second œuvre du bâtiment",
        referral="France Travail — agence de Lille Sud",
        licence=DrivingLicence.B,
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Au RSA, mère de trois enfants. A surtout fait des missions courtes de ménage ; découvre la blanchisserie "
        "et apprécie le travail soigné.",
        ("rsa",),
        age=(33, 45),
        worksite=2,
        position="Agent·e de blanchisserie",
        variant=RENEWED,
        referral="Département du Nord — service insertion",
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Arrivée du Sénégal il y a six ans, titre de séjour de dix ans. Parle wolof et français ; veut devenir "
        "agente de service hospitalier.",
        ("low_qualification", "priority_district", "job_seeker_12_24_months"),
        age=(30, 42),
        worksite=2,
        position="Agent·e de blanchisserie",
        variant=ENDING,
        referral="France Travail — agence d'Armentières",
        name=("Awa", "Ndiaye"),
        languages="wolof, français",
        french_level=FrenchLevel.B1,
        nationality=Nationality.NON_EU,
    ),
    Story(
        ELIGIBLE,
        "f",
        "Orientée par la Mission locale ; première expérience professionnelle. Intéressée par le chantier "
        "bâtiment, entrée prévue à la prochaine session de recrutement.",
        ("under_26", "low_qualification", "priority_district"),
        age=(19, 22),
        referral="Mission locale de la vallée de la Lys",
    ),
    Story(
        ELIGIBLE,
        "m",
        "Bénéficiaire de l'ASS, ancien chauffeur-livreur. Souhaite travailler au maraîchage en attendant une "
        "formation de cariste.",
        ("ass",),
        age=(40, 55),
        referral="France Travail — agence de Lille Sud",
        licence=DrivingLicence.B,
        vehicle=True,
    ),
    Story(
        NOT_ELIGIBLE,
        "m",
        "Deux critères de niveau 2 justifiés à ce jour (niveau CAP, quartier prioritaire). Orienté vers un "
        "accompagnement intensif de France Travail ; un nouveau diagnostic sera fait si sa situation change.",
        ("low_qualification", "priority_district"),
        age=(27, 45),
        referral="Candidature spontanée",
    ),
    Story(
        NOT_ELIGIBLE,
        "f",
        "Parent isolé vivant en zone rurale, sans permis. Deux critères justifiés : l'auto-école sociale lui est "
        "proposée, et la candidature pourra être réexaminée.",
        ("single_parent", "rural_zone"),
        age=(25, 40),
        referral="Centre social du Pays de Flandre",
    ),
    Story(CANDIDATE, "f", referral="France Travail — agence d'Armentières"),
    Story(CANDIDATE, "m", referral="Candidature spontanée après la journée portes ouvertes du chantier"),
    Story(
        CANDIDATE,
        "m",
        referral="Centre d'hébergement et de réinsertion sociale",
        languages="arabe, français",
        french_level=FrenchLevel.B1,
        nationality=Nationality.NON_EU,
    ),
    Story(
        WITHDRAWN,
        "f",
        note="A trouvé un emploi saisonnier avant l'entretien de recrutement ; recontactera le chantier à "
        "l'automne si besoin.",
        referral="France Travail — agence d'Armentières",
    ),
    Story(
        EXITED_HIRED,
        "m",
        "Au RSA après une longue période d'intérim. Très à l'aise avec les machines agricoles.",
        ("rsa",),
        worksite=0,
        position="Ouvrier·ère maraîcher·ère",
        note="Embauche en CDI comme agent d'espaces verts dans une entreprise du paysage partenaire du chantier.",
        licence=DrivingLicence.B,
    ),
    Story(
        EXITED_COMPLETED,
        "f",
        "Inscrite à France Travail depuis plus de deux ans, très régulière et appréciée de l'équipe.",
        ("job_seeker_24_months",),
        worksite=2,
        position="Agent·e de blanchisserie",
        note="Contrat arrivé à son terme ; entrée en formation qualifiante d'agent·e de propreté et d'hygiène.",
    ),
    Story(
        EXITED_TRAINING,
        "m",
        "Jeune adulte sans diplôme, très habile en peinture décorative.",
        ("under_26", "low_qualification", "priority_district"),
        age=(20, 23),
        worksite=1,
        position="Agent·e du second œuvre du bâtiment",
        note="Entrée en formation CAP peintre applicateur de revêtements.",
    ),
    Story(
        FOLLOW_UP,
        "f",
        "Bénéficiaire du RSA, ancienne employée de libre-service.",
        ("rsa",),
        worksite=2,
        position="Agent·e de blanchisserie",
        note="Embauche en CDD de huit mois comme préparatrice de commandes.",
    ),
    Story(
        FOLLOW_UP,
        "m",
        "Plus de 50 ans, en recherche d'emploi depuis plus d'un an après un problème de santé.",
        ("aged_50_plus", "job_seeker_12_24_months", "disabled_worker"),
        age=(52, 58),
        worksite=0,
        position="Ouvrier·ère maraîcher·ère",
        note="Embauche en contrat de professionnalisation dans une blanchisserie industrielle.",
        disability=True,
    ),
    Story(
        CLOSED_AFTER_FOLLOW_UP,
        "f",
        "Au RSA, a repris confiance en elle au fil du parcours.",
        ("rsa",),
        worksite=2,
        position="Agent·e de blanchisserie",
        note="Suivi à six mois terminé : toujours en poste en CDI.",
    ),
    Story(
        CLOSED_AFTER_EXIT,
        "m",
        "Bénéficiaire de l'ASS, ancien cariste.",
        ("ass",),
        worksite=1,
        position="Agent·e du second œuvre du bâtiment",
        note="Déménagement dans une autre région ; le relais est pris par le CCAS de sa nouvelle commune.",
    ),
)

BELGIUM_ALL = ("social_integration_income", "legal_stay", "no_full_unemployment_benefit")

CPAS_STORIES = (
    Story(
        IN_CONTRACT,
        "m",
        "Bénéficiaire du revenu d'intégration depuis deux ans, ancien manœuvre. Bon bricoleur ; la mise à l'emploi "
        "doit lui ouvrir le droit aux allocations de chômage et lui donner une expérience à faire valoir.",
        BELGIUM_ALL,
        age=(27, 34),
        worksite=0,
        position="Ouvrier·ère polyvalent·e",
        hours="38",
        referral="Service social du CPAS",
        licence=DrivingLicence.B,
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Maman solo d'un enfant de six ans, revenu d'intégration. Après l'article 60, souhaite une formation "
        "d'aide-soignante.",
        BELGIUM_ALL,
        age=(29, 34),
        host="Maison de repos Les Tilleuls (démo)",
        position="Aide-logisticien·ne",
        hours="38",
        referral="Service social du CPAS",
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Réfugié reconnu, parle arabe et anglais ; suit des cours de français. Très à l'aise avec le public ; vise "
        "un emploi en magasin.",
        BELGIUM_ALL,
        age=(25, 33),
        worksite=1,
        position="Vendeur·se — réassort",
        hours="28.5",
        referral="Service d'insertion socioprofessionnelle du CPAS",
        name=("Omar", "Al-Khatib"),
        languages="arabe, anglais, français",
        french_level=FrenchLevel.A2,
        nationality=Nationality.NON_EU,
    ),
    Story(
        IN_CONTRACT,
        "m",
        "A arrêté ses études supérieures, revenu d'intégration. Passionné de réparation de vélos et d'objets.",
        BELGIUM_ALL,
        age=(22, 27),
        host="ASBL Recyclerie des Deux Vallées (démo)",
        position="Valoriste",
        hours="38",
        variant=ENDING,
        referral="Service social du CPAS",
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Cuisinier de métier dans son pays d'origine, en Belgique depuis cinq ans. Cherche une première expérience "
        "belge pour faire reconnaître son savoir-faire.",
        BELGIUM_ALL,
        age=(37, 45),
        worksite=2,
        position="Commis·e de cuisine",
        hours="38",
        referral="Service d'insertion socioprofessionnelle du CPAS",
        name=("Joaquim", "Mendes"),
        languages="portugais, français",
        french_level=FrenchLevel.B1,
        nationality=Nationality.NON_EU,
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Revenu d'intégration, deux enfants. Préfère un temps partiel pour l'instant ; projet d'emploi stable dans "
        "l'entretien de bâtiments.",
        BELGIUM_ALL,
        age=(28, 34),
        host="Crèche communale Les Petits Pas (démo)",
        position="Agent·e d'entretien",
        hours="28.5",
        referral="Service social du CPAS",
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Ancien ouvrier d'une verrerie fermée, n'a plus droit au chômage. Méticuleux ; souhaite se reconvertir "
        "dans la maintenance de bâtiments.",
        BELGIUM_ALL,
        age=(40, 46),
        worksite=0,
        position="Ouvrier·ère polyvalent·e",
        hours="38",
        referral="Service d'insertion socioprofessionnelle du CPAS",
        licence=DrivingLicence.B,
        vehicle=True,
    ),
    Story(
        ELIGIBLE,
        "f",
        "Revenu d'intégration depuis un an ; parle français et lingala. Intéressée par l'accueil à l'épicerie "
        "sociale, début prévu le mois prochain.",
        BELGIUM_ALL,
        age=(26, 35),
        referral="Service social du CPAS",
        name=("Grâce", "Mbuyi"),
        languages="lingala, français",
    ),
    Story(
        ELIGIBLE,
        "m",
        "Ancien indépendant (petite friterie) ayant cessé son activité, sans droit au chômage. Motivé par la "
        "cuisine collective.",
        BELGIUM_ALL,
        age=(30, 35),
        referral="Service d'insertion socioprofessionnelle du CPAS",
    ),
    Story(
        NOT_ELIGIBLE,
        "m",
        "A travaillé assez de jours pour ouvrir le droit aux allocations de chômage complètes : orienté vers le "
        "Forem pour un accompagnement de recherche d'emploi.",
        ("social_integration_income", "legal_stay"),
        age=(25, 40),
        referral="Service social du CPAS",
    ),
    Story(CANDIDATE, "f", referral="Service social du CPAS — permanence du mardi"),
    Story(CANDIDATE, "m", referral="Service d'insertion socioprofessionnelle du CPAS, après un module d'orientation"),
    Story(
        WITHDRAWN,
        "f",
        note="Déménage dans une autre commune : le dossier est transmis au CPAS de sa nouvelle commune.",
        referral="Service social du CPAS",
    ),
    Story(
        EXITED_HIRED,
        "f",
        "Revenu d'intégration, ancienne aide-ménagère.",
        BELGIUM_ALL,
        age=(30, 35),
        host="Maison de repos Les Tilleuls (démo)",
        position="Aide-logisticien·ne",
        hours="38",
        note="Engagée à durée indéterminée, à temps partiel, par la maison de repos où elle travaillait.",
    ),
    Story(
        EXITED_COMPLETED,
        "m",
        "Revenu d'intégration, sans expérience déclarée.",
        BELGIUM_ALL,
        age=(22, 30),
        worksite=0,
        position="Ouvrier·ère polyvalent·e",
        hours="38",
        note="Contrat terminé : le droit aux allocations de chômage est ouvert ; inscription au Forem et recherche "
        "d'emploi accompagnée.",
    ),
    Story(
        FOLLOW_UP,
        "m",
        "Revenu d'intégration, ancien magasinier.",
        BELGIUM_ALL,
        age=(24, 33),
        worksite=1,
        position="Vendeur·se — réassort",
        hours="38",
        note="Entrée en formation de cariste dans un centre de compétence.",
    ),
    Story(
        CLOSED_AFTER_FOLLOW_UP,
        "f",
        "Revenu d'intégration, parle français et turc.",
        BELGIUM_ALL,
        age=(25, 34),
        worksite=2,
        position="Commis·e de cuisine",
        hours="38",
        note="Suivi terminé : en emploi dans une cuisine de collectivité depuis quatre mois.",
        name=("Elif", "Demir"),
        languages="turc, français",
    ),
)

COOP_STORIES = (
    Story(
        IN_CONTRACT,
        "m",
        "Invalidité civile reconnue. Apprécie le travail en plein air ; progresse dans l'usage du matériel de tonte.",
        ("physical_mental_sensory_disability",),
        worksite=0,
        position="Operatore/operatrice del verde",
        hours="30",
        variant=RENEWED,
        disability=True,
        proof_references=("Verbale di invalidità civile INPS n. DEMO-2291",),
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Bénéficie d'une mesure alternative à la détention. Ponctuel et volontaire ; aimerait passer le permis "
        "poids lourd.",
        ("alternative_to_detention",),
        worksite=0,
        position="Operatore/operatrice del verde",
        hours="36",
        proof_references=("Provvedimento UEPE n. DEMO-0457",),
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Suit un parcours de soins avec le service public compétent. Reprise du travail à temps partiel, bonne "
        "intégration dans l'équipe.",
        ("addiction",),
        worksite=0,
        position="Operatore/operatrice del verde",
        hours="25",
        variant=ENDING,
        proof_references=("Attestazione SerD n. DEMO-1180",),
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Accompagnée par le centre de santé mentale. Travaille en binôme et gagne en autonomie ; vise un emploi "
        "stable dans le nettoyage hospitalier.",
        ("former_psychiatric_patient",),
        worksite=1,
        position="Addetto/a alle pulizie",
        hours="30",
        variant=RENEWED,
        proof_references=("Attestazione CSM n. DEMO-0932",),
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Personne sourde, communique en langue des signes italienne et par écrit ; l'équipe a appris quelques "
        "signes de base.",
        ("physical_mental_sensory_disability",),
        worksite=1,
        position="Addetto/a alle pulizie",
        hours="30",
        disability=True,
        languages="LIS, italien",
        proof_references=("Verbale di invalidità civile INPS n. DEMO-3318",),
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Suit un parcours de soins avec le service public compétent. A retrouvé un rythme régulier ; souhaite "
        "passer le permis de conduire.",
        ("addiction",),
        worksite=1,
        position="Addetto/a alle pulizie",
        hours="25",
        proof_references=("Attestazione SerD n. DEMO-1244",),
    ),
    Story(
        IN_CONTRACT,
        "m",
        "Aime les travaux minutieux ; numérise les archives d'une commune voisine.",
        ("former_psychiatric_patient",),
        worksite=2,
        position="Addetto/a alla legatoria e all'archivio",
        hours="30",
        proof_references=("Attestazione CSM n. DEMO-0977",),
    ),
    Story(
        IN_CONTRACT,
        "f",
        "Invalidité reconnue après un accident du travail ; se reconvertit dans l'archivage numérique.",
        ("physical_mental_sensory_disability",),
        age=(40, 55),
        worksite=2,
        position="Addetto/a alla legatoria e all'archivio",
        hours="30",
        disability=True,
        proof_references=("Verbale di invalidità civile INPS n. DEMO-4102",),
    ),
    Story(
        ELIGIBLE,
        "m",
        "Suit un parcours de soins avec le service public compétent. Début prévu dans l'équipe espaces verts.",
        ("addiction",),
        referral="Servizio per le dipendenze (SerD)",
        proof_references=("Attestazione SerD n. DEMO-1302",),
    ),
    Story(
        NOT_ELIGIBLE,
        "f",
        "Aucun statut de personne défavorisée attesté par un document public : orientée vers le centre pour "
        "l'emploi (Centro per l'impiego).",
        (),
        referral="Candidatura spontanea",
    ),
    Story(CANDIDATE, "m", referral="Servizio sociale del Comune"),
    Story(CANDIDATE, "f", referral="Centro di salute mentale"),
    Story(
        WITHDRAWN,
        "m",
        note="A choisi une formation professionnelle régionale qui commence au même moment.",
        referral="Servizio sociale del Comune",
    ),
    Story(
        EXITED_HIRED,
        "f",
        "Invalidité civile reconnue, très autonome dans son travail.",
        ("physical_mental_sensory_disability",),
        worksite=1,
        position="Addetto/a alle pulizie",
        hours="30",
        disability=True,
        note="Embauchée à durée indéterminée par l'entreprise de nettoyage cliente de la coopérative.",
        proof_references=("Verbale di invalidità civile INPS n. DEMO-2764",),
    ),
    Story(
        EXITED_COMPLETED,
        "m",
        "Bénéficie d'une mesure alternative à la détention, arrivée à son terme pendant le contrat.",
        ("alternative_to_detention",),
        worksite=0,
        position="Operatore/operatrice del verde",
        hours="36",
        note="Contrat terminé ; inscription au Centro per l'impiego et recherche d'emploi accompagnée.",
        proof_references=("Provvedimento UEPE n. DEMO-0388",),
    ),
    Story(
        FOLLOW_UP,
        "m",
        "Suit un parcours de soins avec le service public compétent.",
        ("addiction",),
        worksite=2,
        position="Addetto/a alla legatoria e all'archivio",
        hours="30",
        note="Embauché dans une imprimerie de la ville.",
        proof_references=("Attestazione SerD n. DEMO-0815",),
    ),
    Story(
        CLOSED_AFTER_EXIT,
        "f",
        "Accompagnée par le centre de santé mentale.",
        ("former_psychiatric_patient",),
        worksite=1,
        position="Addetto/a alle pulizie",
        hours="25",
        note="La personne a rejoint une autre coopérative sociale près de chez elle ; dossier clos à sa demande.",
        proof_references=("Attestazione CSM n. DEMO-0610",),
    ),
)

PLANS = (
    StructurePlan(
        slug="aci",
        name="Les Jardins de la Lys — chantier d'insertion (démo)",
        kind=StructureKind.ACI,
        registration_number="DEMO-ACI-000001",
        address="12 rue des Maraîchers",
        postcode="59280",
        city="Armentières",
        phone="03 53 01 00 10",
        programme_kind=ProgrammeKind.FR_ACI,
        programme_name="ACI Les Jardins de la Lys",
        agreement_reference="DEMO-ACI-59-2026",
        exit_target=60,
        worksites=(
            ("Maraîchage du Pré-Fleuri", "Maraîchage biologique et vente de paniers", 12),
            ("Rénovation du bâti ancien", "Second œuvre du bâtiment : peinture, plâtrerie, menuiserie", 10),
            ("Blanchisserie solidaire", "Blanchisserie et repassage pour associations et entreprises", 10),
        ),
        staff=(
            StaffMember("direction", "Hélène", "Vasseur", Role.DIRECTOR, "Directrice"),
            StaffMember("conseil1", "Karim", "Benali", Role.COUNSELLOR, "Conseiller en insertion professionnelle"),
            StaffMember("conseil2", "Sophie", "Lemaire", Role.COUNSELLOR, "Conseillère en insertion professionnelle"),
            StaffMember("encadrement1", "Didier", "Lefebvre", Role.SUPERVISOR, "Encadrant technique maraîchage", (0,)),
            StaffMember(
                "encadrement2",
                "Nadia",
                "Haddad",
                Role.SUPERVISOR,
                "Encadrante technique bâtiment et blanchisserie",
                (1, 2),
            ),
            StaffMember("emploi", "Julien", "Mercier", Role.JOB_COACH, "Chargé de relations entreprises"),
            StaffMember("parcours", "Claire", "Dumont", Role.CASE_MANAGER, "Responsable des parcours"),
            StaffMember("admin", "Patricia", "Caron", Role.ADMIN, "Assistante administrative"),
            StaffMember("partenaire", "Élodie", "Martin", Role.PARTNER, "Conseillère France Travail"),
            StaffMember("dpo", "Thomas", "Leclercq", Role.DPO, "Délégué à la protection des données (mutualisé)"),
        ),
        stories=ACI_STORIES,
        women=names(
            "Amandine, Sylvie, Fatou, Nathalie, Aïcha, Sandrine, Laetitia, Samira, Océane, Brigitte, "
            "Jessica, Corinne, Mélissa, Christelle, Inès, Virginie"
        ),
        men=names(
            "Kevin, Mohamed, Jordan, Yannick, Dylan, Mamadou, Grégory, Thierry, Rachid, Steven, Farid, "
            "Anthony, Hakim, Bruno, Ludovic, Sébastien"
        ),
        last_names=names(
            "Dupont, Leroy, Moreau, Delattre, Vandamme, Dewitte, Traoré, Diallo, Boucher, Petit, "
            "Carpentier, Duhamel, Mahieu, Ben Salah, Dufour, Lecomte, Meunier, Bernard, Vermeulen, Kaci, "
            "Coulibaly, Hennebert, Fontaine, Lambin, Delcourt, Ouali, Sow, Lemoine, Deschamps, Verhaeghe"
        ),
        towns=(
            ("59280", "Armentières"),
            ("59116", "Houplines"),
            ("59193", "Erquinghem-Lys"),
            ("59850", "Nieppe"),
            ("59270", "Bailleul"),
            ("59000", "Lille"),
        ),
        nationality=Nationality.FRENCH,
        contract_months=6,
        phone_prefix="06 39 98",
    ),
    StructurePlan(
        slug="cpas",
        name="CPAS de Val-de-Haine (démo)",
        kind=StructureKind.CPAS,
        registration_number="DEMO-0212.345.678",
        address="5 rue de la Station",
        postcode="7300",
        city="Val-de-Haine",
        phone="",
        programme_kind=ProgrammeKind.BE_ARTICLE_60,
        programme_name="Mise à l'emploi article 60 §7",
        agreement_reference="",
        exit_target=None,
        worksites=(
            ("Service technique", "Entretien des bâtiments et des espaces publics de la commune", 8),
            ("Épicerie sociale", "Accueil, réassort et caisse", 4),
            ("Restaurant social", "Préparation et service des repas", 4),
        ),
        staff=(
            StaffMember("direction", "Anne", "Lambert", Role.DIRECTOR, "Directrice du service d'insertion"),
            StaffMember("conseil1", "Youssef", "El Amrani", Role.COUNSELLOR, "Agent d'insertion"),
            StaffMember("conseil2", "Valérie", "Peeters", Role.COUNSELLOR, "Agente d'insertion"),
            StaffMember("encadrement1", "Luc", "Dubois", Role.SUPERVISOR, "Tuteur au service technique", (0,)),
            StaffMember(
                "encadrement2",
                "Fatima",
                "Bouzid",
                Role.SUPERVISOR,
                "Tutrice à l'épicerie et au restaurant social",
                (1, 2),
            ),
            StaffMember("emploi", "Thomas", "Wouters", Role.JOB_COACH, "Job coach"),
            StaffMember("parcours", "Isabelle", "Renard", Role.CASE_MANAGER, "Assistante sociale coordinatrice"),
            StaffMember("admin", "Christine", "Lejeune", Role.ADMIN, "Gestionnaire administrative"),
            StaffMember("partenaire", "Kevin", "Claes", Role.PARTNER, "Conseiller emploi du Forem"),
            StaffMember("dpo", "Annick", "Dubois", Role.DPO, "Déléguée à la protection des données du CPAS"),
        ),
        stories=CPAS_STORIES,
        women=names("Marie, Laura, Céline, Sarah, Aurélie, Ayse, Julie, Justine, Émilie, Fatma, Nora"),
        men=names("Jérémy, Nathan, Mehdi, Jonathan, Bilal, Maxime, Ahmed, Dimitri, Samuel, Kevin, Grégory"),
        last_names=names(
            "Collard, Henrard, Martin, Janssens, Maes, Jacobs, Willems, Goossens, De Smet, Mertens, Dupuis, "
            "Hendrickx, Leclercq, El Idrissi, Yilmaz, Nsimba, Delvaux, Gilson, Van Damme, Lemaire"
        ),
        towns=(("7300", "Val-de-Haine"),),
        nationality=Nationality.EU,
        contract_months=12,
    ),
    StructurePlan(
        slug="coop",
        name="Cooperativa sociale Terra Comune (démo)",
        kind=StructureKind.COOP_B,
        registration_number="DEMO-IT-01234560371",
        address="Via dei Mulini 14",
        postcode="40131",
        city="Bologna",
        phone="",
        programme_kind=ProgrammeKind.IT_COOP_B,
        programme_name="Inserimento lavorativo (legge 381/1991)",
        agreement_reference="",
        exit_target=None,
        worksites=(
            ("Manutenzione del verde", "Entretien des espaces verts publics", 8),
            ("Pulizie e sanificazione", "Nettoyage de bureaux et d'écoles", 8),
            ("Legatoria e archivio", "Reliure, numérisation et archivage", 4),
        ),
        staff=(
            StaffMember("direction", "Giulia", "Ferri", Role.DIRECTOR, "Direttrice"),
            StaffMember("conseil1", "Marco", "Bianchi", Role.COUNSELLOR, "Operatore dell'inserimento lavorativo"),
            StaffMember("conseil2", "Chiara", "Romano", Role.COUNSELLOR, "Operatrice dell'inserimento lavorativo"),
            StaffMember("encadrement1", "Paolo", "Greco", Role.SUPERVISOR, "Capo squadra verde", (0,)),
            StaffMember(
                "encadrement2", "Francesca", "Conti", Role.SUPERVISOR, "Responsabile pulizie e legatoria", (1, 2)
            ),
            StaffMember("emploi", "Luca", "Ricci", Role.JOB_COACH, "Job coach"),
            StaffMember("parcours", "Elena", "Marino", Role.CASE_MANAGER, "Responsabile sociale"),
            StaffMember("admin", "Roberto", "Gallo", Role.ADMIN, "Amministrazione"),
            StaffMember(
                "partenaire", "Sara", "Lombardi", Role.PARTNER, "Assistente sociale, servizio inserimento lavorativo"
            ),
            StaffMember("dpo", "Marco", "Ferri", Role.DPO, "Responsabile della protezione dei dati"),
        ),
        stories=COOP_STORIES,
        women=("Giulia", "Francesca", "Sara", "Martina", "Valentina", "Elisa", "Federica", "Silvia", "Ionela", "Anna"),
        men=names("Alessandro, Matteo, Davide, Simone, Andrea, Stefano, Giorgio, Antonio, Youssef, Salvatore"),
        last_names=names(
            "Rossi, Russo, Ferrari, Esposito, Colombo, De Luca, Mancini, Costa, Giordano, Rizzo, Moretti, "
            "Barbieri, Fontana, Popescu, El Mansouri, Santoro, Caruso, Leone"
        ),
        towns=(
            ("40131", "Bologna"),
            ("40133", "Bologna"),
            ("40033", "Casalecchio di Reno"),
            ("40068", "San Lazzaro di Savena"),
            ("40013", "Castel Maggiore"),
        ),
        nationality=Nationality.EU,
        contract_months=12,
        languages="italien",
        french_level="",
    ),
)

# A network coordinator working in two structures, to show the structure switcher.
SHARED_MEMBER = StaffMember(
    "reseau", "Camille", "Roussel", Role.CASE_MANAGER, "Coordinatrice transfrontalière des parcours"
)
SHARED_MEMBER_ROLES = {"aci": Role.CASE_MANAGER, "cpas": Role.COUNSELLOR}

# Days of work needed to open unemployment rights, by age (Belgian unemployment rules, six-day week).
BELGIAN_WORK_DAYS = ((36, 312), (50, 468), (200, 624))


# --- Result ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    role: str
    structure: str


@dataclass
class DemoResult:
    structures: list[Structure] = field(default_factory=list)
    accounts: list[DemoAccount] = field(default_factory=list)
    people: int = 0
    password: str = DEMO_PASSWORD

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}/"


# --- Finding and removing the demo ---------------------------------------------------------------


def demo_structures():
    return Structure.objects.filter(registration_number__startswith=DEMO_REGISTRATION_PREFIX)


def demo_users():
    return User.objects.filter(email__iendswith=f"@{DEMO_DOMAIN}")


def demo_exists() -> bool:
    return demo_structures().exists() or demo_users().exists()


@transaction.atomic
def reset_demo() -> None:
    """Deletes the demo structures (and everything recorded in them) and the demo accounts. Nothing else.

    Contracts and pathways protect their worksite, previous contract and programme from deletion, so
    they go first: the last link of each renewal chain, then the one before, and so on.
    """
    structures = demo_structures()
    contracts = Contract.objects.filter(pathway__structure__in=structures)
    while contracts.exists():
        contracts.filter(renewal__isnull=True).delete()
    Pathway.objects.filter(structure__in=structures).delete()
    structures.delete()
    demo_users().delete()


# --- Building ------------------------------------------------------------------------------------


def build_demo(
    seed: int = DEFAULT_SEED, today: datetime.date | None = None, plans: tuple[StructurePlan, ...] = PLANS
) -> DemoResult:
    """The demo; `plans` lets a test build a smaller one (one structure, a few stories) through the same steps."""
    with transaction.atomic():
        return _Builder(seed, today or timezone.localdate()).build(plans)


def app_demo_steps() -> list:
    """Each app may fill its part of the demo with a module `tremplin/<app>/demo.py` defining
    `populate(result: DemoResult, *, rng: random.Random, today: datetime.date) -> None`, called in the
    order of INSTALLED_APPS once the structures, staff and pathways exist. Use the real services."""
    steps = []
    for config in apps.get_app_configs():
        if not config.name.startswith("tremplin.") or config.label == "demo":
            continue
        try:
            module = import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        steps.append(module.populate)
    return steps


def email_for(key: str, slug: str) -> str:
    return f"{key}.{slug}@{DEMO_DOMAIN}" if slug else f"{key}@{DEMO_DOMAIN}"


class _Builder:
    def __init__(self, seed: int, today: datetime.date):
        self.rng = random.Random(seed)
        self.today = today
        self.password = make_password(DEMO_PASSWORD)
        self.result = DemoResult()
        self.shared_user: User | None = None
        # Last StatusChange id already dated, per pathway.
        self._dated: dict[int, int] = {}

    # -- structure, programme, worksites, staff

    def build(self, plans: tuple[StructurePlan, ...] = PLANS) -> DemoResult:
        for plan in plans:
            self.build_structure(plan)
        populate_programme(self.result, rng=self.rng, today=self.today)
        for populate in app_demo_steps():
            populate(self.result, rng=self.rng, today=self.today)
        return self.result

    def build_structure(self, plan: StructurePlan) -> Structure:
        structure = Structure.objects.create(
            name=plan.name,
            kind=plan.kind,
            registration_number=plan.registration_number,
            address=plan.address,
            postcode=plan.postcode,
            city=plan.city,
            phone=plan.phone,
            email=email_for("contact", plan.slug),
        )
        programme = Programme.objects.create(
            structure=structure,
            kind=plan.programme_kind,
            name=plan.programme_name,
            agreement_reference=plan.agreement_reference,
            yearly_positive_exit_target=plan.exit_target,
        )
        worksites = [
            Worksite.objects.create(
                structure=structure,
                name=name,
                activity=activity,
                capacity=capacity,
                city=plan.city,
                postcode=plan.postcode,
            )
            for name, activity, capacity in plan.worksites
        ]
        staff: dict[str, User] = {}
        supervisors_of: dict[int, User] = {}
        for member in plan.staff:
            user = self.user(member, email_for(member.key, plan.slug))
            self.join(user, structure, member.role, member.job_title)
            staff[member.key] = user
            for index in member.worksites:
                worksites[index].supervisors.add(user)
                supervisors_of.setdefault(index, user)
        if plan.slug in SHARED_MEMBER_ROLES:
            if self.shared_user is None:
                self.shared_user = self.user(SHARED_MEMBER, email_for(SHARED_MEMBER.key, ""))
            self.join(self.shared_user, structure, SHARED_MEMBER_ROLES[plan.slug], SHARED_MEMBER.job_title)
        referents = [staff["conseil1"], staff["conseil2"], staff["parcours"]]
        if plan.slug == "cpas" and self.shared_user is not None:
            referents.append(self.shared_user)

        names = self.names(plan)
        for index, (story, name) in enumerate(zip(plan.stories, names, strict=True)):
            self.live(
                story,
                plan=plan,
                structure=structure,
                programme=programme,
                worksites=worksites,
                supervisors_of=supervisors_of,
                referent=referents[index % len(referents)],
                name=name,
            )
        if plan.kind == StructureKind.COOP_B:
            # Disadvantaged workers must be 30 % of all workers: the rest of the team works alongside them.
            in_contract = Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT).count()
            structure.total_workers = in_contract * 3
            structure.save(update_fields=["total_workers", "updated_at"])
        self.result.structures.append(structure)
        self.result.people += Person.objects.filter(structure=structure).count()
        return structure

    def user(self, member: StaffMember, email: str) -> User:
        return User.objects.create(
            email=email, first_name=member.first_name, last_name=member.last_name, password=self.password
        )

    def join(self, user: User, structure: Structure, role: str, job_title: str) -> Membership:
        membership = Membership.objects.create(user=user, structure=structure, role=role, job_title=job_title)
        self.result.accounts.append(DemoAccount(user.email, str(user), str(Role(role).label), structure.name))
        return membership

    def names(self, plan: StructurePlan) -> list[tuple[str, str]]:
        """One distinct (first name, last name) per story, the first name matching the story's wording."""
        women = list(plan.women)
        men = list(plan.men)
        last_names = list(plan.last_names)
        self.rng.shuffle(women)
        self.rng.shuffle(men)
        self.rng.shuffle(last_names)
        return [
            story.name or ((women if story.gender == "f" else men).pop(), last_names.pop()) for story in plan.stories
        ]

    # -- one person's story

    def live(self, story: Story, *, plan, structure, programme, worksites, supervisors_of, referent, name) -> Pathway:
        today = self.today
        first_name, last_name = name
        age = self.rng.randint(*story.age)
        birth_date = today - datetime.timedelta(days=int(age * 365.25) + self.rng.randint(15, 340))
        postcode, city = self.rng.choice(plan.towns)
        person = Person.objects.create(
            structure=structure,
            first_name=first_name,
            last_name=last_name,
            birth_date=birth_date,
            email=self.person_email(first_name, last_name, plan.slug) if self.rng.random() < 0.6 else "",
            phone=f"{plan.phone_prefix} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}"
            if plan.phone_prefix
            else "",
            postcode=postcode,
            city=city,
            nationality=story.nationality or plan.nationality,
            languages=story.languages or plan.languages,
            french_level=plan.french_level if story.french_level is None else story.french_level,
            driving_licence=story.licence,
            has_vehicle=story.vehicle,
            recognised_disability=story.disability,
            created_by=referent,
        )
        worksite = worksites[story.worksite] if story.worksite is not None else None
        supervisor = supervisors_of.get(story.worksite) if story.stage == IN_CONTRACT else None
        pathway = open_pathway(
            person=person,
            programme=programme,
            by=referent,
            referent=referent,
            supervisor=supervisor,
            worksite=worksite if story.stage == IN_CONTRACT else None,
            referral_source=story.referral,
        )
        timeline = Timeline(story, programme, person, today, self.rng, plan.contract_months)
        self.date_changes(pathway, timeline.opened_on, created=True)
        Person.objects.filter(pk=person.pk).update(created_at=self.moment(timeline.opened_on))

        if story.stage == CANDIDATE:
            return pathway
        if story.stage == WITHDRAWN:
            change_status(pathway, Status.WITHDRAWN, by=referent, reason=story.note)
            self.date_changes(pathway, timeline.withdrawn_on)
            return pathway

        record_diagnosis(
            pathway,
            self.proofs(story, timeline.diagnosed_on),
            on=timeline.diagnosed_on,
            by=referent,
            comment=story.situation,
        )
        self.date_changes(pathway, timeline.diagnosed_on)
        if story.stage in (NOT_ELIGIBLE, ELIGIBLE):
            return pathway

        contract = self.sign(pathway, story, timeline, worksite, referent)
        if story.stage == IN_CONTRACT:
            return pathway

        # The person has left: early end (job, training) or the contract reached its term.
        if story.stage in (EXITED_HIRED, EXITED_TRAINING, FOLLOW_UP, CLOSED_AFTER_FOLLOW_UP):
            reason = EarlyEndReason.TRAINING if story.stage == EXITED_TRAINING else EarlyEndReason.HIRED
            end_contract_early(contract, ended_on=timeline.left_on, reason=reason, comment=story.note, by=referent)
        else:
            self.complete(contract, story, referent)
        self.date_changes(pathway, timeline.left_on)
        if story.stage in (FOLLOW_UP, CLOSED_AFTER_FOLLOW_UP):
            change_status(
                pathway,
                Status.FOLLOW_UP,
                by=referent,
                reason="Suivi après la sortie : contacts prévus à un, trois et six mois.",
            )
            self.date_changes(pathway, timeline.left_on + datetime.timedelta(days=3))
        if story.stage == CLOSED_AFTER_FOLLOW_UP:
            change_status(pathway, Status.CLOSED, by=referent, reason=story.note)
            self.date_changes(pathway, timeline.closed_on)
        if story.stage == CLOSED_AFTER_EXIT:
            change_status(pathway, Status.CLOSED, by=referent, reason=story.note)
            self.date_changes(pathway, timeline.closed_on)
        return pathway

    def person_email(self, first_name: str, last_name: str, slug: str) -> str:
        local = f"{first_name}.{last_name}".lower()
        local = "".join(ch for ch in _ascii(local) if ch.isalnum() or ch == ".")
        return f"{local}@personnes.{slug}.{DEMO_DOMAIN}"

    def proofs(self, story: Story, on: datetime.date) -> list[ProofInput]:
        """Proofs dated shortly before the diagnosis, so none is past its maximum age."""
        references = story.proof_references or ()
        proofs = []
        for index, code in enumerate(story.criteria):
            reference = references[index] if index < len(references) else ""
            proofs.append(
                ProofInput(code, on - datetime.timedelta(days=self.rng.randint(0, 45)), proof_reference=reference)
            )
        return proofs

    def sign(self, pathway: Pathway, story: Story, timeline: Timeline, worksite, by):
        first = timeline.contracts[0]
        contract, _warnings = sign_contract(pathway, self.terms(story, timeline, first, worksite), by=by)
        self.date_changes(pathway, first[0])
        for period in timeline.contracts[1:]:
            contract, _warnings = renew_contract(contract, self.terms(story, timeline, period, worksite), by=by)
        if story.variant == SUSPENDED:
            suspend_contract(
                contract,
                start_date=self.today - datetime.timedelta(days=6),
                end_date=self.today + datetime.timedelta(days=12),
                reason="Période d'essai chez un employeur (le contrat d'insertion est suspendu pendant l'essai)",
                by=by,
            )
        return contract

    def terms(
        self, story: Story, timeline: Timeline, period: tuple[datetime.date, datetime.date], worksite
    ) -> ContractTerms:
        start, end = period
        return ContractTerms(
            start_date=start,
            planned_end_date=end,
            weekly_hours=Decimal(story.hours),
            position=story.position,
            worksite=worksite,
            reduced_hours_reason="Reprise progressive d'activité, à la demande de la personne, après une longue "
            "période sans emploi."
            if story.variant == REDUCED
            else "",
            work_days_needed=timeline.work_days_needed,
            host_organisation=story.host,
        )

    def complete(self, contract, story: Story, by) -> None:
        """The contract reached its planned end."""
        complete_contract(contract, by=by)
        StatusChange.objects.filter(pathway=contract.pathway, to_status=Status.EXITED).update(reason=story.note)

    # -- dating the history as it happened

    def moment(self, day: datetime.date) -> datetime.datetime:
        return timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(9 + self.rng.randint(0, 7), self.rng.choice((0, 15, 30, 45))))
        )

    def date_changes(self, pathway: Pathway, day: datetime.date, created: bool = False) -> None:
        """Status changes just made are dated `day`, as if entered on that day."""
        when = self.moment(day)
        fresh = StatusChange.objects.filter(pathway=pathway, pk__gt=self._dated.get(pathway.pk, 0))
        last = fresh.order_by("-pk").values_list("pk", flat=True).first()
        if last is None:
            return
        pks = list(fresh.values_list("pk", flat=True))
        fresh.update(changed_at=when)
        # update() sends no signal: the timeline's events of these changes are rewritten with their real date.
        for change in StatusChange.objects.filter(pk__in=pks).select_related("pathway", "changed_by"):
            sync_events(change, status_change_events)
        self._dated[pathway.pk] = last
        fields = {"status_changed_at": when}
        if created:
            fields["created_at"] = when
        Pathway.objects.filter(pk=pathway.pk).update(**fields)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


class Timeline:
    """The dates of one story, counted back from today so that every rule holds.

    The diagnosis comes a few weeks before the first contract (well within its
    validity), proofs a few weeks before the diagnosis (within their maximum
    age), and contracts in progress end after today.
    """

    def __init__(self, story: Story, programme: Programme, person: Person, today: datetime.date, rng, months: int):
        self.story = story
        self.programme = programme
        self.person = person
        self.today = today
        self.rng = rng
        self.months = months
        self.contracts: list[tuple[datetime.date, datetime.date]] = []
        self.left_on: datetime.date | None = None
        self.closed_on: datetime.date | None = None
        self.work_days_needed: int | None = None
        if programme.kind == ProgrammeKind.BE_ARTICLE_60:
            self.work_days_needed = belgian_work_days_needed(age_on(person.birth_date, today))
        self._plan()

    def days_ago(self, low: int, high: int) -> datetime.date:
        return self.today - datetime.timedelta(days=self.rng.randint(low, high))

    def _plan(self) -> None:
        stage = self.story.stage
        if stage == CANDIDATE:
            self.opened_on = self.days_ago(5, 40)
            return
        if stage == WITHDRAWN:
            self.opened_on = self.days_ago(30, 60)
            self.withdrawn_on = self.opened_on + datetime.timedelta(days=self.rng.randint(5, 20))
            return
        if stage in (ELIGIBLE, NOT_ELIGIBLE):
            self.diagnosed_on = self.days_ago(3, 35)
            self.opened_on = self.diagnosed_on - datetime.timedelta(days=self.rng.randint(7, 30))
            return
        months = self.chain_months()
        if stage == IN_CONTRACT:
            self._in_contract(months)
        elif stage in (EXITED_HIRED, EXITED_TRAINING, FOLLOW_UP):
            self.left_on = self.days_ago(20, 80)
            start = self.left_on - datetime.timedelta(days=self.rng.randint(120, 170))
            self.contracts = [(start, last_day_within(start, months))]
        elif stage == CLOSED_AFTER_FOLLOW_UP:
            self.left_on = self.days_ago(200, 240)
            start = self.left_on - datetime.timedelta(days=self.rng.randint(120, 170))
            self.contracts = [(start, last_day_within(start, months))]
            self.closed_on = self.left_on + datetime.timedelta(days=185)
        elif stage in (EXITED_COMPLETED, CLOSED_AFTER_EXIT):
            end = self.days_ago(100, 130) if stage == CLOSED_AFTER_EXIT else self.days_ago(10, 60)
            start = add_months(end + datetime.timedelta(days=1), -months)
            self.contracts = [(start, last_day_within(start, months))]
            self.left_on = self.contracts[0][1]
            self.closed_on = self.left_on + datetime.timedelta(days=self.rng.randint(20, 40))
        else:
            raise ValueError(f"unknown stage {stage}")
        first_start = self.contracts[0][0]
        self.diagnosed_on = first_start - datetime.timedelta(days=self.rng.randint(7, 40))
        self.opened_on = self.diagnosed_on - datetime.timedelta(days=self.rng.randint(7, 30))

    def _in_contract(self, months: int) -> None:
        variant = self.story.variant
        if variant == RENEWED:
            first_months = min(6, months)
            renewal_months = months if self.programme.kind != ProgrammeKind.BE_ARTICLE_60 else months - first_months
            chain_months = first_months + renewal_months
            # The first contract ended one to two months ago; the renewal runs on from the next day.
            first_end = self.days_ago(20, 60)
            start = add_months(first_end + datetime.timedelta(days=1), -first_months)
            first_end = last_day_within(start, first_months)
            self.contracts = [
                (start, first_end),
                (first_end + datetime.timedelta(days=1), last_day_within(start, chain_months)),
            ]
            return
        if variant == ENDING:
            end = self.today + datetime.timedelta(days=self.rng.randint(8, 50))
            start = add_months(end + datetime.timedelta(days=1), -months)
        elif variant == SUSPENDED:
            start = self.days_ago(45, 80)
        else:
            start = self.days_ago(20, 80)
        self.contracts = [(start, last_day_within(start, months))]

    def chain_months(self) -> int:
        """Length of the contract (or chain) in months. Article 60: long enough to open unemployment rights."""
        if self.programme.kind != ProgrammeKind.BE_ARTICLE_60:
            return self.months if self.story.stage == IN_CONTRACT else max(self.months, 8)
        hours = Decimal(self.story.hours)
        rules = self.programme.rules
        start = self.today
        for months in range(6, 24):
            contract = ContractInput(
                start_date=start,
                planned_end_date=last_day_within(start, months),
                weekly_hours=hours,
                work_days_needed=self.work_days_needed,
            )
            codes = {v.code for v in rules.check_contract(contract, person_facts(self.person))}
            if "too_few_work_days" not in codes:
                # One month more: the count depends a little on the weekday the contract starts.
                return months + 1
        return 24


def belgian_work_days_needed(age: int) -> int:
    for below, days in BELGIAN_WORK_DAYS:
        if age < below:
            return days
    return BELGIAN_WORK_DAYS[-1][1]
