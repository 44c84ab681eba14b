"""Connection settings: live API key and gRPC metadata updates (against the test worker's
recorder, a fake frontend that answers queries with the call's metadata), keep-alive, and the
HTTP CONNECT proxy the harness runs (tests/harness/connect_proxy.py)."""

import os
import time
import uuid

import pytest

from temporal_ffi import Client, ErrorCode, InvalidArgumentError, TemporalError

PROXY_PASSWORD = "proxy-test-password"


@pytest.fixture
def recorder_address():
    addr = os.environ.get("TEMPORAL_TEST_RECORDER_ADDRESS")
    if not addr:
        pytest.fail("TEMPORAL_TEST_RECORDER_ADDRESS is not set: run under tests/harness/with-dev-server.sh")
    return f"http://{addr}"  # plaintext even with an API key


def seen(client):
    return client.query_workflow("any", "metadata", timeout=10)


def test_set_api_key_rotates_the_key(recorder_address):
    with Client.connect(recorder_address, api_key="key-A") as client:
        assert seen(client)["authorization"] == "Bearer key-A"
        client.set_api_key("key-B")
        assert seen(client)["authorization"] == "Bearer key-B"
        with pytest.raises(InvalidArgumentError) as info:
            client.set_api_key("sekrit\nkey")
        assert "sekrit" not in str(info.value)
        assert seen(client)["authorization"] == "Bearer key-B"
        client.set_api_key(None)
        assert "authorization" not in seen(client)
    with pytest.raises(InvalidArgumentError):
        client.set_api_key("closed")


def test_set_grpc_metadata_replaces_it(recorder_address):
    with Client.connect(recorder_address, grpc_metadata={"x-first": "1"}) as client:
        assert seen(client)["x-first"] == "1"
        client.set_grpc_metadata({"x-second": "2"})
        md = seen(client)
        assert md["x-second"] == "2" and "x-first" not in md
        with pytest.raises(InvalidArgumentError):
            client.set_grpc_metadata({"x-bin": "v"})
        assert seen(client)["x-second"] == "2"
        client.set_grpc_metadata(None)
        assert "x-second" not in seen(client)


def test_keep_alive_options(address, task_queue):
    with pytest.raises(InvalidArgumentError, match="keep_alive_interval_ms"):
        Client.connect(address, keep_alive_interval=200 * 365 * 86400)
    for options in ({"keep_alive_interval": 0.3, "keep_alive_timeout": 1}, {"keep_alive": False}):
        with Client.connect(address, **options) as client:
            run = client.execute_workflow("GreetingWorkflow", "keepalive", task_queue=task_queue)
            time.sleep(1)  # idle: with the short interval, pings go out and are answered
            assert run.result(timeout=30) == "Hello keepalive!"


def _proxy_log_for(user):
    with open(os.environ["TEMPORAL_TEST_PROXY_LOG"]) as f:
        return [line.rstrip("\n") for line in f if f" user={user} " in line]


def test_http_connect_proxy(address, task_queue):
    proxy = os.environ.get("TEMPORAL_TEST_PROXY_ADDRESS")
    if not proxy:
        pytest.fail("TEMPORAL_TEST_PROXY_ADDRESS is not set: run under tests/harness/with-dev-server.sh")
    user = f"py-user-{uuid.uuid4().hex[:8]}"
    with Client.connect(address, proxy_address=proxy, proxy_basic_auth=(user, PROXY_PASSWORD)) as client:
        run = client.execute_workflow("GreetingWorkflow", "proxy", task_queue=task_queue)
        assert run.result(timeout=30) == "Hello proxy!"
    assert _proxy_log_for(user) == [f"CONNECT {address} user={user} status=200"]

    bad = user + "-bad"
    with pytest.raises(TemporalError) as info:
        Client.connect(address, proxy_address=proxy, proxy_basic_auth=(bad, "wrong-sekrit"))
    assert info.value.code == ErrorCode.UNAVAILABLE
    assert proxy in str(info.value) and "407" in str(info.value)
    assert "sekrit" not in str(info.value)
    assert _proxy_log_for(bad) == [f"CONNECT {address} user={bad} status=407"]

    with pytest.raises(InvalidArgumentError):
        Client.connect(address, proxy_address="no-port")
    with pytest.raises(InvalidArgumentError):
        Client.connect(address, proxy_address=proxy, proxy_basic_auth="user")  # type: ignore[arg-type]


def test_new_from_existing_shares_the_connection(recorder_address):
    first = Client.connect(recorder_address, api_key="key-A")
    with first.new_from_existing(namespace="other-ns", identity="second") as second:
        assert seen(second)["@namespace"] == "other-ns"
        assert seen(second)["authorization"] == "Bearer key-A"
        first.set_api_key("key-B")
        first.close()
        assert seen(second)["authorization"] == "Bearer key-B"
        with second.new_from_existing() as third:
            assert seen(third)["@namespace"] == "default"
    with pytest.raises(InvalidArgumentError):
        first.new_from_existing()
