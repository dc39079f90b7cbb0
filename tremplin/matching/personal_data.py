"""What the matching app holds about a person: where they live and how far they travel, the offers sent
to them or set aside (decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="matching.MobilityProfile",
        person_path="person",
        part="mobility_profile",
        delete=True,
        export=ExportSection("mobility"),
    ),
    PersonalData(
        model="matching.SentOffer",
        person_path="pathway__person",
        timeline=TimelineSource(
            "tremplin.matching.timeline.sent_offer_events", ("pathway", "offer__company", "sent_by")
        ),
        part="sent_offer",
        keep_reason=_("Une offre, une date et un score : ils comptent pour les bilans."),
        export=ExportSection("sent_offers", ordering=("sent_on", "pk")),
    ),
    PersonalData(
        model="matching.NotRelevant",
        person_path="pathway__person",
        part="offer_set_aside",
        keep_reason=_("Une offre et un motif codé."),
        export=ExportSection("offers_set_aside"),
    ),
]
