import uuid

import pytest
from django.urls import reverse

from tremplin.core.links import SLOT, url_maker


def test_it_gives_the_same_urls_as_reverse_for_many_objects():
    person_url = url_maker("people:detail", SLOT)
    ids = [uuid.uuid4() for _ in range(5)]
    assert [person_url(i) for i in ids] == [reverse("people:detail", args=[i]) for i in ids]


def test_it_fills_several_slots_in_order_around_fixed_arguments():
    offer = uuid.uuid4()
    pathway = uuid.uuid4()
    send_url = url_maker("matching:send", SLOT, offer)
    assert send_url(pathway) == reverse("matching:send", args=[pathway, offer])
    both = url_maker("matching:send", SLOT, SLOT)
    assert both(pathway, offer) == reverse("matching:send", args=[pathway, offer])


def test_it_refuses_what_is_not_a_uuid():
    person_url = url_maker("people:detail", SLOT)
    with pytest.raises(ValueError):
        person_url("../../admin")
    with pytest.raises(TypeError):
        person_url(uuid.uuid4(), uuid.uuid4())


def test_the_cached_object_url_matches_reverse_for_every_object():
    from tremplin.core.links import object_url

    ids = [uuid.uuid4() for _ in range(3)]
    assert [object_url("timeline:pathway", i) for i in ids] == [
        reverse("timeline:pathway", kwargs={"pathway_id": i}) for i in ids
    ]
