"""The job-side barrier domains (issue 15): kept barriers, suggestions and indicators that follow."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.barriers.models import Barrier, BarrierChange, BarrierDomain, BarrierStatus
from tremplin.barriers.services import update_barrier

NEW_DOMAINS = [BarrierDomain.TRAINING, BarrierDomain.RECOGNITION, BarrierDomain.PROJECT, BarrierDomain.BASIC_SKILLS]
OLD_DOMAINS = [d for d in BarrierDomain.values if d not in NEW_DOMAINS]
BEFORE = [("barriers", "0001_initial")]
AFTER = [("barriers", "0002_job_side_domains")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_existing_barrier_and_its_history(team, identify):
    existing = {identify(team["pathway"], domain, description=f"noté en {domain}").pk: domain for domain in OLD_DOMAINS}
    changes = BarrierChange.objects.count()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old_apps = executor.loader.project_state(BEFORE).apps
        old_domains = {c[0] for c in old_apps.get_model("barriers", "Barrier")._meta.get_field("domain").choices}
        assert "basic_skills" not in old_domains
        MigrationExecutor(connection).migrate(AFTER)
    finally:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            executor.migrate(executor.loader.graph.leaf_nodes())
    assert dict(Barrier.objects.values_list("pk", "domain")) == existing
    assert BarrierChange.objects.count() == changes
    assert set(Barrier.objects.values_list("description", flat=True)) == {f"noté en {d}" for d in OLD_DOMAINS}


@pytest.mark.django_db
@pytest.mark.parametrize("domain", NEW_DOMAINS)
def test_a_barrier_of_a_new_domain_is_recorded_and_gets_toolbox_suggestions(client, team, domain):
    client.force_login(team["counsellor"])
    url = reverse("barriers:list", kwargs={"pathway_id": team["pathway"].public_id})
    response = client.post(
        url,
        {
            "domain": domain,
            "description": "À travailler",
            "severity": 2,
            "identified_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    barrier = Barrier.objects.get(pathway=team["pathway"])
    assert barrier.domain == domain
    page = client.get(url)
    assert str(BarrierDomain(domain).label) in page.content.decode()
    assert reverse("toolbox:entries") in page.content.decode()  # the whole toolbox, one click away
    suggested = next(b for b in page.context["barriers"] if b.pk == barrier.pk).suggested
    assert len(suggested) >= 2
    assert all(domain in entry.domains for entry in suggested)


@pytest.mark.django_db
def test_the_structure_dashboard_counts_barriers_per_domain(client, structure, member, team, identify):
    identify(team["pathway"], BarrierDomain.BASIC_SKILLS)
    lifted = identify(team["pathway"], BarrierDomain.BASIC_SKILLS)
    update_barrier(lifted, status=BarrierStatus.LIFTED, severity=0, by=None)
    identify(team["pathway"], BarrierDomain.PROJECT)
    identify(team["pathway"], BarrierDomain.JUSTICE)  # the social staff's only
    client.force_login(member(Role.CASE_MANAGER))
    rows = {
        row.domain: (row.total, row.active, row.lifted)
        for row in client.get(reverse("dashboards:structure")).context["barrier_domains"]
    }
    assert rows[BarrierDomain.BASIC_SKILLS] == (2, 1, 1)
    assert rows[BarrierDomain.PROJECT] == (1, 1, 0)
    client.force_login(member(Role.ADMIN))  # the administration does not read what only the social staff may
    rows = {row.domain for row in client.get(reverse("dashboards:structure")).context["barrier_domains"]}
    assert BarrierDomain.JUSTICE not in rows and BarrierDomain.BASIC_SKILLS in rows
