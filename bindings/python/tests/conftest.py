import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

# Make `import temporal_ffi` work without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REPO_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def address():
    addr = os.environ.get("TEMPORAL_ADDRESS")
    if not addr:
        pytest.fail(
            "TEMPORAL_ADDRESS is not set: run the tests under tests/harness/with-dev-server.sh"
        )
    return addr


@pytest.fixture(scope="session")
def task_queue():
    return os.environ.get("TEMPORAL_TEST_TASK_QUEUE", "temporal-ffi-test")


@pytest.fixture(scope="session")
def client(address):
    from temporal_ffi import Client

    c = Client.connect(address)
    yield c
    c.close()


@pytest.fixture
def wf_id(request):
    """A fresh Workflow ID per test."""
    return f"py-{request.node.name}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def cli(address):
    """Runs `$TEMPORAL_CLI workflow <verb> --address ... -w ID [extra...]`."""
    binary = os.environ.get("TEMPORAL_CLI")
    if not binary:
        pytest.fail("TEMPORAL_CLI is not set: run the tests under tests/harness/with-dev-server.sh")

    def run(verb, workflow_id, *extra):
        subprocess.run(
            [binary, "workflow", verb, "--address", address, "-w", workflow_id, *extra],
            check=True,
            capture_output=True,
            timeout=30,
        )

    return run
