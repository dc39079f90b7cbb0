"""Every API route that answers a person's data writes an access-log entry per person, like a page read;
the routes about no one write none. The routes are discovered from the URL configuration: a new one must be
declared in READS (with the person it names) or in NOT_ABOUT_A_PERSON, or this test names it."""

from django.urls import URLPattern, get_resolver

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry, Action

NOT_ABOUT_A_PERSON = {
    "api_v1:indicators": "figures of the structure",
    "api_v1:job_offers": "offers of the structure's network",
    "api_v1:job_offer": "one offer",
    "api_v1:schema": "the API's description",
    "api_v1:docs": "the API's documentation page",
}


def _url_names() -> set[str]:
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "api_v1":
            return {f"api_v1:{p.name}" for p in pattern.url_patterns if isinstance(p, URLPattern) and p.name}
    return set()


def _reads(world) -> dict[str, str]:
    pathway, person = world["pathway"], world["person"]
    return {
        "api_v1:people": "/api/v1/people/",
        "api_v1:person": f"/api/v1/people/{person.public_id}/",
        "api_v1:pathways": "/api/v1/pathways/",
        "api_v1:pathway": f"/api/v1/pathways/{pathway.public_id}/",
        "api_v1:plan": f"/api/v1/pathways/{pathway.public_id}/plan/",
        "api_v1:appointments": "/api/v1/appointments/",
        "api_v1:appointment": f"/api/v1/appointments/{world['interviews']['team'].public_id}/",
    }


def test_every_api_route_is_declared(world):
    declared = set(_reads(world)) | set(NOT_ABOUT_A_PERSON)
    assert _url_names() == declared


def test_every_read_of_a_person_is_logged_and_no_other(world, token_for, call):
    token = token_for(Role.DIRECTOR)
    person = str(world["person"].public_id)
    missing, unexpected = [], []
    urls = dict(_reads(world))
    urls["api_v1:indicators"] = "/api/v1/indicators/"
    urls["api_v1:job_offers"] = "/api/v1/job-offers/"
    for name, url in urls.items():
        last = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        response = call(token, "GET", url)
        assert response.status_code == 200, (name, response.content)
        entries = AccessLogEntry.objects.filter(id__gt=last, action=Action.READ)
        named = {str(value) for value in entries.values_list("person_public_id", flat=True)}
        if name in NOT_ABOUT_A_PERSON:
            if named:
                unexpected.append(name)
        elif person not in named:
            missing.append(name)
        else:
            entry = entries.filter(person_public_id=person).first()
            assert entry.actor_id == world["members"][Role.DIRECTOR].user_id
            assert entry.screen == name
    assert not missing, f"API routes showing a person's data that log no read: {missing}"
    assert not unexpected, f"API routes about no one that log reads: {unexpected}"


def test_a_refused_read_logs_nothing(world, token_for, call):
    last = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    token = token_for(Role.SUPERVISOR)
    assert call(token, "GET", f"/api/v1/people/{world['outsider'].public_id}/").status_code == 404
    assert not AccessLogEntry.objects.filter(id__gt=last).exists()
