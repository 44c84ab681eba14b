"""Aggregates bench/run.sh output: report.py RESULTS.jsonl META.json -> RESULTS.{json,md,png}.

Reads RESULTS.overhead.jsonl too when bench/overhead/run.sh wrote it. The markdown starts with the
issue's goals, each with the measured value, the target and whether it was met."""
import json, statistics, sys
from pathlib import Path

# Go SDK first: the baseline of every ratio. Variants flip the compression setting.
CLIENTS = ["go-sdk", "c-ffi", "go-ffi", "python-sdk", "rust-sdk", "c-ffi-gzip", "go-sdk-nogzip",
           "c-ffi-wait", "c-ffi-callback", "c-ffi-queue"]
# This library's completion forms, compared with its blocking wrappers (c-ffi).
FORMS = ["c-ffi-wait", "c-ffi-callback", "c-ffi-queue"]
PEERS = ["go-sdk", "python-sdk", "rust-sdk"]  # the official clients


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else None


def med(vals):
    vals = [v for v in vals if v is not None]
    return (statistics.median(vals), min(vals), max(vals)) if vals else None


def main():
    src, meta = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text())
    runs = [json.loads(l) for l in src.read_text().splitlines() if l.strip()]
    ov_path = src.with_suffix(".overhead.jsonl")
    overhead = [json.loads(l) for l in ov_path.read_text().splitlines() if l.strip()] if ov_path.exists() else []
    ok = [r for r in runs if not r.get("failed")]
    clients = [c for c in CLIENTS if any(r["client"] == c and r["mode"] != "block-waits" for r in runs)]
    concs = sorted({r["concurrency"] for r in ok if r["mode"] == "start-concurrent"})
    top = concs[-1] if concs else None

    def sel(c, mode, conc=None):
        return [r for r in ok if r["client"] == c and r["mode"] == mode and (conc is None or r["concurrency"] == conc)]

    cpu = lambda r: (r["user_cpu_s"] + r["sys_cpu_s"]) / r["n"] * 1e6
    rows = {}  # metric -> client -> (median, min, max)
    for c in clients:
        def put(name, vals):
            v = med(vals)
            if v:
                rows.setdefault(name, {})[c] = v
        for mode, label in (("start-seq", "start"), ("start-and-wait-seq", "start+result")):
            # p50/p99 over every sample of every round (2,100 starts by default); min-max: per round
            samples = [x for r in sel(c, mode) for x in r["latencies_ms"]]
            for p in (50, 99):
                per_round = [pct(r["latencies_ms"], p) for r in sel(c, mode)]
                if samples:
                    rows.setdefault(f"{label} p{p} (ms)", {})[c] = (pct(samples, p), min(per_round), max(per_round))
        for k in concs:
            put(f"starts/s, {k} in flight", [r["n"] / r["wall_s"] for r in sel(c, "start-concurrent", k)])
        put("client CPU per start, seq (µs)", [cpu(r) for r in sel(c, "start-seq")])
        if top:
            put(f"client CPU per start, {top} in flight (µs)", [cpu(r) for r in sel(c, "start-concurrent", top)])
        put("client CPU per start+result, seq (µs)", [cpu(r) for r in sel(c, "start-and-wait-seq")])
        fake = sel(c, "start-concurrent-fake")
        if fake:
            k = fake[0]["concurrency"]
            put(f"fake server: starts/s, {k} in flight", [r["n"] / r["wall_s"] for r in fake])
            put(f"fake server: client CPU per start, {k} in flight (µs)", [cpu(r) for r in fake])
        rss = [r["max_rss_kb"] / 1024 for r in ok if r["client"] == c and r["mode"] != "block-waits"]
        if rss:
            rows.setdefault("client peak RSS (MB)", {})[c] = (max(rss), max(rss), max(rss))
    failed = [f'{r["client"]} {r["mode"]} round {r.get("round")}' for r in runs if r.get("failed")]
    block = {r["client"]: r for r in ok if r["mode"] == "block-waits"}
    ov = next((o for o in overhead if o.get("kind") == "overhead"), None)
    ov_med = {o["client"]: o for o in overhead if o.get("kind") == "median"}
    sizes = meta["sizes_bytes"]
    lib_size = sizes.get("libtemporal_ffi.so (dist build)") or sizes.get("libtemporal_ffi.so (release build)")
    lib_label = "dist" if sizes.get("libtemporal_ffi.so (dist build)") else "release"

    # ---- goals ---------------------------------------------------------------------------
    def v(metric, c):
        x = rows.get(metric, {}).get(c)
        return x[0] if x else None

    goals = []

    def goal(name, ours, target, met, how):
        goals.append((name, ours, target, "met" if met else ("MISSED" if met is not None else "not measured"), how))

    p50 = {c: v("start p50 (ms)", c) for c in clients}
    best_p50 = min((p50[c] for c in PEERS if p50.get(c)), default=None)
    if p50.get("c-ffi") and best_p50:
        goal("start p50 ≤ the best peer", f"{p50['c-ffi']:.2f} ms", f"≤ {best_p50:.2f} ms",
             p50["c-ffi"] <= best_p50, f"{p50['c-ffi'] / best_p50:.2f}× the best official client")
    if top:
        m = f"starts/s, {top} in flight"
        best = max((v(m, c) for c in PEERS if v(m, c)), default=None)
        if v(m, "c-ffi") and best:
            goal(f"starts/s at {top} in flight ≥ 1.2× the best peer", f"{v(m, 'c-ffi'):.0f}/s", f"≥ {1.2 * best:.0f}/s",
                 v(m, "c-ffi") >= 1.2 * best, f"{v(m, 'c-ffi') / best:.2f}× the best official client, dev server")
        mf = f"fake server: starts/s, {top} in flight"
        best_f = max((v(mf, c) for c in PEERS if v(mf, c)), default=None)
        if v(mf, "c-ffi") and best_f:
            goal(f"starts/s at {top} in flight ≥ 1.2× the best peer, client-bound", f"{v(mf, 'c-ffi'):.0f}/s",
                 f"≥ {1.2 * best_f:.0f}/s", v(mf, "c-ffi") >= 1.2 * best_f,
                 f"{v(mf, 'c-ffi') / best_f:.2f}× the best official client, fake server that answers at once")
        m = f"client CPU per start, {top} in flight (µs)"
        if v(m, "c-ffi") and v(m, "go-sdk"):
            r = v(m, "c-ffi") / v(m, "go-sdk")
            extra = ""
            if v(m, "c-ffi-gzip") and v(m, "go-sdk-nogzip"):
                extra = (f"; like for like: both gzip {v(m, 'c-ffi-gzip') / v(m, 'go-sdk'):.2f}×, "
                         f"both uncompressed {v(m, 'c-ffi') / v(m, 'go-sdk-nogzip'):.2f}×")
            goal("client CPU per start ≤ 0.5× the Go SDK", f"{v(m, 'c-ffi'):.0f} µs", f"≤ {0.5 * v(m, 'go-sdk'):.0f} µs",
                 r <= 0.5, f"{r:.2f}× the Go SDK at its defaults, {top} in flight{extra}")
    # The call object's three completion forms must cost no more than the blocking wrappers
    # (the 0.1 shape's path): client CPU per start and per start+result, within 10% (the noise
    # of one run on a shared machine).
    for m in ([f"client CPU per start, {top} in flight (µs)"] if top else []) + [
            "client CPU per start, seq (µs)", "client CPU per start+result, seq (µs)"]:
        base = v(m, "c-ffi")
        costs = {f: v(m, f) for f in FORMS if v(m, f)}
        if base and costs:
            worst = max(costs.values())
            goal(f"{m.replace(' (µs)', '')}: every completion form ≤ 1.1× the blocking wrappers",
                 ", ".join(f"{f[6:]} {c:.0f} µs" for f, c in costs.items()), f"≤ {1.1 * base:.0f} µs",
                 worst <= 1.1 * base, f"blocking wrappers {base:.0f} µs; worst form {worst / base:.2f}×")
    if ov:
        goal("ABI overhead ≤ 5 µs per call", f"{ov['wall_us_per_call']:.2f} µs wall, {ov['cpu_us_per_call']:.2f} µs CPU",
             "≤ 5 µs", ov.get("within_goal"), "C through the ABI minus the safe Rust API, fake server, median of rounds")
    if "c-ffi" in block:
        b = block["c-ffi"]
        mb = b.get("rss_parked_kb", b["max_rss_kb"]) / 1024
        ok_all = b.get("delivered") == b["n"]
        goal(f"{b['n']:,} waits delivered with < 100 MB RSS", f"{b.get('delivered', '?')}/{b['n']} delivered, {mb:.0f} MB",
             "all, < 100 MB", ok_all and mb < 100,
             "RSS with every wait parked" + (f"; Go SDK: {block['go-sdk'].get('rss_parked_kb', 0) / 1024:.0f} MB" if "go-sdk" in block else ""))
    if lib_size:
        goal("stripped library ≤ 10 MB", f"{lib_size / 1e6:.2f} MB ({lib_label} build)", "≤ 10 MB", lib_size <= 10e6,
             "libtemporal_ffi.so, strip")

    summary = {m: dict(d) for m, d in rows.items()}
    out = {"meta": meta, "goals": goals, "summary_median_min_max": summary, "block_waits": block,
           "abi_overhead": overhead, "failed": failed, "runs": runs}
    src.with_suffix(".json").write_text(json.dumps(out, indent=1))

    def cell(m, c):
        x = rows[m].get(c)
        if not x:
            return "–"
        s = f"{x[0]:.2f}" + (f" ({x[1]:.2f}–{x[2]:.2f})" if x[1] != x[2] else "")
        base = rows[m].get("go-sdk")
        if c != "go-sdk" and base and base[0]:
            s += f" **{x[0] / base[0]:.2f}×**"
        return s

    smoke = " **Smoke run: checks the harness, the numbers mean nothing.**" if meta.get("smoke") else ""
    md = [f"# Client benchmark {src.stem}", "",
          f"Server: {meta['server']} ({meta.get('temporal_cli', '')}), {meta['nproc']} CPUs, commit {meta.get('commit', '?')}, "
          f"{meta.get('seconds', '?')} s in all.{smoke}", "", "## Goals", "",
          "| goal | measured | target | result | how |", "|---|---|---|---|---|"]
    md += [f"| {g[0]} | {g[1]} | {g[2]} | {g[3]} | {g[4]} |" for g in goals]
    md += ["", "## Side by side", "",
           f"{meta['rounds']} rounds, each: {meta['n_seq']} sequential starts, {meta['n_wait']} sequential start+result, "
           f"{meta['n_conc']} starts per concurrency level, clients interleaved (order rotated per round), one fresh process "
           "per measurement. Latency percentiles over all rounds' samples (min–max of the per-round values); other rows: "
           "median over rounds (min–max). **Ratio** to the Go SDK. c-ffi-gzip and go-sdk-nogzip flip the compression "
           "default (this library: none; the Go SDK: gzip) and run the start phases only. c-ffi uses the blocking "
           "wrappers; c-ffi-wait, c-ffi-callback and c-ffi-queue complete every call through temporal_call_wait, a "
           "callback, or a completion queue.", "",
           "| metric | " + " | ".join(clients) + " |", "|---|" + "---|" * len(clients)]
    md += [f"| {m} | " + " | ".join(cell(m, c) for c in clients) + " |" for m in rows]
    md += ["", "CPU and RSS are each client process's own getrusage (CPU per op includes its connect).", ""]
    if block:
        md += ["## Parked waits", "", "N workflows that wait for a signal, N result waits parked at once from one process, "
               "RSS read with all of them parked (5 s after the last was issued), then one signal each.", "",
               "| client | waits | delivered | errors | RSS parked (MB) | live heap parked (MB) | peak RSS (MB) | signal → all results (s) | CPU (s) |",
               "|---|---|---|---|---|---|---|---|---|"]
        for c, b in block.items():
            md.append(f"| {c} | {b['n']} | {b.get('delivered', '?')} | {b.get('errors', '?')} {b.get('errors_by_code') or ''} | "
                      f"{b.get('rss_parked_kb', 0) / 1024:.1f} | {b.get('heap_parked_kb', 0) / 1024:.1f} | {b['max_rss_kb'] / 1024:.1f} | "
                      f"{b.get('signal_to_all_results_s', 0):.1f} | {b['user_cpu_s'] + b['sys_cpu_s']:.1f} |")
        md.append("")
    if overhead:
        md += ["## ABI overhead (fake server)", ""]
        if ov:
            md += [f"C through the ABI minus the safe Rust API: **{ov['wall_us_per_call']:.2f} µs wall, {ov['cpu_us_per_call']:.2f} µs CPU "
                   f"per call** (paired per round: {ov.get('paired_wall_us_per_call')} / {ov.get('paired_cpu_us_per_call')} µs).", "",
                   "| client | µs/call wall | µs/call CPU | p50 µs | p99 µs |", "|---|---|---|---|---|"]
            md += [f"| {c} | {o['wall_us_per_call']:.1f} | {o['cpu_us_per_call']:.1f} | {o['p50_us']:.1f} | {o['p99_us']:.1f} |"
                   for c, o in ov_med.items()]
        else:
            md += ["The overhead run failed; see the stderr log."]
        md.append("")
    md += ["## Stripped sizes", "", ", ".join(f"{k} {b / 1e6:.2f} MB" for k, b in sizes.items() if b), ""]
    if failed:
        md += ["FAILED runs: " + ", ".join(failed), ""]
    src.with_suffix(".md").write_text("\n".join(md))

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(1, 4, figsize=(20, 5))
    for a, mode, title in ((ax[0], "start-seq", "start latency (ms)"), (ax[1], "start-and-wait-seq", "start+result latency (ms)")):
        cs = [c for c in clients if sel(c, mode)]
        a.boxplot([[x for r in sel(c, mode) for x in r["latencies_ms"]] for c in cs] or [[0]], showfliers=False)
        a.set_xticks(range(1, len(cs) + 1), cs, rotation=25)
        a.set_title(title)
    main_clients = [c for c in clients if any(sel(c, "start-concurrent", k) for k in concs[:-1])] or clients
    if any(sel(c, "start-concurrent-fake") for c in clients):
        concs = concs + ["fake"]
        for c in clients:
            f = rows.get(f"fake server: starts/s, {top} in flight", {}).get(c)
            if f:
                rows.setdefault("starts/s, fake in flight", {})[c] = f
    w = 0.8 / max(1, len(main_clients))
    for i, c in enumerate(main_clients):
        ys = [(rows.get(f"starts/s, {k} in flight", {}).get(c) or (0,))[0] for k in concs]
        ax[2].bar([j + i * w for j in range(len(concs))], ys, w, label=c)
    ax[2].set_xticks([j + w * (len(main_clients) - 1) / 2 for j in range(len(concs))],
                     [f"{top} in flight, fake server" if k == "fake" else f"{k} in flight" for k in concs])
    ax[2].set_yscale("log")
    ax[2].set_title("starts/s (median over rounds; log scale)")
    ax[2].legend(fontsize=8)
    if top:
        m = f"client CPU per start, {top} in flight (µs)"
        cs = [c for c in clients if rows.get(m, {}).get(c)]
        ax[3].bar(range(len(cs)), [rows[m][c][0] for c in cs], color=["tab:gray" if c.startswith("go-sdk") else "tab:blue" for c in cs])
        ax[3].set_xticks(range(len(cs)), cs, rotation=25)
        ax[3].set_title(f"client CPU per start, {top} in flight (µs)")
    fig.suptitle(f"{src.stem}: {meta['server']}")
    fig.tight_layout()
    fig.savefig(src.with_suffix(".png"), dpi=90)
    print("\n".join(md))
    print(f"\nwrote {src.with_suffix('.json')}, {src.with_suffix('.md')}, {src.with_suffix('.png')}", file=sys.stderr)
    # A smoke run checks the harness: every client ran, every parked wait came back, the
    # overhead run produced its summary.
    problems = failed + [f"{c} block-waits delivered {b.get('delivered')}/{b['n']}" for c, b in block.items()
                         if b.get("delivered") != b["n"]]
    if overhead and not ov:
        problems.append("ABI overhead run")
    if meta.get("smoke") and problems:
        print("bench smoke: FAILED: " + "; ".join(problems), file=sys.stderr)
        sys.exit(1)


main()
