"""Property-based fuzzing of the main forms: random and hostile input never gives a server
error and never half-saves.

Each form's fields are read from the form the page renders, so a new field is
fuzzed as soon as it exists. Every field gets, at random, a plausible value, a
hostile one (markup, SQL, control characters, huge or odd numbers, impossible
dates) or nothing. The answer must be a redirect after a complete save, or the
form again (200) with no new row. Each example runs in a savepoint rolled back
afterwards, so examples do not depend on each other.
"""

import datetime

import pytest
from django import forms
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.helpers import tremplin_models
from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.contracts.models import Contract
from tremplin.eligibility.factories import CriterionProofFactory, EligibilityDiagnosisFactory
from tremplin.eligibility.models import EligibilityDiagnosis
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Pathway, Status
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import WorksiteFactory
from tremplin.structures.models import Worksite

FUZZ = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None
)

HOSTILE_TEXT = [
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "'; DROP TABLE people_person; --",
    '" OR 1=1 --',
    "\x00",
    "a\x00b",
    "\u202egnp.exe",
    "{{ 7*7 }}{% debug %}",
    "%s%n%x",
    "../../etc/passwd",
    " ",
    "😀" * 80,
    "x" * 5000,
    "9" * 40,
    "-1",
    "1e309",
    "NaN",
    "Infinity",
    "0x1F",
    "2024-02-30",
    "0000-00-00",
    "31/12/1999",
    "9999-12-31",
    "1900-01-01",
]

hostile = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=300))
plain_text = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèçàô -'", min_size=1, max_size=40).filter(str.strip)
dates = st.dates(min_value=datetime.date(1920, 1, 1), max_value=datetime.date(2035, 12, 31)).map(
    datetime.date.isoformat
)
near_dates = st.integers(-800, 800).map(lambda d: (datetime.date.today() + datetime.timedelta(days=d)).isoformat())
numbers = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.integers(0, 60).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str),
)


def plausible(field: forms.Field, name: str) -> st.SearchStrategy:
    if isinstance(field, forms.ModelMultipleChoiceField):
        values = [str(v) for v, _ in field.choices if str(v)]
        return st.lists(st.sampled_from(values), unique=True) if values else st.just([])
    if isinstance(field, forms.ChoiceField):
        values = [str(v) for v, _ in field.choices if str(v)]
        return st.sampled_from(values) if values else st.just("")
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", ""])
    if isinstance(field, forms.DateField):
        return near_dates if name != "birth_date" else dates
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return numbers
    if isinstance(field, forms.EmailField):
        return st.from_regex(r"[a-z]{1,10}@example\.org", fullmatch=True)
    if name == "phone":
        return st.sampled_from(["06 12 34 56 78", "+33 6 12 34 56 78", "0123"])
    if name == "postcode":
        return st.sampled_from(["59100", "75011", "1000", "20090"])
    return plain_text


def fuzzed_post(form: forms.Form, base: dict) -> st.SearchStrategy:
    """A POST body: for each field, the plausible base value, a random plausible one, a hostile one, or nothing."""
    base = dict(base)
    for bound in form.hidden_fields():
        # Hidden fields carry what the page gave (a concurrency token): their real value is a plausible one.
        base.setdefault(bound.name, bound.field.widget.format_value(bound.value()) or "")
    parts = {}
    for name, field in form.fields.items():
        choices = [plausible(field, name), hostile, st.just(None)]
        if name in base:
            choices.insert(0, st.just(base[name]))
        parts[name] = st.one_of(*choices)
    return st.fixed_dictionaries(parts).map(lambda d: {k: v for k, v in d.items() if v is not None})


def counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in tremplin_models()}


def new_rows(before: dict, after: dict) -> dict[str, int]:
    return {label: after[label] - before[label] for label in before if after[label] != before[label]}


@pytest.fixture
def world(structure, member):
    director = member(Role.DIRECTOR)
    counsellor = member(Role.COUNSELLOR)
    supervisor = member(Role.SUPERVISOR)
    programme = ProgrammeFactory(structure=structure)
    worksite = WorksiteFactory(structure=structure)
    candidate = PathwayFactory(person=PersonFactory(structure=structure), programme=programme, referent=counsellor)
    eligible = PathwayFactory(
        person=PersonFactory(structure=structure), programme=programme, status=Status.ELIGIBLE, referent=counsellor
    )
    diagnosis = EligibilityDiagnosisFactory(pathway=eligible, made_on=datetime.date.today())
    CriterionProofFactory(diagnosis=diagnosis, proof_date=diagnosis.made_on)
    return {
        "director": director,
        "counsellor": counsellor,
        "supervisor": supervisor,
        "programme": programme,
        "worksite": worksite,
        "candidate": candidate,
        "eligible": eligible,
    }


def check(client, url: str, data: dict, *, saves: dict[str, int], same_rows=None) -> int:
    """POSTs `data` in a savepoint rolled back afterwards, checks the outcome, returns the status."""
    with transaction.atomic():
        before = counts()
        snapshot_before = same_rows() if same_rows else None
        response = client.post(url, data)
        after = counts()
        assert response.status_code in (200, 302), f"{response.status_code} for {data!r}"
        if response.status_code == 302:
            created = new_rows(before, after)
            for label, number in saves.items():
                assert created.get(label, 0) == number, f"incomplete save {created} for {data!r}"
        else:
            assert new_rows(before, after) == {}, f"half-saved {new_rows(before, after)} for {data!r}"
            if same_rows:
                assert same_rows() == snapshot_before, f"the record changed although refused: {data!r}"
        transaction.set_rollback(True)
    return response.status_code


def form_of(client, url: str) -> forms.Form:
    response = client.get(url)
    assert response.status_code == 200
    return response.context["form"]


@pytest.mark.django_db
def test_people_create(client, world):
    client.force_login(world["counsellor"])
    url = reverse("people:create")
    base = {
        "first_name": "Awa",
        "last_name": "Diallo",
        "birth_date": "1990-05-01",
        "programme": str(world["programme"].pk),
        "referent": str(world["counsellor"].pk),
    }
    post = fuzzed_post(form_of(client, url), base)

    statuses = set()

    @FUZZ
    @given(data=post)
    def run(data):
        statuses.add(check(client, url, data, saves={"people.Person": 1, "pathways.Pathway": 1}))

    run()
    assert statuses == {200, 302}, "the fuzzer should reach both the save and the refusal"


@pytest.mark.django_db
def test_people_edit(client, world):
    client.force_login(world["counsellor"])
    person = world["candidate"].person
    url = reverse("people:edit", args=[person.public_id])
    base = {"first_name": person.first_name, "last_name": person.last_name, "driving_licence": "none"}
    post = fuzzed_post(form_of(client, url), base)

    def person_row():
        return list(Person.objects.filter(pk=person.pk).values())

    statuses = set()

    @FUZZ
    @given(data=post)
    def run(data):
        statuses.add(check(client, url, data, saves={"people.Person": 0}, same_rows=person_row))

    run()
    assert statuses == {200, 302}, "the fuzzer should reach both the save and the refusal"


@pytest.mark.django_db
def test_contracts_create(client, world):
    client.force_login(world["counsellor"])
    pathway = world["eligible"]
    url = reverse("contracts:create", args=[pathway.public_id])
    start = datetime.date.today() + datetime.timedelta(days=7)
    base = {
        "start_date": start.isoformat(),
        "planned_end_date": (start + datetime.timedelta(days=180)).isoformat(),
        "weekly_hours": "26",
        "position": "Agent·e de maraîchage",
        "worksite": str(world["worksite"].pk),
    }
    post = fuzzed_post(form_of(client, url), base)

    def pathway_row():
        return list(Pathway.objects.filter(pk=pathway.pk).values("status"))

    statuses = set()

    @FUZZ
    @given(data=post)
    def run(data):
        statuses.add(check(client, url, data, saves={Contract._meta.label: 1}, same_rows=pathway_row))

    run()
    assert statuses == {200, 302}, "the fuzzer should reach both the save and the refusal"


@pytest.mark.django_db
def test_eligibility_create(client, world):
    client.force_login(world["counsellor"])
    pathway = world["candidate"]
    url = reverse("eligibility:create", args=[pathway.public_id])
    form = form_of(client, url)
    # Plausible base: no criterion ticked (a diagnosis that says "not eligible" is still a complete save).
    base = {name: "" for name in form.fields if name.startswith(("criterion_", "proof_date_", "proof_reference_"))}
    base["made_on"] = datetime.date.today().isoformat()
    post = fuzzed_post(form, base)

    statuses = set()

    @FUZZ
    @given(data=post)
    def run(data):
        statuses.add(check(client, url, data, saves={EligibilityDiagnosis._meta.label: 1}))

    run()
    assert statuses == {200, 302}, "the fuzzer should reach both the save and the refusal"


@pytest.mark.django_db
def test_structures_worksite_create(client, world):
    client.force_login(world["director"])
    url = reverse("structures:worksite_create")
    base = {"name": "Chantier des Près", "capacity": "12", "supervisors": [str(world["supervisor"].pk)]}
    post = fuzzed_post(form_of(client, url), base)

    statuses = set()

    @FUZZ
    @given(data=post)
    def run(data):
        statuses.add(check(client, url, data, saves={Worksite._meta.label: 1}))

    run()
    assert statuses == {200, 302}, "the fuzzer should reach both the save and the refusal"


@pytest.mark.django_db
def test_accounts_member_add(client, world):
    client.force_login(world["director"])
    url = reverse("accounts:member_add")
    base = {"email": "nouvelle@example.org", "first_name": "Inès", "last_name": "Morel", "role": "counsellor"}
    post = fuzzed_post(form_of(client, url), base)

    statuses = set()

    @FUZZ
    @given(data=post)
    def run(data):
        statuses.add(check(client, url, data, saves={Membership._meta.label: 1}))

    run()
    assert statuses == {200, 302}, "the fuzzer should reach both the save and the refusal"


@pytest.mark.django_db
def test_an_id_too_large_for_the_database_is_refused_not_a_server_error(client, world):
    client.force_login(world["director"])

    response = client.post(reverse("structures:worksite_create"), {"name": "Chantier", "supervisors": "9" * 40})

    assert response.status_code == 200
    assert "supervisors" in response.context["form"].errors
