"""The payload codec (Client.connect(payload_codec=...)) and the payload-level API (Payload,
arg_payloads=..., result_as_payloads=True) against the dev server and the Go test worker.

The codec is examples/encryption_codec.py's EncryptionCodec, the Go samples' AES-GCM codec; the
worker of task queue temporal-ffi-codec (tests/worker/codec.go) runs the same codec in its Go
SDK client, so a round trip through it proves both sides write and read the same bytes.
Bounds: TEMPORAL_TEST_CODEC_TIMEOUT (seconds a workflow result may take, default 30) and
TEMPORAL_TEST_CODEC_RELEASE_TIMEOUT (seconds for the library to release a codec once its
client, runs and calls are gone, default 5).
"""

import asyncio
import gc
import importlib.util
import os
import sys
import threading
import time
import uuid
import weakref
from pathlib import Path

import pytest

from temporal_ffi import (
    Client,
    InvalidArgumentError,
    NotFoundError,
    Payload,
    PayloadError,
    UpdateStage,
    payload_codecs_alive,
)

REPO_ROOT = Path(__file__).resolve().parents[3]
RESULT_TIMEOUT = float(os.environ.get("TEMPORAL_TEST_CODEC_TIMEOUT", "30"))
RELEASE_TIMEOUT = float(os.environ.get("TEMPORAL_TEST_CODEC_RELEASE_TIMEOUT", "5"))


def _load_example():
    path = REPO_ROOT / "bindings" / "python" / "examples" / "encryption_codec.py"
    spec = importlib.util.spec_from_file_location("encryption_codec_example", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


example = _load_example()
# The worker reads the same variable (tests/worker/codec.go): both sides always agree.
KEY = os.environ.get("TEMPORAL_TEST_CODEC_KEY", "").encode() or example.TEST_KEY


class CountingCodec(example.EncryptionCodec):
    """The example's codec, counting the payloads it encodes and decodes and the threads it
    runs on (the library calls it on its own threads)."""

    def __init__(self):
        super().__init__(key=KEY)
        self.lock = threading.Lock()
        self.encoded = 0
        self.decoded_encrypted = 0
        self.threads = set()

    def encode(self, payloads):
        with self.lock:
            self.encoded += len(payloads)
            self.threads.add(threading.get_ident())
        return super().encode(payloads)

    def decode(self, payloads):
        with self.lock:
            self.decoded_encrypted += sum(
                p.metadata.get("encoding") == example.METADATA_ENCODING_ENCRYPTED for p in payloads
            )
            self.threads.add(threading.get_ident())
        return super().decode(payloads)


class FailingCodec:
    def __init__(self, encode_error=None, decode_error=None):
        self.encode_error = encode_error
        self.decode_error = decode_error

    def encode(self, payloads):
        if self.encode_error:
            raise self.encode_error
        return list(payloads)

    def decode(self, payloads):
        if self.decode_error:
            raise self.decode_error
        return list(payloads)


@pytest.fixture(scope="session")
def codec_queue():
    return os.environ.get("TEMPORAL_TEST_CODEC_TASK_QUEUE", example.TASK_QUEUE)


@pytest.fixture
def codec():
    return CountingCodec()


@pytest.fixture
def codec_client(address, codec):
    c = Client.connect(address, payload_codec=codec)
    yield c
    c.close()


def _json_payload_of(payload_in_history):
    """The payload a history entry (proto JSON) holds, decoded through the codec."""
    import base64

    encrypted = Payload(
        metadata={k: base64.b64decode(v) for k, v in payload_in_history["metadata"].items()},
        data=base64.b64decode(payload_in_history.get("data", "")),
    )
    return example.EncryptionCodec(key=KEY).decode([encrypted])[0]


# ---------------------------------------------------------------------------------------------
# Payload (library conversions only)
# ---------------------------------------------------------------------------------------------


def test_payload_proto_and_json_round_trips():
    p = Payload(metadata={"encoding": b"binary/plain", "x": b"\x00\xff"}, data=b"a\x00b")
    raw = p.to_proto()
    assert isinstance(raw, bytes) and b"a\x00b" in raw
    assert Payload.from_proto(raw) == p
    assert Payload.from_proto(Payload().to_proto()) == Payload()

    j = Payload.from_json({"k": [1, "two", None]})
    assert j.metadata == {"encoding": b"json/plain"}
    assert j.to_json() == {"k": [1, "two", None]}
    assert Payload.from_json(None).metadata == {"encoding": b"binary/null"}
    assert Payload.from_json(None).to_json() is None

    with pytest.raises(PayloadError):
        Payload.from_proto(b"\xff\xff\xff")
    with pytest.raises(PayloadError):
        Payload(metadata={"encoding": b"binary/custom"}, data=b"x").to_json()


def test_codec_format_matches_the_go_sample():
    codec = example.EncryptionCodec(key=KEY)
    plain = Payload.from_json("secret")
    (sealed,) = codec.encode([plain])
    assert sealed.metadata == {"encoding": b"binary/encrypted", "encryption-key-id": b"test-key"}
    assert b"secret" not in sealed.data
    # nonce (12) || ciphertext of the marshalled payload || GCM tag (16)
    assert len(sealed.data) == 12 + len(plain.to_proto()) + 16
    assert codec.decode([sealed]) == [plain]
    # What the codec did not encode passes through, as in the Go sample.
    assert codec.decode([plain]) == [plain]


# ---------------------------------------------------------------------------------------------
# Through the codec, with the codec worker
# ---------------------------------------------------------------------------------------------


def test_echo_round_trip_through_the_codec(codec_client, codec, codec_queue, wf_id):
    value = {"text": "secret", "n": [1, 2.5, None, True]}
    with codec_client.execute_workflow("Echo", value, id=wf_id, task_queue=codec_queue) as run:
        assert run.result(timeout=RESULT_TIMEOUT) == value
    assert codec.encoded == 1  # the argument
    assert codec.decoded_encrypted == 1  # the result, which the worker encrypted
    # Called on library threads, not this one.
    assert codec.threads and threading.get_ident() not in codec.threads


def test_history_holds_only_encrypted_payloads(codec_client, client, codec_queue, wf_id):
    with codec_client.execute_workflow("Echo", "top secret", id=wf_id, task_queue=codec_queue) as run:
        assert run.result(timeout=RESULT_TIMEOUT) == "top secret"
    # The history is returned as stored (encoded), through either client.
    for reader in (codec_client, client):
        payloads = example.history_payloads(reader.get_workflow_history(wf_id))
        assert len(payloads) >= 2, payloads  # the input and the result
        for p in payloads:
            assert example.metadata_value(p, "encoding") == b"binary/encrypted", p
            assert example.metadata_value(p, "encryption-key-id") == b"test-key", p
            assert "top secret" not in str(p)
        # Python decrypts what Go encrypted (the result) and what it encrypted itself (input).
        assert [_json_payload_of(p).to_json() for p in payloads] == ["top secret", "top secret"]


def test_signal_update_query_through_the_codec(codec_client, codec, codec_queue, wf_id):
    """CodecProbe records what it received: the worker read the decrypted values."""
    with codec_client.execute_workflow("CodecProbe", "s1", id=wf_id, task_queue=codec_queue) as run:
        # In this order: the update completes before the signal is sent, and a query sees every
        # signal the server accepted before it.
        assert codec_client.update_workflow(wf_id, "note", "upd") == ["start:s1", "update:upd"]
        codec_client.signal_workflow(wf_id, "note", "sig")
        assert codec_client.query_workflow(wf_id, "seen", "tag") == "tag,start:s1,update:upd,signal:sig"
        codec_client.signal_workflow(wf_id, "done")
        assert run.result(timeout=RESULT_TIMEOUT) == ["start:s1", "update:upd", "signal:sig"]
    # start, signal, update, query arguments and the "done" signal's (none).
    assert codec.encoded == 4
    assert codec.decoded_encrypted == 3  # update, query and workflow results


def test_asyncio_round_trip_through_the_codec(codec_client, codec, codec_queue, wf_id):
    async def main():
        run = await codec_client.execute_workflow_async("Echo", [1, "a"], id=wf_id, task_queue=codec_queue)
        with run:
            return await run.result_async(timeout=RESULT_TIMEOUT)

    assert asyncio.run(main()) == [1, "a"]
    assert codec.decoded_encrypted == 1


def test_bytes_payloads_through_the_codec(codec_client, codec, codec_queue, wf_id):
    """arg_payloads: a binary/plain payload to a workflow taking []byte; result_as_payloads:
    the decoded (decrypted) result payload as it came."""
    arg = Payload(metadata={"encoding": b"binary/plain"}, data=b"\x00raw\xffbytes")
    run = codec_client.execute_workflow("EchoBytes", arg_payloads=[arg], id=wf_id, task_queue=codec_queue)
    with run:
        result = run.result(timeout=RESULT_TIMEOUT, result_as_payloads=True)
    assert result == [Payload(metadata={"encoding": b"binary/plain"}, data=b"got:\x00raw\xffbytes")]
    assert codec.encoded == 1 and codec.decoded_encrypted == 1
    # And the same value as JSON: the default converter's base64 string of the bytes.
    with codec_client.get_workflow(wf_id) as again:
        assert again.result(timeout=RESULT_TIMEOUT) == "Z290OgByYXf/Ynl0ZXM="


# ---------------------------------------------------------------------------------------------
# Codec failures
# ---------------------------------------------------------------------------------------------


def test_codec_exception_is_payload_error_and_starts_nothing(address, client, codec_queue, wf_id):
    with Client.connect(address, payload_codec=FailingCodec(encode_error=ValueError("no key today"))) as c:
        with pytest.raises(PayloadError) as info:
            c.execute_workflow("Echo", "x", id=wf_id, task_queue=codec_queue)
        assert "payload codec encode failed: no key today" in info.value.message
    # An exception without a message says what it was.
    with Client.connect(address, payload_codec=FailingCodec(encode_error=RuntimeError())) as c:
        with pytest.raises(PayloadError) as info:
            c.execute_workflow("Echo", "x", id=wf_id, task_queue=codec_queue)
        assert "payload codec encode failed: RuntimeError" in info.value.message
    with pytest.raises(NotFoundError):
        client.describe_workflow_execution(wf_id)


def test_codec_decode_exception_is_payload_error(address, codec_queue, wf_id):
    codec = CountingCodec()
    with Client.connect(address, payload_codec=codec) as good:
        good.execute_workflow("Echo", "v", id=wf_id, task_queue=codec_queue).close()
    failing = FailingCodec(decode_error=KeyError("k9"))
    with Client.connect(address, payload_codec=failing) as c, c.get_workflow(wf_id) as run:
        with pytest.raises(PayloadError) as info:
            run.result(timeout=RESULT_TIMEOUT)
        assert "payload codec decode failed: 'k9'" in info.value.message


@pytest.mark.parametrize(
    "answer, why",
    [([], "returned 0 payloads for 1"), ("not a list", "must return a list of Payload"), ([b"x"], "Payload")],
)
def test_codec_wrong_answer_is_payload_error(address, client, codec_queue, wf_id, answer, why):
    class Wrong(FailingCodec):
        def encode(self, payloads):
            return answer

    with Client.connect(address, payload_codec=Wrong()) as c:
        with pytest.raises(PayloadError) as info:
            c.execute_workflow("Echo", "x", id=wf_id, task_queue=codec_queue)
        assert why in info.value.message
    with pytest.raises(NotFoundError):
        client.describe_workflow_execution(wf_id)


def test_codec_without_methods_is_refused(address):
    before = payload_codecs_alive()
    with pytest.raises(InvalidArgumentError):
        Client.connect(address, payload_codec=object())
    assert payload_codecs_alive() == before


# ---------------------------------------------------------------------------------------------
# Lifetime
# ---------------------------------------------------------------------------------------------


def _wait_released(ref, before):
    deadline = time.monotonic() + RELEASE_TIMEOUT
    while time.monotonic() < deadline:
        gc.collect()
        if ref() is None and payload_codecs_alive() == before:
            return True
        time.sleep(0.02)
    return False


def test_codec_is_kept_until_released_after_close(address, codec_queue, wf_id):
    before = payload_codecs_alive()
    codec = CountingCodec()
    ref = weakref.ref(codec)
    client = Client.connect(address, payload_codec=codec)
    del codec
    gc.collect()
    # Only the binding holds it now, for the library.
    assert ref() is not None and payload_codecs_alive() == before + 1
    run = client.execute_workflow("Echo", "kept", id=wf_id, task_queue=codec_queue)
    other = client.new_from_existing()  # shares the codec
    client.close()
    # The run and the other client still use it.
    assert run.result(timeout=RESULT_TIMEOUT) == "kept"
    run.close()
    gc.collect()
    assert ref() is not None and payload_codecs_alive() == before + 1
    other.close()
    assert _wait_released(ref, before), "the codec was not released after its last client closed"


def test_failed_connect_releases_the_codec():
    before = payload_codecs_alive()
    codec = FailingCodec()
    ref = weakref.ref(codec)
    with pytest.raises(Exception):
        # Nothing listens on port 1: the connect fails (the library releases the codec).
        Client.connect("127.0.0.1:1", payload_codec=codec, connect_timeout=2)
    del codec
    assert _wait_released(ref, before)


# ---------------------------------------------------------------------------------------------
# Payloads API without a codec (the normal worker)
# ---------------------------------------------------------------------------------------------


def test_result_as_payloads(client, task_queue):
    with client.execute_workflow("ReturnBytes", task_queue=task_queue) as run:
        assert run.result(timeout=RESULT_TIMEOUT, result_as_payloads=True) == [
            Payload(metadata={"encoding": b"binary/plain"}, data=b"raw bytes")
        ]
    with client.execute_workflow("NoResult", task_queue=task_queue) as run:
        assert run.result(timeout=RESULT_TIMEOUT, result_as_payloads=True) == []
    with client.execute_workflow("CustomEncoding", task_queue=task_queue) as run:
        # Undecodable as JSON (PayloadError), but readable as a payload.
        assert run.result(timeout=RESULT_TIMEOUT, result_as_payloads=True) == [
            Payload(metadata={"encoding": b"binary/custom"}, data=b"xyz")
        ]


def test_arg_payloads_to_echo(client, task_queue):
    arg = Payload(metadata={"encoding": b"binary/plain"}, data=b"\x01\x02")
    with client.execute_workflow("Echo", arg_payloads=[arg], task_queue=task_queue) as run:
        # Echo takes interface{}: the Go SDK reads binary/plain as []byte and writes it back.
        assert run.result(timeout=RESULT_TIMEOUT, result_as_payloads=True) == [arg]
    with client.execute_workflow("Echo", arg_payloads=[Payload.from_json({"a": 1})], task_queue=task_queue) as run:
        assert run.result(timeout=RESULT_TIMEOUT) == {"a": 1}


def test_query_and_update_payloads(client, task_queue, wf_id):
    with client.execute_workflow("Counter", arg_payloads=[Payload.from_json(5)], id=wf_id, task_queue=task_queue) as run:
        result, update_id = client.update_workflow_with_id(
            wf_id, "add", arg_payloads=[Payload.from_json(2)], result_as_payloads=True
        )
        assert result == [Payload.from_json(7)] and update_id
        assert client.query_workflow(wf_id, "count", arg_payloads=[], result_as_payloads=True) == [
            Payload.from_json(7)
        ]
        with client.start_update(
            wf_id, "add", arg_payloads=[Payload.from_json(1)], wait_for_stage=UpdateStage.COMPLETED
        ) as handle:
            assert handle.result(result_as_payloads=True) == [Payload.from_json(8)]
            assert handle.result() == 8
        client.signal_workflow(wf_id, "done", arg_payloads=[])
        assert run.result(timeout=RESULT_TIMEOUT) == 8


def test_payload_arguments_are_checked(client, task_queue):
    with pytest.raises(InvalidArgumentError, match="exclusive"):
        client.execute_workflow("Echo", 1, arg_payloads=[Payload.from_json(1)], task_queue=task_queue)
    with pytest.raises(InvalidArgumentError):
        client.execute_workflow("Echo", arg_payloads=Payload.from_json(1), task_queue=task_queue)
    with pytest.raises(InvalidArgumentError):
        client.execute_workflow("Echo", arg_payloads=[{"data": b"x"}], task_queue=task_queue)
    with pytest.raises(InvalidArgumentError):
        client.execute_workflow("Echo", arg_payloads=[Payload(data="text")], task_queue=task_queue)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
