#!/usr/bin/env python3
"""encryption_codec: the Temporal Go samples' encryption codec (samples-go encryption/), in Python.

EncryptionCodec is a payload codec (temporal_ffi.PayloadCodec) that writes what the Go sample's
Encoder writes, so a Go SDK worker using that codec reads what this client sends, and the
other way round: each payload is marshalled as a temporal.api.common.v1.Payload protobuf, that
is encrypted with AES-256-GCM, and the result is the payload

    metadata: {"encoding": b"binary/encrypted", "encryption-key-id": <key ID>}
    data:     12-byte random nonce || AESGCM(key).encrypt(nonce, protobuf, None)

Decoding leaves payloads of any other encoding as they are, as the Go sample does. The key is
the sample's hard-coded test key: a real codec fetches the key of its key ID from a KMS.

The program starts Echo("secret") on task queue temporal-ffi-codec (the test worker's queue
whose Go SDK client uses the same codec), prints the result and shows that the server's
history holds only encrypted payloads. Needs the `cryptography` package and the temporal_ffi
package installed (the wheel: bindings/python/README.md).

    python3 bindings/python/examples/encryption_codec.py [ADDRESS]
        ADDRESS: host:port; default: the environment configuration (TEMPORAL_ADDRESS, the
        TOML config file), else localhost:7233
"""

import base64
import os
import sys
import uuid
from typing import Any, Optional, Sequence

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from temporal_ffi import Client, Payload, TemporalError

METADATA_ENCODING = "encoding"
METADATA_ENCODING_ENCRYPTED = b"binary/encrypted"
METADATA_ENCRYPTION_KEY_ID = "encryption-key-id"

# The Go sample's key ID and key (encryption/data_converter.go getKey): test values only.
DEFAULT_KEY_ID = "test-key"
TEST_KEY = b"test-key-test-key-test-key-test!"

# AES-GCM's standard nonce size, what Go's cipher.NewGCM uses (gcm.NonceSize()).
NONCE_SIZE = 12

TASK_QUEUE = "temporal-ffi-codec"


class EncryptionCodec:
    """AES-256-GCM over the marshalled payload, the Go sample's ``Encoder``. Thread-safe: it
    holds no state besides the key (AESGCM objects may be used from several threads)."""

    def __init__(self, key_id: str = DEFAULT_KEY_ID, key: bytes = TEST_KEY):
        self.key_id = key_id
        self._aesgcm = AESGCM(key)

    def _key_for(self, key_id: str) -> AESGCM:
        # One key here; a codec with key rotation looks the payload's key ID up instead.
        if key_id != self.key_id:
            raise ValueError(f"unknown encryption key id {key_id!r}")
        return self._aesgcm

    def encode(self, payloads: Sequence[Payload]) -> list[Payload]:
        out = []
        for payload in payloads:
            nonce = os.urandom(NONCE_SIZE)
            sealed = self._aesgcm.encrypt(nonce, payload.to_proto(), None)
            out.append(
                Payload(
                    metadata={
                        METADATA_ENCODING: METADATA_ENCODING_ENCRYPTED,
                        METADATA_ENCRYPTION_KEY_ID: self.key_id.encode(),
                    },
                    data=nonce + sealed,
                )
            )
        return out

    def decode(self, payloads: Sequence[Payload]) -> list[Payload]:
        out = []
        for payload in payloads:
            if payload.metadata.get(METADATA_ENCODING) != METADATA_ENCODING_ENCRYPTED:
                out.append(payload)  # not ours: as the Go sample, leave it
                continue
            key_id = payload.metadata.get(METADATA_ENCRYPTION_KEY_ID)
            if key_id is None:
                raise ValueError("no encryption key id")
            if len(payload.data) < NONCE_SIZE:
                raise ValueError(f"ciphertext too short: {len(payload.data)} bytes")
            nonce, sealed = payload.data[:NONCE_SIZE], payload.data[NONCE_SIZE:]
            plain = self._key_for(key_id.decode("utf-8", errors="replace")).decrypt(nonce, sealed, None)
            out.append(Payload.from_proto(plain))
        return out


def history_payloads(history: Any) -> list[dict[str, Any]]:
    """Every payload of a ``Payloads`` message (``{"payloads": [...]}``: workflow, signal and
    update arguments, results, failure details) in a history dict from
    ``Client.get_workflow_history``, in the proto's JSON form (``{"metadata": {...}, "data":
    ...}``, bytes in base64). Headers and search attributes, which a codec does not encode, are
    single payloads in maps: not collected."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "payloads" and isinstance(value, list):
                    found.extend(item for item in value if isinstance(item, dict))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(history)
    return found


def metadata_value(payload: dict[str, Any], key: str) -> Optional[bytes]:
    """A metadata value of a payload of the history's JSON (base64 there, as in protobuf JSON)."""
    value = (payload.get("metadata") or {}).get(key)
    return base64.b64decode(value) if isinstance(value, str) else None


def main() -> int:
    address = sys.argv[1] if len(sys.argv) > 1 else None
    try:
        client = Client.connect(address, payload_codec=EncryptionCodec())
    except TemporalError as err:
        print(f"unable to create Temporal client: {err}", file=sys.stderr)
        return 1

    with client:
        workflow_id = f"encryption-codec-{uuid.uuid4()}"
        try:
            with client.execute_workflow("Echo", "secret", id=workflow_id, task_queue=TASK_QUEUE) as run:
                result = run.result(timeout=30)
            history = client.get_workflow_history(workflow_id)
        except TemporalError as err:
            print(f"unable to complete Workflow: {err}", file=sys.stderr)
            return 1
        print(f"\nWorkflowID: {workflow_id}\n\nresult: {result}")
        encodings = sorted(
            {(metadata_value(p, METADATA_ENCODING) or b"").decode() for p in history_payloads(history)}
        )
        print(f"encodings in the server's history: {', '.join(encodings)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
