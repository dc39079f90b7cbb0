import datetime

from tremplin.portfolio.models import Certification

DAY = datetime.date(2026, 6, 1)


def test_expiry_flags_at_their_boundaries():
    assert Certification(expires_on=DAY - datetime.timedelta(days=1)).is_expired_on(DAY)
    assert not Certification(expires_on=DAY).is_expired_on(DAY)
    assert Certification(expires_on=DAY + datetime.timedelta(days=60)).expires_soon_on(DAY)
    assert not Certification(expires_on=DAY + datetime.timedelta(days=61)).expires_soon_on(DAY)
    assert not Certification(expires_on=None).expires_soon_on(DAY)
    assert not Certification(expires_on=DAY - datetime.timedelta(days=1)).expires_soon_on(DAY)
