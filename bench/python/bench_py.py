"""Benchmark client: the Python SDK (temporalio). Usage: bench_py.py ADDRESS start-seq N | start-and-wait-seq N | start-concurrent N C"""
import asyncio, itertools, json, os, resource, sys, time
from temporalio.client import Client

seq = itertools.count()


async def one(c, wait):
    h = await c.start_workflow("Echo", "hi", id=f"bench-py-{os.getpid()}-{next(seq)}", task_queue="temporal-ffi-test")
    if wait:
        await h.result()


async def main():
    addr, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    conc = int(sys.argv[4]) if mode == "start-concurrent" else 1
    c = await Client.connect(addr)
    lat = []
    t0 = time.perf_counter()
    if mode in ("start-seq", "start-and-wait-seq"):
        for _ in range(n):
            t = time.perf_counter()
            await one(c, mode == "start-and-wait-seq")
            lat.append(round((time.perf_counter() - t) * 1000, 3))
    elif mode == "start-concurrent":
        left = iter(range(n))

        async def worker():
            for _ in left:
                await one(c, False)

        await asyncio.gather(*(worker() for _ in range(conc)))
    else:
        sys.exit(f"unknown mode {mode}")
    wall = time.perf_counter() - t0
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"client": "python-sdk", "mode": mode, "n": n, "concurrency": conc, "wall_s": wall,
                      "latencies_ms": lat, "user_cpu_s": ru.ru_utime, "sys_cpu_s": ru.ru_stime,
                      "max_rss_kb": ru.ru_maxrss}), flush=True)


asyncio.run(main())
sys.stdout.flush()
os._exit(0)  # the SDK can abort at interpreter exit (see measured-anchors.md)
