"""The built-in catalogue: practices and tools of the field, in French and English, per barrier domain.

Written for Tremplin from common practice in work-integration structures. Loaded by the
data migration 0002 and by `manage.py load_toolbox` (idempotent: keyed by `key`).
"""

from __future__ import annotations

from types import SimpleNamespace

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
        ["basic_skills", "language"],
        "skills",
        "formation",
        "Atelier de savoirs de base (lecture, écriture, calcul)",
        "Basic skills workshop (reading, writing, numeracy)",
        "Proposer un atelier de remise à niveau des savoirs de base, en lien avec les gestes du métier.",
        "Offer a basic skills refresher workshop linked to the tasks of the job.",
    ),
    (
        "recognition-vae",
        ["recognition", "training"],
        "skills",
        "formation",
        "Validation des acquis de l'expérience (VAE)",
        "Validation of prior experience (VAE)",
        "Étudier avec la personne si son expérience permet d'obtenir un diplôme ou un titre par la VAE.",
        "Check with the person whether their experience can lead to a diploma or certificate through VAE.",
    ),
    (
        "recognition-foreign-diplomas",
        ["recognition", "language", "administrative"],
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
        ["digital", "basic_skills"],
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
        ["project", "other"],
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

# Issue 15: the job side of the practice: choosing a project, funding a training, recognition, basic skills.
BUILTIN_ENTRIES += [
    # Choosing a professional project
    (
        "project-skills-assessment",
        ["project", "recognition"],
        "skills",
        "bilan",
        "Bilan de compétences",
        "Skills assessment",
        "Faire le point, avec un·e professionnel·le extérieur·e, sur ce que la personne sait faire, ce qui "
        "l'intéresse et les métiers qui lui correspondent, pour aboutir à un projet réaliste.",
        "Take stock, with an outside professional, of what the person can do, what interests them and which "
        "jobs fit, to arrive at a realistic project.",
    ),
    (
        "project-orientation-course",
        ["project"],
        "skills",
        "prestation",
        "Prestation d'orientation du service public de l'emploi",
        "Career guidance course of the public employment service",
        "Quelques semaines d'ateliers collectifs et d'entretiens pour explorer des métiers, les confronter au "
        "terrain et choisir une piste.",
        "A few weeks of group workshops and interviews to explore jobs, test them against the field and choose "
        "a direction.",
    ),
    (
        "project-online-modules",
        ["project", "digital"],
        "skills",
        "atelier",
        "Modules et questionnaires d'orientation en ligne",
        "Online career guidance modules and questionnaires",
        "Questionnaires d'intérêts et fiches métiers à parcourir en ligne, puis à reprendre ensemble en entretien.",
        "Interest questionnaires and job sheets to go through online, then discuss together in an interview.",
    ),
    (
        "project-company-visit",
        ["project"],
        "job_search",
        "visite",
        "Visite d'entreprise",
        "Company visit",
        "Visiter un atelier, un chantier ou un entrepôt pour voir les gestes, les horaires et l'ambiance d'un métier "
        "avant de s'y engager.",
        "Visit a workshop, a site or a warehouse to see the tasks, hours and atmosphere of a job before "
        "committing to it.",
    ),
    (
        "project-job-discovery-day",
        ["project"],
        "job_search",
        "découverte",
        "Journée de découverte des métiers",
        "Job discovery day",
        "Forums, portes ouvertes et journées de démonstration où l'on essaie des gestes du métier et rencontre "
        "des professionnel·les.",
        "Job fairs, open days and demonstration days where one tries the tasks of a job and meets professionals.",
    ),
    (
        "project-labour-market",
        ["project"],
        "job_search",
        "information",
        "Information sur le marché du travail par secteur",
        "Labour-market information by sector",
        "Regarder ensemble, pour le métier envisagé, les offres du bassin d'emploi, les salaires, les conditions "
        "de travail et les secteurs qui recrutent.",
        "Look together, for the job in mind, at the local vacancies, wages, working conditions and the sectors "
        "that are hiring.",
    ),
    (
        "project-interest-map",
        ["project"],
        "skills",
        "entretien",
        "Carte mentale des centres d'intérêt",
        "Mind map of interests",
        "Dessiner avec la personne ce qu'elle aime faire, ce qu'elle a déjà fait et ce qu'elle refuse, pour relier "
        "ses intérêts à des familles de métiers.",
        "Draw with the person what they like doing, what they have already done and what they refuse, to link "
        "their interests to families of jobs.",
    ),
    # Funding a training
    (
        "funding-personal-training-account",
        ["training", "money"],
        "skills",
        "financement",
        "Compte personnel de formation (CPF)",
        "Personal training account (CPF)",
        "Les droits à la formation acquis en travaillant, y compris en contrat d'insertion, financent une formation "
        "certifiante, le permis de conduire ou un bilan de compétences.",
        "Training rights earned by working, including on an integration contract, pay for a certified training, "
        "the driving licence or a skills assessment.",
    ),
    (
        "funding-region-employment-service",
        ["training", "money"],
        "skills",
        "financement",
        "Formation financée par la région ou le service public de l'emploi",
        "Training funded by the region or the public employment service",
        "Places de formation qualifiante achetées par la région et aides individuelles du service public de "
        "l'emploi, pour une formation qui mène à un métier qui recrute.",
        "Qualifying training places bought by the region and individual grants of the public employment service, "
        "for a training that leads to a job in demand.",
    ),
    (
        "funding-employer-skills-operator",
        ["training"],
        "skills",
        "formation",
        "Formation pendant le contrat, financée par l'opérateur de compétences",
        "Training during the contract, funded by the skills operator",
        "Les salarié·es en insertion peuvent suivre une formation sur leur temps de travail, financée par "
        "l'opérateur de compétences (OPCO) de la structure.",
        "Employees on an integration contract can train during working hours, paid for by the structure's "
        "skills operator (OPCO).",
    ),
    (
        "funding-transition-schemes",
        ["training", "project"],
        "skills",
        "financement",
        "Dispositifs de transition professionnelle",
        "Career transition schemes",
        "Pour changer de métier avec une formation longue en gardant un revenu : projet de transition "
        "professionnelle et dispositifs proches, sous conditions d'ancienneté.",
        "To change jobs through a long training while keeping an income: career transition project and similar "
        "schemes, subject to length of service.",
    ),
    # Recognition
    (
        "recognition-clea",
        ["recognition", "basic_skills"],
        "skills",
        "certification",
        "Certificat CléA des connaissances et compétences professionnelles",
        "CléA certificate of basic professional knowledge and skills",
        "Un certificat reconnu partout, en sept domaines (français, calcul, numérique, règles et travail en équipe, "
        "autonomie, apprendre à apprendre, sécurité) : on ne se forme que sur ce qui manque.",
        "A certificate recognised everywhere, in seven areas (French, numeracy, digital, rules and teamwork, "
        "autonomy, learning to learn, safety): one trains only on what is missing.",
    ),
    (
        "recognition-work-certificate",
        ["recognition"],
        "follow_up",
        "attestation",
        "Attestation de compétences en fin de parcours",
        "Certificate of skills at the end of the pathway",
        "Remettre à la personne une attestation des compétences observées sur le chantier, à joindre au CV.",
        "Give the person a certificate of the skills observed on the worksite, to attach to their CV.",
    ),
    # Basic skills
    (
        "basic-literacy-centre",
        ["basic_skills"],
        "skills",
        "orientation",
        "Centre ressources illettrisme et ateliers d'écriture",
        "Literacy resource centre and writing workshops",
        "Orienter vers un lieu qui repère les difficultés de lecture et d'écriture sans jugement et propose des "
        "ateliers près de chez la personne.",
        "Refer to a place that identifies reading and writing difficulties without judgement and offers "
        "workshops near the person's home.",
    ),
    (
        "basic-numeracy",
        ["basic_skills"],
        "skills",
        "formation",
        "Remise à niveau en calcul appliqué au métier",
        "Numeracy refresher applied to the job",
        "Mesures, quantités, monnaie, lecture d'un planning : des exercices tirés des gestes du chantier.",
        "Measurements, quantities, money, reading a schedule: exercises drawn from the tasks of the worksite.",
    ),
    (
        "basic-french-integration",
        ["language", "basic_skills"],
        "skills",
        "formation",
        "Français langue étrangère pour les personnes arrivées récemment",
        "French as a foreign language for newcomers",
        "Cours de français gratuits liés au parcours d'intégration des personnes étrangères, puis cours "
        "associatifs pour continuer à progresser.",
        "Free French courses linked to the integration pathway of foreign nationals, then community classes to "
        "keep progressing.",
    ),
    (
        "basic-digital-certificate",
        ["basic_skills", "digital"],
        "skills",
        "certification",
        "Évaluer et certifier ses compétences numériques",
        "Assess and certify digital skills",
        "Un test en ligne gratuit situe le niveau de la personne ; la certification, reconnue par les employeurs, "
        "se passe ensuite dans un centre agréé.",
        "A free online test shows the person's level; the certification, recognised by employers, is then taken "
        "in an approved centre.",
    ),
    (
        "basic-digital-adviser",
        ["basic_skills", "digital", "administrative"],
        "skills",
        "rendez-vous",
        "Rendez-vous avec un·e conseiller·ère numérique",
        "Appointment with a digital adviser",
        "Un accompagnement gratuit, individuel ou en petit groupe, pour apprendre à utiliser un smartphone, une "
        "messagerie et les démarches en ligne.",
        "Free support, one to one or in a small group, to learn to use a smartphone, email and online procedures.",
    ),
]

# Family, who offers it and how to reach it (French, English), by key; entries not listed are peripheral barriers.
DETAILS: dict[str, tuple[str, str, str, str, str]] = {
    "project-skills-assessment": (
        "project",
        "Centres de bilan de compétences agréés.",
        "Approved skills assessment centres.",
        "Financé par le compte personnel de formation ; la personne choisit le centre sur le site du CPF, "
        "24 heures au plus réparties sur plusieurs semaines.",
        "Paid for by the personal training account; the person chooses the centre on the CPF website, at most "
        "24 hours spread over several weeks.",
    ),
    "project-orientation-course": (
        "project",
        "France Travail, la mission locale (moins de 26 ans) ou Cap emploi (handicap).",
        "France Travail, the local youth centre (under 26) or Cap emploi (disability).",
        "Sur prescription du conseiller ou de la conseillère du service public de l'emploi ; le ou la CIP le demande "
        "avec la personne.",
        "Prescribed by the public employment service adviser; the counsellor asks for it with the person.",
    ),
    "project-online-modules": (
        "project",
        "Services en ligne du service public de l'emploi et sites régionaux d'orientation.",
        "Online services of the public employment service and regional career guidance websites.",
        "Gratuit, en ligne ; prévoir un poste et un temps accompagné si la personne est peu à l'aise avec le "
        "numérique.",
        "Free, online; plan a computer and supported time if the person is not at ease with digital tools.",
    ),
    "project-company-visit": (
        "project",
        "Les entreprises du réseau de la structure, par le ou la chargé·e de relations entreprises.",
        "Companies of the structure's network, through the job coach.",
        "Le ou la chargé·e de relations entreprises organise la visite ; une demi-journée suffit souvent.",
        "The job coach arranges the visit; half a day is often enough.",
    ),
    "project-job-discovery-day": (
        "project",
        "Branches professionnelles, service public de l'emploi, centres de formation.",
        "Trade bodies, the public employment service, training centres.",
        "Calendrier des forums et journées portes ouvertes du territoire ; inscription souvent gratuite.",
        "Local calendar of job fairs and open days; registration is often free.",
    ),
    "project-labour-market": (
        "project",
        "Statistiques du service public de l'emploi, observatoires régionaux de l'emploi et de la formation.",
        "Statistics of the public employment service, regional employment and training observatories.",
        "En ligne, par métier et par bassin d'emploi ; le ou la chargé·e de relations entreprises complète avec "
        "ce qu'il ou elle voit chez les employeurs.",
        "Online, by job and by local labour market; the job coach adds what they see at employers.",
    ),
    "project-interest-map": (
        "project",
        "Le ou la CIP, en entretien individuel.",
        "The counsellor, in a one-to-one interview.",
        "Une feuille, des feutres et une heure ; on la garde au dossier et on la reprend au bilan.",
        "A sheet of paper, pens and an hour; keep it in the file and revisit it at the review.",
    ),
    "funding-personal-training-account": (
        "funding",
        "Le compte est géré par la Caisse des dépôts ; la formation par un organisme certifié.",
        "The account is run by the Caisse des dépôts; the training by a certified provider.",
        "La personne se connecte au site du compte (identité numérique), consulte ses droits et s'inscrit ; un "
        "reste à charge peut s'appliquer selon sa situation.",
        "The person signs in to the account website (digital identity), checks their rights and enrols; a "
        "personal contribution may apply depending on their situation.",
    ),
    "funding-region-employment-service": (
        "funding",
        "Le conseil régional et France Travail.",
        "The regional council and France Travail.",
        "Un projet validé, un devis de l'organisme de formation, puis une demande par le conseiller ou la "
        "conseillère du service public de l'emploi, avant l'entrée en formation.",
        "A validated project, a quote from the training provider, then a request by the public employment "
        "service adviser, before the training starts.",
    ),
    "funding-employer-skills-operator": (
        "funding",
        "L'opérateur de compétences (OPCO) dont relève la structure.",
        "The skills operator (OPCO) the structure belongs to.",
        "La direction l'inscrit au plan de développement des compétences de la structure ; prévoir le "
        "remplacement sur le chantier.",
        "The management puts it in the structure's skills development plan; plan cover on the worksite.",
    ),
    "funding-transition-schemes": (
        "funding",
        "Les associations Transitions Pro de chaque région.",
        "The Transitions Pro associations of each region.",
        "Dossier déposé avant la formation, avec l'accord de l'employeur pour l'absence ; se renseigner tôt sur "
        "les conditions d'ancienneté.",
        "Application filed before the training, with the employer's agreement for the absence; check the "
        "length-of-service conditions early.",
    ),
    "recognition-vae": (
        "recognition",
        "Les services d'accompagnement à la VAE et les certificateurs.",
        "VAE support services and certifying bodies.",
        "Une demande en ligne, puis un accompagnement pour décrire son expérience devant un jury ; finançable "
        "par le compte personnel de formation.",
        "An online request, then support to describe one's experience to a panel; can be paid for by the "
        "personal training account.",
    ),
    "recognition-foreign-diplomas": (
        "recognition",
        "Le centre ENIC-NARIC France.",
        "The ENIC-NARIC France centre.",
        "Demande en ligne avec le diplôme et sa traduction ; réponse en quelques mois.",
        "Online request with the diploma and its translation; answer within a few months.",
    ),
    "recognition-clea": (
        "recognition",
        "Les organismes évaluateurs et formateurs habilités CléA.",
        "Bodies approved to assess and train for CléA.",
        "Une évaluation de départ, une formation sur les domaines à compléter, puis l'évaluation finale ; "
        "finançable par le CPF ou l'OPCO.",
        "A first assessment, training on the areas still missing, then the final assessment; can be paid for "
        "by the CPF or the OPCO.",
    ),
    "recognition-work-certificate": (
        "recognition",
        "La structure, avec l'encadrant·e technique.",
        "The structure, with the technical supervisor.",
        "Préparée au bilan de sortie à partir des évaluations et des observations du chantier.",
        "Prepared at the exit review from the evaluations and the worksite observations.",
    ),
    "language-french-for-work": (
        "basic_skills",
        "Organismes de formation linguistique, associations, centres sociaux.",
        "Language training providers, associations, community centres.",
        "Test de positionnement, puis cours en petits groupes ; financement possible par le CPF ou l'OPCO.",
        "Placement test, then small-group classes; can be paid for by the CPF or the OPCO.",
    ),
    "language-literacy": (
        "basic_skills",
        "Organismes de formation et associations de lutte contre l'illettrisme.",
        "Training providers and literacy associations.",
        "Entretien de positionnement, puis quelques heures par semaine, sur le temps de travail si possible.",
        "Placement interview, then a few hours a week, during working time when possible.",
    ),
    "basic-literacy-centre": (
        "basic_skills",
        "Les centres ressources illettrisme et leurs associations partenaires.",
        "Literacy resource centres and their partner associations.",
        "Gratuit ; le ou la CIP prend contact avec l'accord de la personne et l'accompagne au premier rendez-vous.",
        "Free; the counsellor makes contact with the person's agreement and goes with them to the first appointment.",
    ),
    "basic-numeracy": (
        "basic_skills",
        "Le ou la formateur·rice de la structure ou un organisme de formation.",
        "The structure's trainer or a training provider.",
        "Séances courtes sur le temps de travail ; les progrès se suivent dans l'évaluation des compétences.",
        "Short sessions during working time; progress is followed in the competence evaluation.",
    ),
    "basic-french-integration": (
        "basic_skills",
        "L'Office français de l'immigration et de l'intégration (OFII), puis les associations.",
        "The French Office for Immigration and Integration (OFII), then associations.",
        "Prescrits lors du contrat d'intégration ; sinon, inscription directe auprès d'une association du quartier.",
        "Prescribed with the integration contract; otherwise, direct enrolment with a local association.",
    ),
    "digital-skills-workshop": (
        "basic_skills",
        "Espaces publics numériques, médiathèques, associations d'inclusion numérique.",
        "Public digital spaces, libraries, digital inclusion associations.",
        "Ateliers gratuits ou à petit prix, sur inscription.",
        "Free or low-cost workshops, on registration.",
    ),
    "basic-digital-certificate": (
        "basic_skills",
        "Pix, service public de certification des compétences numériques.",
        "Pix, the public service certifying digital skills.",
        "Test en ligne gratuit ; certification dans un centre agréé, finançable par le CPF.",
        "Free online test; certification in an approved centre, can be paid for by the CPF.",
    ),
    "basic-digital-adviser": (
        "basic_skills",
        "Conseiller·ères numériques des espaces France Services, des mairies et des associations.",
        "Digital advisers in France Services offices, town halls and associations.",
        "Rendez-vous gratuit, pris par téléphone ou sur place.",
        "Free appointment, booked by phone or in person.",
    ),
    "other-immersion": (
        "project",
        "Les entreprises d'accueil ; la convention est prescrite par le service public de l'emploi ou la structure.",
        "Host companies; the agreement is prescribed by the public employment service or the structure.",
        "Convention signée avant le début, quelques jours à un mois ; voir la page des immersions.",
        "Agreement signed before it starts, a few days to a month; see the immersions page.",
    ),
    "other-interview-simulation": ("job_search", "", "", "", ""),
}


def load_builtin_entries(model=None) -> int:
    """Creates or updates the built-in entries; returns how many were written.

    `model` is the historical model in a data migration, the real one otherwise: only the
    fields it has are written, so an early migration still runs with today's catalogue.
    """
    if model is None:
        from .models import ToolboxEntry as model
    from .models import domain_codes, search_text

    fields = {field.name for field in model._meta.get_fields()}
    for key, domains, section, kind, title_fr, title_en, description_fr, description_en in BUILTIN_ENTRIES:
        family, provider_fr, provider_en, access_fr, access_en = DETAILS.get(key, ("barriers", "", "", "", ""))
        values = {
            "domains": domains,
            "section": section,
            "kind": kind,
            "title_fr": title_fr,
            "title_en": title_en,
            "description_fr": description_fr,
            "description_en": description_en,
            "family": family,
            "provider_fr": provider_fr,
            "provider_en": provider_en,
            "access_fr": access_fr,
            "access_en": access_en,
        }
        # Written here too: a historical model has no custom save().
        values["search_text"] = search_text(SimpleNamespace(**values))
        values["domain_codes"] = domain_codes(domains)
        model.objects.update_or_create(
            structure=None,
            builtin_key=key,
            defaults={name: value for name, value in values.items() if name in fields},
        )
    return len(BUILTIN_ENTRIES)
