"""`make bench`: issue and sign badges in bulk, then verify them, against a bare Ed25519 signature.

The count is context["badges"] if given, else 1,000 on a real run (runs >= 10) and a handful when
the benchmark's own tests run it on tiny sizes.
"""

import time

from django.utils import timezone

from . import dataintegrity, keys, services
from .models import Achievement, Award, DidMethod, Issuer


def measure(context: dict) -> dict:
    count = context.get("badges") or (1000 if context.get("runs", 0) >= 10 else 5)
    subject = context["subject"]
    pathway = subject["pathway"]
    structure = pathway.structure
    issuer = Issuer.objects.filter(structure=structure).first() or services.create_issuer(
        structure, did_method=DidMethod.KEY
    )
    key = services.active_key(issuer)
    private_key = keys.decrypt(key.private_key_encrypted)
    achievement = Achievement.objects.create(
        structure=structure,
        name=f"{context.get('prefix', '')}Badge de mesure",
        description="Mesure de performance.",
        criteria="Aucun : badge de mesure.",
        alignment_framework="ROME",
        alignment_code="300212",
        alignment_name="Trier les déchets",
        required_level=3,
    )
    image = services.image_of(achievement)
    now = timezone.now()
    awards = [
        Award(
            achievement=achievement,
            person=pathway.person,
            pathway=pathway,
            signing_key=key,
            awarded_at=now,
            level=4,
        )
        for _ in range(count)
    ]

    # Baseline: a bare Ed25519 signature of 64 bytes (what the cryptosuite signs), same run.
    message = b"\x01" * 64
    started = time.perf_counter()
    for _ in range(count):
        private_key.sign(message)
    bare_s = (time.perf_counter() - started) / count

    started = time.perf_counter()
    for award in awards:
        award.credential = services.issue(award, issuer, key, private_key, image)
    issue_s = time.perf_counter() - started

    started = time.perf_counter()
    Award.objects.bulk_create(awards, batch_size=200)
    store_s = time.perf_counter() - started

    public = bytes(key.public_key)
    started = time.perf_counter()
    for award in awards:
        dataintegrity.verify(award.credential, public)
    verify_s = time.perf_counter() - started

    Award.objects.filter(achievement=achievement).delete()
    achievement.delete()

    result = {
        "badges": count,
        "issue_per_s": round(count / issue_s, 1),
        "issue_and_store_per_s": round(count / (issue_s + store_s), 1),
        "verify_per_s": round(count / verify_s, 1),
        "bare_ed25519_sign_us": round(bare_s * 1e6, 1),
        "issue_ratio_to_bare_sign": round((issue_s / count) / bare_s, 1),
        "verify_ratio_to_bare_sign": round((verify_s / count) / bare_s, 1),
    }
    write = context.get("write")
    if write:
        write(
            f"badges: {count} issued+signed at {result['issue_per_s']}/s, verified at {result['verify_per_s']}/s; "
            f"bare Ed25519 signature {result['bare_ed25519_sign_us']} µs "
            f"(issue ×{result['issue_ratio_to_bare_sign']}, verify ×{result['verify_ratio_to_bare_sign']})"
        )
    return result
