import factory

from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory

from . import keys, services
from .models import Achievement, Award, DidMethod, Issuer, SigningKey


class IssuerFactory(factory.django.DjangoModelFactory):
    """An issuer identified by did:key, so that its credentials verify offline."""

    class Meta:
        model = Issuer
        skip_postgeneration_save = True

    structure = factory.SubFactory(StructureFactory)
    name = factory.LazyAttribute(lambda issuer: issuer.structure.name)
    url = "https://aci.example.org"
    email = "badges@aci.example.org"
    description = "Atelier et chantier d'insertion."
    did_method = DidMethod.KEY

    @factory.post_generation
    def with_key(issuer, create, extracted, **kwargs):
        if create and extracted is not False and not issuer.keys.exists():
            SigningKeyFactory(issuer=issuer, number=1)


class SigningKeyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SigningKey

    issuer = factory.SubFactory(IssuerFactory, with_key=False)
    number = factory.LazyAttribute(lambda key: key.issuer.keys.count() + 1)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if "public_key" not in kwargs:
            kwargs["private_key_encrypted"], kwargs["public_key"] = keys.generate()
        return super()._create(model_class, *args, **kwargs)


class AchievementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Achievement

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Tri des déchets {n}")
    description = "Trie les déchets du chantier selon les filières."
    criteria = "A trié seul les déchets d'une semaine de chantier, sans erreur."
    alignment_framework = "ROME"
    alignment_code = "300212"
    alignment_name = "Trier les déchets"


class AwardFactory(factory.django.DjangoModelFactory):
    """An award made through the real service (signed credential), issuer created when missing."""

    class Meta:
        model = Award

    pathway = factory.SubFactory(PathwayFactory)
    achievement = factory.SubFactory(AchievementFactory, structure=factory.SelfAttribute("..pathway.structure"))
    level = 4

    @classmethod
    def _create(cls, model_class, *, pathway, achievement, level=None, awarded_by=None, **kwargs):
        if not Issuer.objects.filter(structure=pathway.structure).exists():
            IssuerFactory(structure=pathway.structure)
        return services.award_badge(
            achievement,
            pathway,
            by=awarded_by,
            level=level,
            confirm={services.CRITERIA_NOT_MET, services.REVOKED_BEFORE},
        )
