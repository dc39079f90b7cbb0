"""`make bench`: the indicators page of the year over the benchmark structure, and its yearly report (the
report page, the XLSX; the PDF timed once, WeasyPrint being the slow part): time and queries against the
baseline page. "pass" means the page's query count is the one the tests pin (21), whatever the data size."""

import time

from django.test import Client
from django.urls import reverse

from tremplin.accounts.models import Membership, User
from tremplin.accounts.roles import Role

from .services import create_report, default_period

PAGE_QUERIES = 21


def measure(context: dict) -> dict:
    structure = context["subject"]["pathway"].structure
    prefix, domain = context.get("prefix", ""), context.get("email_domain", "example.org")
    director = User.objects.create(email=f"{prefix}indicators-director@{domain}", password="!", first_name="Inès")
    Membership.objects.create(user=director, structure=structure, role=Role.DIRECTOR)
    write = context.get("write", lambda line: None)
    result: dict = {"pathways": structure.pathways.count()}

    page = context["time_page"](reverse("indicators:page"), director)
    result["page"] = page
    write(f"indicators: page of the year: {page['median_ms']:.1f} ms, {page['queries']} queries, x{page['ratio']}")

    started = time.perf_counter()
    report = create_report(structure, default_period(), by=director)
    result["report_create_ms"] = round((time.perf_counter() - started) * 1000, 1)
    for name in ("report", "report_xlsx"):
        timing = context["time_page"](reverse(f"indicators:{name}", args=[report.public_id]), director)
        result[name] = timing
        write(f"indicators: {name}: {timing['median_ms']:.1f} ms, {timing['queries']} queries, x{timing['ratio']}")
    client = Client()
    client.force_login(director)
    started = time.perf_counter()
    client.get(reverse("indicators:report_pdf", args=[report.public_id]))
    result["report_pdf_ms"] = round((time.perf_counter() - started) * 1000, 1)
    write(f"indicators: report PDF (once): {result['report_pdf_ms']:.1f} ms")
    result["pass"] = page["queries"] == PAGE_QUERIES
    return result
