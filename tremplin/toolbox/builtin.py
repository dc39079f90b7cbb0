"""The built-in catalogue: practices and tools of the field, in French and English, per barrier domain.

Written for Tremplin from common practice in work-integration structures. Loaded by the
data migration 0002 and by `manage.py load_toolbox` (idempotent: keyed by `key`).
"""

from __future__ import annotations

# (key, domains, section, kind, title_fr, title_en, description_fr, description_en)
BUILTIN_ENTRIES: list[tuple[str, list[str], str, str, str, str, str, str]] = [
    # Mobility
    (
        "mobility-transport-alternatives",
        ["mobility"],
        "mobility",
        "orientation",
        "Étudier les solutions de transport",
        "Look at transport alternatives",
        "Repérer avec la personne les trajets possibles vers le chantier et les entreprises visées : "
        "transports en commun, horaires décalés, vélo, transport à la demande, aides de la plateforme mobilité.",
        "Map with the person the possible journeys to the worksite and target employers: public transport, "
        "early or late hours, cycling, on-demand transport, help from the local mobility platform.",
    ),
    (
        "mobility-driving-licence",
        ["mobility", "money"],
        "mobility",
        "aide financière",
        "Financer le permis de conduire",
        "Help to fund the driving licence",
        "Monter un dossier d'aide au permis (aide de France Travail, de la région, de la commune, CPF, "
        "auto-école sociale) et prévoir le code en amont.",
        "Put together an application for driving-licence funding (employment service, region, town, "
        "training account, social driving school) and plan the theory test first.",
    ),
    (
        "mobility-car-pooling",
        ["mobility"],
        "mobility",
        "orientation",
        "Organiser un covoiturage",
        "Set up car-pooling",
        "Mettre en relation avec des collègues ou une plateforme de covoiturage pour les trajets domicile–travail.",
        "Put the person in touch with colleagues or a car-pooling platform for home-to-work journeys.",
    ),
    (
        "mobility-solidarity-rental",
        ["mobility"],
        "mobility",
        "orientation",
        "Louer un véhicule solidaire (garage, scooter, vélo)",
        "Solidarity vehicle rental (garage, scooter, bike)",
        "Orienter vers un garage solidaire ou une location solidaire de scooter ou de vélo électrique "
        "à tarif réduit, le temps de trouver une solution durable.",
        "Refer to a solidarity garage or low-cost scooter or e-bike rental until a lasting solution is found.",
    ),
    # Housing
    (
        "housing-social-housing-application",
        ["housing"],
        "personal_support",
        "démarche",
        "Déposer ou renouveler une demande de logement social",
        "Apply for (or renew) social housing",
        "Vérifier que la demande de logement social est déposée et à jour, et signaler la situation "
        "aux dispositifs prioritaires si elle le justifie.",
        "Check that the social housing application is filed and up to date, and report the situation "
        "to priority schemes when it qualifies.",
    ),
    (
        "housing-emergency-line",
        ["housing"],
        "personal_support",
        "orientation",
        "Contacter la ligne d'hébergement d'urgence (115)",
        "Call the emergency housing line (115)",
        "En cas de rupture d'hébergement, appeler avec la personne le 115 ou le service intégré d'accueil "
        "et d'orientation (SIAO).",
        "When the person loses their accommodation, call the emergency line (115) or the integrated "
        "reception and referral service (SIAO) with them.",
    ),
    (
        "housing-rights-aid",
        ["housing", "money"],
        "personal_support",
        "démarche",
        "Ouvrir les aides au logement",
        "Open housing benefits",
        "Vérifier les droits aux aides au logement (CAF) et au fonds de solidarité logement pour l'entrée "
        "dans un logement ou un impayé.",
        "Check entitlement to housing benefit and to the housing solidarity fund for moving in or arrears.",
    ),
    # Health
    (
        "health-insurance-rights",
        ["health", "administrative"],
        "personal_support",
        "démarche",
        "Ouvrir les droits santé (Complémentaire santé solidaire)",
        "Open health insurance rights (CSS)",
        "Vérifier l'affiliation à l'Assurance maladie et demander la Complémentaire santé solidaire si les "
        "ressources le permettent.",
        "Check health insurance registration and apply for the free or low-cost complementary cover (CSS) "
        "when income allows.",
    ),
    (
        "health-occupational-health",
        ["health"],
        "follow_up",
        "rendez-vous",
        "Rendez-vous avec la santé au travail",
        "Occupational health appointment",
        "Organiser la visite d'information et de prévention, et demander un aménagement de poste si besoin.",
        "Arrange the occupational health visit and ask for workstation adjustments if needed.",
    ),
    (
        "health-health-check",
        ["health"],
        "personal_support",
        "orientation",
        "Bilan de santé gratuit",
        "Free health check",
        "Proposer un examen de prévention en santé auprès du centre d'examens de santé de l'Assurance maladie.",
        "Offer a free preventive health check at the health insurance examination centre.",
    ),
    # Childcare
    (
        "childcare-nursery-childminder",
        ["childcare"],
        "personal_support",
        "démarche",
        "Trouver un mode de garde (crèche, assistant·e maternel·le)",
        "Find childcare (nursery, childminder)",
        "Chercher avec la personne une place en crèche à vocation d'insertion ou un·e assistant·e maternel·le "
        "compatible avec les horaires de travail, et ouvrir le complément de libre choix du mode de garde.",
        "Look with the person for a place in an employment-friendly nursery or with a childminder whose hours "
        "fit the work schedule, and open the childcare allowance.",
    ),
    (
        "childcare-holiday-centres",
        ["childcare"],
        "personal_support",
        "orientation",
        "Accueils de loisirs pendant les vacances",
        "Holiday and after-school centres",
        "Inscrire les enfants à l'accueil de loisirs ou au périscolaire pendant les vacances et les horaires décalés.",
        "Register the children at holiday or after-school centres for school holidays and early or late hours.",
    ),
    # Money and debt
    (
        "money-budget-advice",
        ["money"],
        "personal_support",
        "rendez-vous",
        "Conseil budgétaire",
        "Budget advice",
        "Prendre rendez-vous avec un point conseil budget pour faire le point sur les ressources et les charges.",
        "Book an appointment with a budget advice service to review income and expenses.",
    ),
    (
        "money-debt-file",
        ["money"],
        "personal_support",
        "démarche",
        "Dossier de surendettement (Banque de France)",
        "Over-indebtedness file (Banque de France)",
        "Accompagner le dépôt d'un dossier de surendettement auprès de la Banque de France lorsque les dettes "
        "ne peuvent plus être remboursées.",
        "Help the person file an over-indebtedness application with the Banque de France when debts can no "
        "longer be repaid.",
    ),
    (
        "money-benefits-check",
        ["money", "administrative"],
        "personal_support",
        "démarche",
        "Vérifier l'accès aux droits et prestations",
        "Check benefits entitlement",
        "Faire une simulation des droits (prime d'activité, RSA, aides locales) avec la personne.",
        "Run a benefits simulation (in-work benefit, minimum income, local aid) with the person.",
    ),
    # Language
    (
        "language-french-for-work",
        ["language"],
        "skills",
        "formation",
        "Cours de français à visée professionnelle",
        "French courses for work",
        "Inscrire la personne à des cours de français langue étrangère ou à visée professionnelle, compatibles "
        "avec les horaires du chantier.",
        "Enrol the person in French as a foreign language or work-oriented French classes that fit the worksite hours.",
    ),
    (
        "language-literacy",
        ["language"],
        "skills",
        "formation",
        "Atelier de savoirs de base (lecture, écriture, calcul)",
        "Basic skills workshop (reading, writing, numeracy)",
        "Proposer un atelier de remise à niveau des savoirs de base, en lien avec les gestes du métier.",
        "Offer a basic skills refresher workshop linked to the tasks of the job.",
    ),
    (
        "recognition-vae",
        ["language", "other"],
        "skills",
        "formation",
        "Validation des acquis de l'expérience (VAE)",
        "Validation of prior experience (VAE)",
        "Étudier avec la personne si son expérience permet d'obtenir un diplôme ou un titre par la VAE.",
        "Check with the person whether their experience can lead to a diploma or certificate through VAE.",
    ),
    (
        "recognition-foreign-diplomas",
        ["language", "administrative"],
        "skills",
        "démarche",
        "Faire reconnaître un diplôme étranger",
        "Recognition of foreign diplomas",
        "Demander une attestation de comparabilité du diplôme obtenu à l'étranger (ENIC-NARIC).",
        "Apply for a statement of comparability of the foreign diploma (ENIC-NARIC).",
    ),
    # Digital
    (
        "digital-skills-workshop",
        ["digital"],
        "skills",
        "atelier",
        "Atelier de compétences numériques",
        "Digital skills workshop",
        "Inscrire à un atelier d'inclusion numérique : messagerie, espace personnel en ligne, candidatures.",
        "Sign up for a digital inclusion workshop: email, online accounts, job applications.",
    ),
    (
        "digital-equipment",
        ["digital", "money"],
        "skills",
        "orientation",
        "Équipement et connexion à prix solidaire",
        "Low-cost equipment and connection",
        "Orienter vers un ordinateur ou un téléphone reconditionné et une offre de connexion solidaire.",
        "Refer to a refurbished computer or phone and a low-cost internet offer.",
    ),
    # Administrative rights
    (
        "administrative-documents",
        ["administrative"],
        "personal_support",
        "démarche",
        "Mettre à jour les papiers (identité, titre de séjour)",
        "Update identity papers and residence permit",
        "Vérifier les dates de validité des papiers et préparer les renouvellements à l'avance.",
        "Check the expiry dates of papers and prepare renewals in advance.",
    ),
    (
        "administrative-public-service-point",
        ["administrative", "digital"],
        "personal_support",
        "orientation",
        "Accompagnement en espace France services",
        "Help at a France services point",
        "Orienter vers un espace France services pour les démarches en ligne auprès des administrations.",
        "Refer to a France services point for online procedures with public bodies.",
    ),
    # Justice
    (
        "justice-spip-link",
        ["justice"],
        "follow_up",
        "coordination",
        "Lien avec le SPIP",
        "Liaison with the probation service (SPIP)",
        "Avec l'accord de la personne, coordonner les horaires et obligations avec le conseiller du SPIP.",
        "With the person's agreement, coordinate schedules and obligations with the probation officer.",
    ),
    (
        "justice-legal-aid",
        ["justice", "family"],
        "personal_support",
        "orientation",
        "Accès au droit et aide juridictionnelle",
        "Legal advice and legal aid",
        "Orienter vers un point-justice pour une consultation gratuite et, si besoin, demander l'aide juridictionnelle.",
        "Refer to a free legal advice point and apply for legal aid if needed.",
    ),
    # Addictions
    (
        "addictions-csapa",
        ["addictions", "health"],
        "personal_support",
        "orientation",
        "Consultation en CSAPA",
        "Consultation at an addiction care centre (CSAPA)",
        "Proposer une consultation gratuite et confidentielle dans un centre de soins, d'accompagnement et de "
        "prévention en addictologie.",
        "Offer a free, confidential consultation at an addiction care, support and prevention centre.",
    ),
    (
        "addictions-peer-group",
        ["addictions"],
        "personal_support",
        "groupe",
        "Groupe d'entraide",
        "Peer support group",
        "Présenter les groupes d'entraide et d'usagers proches du domicile ou du chantier.",
        "Introduce peer support groups near the person's home or the worksite.",
    ),
    # Family
    (
        "family-family-mediation",
        ["family"],
        "personal_support",
        "orientation",
        "Médiation familiale et soutien à la parentalité",
        "Family mediation and parenting support",
        "Orienter vers un service de médiation familiale ou un lieu de soutien à la parentalité.",
        "Refer to a family mediation service or a parenting support centre.",
    ),
    (
        "family-carer-support",
        ["family", "health"],
        "personal_support",
        "orientation",
        "Soutien aux aidant·es",
        "Support for carers",
        "Chercher des solutions de relais pour une personne qui s'occupe d'un proche malade ou handicapé.",
        "Look for respite solutions for a person caring for a sick or disabled relative.",
    ),
    # Other
    (
        "other-immersion",
        ["other"],
        "job_search",
        "stage",
        "Période de mise en situation en milieu professionnel (PMSMP)",
        "Work immersion period (PMSMP)",
        "Organiser quelques jours d'immersion en entreprise pour découvrir un métier ou confirmer un projet.",
        "Arrange a few days of immersion in a company to discover a job or confirm a project.",
    ),
    (
        "other-interview-simulation",
        ["other"],
        "job_search",
        "atelier",
        "Simulation d'entretien d'embauche",
        "Job interview simulation",
        "Préparer un entretien avec un·e chargé·e de relations entreprises ou un·e bénévole d'entreprise.",
        "Prepare an interview with a job coach or a volunteer from a company.",
    ),
]


def load_builtin_entries(model=None) -> int:
    """Creates or updates the built-in entries; returns how many were written.

    `model` is the historical model in a data migration, the real one otherwise.
    """
    if model is None:
        from .models import ToolboxEntry as model
    for key, domains, section, kind, title_fr, title_en, description_fr, description_en in BUILTIN_ENTRIES:
        model.objects.update_or_create(
            structure=None,
            builtin_key=key,
            defaults={
                "domains": domains,
                "section": section,
                "kind": kind,
                "title_fr": title_fr,
                "title_en": title_en,
                "description_fr": description_fr,
                "description_en": description_en,
            },
        )
    return len(BUILTIN_ENTRIES)
