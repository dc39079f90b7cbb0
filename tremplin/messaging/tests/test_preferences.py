"""The person's contact preferences (messaging:preferences): channels, opt-outs, language, mobile number."""

from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.messaging.models import ContactPreference


def url(person):
    return reverse("messaging:preferences", args=[person.public_id])


def post(client, person, **fields):
    data = {"preferred_language": "fr", "by_sms": "on", "by_email": "on", "mobile": "06 12 34 56 78"}
    data.update(fields)
    return client.post(url(person), {k: v for k, v in data.items() if v is not None})


def test_the_form_starts_from_the_files_phone(client, counsellor, person):
    client.force_login(counsellor)
    html = client.get(url(person)).content.decode()
    assert "+33612345678" in html


def test_preferences_are_saved_with_the_number_in_e164_and_the_language(client, counsellor, person):
    client.force_login(counsellor)
    response = post(
        client, person, mobile="+32 470 12 34 56", preferred_language="nl", by_email=None, email_opt_out="on"
    )
    assert response.status_code == 302
    preference = ContactPreference.objects.get(person=person)
    assert preference.mobile == "+32470123456"
    assert preference.email_opt_out and not preference.by_email
    person.refresh_from_db()
    assert person.preferred_language == "nl"


def test_a_bad_number_is_refused_naming_the_field(client, counsellor, person):
    client.force_login(counsellor)
    response = post(client, person, mobile="12345")
    assert response.status_code == 200
    assert "Numéro de portable : « 12345 » n&#x27;est pas un numéro valide" in response.content.decode()
    assert not ContactPreference.objects.exists()


def test_a_landline_cannot_take_sms(client, counsellor, person):
    client.force_login(counsellor)
    response = post(client, person, mobile="01 42 68 53 00")
    assert "ce numéro est un fixe" in response.content.decode()


def test_a_number_from_elsewhere_is_refused(client, counsellor, person):
    client.force_login(counsellor)
    response = post(client, person, mobile="+44 7911 123456")
    assert "France, de Belgique et d&#x27;Italie" in response.content.decode()


def test_preferring_sms_needs_a_number(client, counsellor, person):
    client.force_login(counsellor)
    response = post(client, person, mobile="")
    assert "obligatoire pour préférer les SMS" in response.content.decode()


def test_a_job_coach_may_not_change_them(client, member, person):
    client.force_login(member(Role.JOB_COACH))
    assert post(client, person).status_code == 403
