import factory

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.partners.factories import PartnerOrganisationFactory
from tremplin.pathways.factories import PathwayFactory

from .models import PartnerAccount, PartnerNote


class PartnerAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerAccount

    membership = factory.SubFactory(MembershipFactory, role=Role.PARTNER)
    organisation = factory.SubFactory(
        PartnerOrganisationFactory, structure=factory.SelfAttribute("..membership.structure")
    )


class PartnerNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerNote

    pathway = factory.SubFactory(PathwayFactory)
    organisation = factory.SubFactory(
        PartnerOrganisationFactory, structure=factory.SelfAttribute("..pathway.structure")
    )
    text = "Premier rendez-vous honoré, dossier de demande de logement déposé."
