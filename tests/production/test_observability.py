"""Operators' view of a worker: health, readiness, metrics, request IDs and JSON logs (issue 9)."""

from __future__ import annotations

import json
import logging

from server.observability import JsonFormatter
from tests.support.services import free_port

ME = "query MyMessages { messages { totalCount } }"


async def test_healthz_answers_while_the_process_is_up(api):
    response = await api.client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


async def test_readyz_checks_the_database_and_redis(make_api):
    ready = await make_api()
    response = await ready.client.get("/readyz")
    assert response.status_code == 200 and response.json()["checks"] == {"database": "ok"}

    redis_down = await make_api(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    response = await redis_down.client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["redis"].startswith("error")


METRICS_TOKEN = "metrics-test-token-0123456789"
SCRAPER = {"Authorization": f"Bearer {METRICS_TOKEN}"}


async def test_metrics_count_requests_by_operation_and_outcome(make_api):
    api = await make_api(metrics_token=METRICS_TOKEN)
    await api(ME)  # refused: not logged in, an answer with errors
    await api("query Labels { labels(names: [\"ErrorCode\"]) { name } }")
    text = (await api.client.get("/metrics", headers=SCRAPER)).text
    assert 'graphql_requests_total{operation="MyMessages",outcome="errors"}' in text
    assert 'graphql_requests_total{operation="Labels",outcome="ok"}' in text
    assert 'graphql_request_seconds_bucket{le="0.005",operation="Labels"}' in text
    assert "graphql_subscriptions" in text and 'db_pool_connections{state="in_use"}' in text


async def test_metrics_answer_only_the_scraper_with_the_token(make_api):
    api = await make_api(metrics_token=METRICS_TOKEN)
    await api(ME)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": METRICS_TOKEN},
                    {"Authorization": f"Basic {METRICS_TOKEN}"}, {"X-Metrics-Token": METRICS_TOKEN}):
        refused = await api.client.get("/metrics", headers=headers)
        assert refused.status_code == 401, (headers, refused.status_code)
        assert refused.headers["www-authenticate"].startswith("Bearer")
        assert "graphql_requests_total" not in refused.text and "MyMessages" not in refused.text
    assert (await api.client.get("/metrics", headers=SCRAPER)).status_code == 200
    # In the query string a token would end up in access logs: not accepted there.
    assert (await api.client.get("/metrics", params={"token": METRICS_TOKEN})).status_code == 401


async def test_metrics_are_off_without_a_configured_token(api):
    await api(ME)
    for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer None"}):
        response = await api.client.get("/metrics", headers=headers)
        assert response.status_code == 404, response.text
        assert "graphql_requests_total" not in response.text


async def test_request_id_is_echoed_or_made_and_logged_as_json(api, caplog):
    given = await api.client.post("/graphql", json={"query": ME}, headers={"X-Request-ID": "lb-1234"})
    assert given.headers["x-request-id"] == "lb-1234"
    with caplog.at_level(logging.INFO, logger="credit_bank.requests"):
        made = await api.client.post("/graphql", json={"query": ME})
    generated = made.headers["x-request-id"]
    assert len(generated) == 32 and generated != "lb-1234"
    record = next(r for r in caplog.records if r.name == "credit_bank.requests")
    line = json.loads(JsonFormatter().format(record))
    assert line["operation"] == "MyMessages" and line["outcome"] == "errors" and line["status"] == 200
    assert line["level"] == "info" and "ms" in line
