"""What the action plan app holds about a person: their plan, objectives, actions and reviews
(decision 0010). Sections, statuses and dates stay for the structure's figures."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="action_plan.ActionPlan",
        person_path="pathway__person",
        part="action_plan",
        keep_reason=_("Un rythme de suivi et une date : rien d'autre à effacer."),
        export=ExportSection("action_plans"),
        history=True,
    ),
    PersonalData(
        model="action_plan.Objective",
        person_path="plan__pathway__person",
        part="action_plan_objective",
        erase={"text": "", "success_indicator": ""},
        export=ExportSection("objectives"),
        history=True,
    ),
    PersonalData(
        model="action_plan.Action",
        person_path="plan__pathway__person",
        timeline=TimelineSource("tremplin.timeline.builders.action_events", ("plan__pathway", "owner_user")),
        part="action_plan_action",
        erase={"title": "", "outcome": ""},
        export=ExportSection("actions"),
        history=True,
    ),
    PersonalData(
        model="action_plan.PlanReview",
        person_path="plan__pathway__person",
        timeline=TimelineSource("tremplin.timeline.builders.plan_review_events", ("plan__pathway", "reviewed_by")),
        part="action_plan_review",
        erase={"summary": "", "changes": list, "restricted_changes": list},
        export=ExportSection("plan_reviews", ordering=("reviewed_on", "pk")),
        history=True,
    ),
]
