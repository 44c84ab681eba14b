"""The wheel's build hook (hatchling): bundles the temporal-ffi shared library and tags the
wheel for its platform.

The library is taken from ``$TEMPORAL_FFI_BUILD_DIR`` (as for packaging/install.sh: a path
relative to the repository root, or absolute; default ``target/release``) and goes into the
wheel as ``temporal_ffi/libtemporal_ffi.so``, beside ``_native.py``, which loads it before any
other copy. The binding is ctypes (no CPython ABI), so the tag is ``py3-none-<platform>``.

Refused, with the reason: a missing library, one that does not load here, one whose
``temporal_version()`` is not the package's version, and one built with the test hooks (cargo
feature ``testing``, what ``make build`` makes) unless ``TEMPORAL_FFI_WHEEL_TEST_BUILD=1`` says
that is meant (``make python-tests`` does; ``make wheel`` bundles ``make ship``'s library).
"""

from __future__ import annotations

import ctypes
import os
import sys
import sysconfig
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

if sys.platform == "darwin":
    LIB_FILE = "libtemporal_ffi.dylib"
elif sys.platform == "win32":
    LIB_FILE = "temporal_ffi.dll"
else:
    LIB_FILE = "libtemporal_ffi.so"

# Every test hook the `testing` feature exports starts with this (src/ffi/mod.rs).
TEST_HOOK_PREFIX = b"temporal_testing_"


class BundleLibraryHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            # An editable install runs the checkout's package, which loads target/release.
            return
        library = self.library_path()
        self.check_library(library)
        build_data["force_include"][str(library)] = f"temporal_ffi/{LIB_FILE}"
        build_data["pure_python"] = False
        build_data["tag"] = f"py3-none-{platform_tag()}"
        self.app.display_info(f"temporal-ffi: bundling {library}")

    def library_path(self) -> Path:
        repo_root = Path(self.root).resolve().parents[1]
        build_dir = Path(os.environ.get("TEMPORAL_FFI_BUILD_DIR") or "target/release")
        if not build_dir.is_absolute():
            build_dir = repo_root / build_dir
        library = build_dir / LIB_FILE
        if not library.is_file():
            raise RuntimeError(
                f"temporal-ffi wheel: {library} does not exist. Build the library first (`make "
                f"ship` for the shipped one) or point TEMPORAL_FFI_BUILD_DIR at the directory "
                f"that has {LIB_FILE}."
            )
        return library

    def check_library(self, library: Path) -> None:
        try:
            loaded = ctypes.CDLL(str(library))
        except OSError as exc:
            raise RuntimeError(f"temporal-ffi wheel: {library} does not load here: {exc}") from exc
        get_version = loaded.temporal_version
        get_version.restype = ctypes.c_char_p
        get_version.argtypes = []
        library_version = (get_version() or b"").decode("utf-8", errors="replace")
        if library_version != self.metadata.version:
            raise RuntimeError(
                f"temporal-ffi wheel: {library} is version {library_version!r}, but the package "
                f"is {self.metadata.version!r} (temporal_ffi/__init__.py): bundle the library "
                f"the binding is written for"
            )
        if TEST_HOOK_PREFIX in library.read_bytes() and os.environ.get("TEMPORAL_FFI_WHEEL_TEST_BUILD") != "1":
            raise RuntimeError(
                f"temporal-ffi wheel: {library} is a test build (it exports "
                f"{TEST_HOOK_PREFIX.decode()}* hooks). Bundle the shipped library (`make ship`, "
                f"then TEMPORAL_FFI_BUILD_DIR=target/ship; `make wheel` does both), or set "
                f"TEMPORAL_FFI_WHEEL_TEST_BUILD=1 for a wheel meant for tests."
            )


def platform_tag() -> str:
    """This interpreter's platform as a wheel tag: ``linux_x86_64``, ``macosx_11_0_arm64``..."""
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")
