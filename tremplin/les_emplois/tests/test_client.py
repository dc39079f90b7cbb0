import pytest

from tremplin.les_emplois.client import BadCredentials, Client, PlatformUnavailable, RateLimiter, TokenRevoked


def test_the_limiter_spaces_calls_to_twelve_a_minute(clock):
    limiter = RateLimiter(12, clock=clock, sleep=clock.sleep)
    for _ in range(13):
        limiter.wait()
    assert clock.slept == [60]


def test_wrong_credentials_are_refused_with_a_clear_message(platform, clock):
    client = Client(platform.url, limiter=RateLimiter(clock=clock, sleep=clock.sleep))
    with pytest.raises(BadCredentials, match="Identifiant ou mot de passe refusé"):
        client.obtain_token(platform.username, "mauvais")


def test_pages_follow_next_and_filters_go_in_the_query(make_client, platform):
    import datetime

    client = make_client()
    url = client.first_url(statuses=("PROCESSED", "SENT"), since=datetime.date(2026, 1, 1))
    assert "status=PROCESSED&status=SENT&since=2026-01-01" in url
    pages = list(client.pages(url))
    assert [len(p.results) for p in pages] == [20, 5]
    assert pages[0].count == 25


def test_a_revoked_token_is_named(make_client, platform):
    client = make_client()
    platform.revoke_tokens()
    with pytest.raises(TokenRevoked, match="révoqué"):
        client.page(client.first_url())


def test_a_429_waits_for_retry_after_then_goes_on(make_client, platform, clock):
    client = make_client()
    platform.throttle_next, platform.retry_after = 1, 7
    page = client.page(client.first_url())
    assert len(page.results) == 20
    assert 7 in clock.slept


def test_server_errors_are_retried_a_bounded_number_of_times(make_client, platform, clock):
    client = make_client(max_retries=2)
    platform.fail_next = 10
    with pytest.raises(PlatformUnavailable, match="3 essais"):
        client.page(client.first_url())
    assert platform.fail_next == 7


def test_a_page_that_times_out_is_retried(make_client, platform):
    client = make_client(timeout=0.2)
    platform.slow_pages, platform.stall_seconds = {1: 1}, 0.6
    assert len(client.page(client.first_url()).results) == 20
