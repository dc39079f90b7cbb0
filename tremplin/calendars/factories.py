import factory

from tremplin.accounts.factories import UserFactory
from tremplin.structures.factories import StructureFactory

from .models import CalendarFeed
from .services import token_hash


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    """A feed whose token is `token` (kept on the factory's output only through `issue_feed` in real use)."""

    class Meta:
        model = CalendarFeed

    class Params:
        token = factory.Sequence(lambda n: f"test-token-{n}")

    user = factory.SubFactory(UserFactory)
    structure = factory.SubFactory(StructureFactory)
    token_hash = factory.LazyAttribute(lambda o: token_hash(o.token))
