#!/usr/bin/env python3
"""Triage of valgrind --tool=helgrind --xml=yes output for tests/sanitizers/run.sh.

   helgrind_triage.py HELGRIND.xml [--verbose]

Why most reports are false positives. Helgrind models only pthread primitives (mutexes,
condition variables, semaphores, barriers, create/join) and its own client requests. Inside the
uninstrumented Rust library every hand-over between threads goes through primitives built on
atomics and futexes that helgrind does not understand: tokio's scheduler (inject queue, task
state machine, wakers, work stealing), std's Mutex/Condvar/Once/mpmc channel (futex-based on
Linux, not pthread_mutex; block_on parks the host thread on a std sync_channel), once_cell, Arc
reference counts, h2/hyper connection state. So every access they order looks unsynchronised.

What fails. The "owner" of an access is its innermost frame after skipping plain memory helpers
(memcpy, malloc, free...) and the panic boundary the exports run their bodies in (the access
belongs to the export: temporal_call_get_user_data is call code, not generic boundary code). Owners are classified as
  * test     - the C test program (a frame in a tests/ source file, or unknown C code);
  * boundary - the library's C boundary on the host's own thread: an exported `temporal_*`
               function or `temporal_ffi::ffi::*` (src/ffi, the only module with `unsafe`
               pointer work: handle tags, into_raw/take_handle, out-pointer writes);
  * call     - the same for the call object and the completion queue (`temporal_call_*`,
               `temporal_completion_queue_*`, src/ffi/call.rs and completion_queue.rs, and their state
               machines in src/completion.rs), whose
               state is shared between threads under std::sync::Mutex / Condvar and handed from
               one host thread to another through the queue's eventfd;
  * runtime  - everything else: std/core/alloc, tokio, once_cell and the other crates, the
               library's safe-Rust modules (`temporal_ffi::runtime/client/workflow_run/...`),
               which run as futures on tokio threads, and src/ffi's own code when it runs inside
               a task of the runtime (a call's future, and the completion that records its
               outcome under the call's std Mutex, posts it to a queue or runs the host's
               callback: Tokio handed the task to that thread). Safe Rust cannot data-race without
               `unsafe` (Send/Sync), and outside src/ffi the only `unsafe` is a gethostname()
               into a local buffer, so a race reported there is an artefact of the above.
A Race report FAILS when both of its accesses are owned by test, boundary or call code (but not
both by call code): no Rust synchronisation primitive is on either side, so helgrind's view is
complete and the race is real. A Race with a runtime-owned side, or between two accesses to the
call object's or the queue's state, is a hand-over through a primitive helgrind cannot see and
is SUPPRESSED (counted; --verbose lists them by owner pair), as is a Race between two of the
`temporal_*_free` exports (see both_frees). A Race on a block that realloc() made is judged
against the realloc's own stack instead of the "previous access" helgrind names (see
realloc_history). Any other kind of report (lock
order, pthread API misuse, ...) FAILS if one of its stacks has a test, boundary or call frame.
Exit status: 0 when nothing fails, 1 otherwise, 2 on unreadable input.
"""
import collections
import sys
import xml.etree.ElementTree as ET

MEMORY_HELPERS = ("memcpy", "memmove", "memset", "memcmp", "bcmp", "strlen", "strcmp", "malloc",
                  "calloc", "realloc", "free", "__GI_", "__memcpy", "__memmove", "__memset",
                  "__strlen", "_int_free", "_int_malloc", "__libc_", "cfree")
RUST_RUNTIME_PREFIXES = ("std::", "core::", "alloc::", "<std::", "<core::", "<alloc::")
# The call object and the completion queue (src/ffi/call.rs, completion_queue.rs and their
# exports): state shared between threads under std::sync::Mutex / Condvar, handed over through the
# queue's eventfd.
CALL_STATE_PREFIXES = ("temporal_ffi::ffi::call::", "<temporal_ffi::ffi::call::", "temporal_ffi::ffi::completion_queue::",
                       "<temporal_ffi::ffi::completion_queue::", "temporal_call_", "temporal_completion_queue_",
                       # Their state machines (src/completion.rs, model-checked with loom in tests/loom/model.rs).
                       "temporal_ffi::completion::", "<temporal_ffi::completion::")
# Frames of a task being polled by the library's Tokio runtime (a worker or blocking thread).
TOKIO_TASK_PREFIXES = ("tokio::runtime::task::", "tokio::runtime::scheduler::", "<tokio::runtime::")


def frames(stack):
    out = []
    for f in stack.findall("frame"):
        out.append({
            "fn": (f.findtext("fn") or "").strip(),
            "file": (f.findtext("file") or "").strip(),
            "dir": (f.findtext("dir") or "").strip(),
            "obj": (f.findtext("obj") or "").strip(),
        })
    return out


# The panic boundary every export runs its body in (src/ffi/mod.rs): the body is inlined into
# it, so the access belongs to the export that called it, the next frame.
BOUNDARY_WRAPPERS = ("temporal_ffi::ffi::boundary", "temporal_ffi::ffi::error_boundary")


def owner(stack_frames):
    for f in stack_frames:
        name = f["fn"]
        if not name:
            continue
        if name.startswith(MEMORY_HELPERS) or "vgpreload" in f["obj"] or name in BOUNDARY_WRAPPERS:
            continue
        return f
    return stack_frames[0] if stack_frames else {"fn": "", "file": "", "dir": "", "obj": ""}


def on_runtime_thread(stack_frames):
    """Whether the access ran inside a task of the library's Tokio runtime."""
    return any(f["fn"].startswith(TOKIO_TASK_PREFIXES) for f in stack_frames)


def classify(f, stack_frames=()):
    name, path = f["fn"], f["dir"] + "/" + f["file"]
    if "/tests/" in path or path.startswith("tests/"):
        return "test"
    if name.startswith(("temporal_ffi::ffi::", "<temporal_ffi::ffi::", "temporal_ffi::completion::",
                        "<temporal_ffi::completion::")) or (
            name.startswith("temporal_") and "::" not in name):
        # The boundary's code on a runtime thread is a call's future or its completion: it was
        # handed there by Tokio's scheduler, and it hands its outcome over under the call's
        # std::sync::Mutex / Condvar and the completion queue's, none of which helgrind sees.
        if on_runtime_thread(stack_frames):
            return "runtime"
        if name.startswith(CALL_STATE_PREFIXES):
            return "call"
        return "boundary"
    if "::" in name or name.startswith("<"):
        return "runtime"  # std/core/alloc/tokio/third-party crate code
    # A plain C symbol outside the tests: libc/ld.so internals (e.g. TLS setup in pthread_create).
    if f["file"] and ("glibc" in f["dir"] or f["dir"].startswith("./")):
        return "libc"
    if "libc.so" in f["obj"] or "ld-linux" in f["obj"]:
        return "libc"
    return "test"  # unknown C code: be strict


def both_frees(owners):
    """Two `temporal_*_free` exports, on two host threads, on one address: a real double free is
    for memcheck and ASan to find (they run the same programs). Seen under helgrind: a string
    dropped in one phase of the threads program (CString::drop zeroes its first byte) and a new
    block at the same address freed in a later phase, the two ordered by pthread_join: helgrind
    kept the access history of the reused memory."""
    return len(owners) == 2 and all(o["fn"].startswith("temporal_") and o["fn"].endswith("_free") for o in owners)


def realloc_history(err, stacks):
    """The allocation stack of a Race's block when realloc() made the block, else None.

    helgrind's realloc copies the old block's shadow state (who wrote it, under which vector
    clock) to the new address, but not its access history, which is kept by address. A race
    on the new block is then detected against the real last writer (the code that filled the
    old block) while the "previous access" it names is whatever touched the new address in an
    earlier life of that memory. Seen: the JSON of a call, serialised on a runtime thread and
    grown by CString::new's realloc, read by the host; the report named a temporal_call_free
    of an unrelated, long freed call whose handle had lived at that address. The realloc ran on
    the thread that wrote the contents, so it stands in for the writer."""
    if len(stacks) < 3 or not any("alloc'd" in (a.text or "") for a in err.findall("auxwhat")):
        return None
    alloc = stacks[2]
    return alloc if alloc and alloc[0]["fn"] == "realloc" else None


def where(f):
    loc = f"{f['file']}:{f['dir']}" if f["file"] else f["obj"]
    return f"{f['fn'] or '??'} ({loc})"


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    verbose = "--verbose" in sys.argv
    try:
        root = ET.parse(sys.argv[1]).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"helgrind_triage: cannot read {sys.argv[1]}: {e}", file=sys.stderr)
        return 2
    failing, suppressed = [], collections.Counter()
    total = 0
    for err in root.findall("error"):
        total += 1
        kind = err.findtext("kind")
        stacks = [frames(s) for s in err.findall("stack")]
        what = (err.findtext("xwhat/text") or err.findtext("what") or kind or "").strip()
        # Races: stack 0 is the access, stack 1 the conflicting access (then the allocation).
        # Other kinds (lock order, API misuse): every stack counts.
        relevant = stacks[:2] if kind == "Race" else stacks
        # A Race without "This conflicts with a previous ..." names one access only: helgrind
        # no longer had the other in its history, and the second stack is the block's
        # allocation, which stands in for the unknown writer (the allocator fills the block).
        if kind == "Race" and len(relevant) == 2 and realloc_history(err, stacks):
            relevant = [relevant[0], stacks[2]]
        owners = [owner(s) for s in relevant if s]
        classes = [classify(owner(s), s) for s in relevant if s]
        if kind == "Race":
            bad = (len(classes) == 2 and all(c in ("test", "boundary", "call") for c in classes)
                   and classes != ["call", "call"] and not both_frees(owners))
        else:
            bad = any(classify(f, s) in ("test", "boundary", "call") for s in stacks for f in s)
        if bad:
            failing.append((kind, what, owners, classes))
        else:
            key = " | ".join(f"[{c}] {o['fn'][:70]}" for o, c in zip(owners, classes))
            suppressed[key] += 1
    involving = sum(n for k, n in suppressed.items() if "[test]" in k or "[boundary]" in k or "[call]" in k)
    print(f"helgrind: {total} reports; {len(failing)} between test/C-boundary accesses (failures); "
          f"{total - len(failing)} suppressed with a Rust runtime/std/crate side "
          f"({involving} of them hand-overs to or from test/C-boundary code)")
    if verbose:
        for key, n in suppressed.most_common(40 if "--all" not in sys.argv else None):
            print(f"  suppressed {n:5d}  {key}")
    for kind, what, owners, classes in failing[:20]:
        print(f"  FAIL {kind}: {what}")
        for o, c in zip(owners, classes):
            print(f"       [{c}] {where(o)}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
