"""asyncio through the completion queue: every `_async` method posts its call to a queue of the
running loop, whose descriptor the loop watches; completions are handled on the loop's thread.

The stress test reaches into the binding's queue (`_LoopQueue.submit`) to cancel the C call
itself, racing its completion, and to see the C outcome (result or CANCELED) that a cancelled
task would hide."""

import asyncio
import random
import threading
import time

import pytest

import temporal_ffi
from temporal_ffi import CanceledError


@pytest.fixture(scope="module")
def finished_run(client, task_queue):
    """A closed workflow: its result is a cheap call the dev server answers fast."""
    run = client.execute_workflow("Echo", "done", task_queue=task_queue)
    assert run.result(timeout=30) == "done"
    return run


def _collect_loop_errors(loop):
    """Exceptions raised in loop callbacks (the reader among them) instead of only logging them."""
    errors = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    return errors


def test_completions_are_handled_on_the_loop_thread(client, finished_run, monkeypatch):
    threads = []
    real_complete = temporal_ffi._Pending.complete

    def complete(self):
        threads.append(threading.get_ident())
        real_complete(self)

    monkeypatch.setattr(temporal_ffi._Pending, "complete", complete)
    queues = []

    async def main():
        errors = _collect_loop_errors(asyncio.get_running_loop())
        calls = [finished_run.result_async() for _ in range(50)]
        calls += [client.describe_workflow_execution_async(finished_run.id) for _ in range(50)]
        gathered = asyncio.gather(*calls)
        await asyncio.sleep(0)  # the calls have started
        queues.extend(temporal_ffi._LoopQueue._by_loop.values())
        results = await gathered
        assert results[:50] == ["done"] * 50
        assert all(r["status"] == "COMPLETED" for r in results[50:])
        assert not errors

    asyncio.run(main())
    assert threads and set(threads) == {threading.get_ident()}
    assert len(queues) == 1 and queues[0].queue is None  # one queue, freed once idle
    assert temporal_ffi.pending_calls() == 0


def test_one_queue_per_event_loop(finished_run):
    """Loops on two threads at once: each has its own queue and gets only its own calls."""
    seen = {}
    failures = []
    barrier = threading.Barrier(2)

    def run_loop(name):
        async def main():
            calls = asyncio.gather(*(finished_run.result_async() for _ in range(200)))
            await asyncio.sleep(0)
            seen[name] = temporal_ffi._LoopQueue._by_loop[asyncio.get_running_loop()]
            await asyncio.get_running_loop().run_in_executor(None, barrier.wait, 10)
            assert await calls == ["done"] * 200

        try:
            asyncio.run(main())
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=run_loop, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not failures, failures
    assert seen["a"] is not seen["b"] and seen["a"].fd != seen["b"].fd
    assert temporal_ffi.pending_calls() == 0


def test_10000_completions_with_a_cancel_racing_each(client, finished_run, task_queue):
    """10,000 calls through one queue, each with a temporal_call_cancel at a different moment
    of its life (before it is sent, while in flight, after it completed but before the reader
    took it): every call comes back exactly once, with its result or CANCELED."""
    total = 10_000
    in_flight = 256
    rng = random.Random(20251202)
    outcomes = {"ok": 0, "canceled": 0}
    done_before_cancel = [0]
    queues = set()

    async def main():
        loop = asyncio.get_running_loop()
        errors = _collect_loop_errors(loop)
        # A call in flight for the whole test keeps the loop's queue (idle queues are freed).
        anchor_run = await client.execute_workflow_async("Block", task_queue=task_queue)
        anchor = asyncio.ensure_future(anchor_run.result_async())
        await asyncio.sleep(0)
        slots = asyncio.Semaphore(in_flight)
        # The cancels are spread over a call's whole life: how long is it with this many in flight?
        started = time.monotonic()
        assert await asyncio.gather(*(finished_run.result_async() for _ in range(in_flight))) == ["done"] * in_flight
        latency = time.monotonic() - started

        def cancel(entry):
            if entry.done:  # the reader took and freed it: nothing left to cancel
                return
            if temporal_ffi._lib.temporal_call_is_done(entry.call):
                done_before_cancel[0] += 1  # completed, waiting in the queue
            temporal_ffi._lib.temporal_call_cancel(entry.call)

        def cancel_once_completed(entry):
            # Blocks the loop until the call completed (it is then in the queue, not yet taken)
            # and cancels it: the cancel must not take its result away. Few calls, briefly.
            if not entry.done:
                temporal_ffi._lib.temporal_error_free(temporal_ffi._lib.temporal_call_wait(entry.call, 5000))
            cancel(entry)

        async def one(i):
            async with slots:
                queue = temporal_ffi._LoopQueue.of_running_loop()
                queues.add(queue)
                entry = queue.submit(finished_run._result_op(None))
                moment = i % 4
                if i % 100 == 3:
                    loop.call_soon(cancel_once_completed, entry)
                elif moment == 0:
                    cancel(entry)  # before the loop runs again
                elif moment == 1:
                    loop.call_soon(cancel, entry)
                else:
                    loop.call_later(rng.uniform(0, 4 * latency), cancel, entry)
                try:
                    value = await entry.future
                except CanceledError:
                    outcomes["canceled"] += 1
                else:
                    assert value == "done"
                    outcomes["ok"] += 1
                assert entry.done

        started = time.monotonic()
        await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(total))), 120)
        elapsed = time.monotonic() - started
        assert temporal_ffi.pending_calls() == 1  # only the anchor
        anchor.cancel()
        with pytest.raises(asyncio.CancelledError):
            await anchor
        await client.terminate_workflow_async(anchor_run.id)
        assert not errors, errors[:3]
        return elapsed, latency

    elapsed, latency = asyncio.run(main())
    print(
        f"{total} calls in {elapsed:.1f} s ({latency * 1000:.0f} ms for {in_flight} at once): "
        f"{outcomes}, {done_before_cancel[0]} canceled after completing, before being taken"
    )
    assert outcomes["ok"] + outcomes["canceled"] == total, outcomes
    # The cancels really raced: some calls won, some were canceled, some were canceled while
    # their completion was already waiting in the queue (which must keep their result).
    assert outcomes["ok"] > 0 and outcomes["canceled"] > 0, outcomes
    assert done_before_cancel[0] > 0
    assert len(queues) == 1
    assert temporal_ffi.pending_calls() == 0


def test_cancelled_tasks_end_cancelled_and_free_their_calls(finished_run, monkeypatch):
    """The public form of the race: tasks cancelled at random moments end either with their
    result (cancelled too late) or cancelled, and never leave a call behind."""
    canceled_calls = []
    real_cancel = temporal_ffi._lib.temporal_call_cancel
    monkeypatch.setattr(
        temporal_ffi._lib,
        "temporal_call_cancel",
        lambda call: (canceled_calls.append(call), real_cancel(call)),
    )
    rng = random.Random(7)

    async def main():
        loop = asyncio.get_running_loop()
        errors = _collect_loop_errors(loop)
        tasks = [asyncio.ensure_future(finished_run.result_async()) for _ in range(1000)]
        for task in tasks:
            loop.call_later(rng.uniform(0, 0.5), task.cancel)
        results = await asyncio.gather(*tasks, return_exceptions=True)
        assert not errors, errors[:3]
        return tasks, results

    tasks, results = asyncio.run(main())
    cancelled = [t for t in tasks if t.cancelled()]
    assert all(r == "done" for t, r in zip(tasks, results) if not t.cancelled())
    assert 0 < len(cancelled) < len(tasks)
    # Only calls still in flight were canceled in C, each once.
    assert len(canceled_calls) == len(set(canceled_calls)) <= len(cancelled)
    assert temporal_ffi.pending_calls() == 0
