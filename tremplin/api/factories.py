import factory

from tremplin.accounts.factories import MembershipFactory

from .models import ApiToken, hash_key
from .scopes import ALL_SCOPES


class ApiTokenFactory(factory.django.DjangoModelFactory):
    """A token with every scope; its key is `token.key` (only the hash is stored)."""

    class Meta:
        model = ApiToken

    membership = factory.SubFactory(MembershipFactory)
    structure = factory.LazyAttribute(lambda token: token.membership.structure)
    name = factory.Sequence(lambda n: f"Logiciel {n}")
    key = factory.Sequence(lambda n: f"trp_test-key-{n:08d}-abcdefghijklmnopqrstuvwxyz")
    prefix = factory.LazyAttribute(lambda token: token.key[:12])
    key_hash = factory.LazyAttribute(lambda token: hash_key(token.key))
    scopes = factory.LazyFunction(lambda: list(ALL_SCOPES))

    @classmethod
    def _create(cls, model_class, *args, key=None, **kwargs):
        token = super()._create(model_class, *args, **kwargs)
        token.key = key
        return token
