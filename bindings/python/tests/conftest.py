"""Fixtures of the Python suite, and the check that it tests the installed wheel.

`make python-tests` builds the wheel (bindings/python/pyproject.toml), installs it into
target/python/venv and runs this suite with that venv's Python (`-I`: no PYTHONPATH, no
script directory on sys.path) and --import-mode=importlib (pytest.ini), so nothing puts the
source tree on sys.path. The check below makes sure of it: a run that would test the source
tree, or a library other than the one the wheel bundles, stops here.
"""

import os
import subprocess
import sysconfig
import uuid
from pathlib import Path

import pytest

import temporal_ffi
from temporal_ffi import _native


def _site_packages() -> set:
    return {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}


def _installed_package_problems(package_file: str, library_path: str) -> list:
    """What is wrong with a temporal_ffi imported from ``package_file`` that loaded
    ``library_path``, for a suite that must test the installed wheel ([] if nothing)."""
    package_dir = Path(package_file).resolve().parent
    problems = []
    if package_dir.parent not in _site_packages():
        problems.append(
            f"temporal_ffi was imported from {package_dir}, not from this Python's "
            f"site-packages ({', '.join(sorted(map(str, _site_packages())))})"
        )
    bundled = package_dir / Path(_native.BUNDLED_LIBRARY).name
    if Path(library_path) != bundled:
        problems.append(f"the library loaded is {library_path}, not the wheel's {bundled}")
    return problems


_problems = _installed_package_problems(temporal_ffi.__file__, _native.LIBRARY_PATH)
if os.environ.get("TEMPORAL_FFI_LIB"):
    _problems.append("TEMPORAL_FFI_LIB is set: the suite must run the wheel's library")
if _problems:
    raise pytest.UsageError(
        "the Python suite must run against the installed wheel (`make python-tests`): "
        + "; ".join(_problems)
    )


@pytest.fixture(scope="session")
def installed_package_problems():
    """The check above, for a temporal_ffi another process imported."""
    return _installed_package_problems


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
