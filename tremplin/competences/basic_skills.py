"""The default catalogue of basic skills: the seven CléA domains and languages on the CEFR scale.

Written for work-integration worksites and workshops: each level says what one can see the person
do, not what they "are". The seven domains follow the French CléA certificate of basic knowledge and
skills; languages map the CEFR levels onto the 0–5 scale of every grid (0 = not yet A1, 1 = A1,
2 = A2, 3 = B1, 4 = B2, 5 = C1 or above), and each level text starts with its CEFR level.

French is split in two (speaking and listening; reading and writing) since people often stand at
very different levels in each. Other languages share one set of general CEFR descriptors; the list
covers the languages most often met in work-integration structures, and a structure proposes any
other one through the referential (a proposal with the "language" family gets these descriptors).
Loaded by a data migration; `load_basic_skills` is idempotent and also used by the tests and demo.
"""

CLEA = "clea"
LANGUAGE = "language"

# (code, (name fr, name en), (description fr, description en), levels fr, levels en)
CLEA_DOMAINS = [
    (
        "clea_communication",
        ("Communiquer en français", "Communicating in French"),
        (
            "Comprendre et transmettre des informations au travail : consignes orales, écrits courts, formulaires.",
            "Understanding and passing on information at work: spoken instructions, short texts, forms.",
        ),
        [
            "Ne comprend pas une consigne orale simple sans aide (geste, traduction).",
            "Comprend une consigne orale courte quand on la montre ; répond par oui, non ou un mot.",
            "Comprend une consigne orale en plusieurs étapes ; lit un pictogramme ou une étiquette.",
            "Lit une fiche de poste ou un planning ; remplit seul·e une feuille d'heures.",
            "Rend compte à l'oral d'un problème ; écrit un message court que les autres comprennent.",
            "Explique une tâche à un·e collègue ; rédige un compte rendu ou un bon d'intervention complet.",
        ],
        [
            "Does not understand a simple spoken instruction without help (gesture, translation).",
            "Understands a short spoken instruction when shown; answers yes, no or with one word.",
            "Understands a spoken instruction in several steps; reads a pictogram or a label.",
            "Reads a job sheet or a rota; fills in a timesheet alone.",
            "Reports a problem orally; writes a short message others understand.",
            "Explains a task to a colleague; writes a complete report or work order.",
        ],
    ),
    (
        "clea_numeracy",
        ("Calcul et raisonnement", "Calculation and reasoning"),
        (
            "Compter, mesurer, calculer et raisonner sur des quantités dans les tâches du poste.",
            "Counting, measuring, calculating and reasoning about quantities in the job's tasks.",
        ),
        [
            "Ne compte pas un lot d'objets au-delà de quelques unités.",
            "Compte un lot d'objets ; lit l'heure et un prix.",
            "Fait une addition ou une soustraction utile au poste (stock, monnaie) ; lit un mètre ruban.",
            "Mesure et reporte une longueur ; applique un dosage simple (1 pour 10).",
            "Calcule une surface, une quantité de matériel ou une durée de travail ; vérifie son résultat.",
            "Résout un problème en plusieurs étapes (devis simple, planning) ; repère une erreur de calcul.",
        ],
        [
            "Cannot count a batch of items beyond a few.",
            "Counts a batch of items; reads the time and a price.",
            "Does an addition or subtraction the job needs (stock, change); reads a tape measure.",
            "Measures and marks out a length; applies a simple mix ratio (1 to 10).",
            "Works out an area, a quantity of material or a job's duration; checks the result.",
            "Solves a problem in several steps (simple quote, schedule); spots a calculation mistake.",
        ],
    ),
    (
        "clea_digital",
        ("Environnement numérique", "Digital environment"),
        (
            "Utiliser un téléphone, un ordinateur et les services en ligne utiles au travail et aux démarches.",
            "Using a phone, a computer and the online services needed at work and for paperwork.",
        ),
        [
            "N'utilise ni téléphone ni ordinateur sans aide.",
            "Passe un appel, lit un SMS ; allume un ordinateur et se sert de la souris.",
            "Envoie un SMS ou une photo ; ouvre une application qu'il ou elle connaît.",
            "Envoie un courriel avec une pièce jointe ; se connecte à un compte en ligne avec son mot de passe.",
            "Fait seul·e une démarche en ligne (candidature, déclaration) ; range ses fichiers.",
            "Utilise un logiciel ou une application du métier ; repère un message frauduleux.",
        ],
        [
            "Uses neither a phone nor a computer without help.",
            "Makes a call, reads a text message; turns on a computer and uses the mouse.",
            "Sends a text message or a photo; opens an app they know.",
            "Sends an email with an attachment; signs in to an online account with their password.",
            "Completes an online procedure alone (application, declaration); keeps their files in order.",
            "Uses the trade's software or app; spots a fraudulent message.",
        ],
    ),
    (
        "clea_team_rules",
        ("Travailler dans les règles d'une équipe", "Working by the rules of a team"),
        (
            "Respecter les règles de l'équipe et de la structure, prendre sa part du travail collectif.",
            "Keeping the rules of the team and the organisation, doing one's share of the group's work.",
        ),
        [
            "Ne respecte pas les règles de la structure, même rappelées.",
            "Respecte les règles quand l'encadrant·e est présent·e.",
            "Respecte les règles connues ; fait la part du travail collectif qu'on lui attribue.",
            "Respecte horaires et organisation sans rappel ; transmet une information à l'équipe.",
            "Se répartit le travail avec ses collègues ; exprime un désaccord calmement.",
            "Aide l'équipe à tenir les règles ; participe à régler un problème d'équipe.",
        ],
        [
            "Does not keep the organisation's rules, even when reminded.",
            "Keeps the rules when the supervisor is there.",
            "Keeps the known rules; does the share of the group's work they are given.",
            "Keeps hours and organisation without reminders; passes information on to the team.",
            "Shares out the work with colleagues; voices a disagreement calmly.",
            "Helps the team keep the rules; takes part in solving a team problem.",
        ],
    ),
    (
        "clea_autonomy",
        ("Travailler en autonomie et prendre des initiatives", "Working alone and taking initiative"),
        (
            "Organiser son travail seul·e pour atteindre un objectif, agir face à un imprévu.",
            "Organising one's own work to reach a goal, acting when something unexpected happens.",
        ),
        [
            "Ne commence pas une tâche sans que quelqu'un reste à côté.",
            "Fait seul·e une tâche simple si on vérifie souvent.",
            "Fait seul·e une tâche connue, du début à la fin.",
            "Organise les étapes de sa tâche et prépare son matériel sans qu'on le demande.",
            "Se fixe un objectif pour la journée et l'atteint ; demande de l'aide au bon moment.",
            "Mène seul·e une mission de plusieurs jours ; propose une solution face à un imprévu.",
        ],
        [
            "Does not start a task unless someone stays alongside.",
            "Does a simple task alone with frequent checks.",
            "Does a familiar task alone, from start to finish.",
            "Plans the steps of the task and gets the equipment ready unasked.",
            "Sets a goal for the day and reaches it; asks for help at the right time.",
            "Carries out a several-day assignment alone; proposes a solution when something unexpected happens.",
        ],
    ),
    (
        "clea_learning",
        ("Apprendre à apprendre", "Learning to learn"),
        (
            "Apprendre de nouveaux gestes et savoirs, tirer parti de ses erreurs et de son expérience.",
            "Learning new skills and knowledge, learning from mistakes and experience.",
        ),
        [
            "Évite d'apprendre une tâche nouvelle.",
            "Apprend un geste nouveau quand on le lui montre plusieurs fois.",
            "Refait seul·e un geste appris la veille ; accepte une correction.",
            "Pose des questions pour comprendre ; note ou photographie ce qu'il ou elle apprend.",
            "Change sa façon de faire après une erreur ; cherche seul·e une information (notice, vidéo).",
            "Dit ce qu'il ou elle a appris et ce qui reste à apprendre ; transmet un savoir-faire.",
        ],
        [
            "Avoids learning a new task.",
            "Learns a new gesture when shown it several times.",
            "Repeats alone a gesture learned the day before; accepts a correction.",
            "Asks questions to understand; writes down or photographs what they learn.",
            "Changes their way of working after a mistake; looks up information alone (manual, video).",
            "Says what they have learned and what is left to learn; passes on a skill.",
        ],
    ),
    (
        "clea_safety",
        (
            "Règles de sécurité, d'hygiène et d'environnement",
            "Safety, hygiene and environmental rules",
        ),
        (
            "Travailler en sécurité avec les bons gestes et postures, respecter l'hygiène, trier les déchets.",
            "Working safely with the right movements and postures, keeping hygiene rules, sorting waste.",
        ),
        [
            "Ne porte pas les protections, même rappelé·e.",
            "Porte les protections quand on le lui rappelle.",
            "Porte les protections sans rappel ; respecte les règles d'hygiène du poste.",
            "Porte les charges avec les bons gestes ; trie les déchets du chantier.",
            "Repère et signale un risque ; sait qui prévenir et quoi faire en cas d'accident.",
            "Fait corriger une situation dangereuse ; limite le gaspillage d'eau, d'énergie et de matériaux.",
        ],
        [
            "Does not wear protective equipment, even when reminded.",
            "Wears protective equipment when reminded.",
            "Wears protective equipment without reminders; keeps the job's hygiene rules.",
            "Lifts loads with the right movements; sorts the worksite's waste.",
            "Spots and reports a hazard; knows whom to call and what to do after an accident.",
            "Gets a dangerous situation fixed; limits the waste of water, energy and materials.",
        ],
    ),
]

FRENCH = [
    (
        "lang_fr_oral",
        ("Français à l'oral (comprendre, parler)", "French: listening and speaking"),
        (
            "Niveau du CECRL en français oral : 0 = pas encore A1, 1 = A1 … 5 = C1 ou plus.",
            "CEFR level in spoken French: 0 = not yet A1, 1 = A1 … 5 = C1 or above.",
        ),
        [
            "Pas encore A1 : comprend quelques mots isolés avec des gestes ; ne se présente pas encore en français.",
            "A1 : se présente, salue, comprend une consigne très simple dite lentement (« prends la pelle »).",
            "A2 : comprend une consigne courte du travail quotidien ; demande un outil ou un horaire.",
            "B1 : comprend l'essentiel d'une réunion d'équipe ; raconte ce qui s'est passé sur le chantier.",
            "B2 : suit une discussion animée entre collègues ; explique un problème et défend son avis.",
            "C1 ou plus : parle avec aisance dans toutes les situations de travail, même imprévues.",
        ],
        [
            "Not yet A1: understands a few single words with gestures; cannot yet introduce themselves in French.",
            'A1: introduces themselves, greets, understands a very simple instruction said slowly ("take the shovel").',
            "A2: understands a short everyday work instruction; asks for a tool or a time.",
            "B1: understands the gist of a team meeting; tells what happened on the worksite.",
            "B2: follows a lively discussion between colleagues; explains a problem and argues their view.",
            "C1 or above: speaks with ease in every work situation, even unexpected ones.",
        ],
    ),
    (
        "lang_fr_written",
        ("Français à l'écrit (lire, écrire)", "French: reading and writing"),
        (
            "Niveau du CECRL en français écrit : 0 = pas encore A1, 1 = A1 … 5 = C1 ou plus.",
            "CEFR level in written French: 0 = not yet A1, 1 = A1 … 5 = C1 or above.",
        ),
        [
            "Pas encore A1 : reconnaît quelques lettres ou son nom ; ne lit pas encore un mot courant.",
            "A1 : lit des mots courants et des panneaux (entrée, danger) ; écrit son nom, son adresse, une date.",
            "A2 : lit un planning ou une consigne courte ; remplit un formulaire simple.",
            "B1 : lit une fiche de poste ou un courrier simple ; écrit un message clair pour signaler un problème.",
            "B2 : lit un contrat ou un règlement et en dégage l'essentiel ; écrit une lettre de motivation.",
            "C1 ou plus : lit des documents longs et techniques ; écrit un compte rendu précis.",
        ],
        [
            "Not yet A1: recognises some letters or their name; cannot yet read a common word.",
            "A1: reads common words and signs (entrance, danger); writes their name, address, a date.",
            "A2: reads a schedule or a short instruction; fills in a simple form.",
            "B1: reads a job sheet or a simple letter; writes a clear message to report a problem.",
            "B2: reads a contract or rules and picks out the key points; writes a cover letter.",
            "C1 or above: reads long, technical documents; writes a precise report.",
        ],
    ),
]

# General CEFR descriptors for any language the person speaks or learns (heard, spoken, read, written).
CEFR_LEVELS = [
    "Pas encore A1 : connaît quelques mots isolés.",
    "A1 : se présente ; comprend et utilise des expressions très courantes si l'on parle lentement.",
    "A2 : échange sur des sujets familiers (travail, famille, achats) ; lit un message court.",
    "B1 : se débrouille dans la plupart des situations courantes ; raconte un événement ; écrit un texte simple.",
    "B2 : discute avec aisance avec une personne dont c'est la langue ; comprend l'essentiel d'un texte complexe.",
    "C1 ou plus : s'exprime spontanément et précisément, à l'oral comme à l'écrit ; peut servir d'interprète.",
]
CEFR_LEVELS_EN = [
    "Not yet A1: knows a few single words.",
    "A1: introduces themselves; understands and uses very common phrases if others speak slowly.",
    "A2: talks about familiar topics (work, family, shopping); reads a short message.",
    "B1: copes in most everyday situations; tells about an event; writes a simple text.",
    "B2: talks with ease with someone whose language it is; understands the gist of a complex text.",
    "C1 or above: speaks and writes spontaneously and precisely; can act as an interpreter.",
]

# (ISO 639 code, name fr, name en): languages often spoken or learned by the people of work-integration structures.
LANGUAGES = [
    ("en", "Anglais", "English"),
    ("ar", "Arabe", "Arabic"),
    ("es", "Espagnol", "Spanish"),
    ("pt", "Portugais", "Portuguese"),
    ("it", "Italien", "Italian"),
    ("de", "Allemand", "German"),
    ("ro", "Roumain", "Romanian"),
    ("tr", "Turc", "Turkish"),
    ("ru", "Russe", "Russian"),
    ("uk", "Ukrainien", "Ukrainian"),
    ("fa", "Persan (dari, farsi)", "Persian (Dari, Farsi)"),
    ("ps", "Pachto", "Pashto"),
    ("ta", "Tamoul", "Tamil"),
    ("ti", "Tigrigna", "Tigrinya"),
    ("wo", "Wolof", "Wolof"),
    ("bm", "Bambara", "Bambara"),
]


def language_description(name: str, name_en: str) -> tuple[str, str]:
    return (
        f"Niveau du CECRL en {name.lower()}, langue parlée ou apprise : 0 = pas encore A1, 1 = A1 … 5 = C1 ou plus.",
        f"CEFR level in {name_en}, a language spoken or learned: 0 = not yet A1, 1 = A1 … 5 = C1 or above.",
    )


def basic_skills() -> list[dict]:
    """Every basic skill of the default catalogue, as field values of a global `Competence`."""
    rows = []
    for code, names, descriptions, levels, levels_en in CLEA_DOMAINS:
        rows.append(_row(code, CLEA, names, descriptions, levels, levels_en))
    for code, names, descriptions, levels, levels_en in FRENCH:
        rows.append(_row(code, LANGUAGE, names, descriptions, levels, levels_en))
    for iso, name, name_en in LANGUAGES:
        rows.append(
            _row(
                f"lang_{iso}",
                LANGUAGE,
                (name, name_en),
                language_description(name, name_en),
                CEFR_LEVELS,
                CEFR_LEVELS_EN,
            )
        )
    return rows


def _row(code, family, names, descriptions, levels, levels_en) -> dict:
    return {
        "code": code,
        "family": family,
        "name": names[0],
        "name_en": names[1],
        "description": descriptions[0],
        "description_en": descriptions[1],
        "levels": list(levels),
        "levels_en": list(levels_en),
    }


def load_basic_skills(competence_model) -> int:
    """Creates or updates the catalogue's basic skills; returns how many there are. Idempotent."""
    rows = basic_skills()
    for row in rows:
        code = row.pop("code")
        competence_model.objects.update_or_create(structure=None, kind="basic", code=code, defaults=row)
    return len(rows)
