"""The default catalogue of soft skills, in French and English, with observable levels 0–5.

Written for work-integration worksites: each level describes what a supervisor can see
on the job, not a personality trait. `rome` is the code of the closest ROME 4.0
"savoir-être professionnel" macro-competence (code_ogr), kept as a cross-reference.
Loaded by a data migration; `load_soft_skills` is idempotent and also used by the demo.
"""

# (code, family, rome, (name fr, name en), (description fr, description en), levels fr, levels en)
SOFT_SKILLS = [
    (
        "attendance",
        "methodological",
        "300461",
        ("Assiduité", "Attendance"),
        (
            "Être présent·e aux jours prévus et prévenir en cas d'absence.",
            "Being there on the planned days and warning in case of absence.",
        ),
        [
            "Absences fréquentes sans prévenir.",
            "Absences fréquentes, parfois signalées après coup.",
            "Quelques absences, le plus souvent signalées.",
            "Présent·e la plupart des jours ; prévient avant une absence.",
            "Présent·e tous les jours prévus ; absences rares et justifiées.",
            "Présence régulière sur la durée ; organise ses rendez-vous hors du temps de travail.",
        ],
        [
            "Frequent absences without warning.",
            "Frequent absences, sometimes reported afterwards.",
            "Some absences, usually reported.",
            "There most days; warns before an absence.",
            "There on every planned day; rare, justified absences.",
            "Steady attendance over time; plans appointments outside working hours.",
        ],
    ),
    (
        "punctuality",
        "methodological",
        "300461",
        ("Ponctualité", "Punctuality"),
        (
            "Arriver à l'heure, respecter les horaires de pause et de fin.",
            "Arriving on time, keeping to break and finishing times.",
        ),
        [
            "Retards très fréquents, sans prévenir.",
            "Retards fréquents, rarement signalés.",
            "Retards occasionnels, parfois signalés.",
            "À l'heure la plupart du temps ; prévient d'un retard.",
            "Toujours à l'heure, pauses respectées.",
            "Toujours à l'heure et prêt·e à commencer ; anticipe les contraintes de transport.",
        ],
        [
            "Very often late, without warning.",
            "Often late, rarely reported.",
            "Occasionally late, sometimes reported.",
            "On time most of the time; warns when late.",
            "Always on time, breaks kept.",
            "Always on time and ready to start; plans around transport problems.",
        ],
    ),
    (
        "following_instructions",
        "methodological",
        "300490",
        ("Respect des consignes", "Following instructions"),
        (
            "Comprendre une consigne, l'appliquer, demander quand elle n'est pas claire.",
            "Understanding an instruction, applying it, asking when it is unclear.",
        ),
        [
            "N'applique pas les consignes données.",
            "Applique une consigne seulement si on la répète et qu'on vérifie.",
            "Applique les consignes simples, oublie une partie des consignes longues.",
            "Applique les consignes ; demande quand il ou elle ne comprend pas.",
            "Applique les consignes sans rappel, y compris en plusieurs étapes.",
            "Applique les consignes et sait les réexpliquer à un·e collègue.",
        ],
        [
            "Does not apply the instructions given.",
            "Applies an instruction only when it is repeated and checked.",
            "Applies simple instructions, forgets part of longer ones.",
            "Applies instructions; asks when they are unclear.",
            "Applies instructions without reminders, including multi-step ones.",
            "Applies instructions and can explain them again to a colleague.",
        ],
    ),
    (
        "organisation",
        "methodological",
        "300483",
        ("Organisation", "Organisation"),
        (
            "Préparer son poste, ranger ses outils, suivre l'ordre des tâches.",
            "Preparing one's workstation, putting tools away, following the order of tasks.",
        ),
        [
            "Ne prépare pas son travail ; outils perdus ou laissés sur place.",
            "Prépare son travail seulement avec une aide constante.",
            "Prépare une partie de son poste ; oublie régulièrement une étape.",
            "Prépare son poste et range ses outils en fin de journée.",
            "Enchaîne les tâches dans le bon ordre et tient son poste propre.",
            "Planifie sa journée, anticipe le matériel et aide l'équipe à s'organiser.",
        ],
        [
            "Does not prepare the work; tools lost or left behind.",
            "Prepares the work only with constant help.",
            "Prepares part of the workstation; regularly forgets a step.",
            "Prepares the workstation and puts tools away at the end of the day.",
            "Does the tasks in the right order and keeps the workstation clean.",
            "Plans the day, anticipates the equipment needed and helps the team get organised.",
        ],
    ),
    (
        "teamwork",
        "social",
        "300465",
        ("Travail en équipe", "Teamwork"),
        (
            "Travailler avec les autres, partager les tâches, aider un·e collègue.",
            "Working with others, sharing tasks, helping a colleague.",
        ),
        [
            "Refuse de travailler avec les autres ou crée des tensions.",
            "Travaille à côté des autres sans coopérer.",
            "Coopère quand on le lui demande.",
            "Partage les tâches et respecte le travail des collègues.",
            "Aide spontanément un·e collègue en difficulté.",
            "Facilite le travail du groupe et accueille les nouveaux et nouvelles.",
        ],
        [
            "Refuses to work with others or causes tension.",
            "Works next to others without cooperating.",
            "Cooperates when asked to.",
            "Shares tasks and respects colleagues' work.",
            "Helps a colleague in difficulty without being asked.",
            "Makes the group's work easier and welcomes newcomers.",
        ],
    ),
    (
        "communication",
        "social",
        "300412",
        ("Communication", "Communication"),
        (
            "S'exprimer avec les collègues, l'encadrant·e et le public ; écouter.",
            "Speaking with colleagues, the supervisor and the public; listening.",
        ),
        [
            "Ne communique pas ou de manière inadaptée.",
            "Communique peu ; ne signale pas les problèmes.",
            "Répond quand on s'adresse à lui ou elle ; signale parfois un problème.",
            "S'exprime clairement et signale les problèmes à l'encadrant·e.",
            "Adapte sa façon de parler à la personne (collègue, client·e, public).",
            "Reformule, écoute et aide à résoudre un malentendu.",
        ],
        [
            "Does not communicate, or in an unsuitable way.",
            "Communicates little; does not report problems.",
            "Answers when spoken to; sometimes reports a problem.",
            "Speaks clearly and reports problems to the supervisor.",
            "Adapts the way of speaking to the person (colleague, customer, public).",
            "Rephrases, listens and helps sort out a misunderstanding.",
        ],
    ),
    (
        "stress_management",
        "social",
        "300478",
        ("Gestion du stress", "Stress management"),
        (
            "Garder son calme face à l'imprévu, à la critique ou à la pression.",
            "Staying calm when facing the unexpected, criticism or pressure.",
        ),
        [
            "S'emporte ou quitte le poste face à une difficulté.",
            "Réagit vivement à la critique ; a besoin d'être isolé·e pour se calmer.",
            "Garde son calme dans les situations habituelles seulement.",
            "Accepte une remarque et continue le travail.",
            "Reste calme face à l'imprévu et à l'urgence.",
            "Reste calme et aide les autres à garder leur calme.",
        ],
        [
            "Loses temper or leaves the workstation when facing a difficulty.",
            "Reacts strongly to criticism; needs to be taken aside to calm down.",
            "Stays calm in usual situations only.",
            "Accepts a remark and carries on working.",
            "Stays calm with the unexpected and with urgency.",
            "Stays calm and helps others keep calm.",
        ],
    ),
    (
        "adaptability",
        "social",
        "300479",
        ("Adaptabilité", "Adaptability"),
        (
            "Accepter un changement de tâche, d'équipe, de lieu ou d'horaire.",
            "Accepting a change of task, team, place or hours.",
        ),
        [
            "Refuse tout changement.",
            "Accepte un changement avec beaucoup de difficulté.",
            "Accepte un changement s'il est annoncé à l'avance.",
            "S'adapte à un changement de tâche dans la journée.",
            "S'adapte vite à une nouvelle tâche, une nouvelle équipe ou un nouveau lieu.",
            "Propose de lui-même ou d'elle-même de changer de poste quand l'équipe en a besoin.",
        ],
        [
            "Refuses any change.",
            "Accepts a change with great difficulty.",
            "Accepts a change when announced in advance.",
            "Adapts to a change of task within the day.",
            "Quickly adapts to a new task, team or place.",
            "Offers to change workstation when the team needs it.",
        ],
    ),
    (
        "reliability",
        "contributory",
        "300461",
        ("Fiabilité", "Reliability"),
        (
            "Faire ce qui a été convenu, jusqu'au bout, avec un résultat sur lequel on peut compter.",
            "Doing what was agreed, to the end, with a result others can count on.",
        ),
        [
            "Ne termine pas le travail confié.",
            "Termine le travail seulement avec un contrôle constant.",
            "Termine le travail, avec des reprises fréquentes.",
            "Termine le travail confié avec un résultat correct.",
            "On peut lui confier une tâche sans vérifier le résultat.",
            "On lui confie des tâches importantes ; vérifie lui-même ou elle-même son travail.",
        ],
        [
            "Does not finish the work given.",
            "Finishes the work only under constant checking.",
            "Finishes the work, with frequent corrections.",
            "Finishes the work given with a correct result.",
            "Can be given a task without checking the result.",
            "Is trusted with important tasks; checks their own work.",
        ],
    ),
    (
        "safety",
        "contributory",
        "300490",
        ("Sécurité", "Safety"),
        (
            "Porter les protections, respecter les règles de sécurité, signaler un danger.",
            "Wearing protective equipment, following safety rules, reporting a hazard.",
        ),
        [
            "Ne porte pas les protections ; se met en danger ou met les autres en danger.",
            "Porte les protections seulement quand on le lui rappelle.",
            "Porte les protections ; oublie parfois une règle de sécurité.",
            "Respecte les règles de sécurité du poste sans rappel.",
            "Respecte les règles et signale les dangers qu'il ou elle remarque.",
            "Veille à la sécurité de l'équipe et rappelle les règles aux autres.",
        ],
        [
            "Does not wear protective equipment; puts self or others at risk.",
            "Wears protective equipment only when reminded.",
            "Wears protective equipment; sometimes forgets a safety rule.",
            "Follows the workstation's safety rules without reminders.",
            "Follows the rules and reports the hazards they notice.",
            "Looks after the team's safety and reminds others of the rules.",
        ],
    ),
    (
        "autonomy",
        "contributory",
        "300460",
        ("Autonomie", "Autonomy"),
        (
            "Travailler sans aide constante, savoir quand demander de l'aide.",
            "Working without constant help, knowing when to ask for help.",
        ),
        [
            "Ne peut pas travailler sans quelqu'un à côté.",
            "A besoin d'aide à chaque étape.",
            "Travaille seul·e sur des tâches simples et connues.",
            "Travaille seul·e sur les tâches du poste ; demande de l'aide à bon escient.",
            "Travaille seul·e sur une journée, y compris face à un petit imprévu.",
            "Travaille seul·e sur un chantier et sait organiser le travail d'un·e débutant·e.",
        ],
        [
            "Cannot work without someone alongside.",
            "Needs help at every step.",
            "Works alone on simple, familiar tasks.",
            "Works alone on the workstation's tasks; asks for help when right to.",
            "Works alone for a whole day, including with a small unexpected problem.",
            "Works alone on a worksite and can organise a beginner's work.",
        ],
    ),
    (
        "initiative",
        "contributory",
        "300467",
        ("Prise d'initiative", "Taking initiative"),
        (
            "Agir sans attendre qu'on le demande, proposer une amélioration.",
            "Acting without waiting to be asked, suggesting an improvement.",
        ),
        [
            "Attend les consignes, même quand le travail est fini.",
            "Demande quoi faire une fois le travail fini.",
            "Fait une tâche évidente sans qu'on le demande.",
            "Repère ce qui doit être fait et le fait.",
            "Propose une meilleure façon de faire au poste.",
            "Propose et met en place des améliorations avec l'équipe.",
        ],
        [
            "Waits for instructions, even when the work is done.",
            "Asks what to do once the work is done.",
            "Does an obvious task without being asked.",
            "Spots what needs doing and does it.",
            "Suggests a better way of doing the job.",
            "Suggests and puts improvements in place with the team.",
        ],
    ),
]


def load_soft_skills(competence_model) -> int:
    """Creates or updates the catalogue's soft skills; returns how many there are. Idempotent."""
    for code, family, rome, names, descriptions, levels, levels_en in SOFT_SKILLS:
        competence_model.objects.update_or_create(
            structure=None,
            kind="soft",
            code=code,
            defaults={
                "family": family,
                "rome_code": rome,
                "name": names[0],
                "name_en": names[1],
                "description": descriptions[0],
                "description_en": descriptions[1],
                "levels": levels,
                "levels_en": levels_en,
            },
        )
    return len(SOFT_SKILLS)
