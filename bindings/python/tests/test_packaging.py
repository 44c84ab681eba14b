"""The wheel: what it installs, how the installed package finds its library, and what its build
hook (bindings/python/hatch_build.py) refuses to bundle."""

import filecmp
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import temporal_ffi
from temporal_ffi import _native

REPO_ROOT = Path(__file__).resolve().parents[3]
BINDING = REPO_ROOT / "bindings" / "python"
# The test build `make python-tests` bundles.
TEST_BUILD = REPO_ROOT / "target" / "release" / "libtemporal_ffi.so"


def test_the_wheel_installs_the_package_its_library_and_py_typed():
    dist = metadata.distribution("temporal-ffi")
    assert dist.version == temporal_ffi.__version__
    wheel = dist.read_text("WHEEL") or ""
    # ctypes, no CPython ABI: any Python 3, this platform.
    assert re.search(r"^Tag: py3-none-(linux|macosx)_\w+$", wheel, re.M), wheel
    assert "Root-Is-Purelib: false" in wheel, wheel
    files = {str(f) for f in dist.files or ()}
    assert {"temporal_ffi/__init__.py", "temporal_ffi/_native.py", "temporal_ffi/py.typed",
            f"temporal_ffi/{_native.BUNDLED_LIBRARY.name}"} <= files, files
    assert _native.BUNDLED_LIBRARY.with_name("py.typed").is_file()
    # The bundle is the library `make python-tests` just built, byte for byte.
    assert filecmp.cmp(_native.BUNDLED_LIBRARY, TEST_BUILD, shallow=False)


def test_a_child_process_imports_the_installed_package_too(installed_package_problems):
    """The suite's subprocesses (`python -c`, the examples) get the same package and library:
    nothing in their environment or working directory brings in the source tree."""
    done = subprocess.run(
        [sys.executable, "-c", "import temporal_ffi, temporal_ffi._native as n; "
         "print(temporal_ffi.__file__); print(n.LIBRARY_PATH)"],
        check=True, capture_output=True, text=True, timeout=60,
    )
    package_file, library_path = done.stdout.split("\n")[:2]
    assert installed_package_problems(package_file, library_path) == []
    assert (package_file, library_path) == (temporal_ffi.__file__, _native.LIBRARY_PATH)


def test_temporal_ffi_lib_still_wins_over_the_bundled_library(tmp_path):
    other = tmp_path / "libtemporal_ffi_elsewhere.so"
    shutil.copyfile(TEST_BUILD, other)
    done = subprocess.run(
        [sys.executable, "-c", "import temporal_ffi._native as n; print(n.LIBRARY_PATH)"],
        env={**os.environ, "TEMPORAL_FFI_LIB": str(other)},
        check=True, capture_output=True, text=True, timeout=60,
    )
    assert done.stdout.strip() == str(other)


def test_build_requirement_pins_agree():
    """The venv builds the wheel without build isolation: with the hatchling the project pins."""
    wanted = re.search(r'requires = \["(hatchling==[^"]+)"\]', (BINDING / "pyproject.toml").read_text())
    pinned = re.search(r"^(hatchling==\S+)$", (BINDING / "dev-requirements.txt").read_text(), re.M)
    assert wanted and pinned
    assert wanted.group(1) == pinned.group(1)
    assert metadata.version("hatchling") == wanted.group(1).split("==")[1]


def _fake_library(directory, version):
    directory.mkdir()
    src = directory / "fake.c"
    src.write_text(f'const char *temporal_version(void) {{ return "{version}"; }}\n')
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    assert cc, "a C compiler is needed for a fake library"
    subprocess.run([cc, "-shared", "-fPIC", str(src), "-o", str(directory / "libtemporal_ffi.so")], check=True)
    return directory


@pytest.mark.parametrize("case", ["test build", "other version", "missing", "not a library"])
def test_the_build_hook_refuses_what_it_must_not_bundle(tmp_path, case):
    env = {k: v for k, v in os.environ.items() if k != "TEMPORAL_FFI_WHEEL_TEST_BUILD"}
    if case == "test build":
        env["TEMPORAL_FFI_BUILD_DIR"] = str(TEST_BUILD.parent)
        expected = "is a test build (it exports temporal_testing_* hooks)"
    elif case == "other version":
        env["TEMPORAL_FFI_BUILD_DIR"] = str(_fake_library(tmp_path / "lib", "0.3.0"))
        expected = f"is version '0.3.0', but the package is '{temporal_ffi.__version__}'"
    elif case == "missing":
        env["TEMPORAL_FFI_BUILD_DIR"] = str(tmp_path / "nowhere")
        expected = f"{tmp_path / 'nowhere' / 'libtemporal_ffi.so'} does not exist"
    else:
        (tmp_path / "lib").mkdir()
        (tmp_path / "lib" / "libtemporal_ffi.so").write_text("not a shared library\n")
        env["TEMPORAL_FFI_BUILD_DIR"] = str(tmp_path / "lib")
        expected = "does not load here"
    # The backend's own command (what `pip wheel` runs, without pip's second of start-up).
    done = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path / "dist")],
        cwd=str(BINDING), env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode != 0, done.stdout
    assert expected in done.stdout + done.stderr, done.stdout + done.stderr
    assert not (tmp_path / "dist").exists() or not list((tmp_path / "dist").iterdir())
