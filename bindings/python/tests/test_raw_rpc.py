"""The raw RPC escape hatch (``Client.raw_rpc`` / ``raw_rpc_async``) against the dev server.

The binding takes and returns protobuf bytes and needs no protobuf package, so neither does
this suite: the requests are encoded and the responses decoded by hand (below), whatever
happens to be installed in the venv.
"""

import asyncio

import pytest

from temporal_ffi import InvalidArgumentError, NotFoundError

# ---------------------------------------------------------------------------------------------
# Just enough of the protobuf wire format
# ---------------------------------------------------------------------------------------------


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _bytes_field(number: int, value: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(value)) + value


def _str_field(number: int, value: str) -> bytes:
    return _bytes_field(number, value.encode())


def _fields(data: bytes) -> dict:
    """The top-level fields of a message: number -> list of values (bytes for length-delimited,
    int for varint); fixed-width fields are skipped."""
    fields: dict = {}
    i = 0

    def read_varint() -> int:
        nonlocal i
        shift = value = 0
        while True:
            byte = data[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    while i < len(data):
        key = read_varint()
        number, wire = key >> 3, key & 7
        if wire == 0:
            value = read_varint()
        elif wire == 2:
            size = read_varint()
            value = data[i : i + size]
            assert len(value) == size, "truncated field"
            i += size
        elif wire == 1:
            value, i = data[i : i + 8], i + 8
        elif wire == 5:
            value, i = data[i : i + 4], i + 4
        else:
            raise AssertionError(f"wire type {wire} in field {number}")
        fields.setdefault(number, []).append(value)
    return fields


# DescribeNamespaceRequest {namespace = 1}
DESCRIBE_DEFAULT = b"\x0a\x07default"
assert DESCRIBE_DEFAULT == _str_field(1, "default")


def _namespace_name(response: bytes) -> str:
    """DescribeNamespaceResponse.namespace_info (1).name (1)."""
    info = _fields(response)[1][0]
    return _fields(info)[1][0].decode()


def _describe_execution(workflow_id: str) -> bytes:
    # DescribeWorkflowExecutionRequest {namespace = 1, execution = 2 {workflow_id = 1}}
    return _str_field(1, "default") + _bytes_field(2, _str_field(1, workflow_id))


# ---------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------


def test_describe_namespace(client):
    response = client.raw_rpc("WorkflowService", "DescribeNamespace", DESCRIBE_DEFAULT)
    assert isinstance(response, bytes)
    assert _namespace_name(response) == "default"
    # The full service name works the same, as does any bytes-like request.
    response = client.raw_rpc(
        "temporal.api.workflowservice.v1.WorkflowService",
        "DescribeNamespace",
        bytearray(DESCRIBE_DEFAULT),
        timeout=10,
    )
    assert _namespace_name(response) == "default"


def test_operator_service_and_empty_request(client):
    # GetSystemInfoRequest is empty: b"" is the whole request.
    info = _fields(client.raw_rpc("WorkflowService", "GetSystemInfo", b""))
    assert info[1][0], "GetSystemInfoResponse.server_version is empty"
    # ListSearchAttributesRequest {namespace = 1}; the response's system_attributes (2) is a
    # map, one entry {key = 1, value = 2} per attribute.
    attrs = _fields(client.raw_rpc("OperatorService", "ListSearchAttributes", _str_field(1, "default")))
    names = {_fields(entry)[1][0].decode() for entry in attrs[2]}
    assert "WorkflowId" in names, names


def test_raw_rpc_async(client):
    async def main():
        responses = await asyncio.gather(
            *(client.raw_rpc_async("WorkflowService", "DescribeNamespace", DESCRIBE_DEFAULT) for _ in range(4))
        )
        return [_namespace_name(r) for r in responses]

    assert asyncio.run(main()) == ["default"] * 4


def test_unknown_service_or_method_is_invalid_argument(client):
    with pytest.raises(InvalidArgumentError) as info:
        client.raw_rpc("WorkflowService", "NoSuchMethod", DESCRIBE_DEFAULT)
    assert "NoSuchMethod" in str(info.value)
    with pytest.raises(InvalidArgumentError):
        # A method of the other service.
        client.raw_rpc("WorkflowService", "ListSearchAttributes", DESCRIBE_DEFAULT)
    with pytest.raises(InvalidArgumentError):
        client.raw_rpc("CloudService", "DescribeNamespace", DESCRIBE_DEFAULT)

    async def main():
        await client.raw_rpc_async("OperatorService", "DescribeNamespace", DESCRIBE_DEFAULT)

    with pytest.raises(InvalidArgumentError):
        asyncio.run(main())


def test_bad_request_bytes_are_invalid_argument(client):
    # A length past the end of the message; then the namespace field as a varint.
    for bad in (b"\x0a\x09default", b"\x08\x01", b"\xff"):
        with pytest.raises(InvalidArgumentError):
            client.raw_rpc("WorkflowService", "DescribeNamespace", bad)
    with pytest.raises(InvalidArgumentError):
        client.raw_rpc("WorkflowService", "DescribeNamespace", "not bytes")  # type: ignore[arg-type]


def test_missing_workflow_is_not_found(client, wf_id):
    with pytest.raises(NotFoundError):
        client.raw_rpc("WorkflowService", "DescribeWorkflowExecution", _describe_execution(wf_id))

    async def main():
        await client.raw_rpc_async("WorkflowService", "DescribeWorkflowExecution", _describe_execution(wf_id))

    with pytest.raises(NotFoundError):
        asyncio.run(main())

