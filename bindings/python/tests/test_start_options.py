"""Typed search attributes and the versioning override start options against the dev server
(which has one custom search attribute of each type: tests/harness/with-dev-server.sh)."""

import datetime

import pytest

from temporal_ffi import (
    AutoUpgradeVersioningOverride,
    IndexedValueType,
    InvalidArgumentError,
    PinnedVersioningOverride,
    RpcError,
    SearchAttribute,
    WorkerDeploymentVersion,
)


def _describe_request(workflow_id: str, run_id: str) -> bytes:
    """A DescribeWorkflowExecutionRequest's protobuf bytes, by hand (as test_client.py's)."""

    def field(number: int, value: bytes) -> bytes:
        assert len(value) < 128
        return bytes([number << 3 | 2, len(value)]) + value

    return field(1, b"default") + field(2, field(1, workflow_id.encode()) + field(2, run_id.encode()))


TYPED = [
    SearchAttribute("CustomKeywordField", IndexedValueType.KEYWORD, "kw-py"),
    SearchAttribute("CustomTextField", IndexedValueType.TEXT, "some text"),
    ("CustomIntField", IndexedValueType.INT, -42),
    ("CustomDoubleField", IndexedValueType.DOUBLE, 2.5),
    ("CustomBoolField", IndexedValueType.BOOL, True),
    ("CustomDatetimeField", IndexedValueType.DATETIME,
     datetime.datetime(2026, 1, 2, 5, 4, 5, 500000, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))),
    ("CustomKeywordListField", IndexedValueType.KEYWORD_LIST, ["a", "b"]),
]


def test_typed_search_attributes_reach_the_server_with_their_types(client, task_queue):
    run = client.execute_workflow("Echo", "x", task_queue=task_queue, typed_search_attributes=TYPED)
    assert run.result(timeout=30) == "x"
    got = client.describe_workflow_execution(run.id, run.run_id)["search_attributes"]
    assert got["CustomKeywordField"] == "kw-py"
    assert got["CustomTextField"] == "some text"
    assert got["CustomIntField"] == -42
    assert got["CustomDoubleField"] == 2.5
    assert got["CustomBoolField"] is True
    assert got["CustomDatetimeField"] == "2026-01-02T03:04:05.5Z"
    assert got["CustomKeywordListField"] == ["a", "b"]
    # The payloads' "type" metadata, as the Go SDK writes it.
    described = client.raw_rpc("WorkflowService", "DescribeWorkflowExecution", _describe_request(run.id, run.run_id))
    for type_name in (b"Keyword", b"Text", b"Int", b"Double", b"Bool", b"Datetime", b"KeywordList"):
        assert b"\x04type\x12" + bytes([len(type_name)]) + type_name in described, type_name


def test_typed_search_attributes_of_the_wrong_type_are_refused(client, task_queue):
    for bad, match in [
        (("CustomIntField", IndexedValueType.INT, "1"), "must be a JSON integer"),
        (("CustomBoolField", IndexedValueType.BOOL, 1), "true or false"),
        (("CustomKeywordListField", IndexedValueType.KEYWORD_LIST, "a"), "array of strings"),
        (("CustomDatetimeField", IndexedValueType.DATETIME, "2026-01-02"), "RFC 3339"),
        (("CustomDatetimeField", IndexedValueType.DATETIME, datetime.datetime(2026, 1, 2)), "time zone"),
        (("CustomIntField", 0, 1), "unknown indexed value type 0"),
        ("CustomIntField", "takes SearchAttribute"),
    ]:
        with pytest.raises(InvalidArgumentError, match=match):
            client.execute_workflow("Echo", task_queue=task_queue, typed_search_attributes=[bad])
    with pytest.raises(InvalidArgumentError, match="given twice"):
        client.execute_workflow("Echo", task_queue=task_queue, typed_search_attributes=[TYPED[2], TYPED[2]])
    with pytest.raises(InvalidArgumentError, match="both in search_attributes_json"):
        client.execute_workflow("Echo", task_queue=task_queue, typed_search_attributes=[TYPED[0]],
                                search_attributes={"CustomKeywordField": "x"})


def test_versioning_override(client, task_queue):
    run = client.execute_workflow("Echo", "x", task_queue=task_queue, execution_timeout=10,
                                  versioning_override=AutoUpgradeVersioningOverride())
    assert client.describe_workflow_execution(run.id, run.run_id)["status"] in ("RUNNING", "COMPLETED")
    # No worker of the task queue has this version: the dev server refuses the pin.
    pinned = PinnedVersioningOverride(WorkerDeploymentVersion("py-deployment", "build-1"))
    with pytest.raises(RpcError, match="py-deployment") as e:
        client.execute_workflow("Echo", task_queue=task_queue, versioning_override=pinned)
    assert "FAILED_PRECONDITION" in str(e.value.details)
    with pytest.raises(InvalidArgumentError, match="PINNED needs both"):
        client.execute_workflow("Echo", task_queue=task_queue,
                                versioning_override=PinnedVersioningOverride(WorkerDeploymentVersion("d", "")))
    with pytest.raises(InvalidArgumentError, match="versioning_override must be"):
        client.execute_workflow("Echo", task_queue=task_queue, versioning_override="pinned")  # type: ignore[arg-type]
