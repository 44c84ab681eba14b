"""Aggregates bench/run.sh output: report.py RESULTS.jsonl META.json -> RESULTS.{json,md,png}."""
import json, statistics, sys
from pathlib import Path

CLIENTS = ["go-sdk", "c-ffi", "go-ffi", "python-sdk", "rust-sdk"]  # Go SDK first: the baseline


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else None


def med(vals):
    vals = [v for v in vals if v is not None]
    return (statistics.median(vals), min(vals), max(vals)) if vals else None


def main():
    src, meta = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text())
    runs = [json.loads(l) for l in src.read_text().splitlines() if l.strip()]
    ok = [r for r in runs if not r.get("failed")]
    clients = [c for c in CLIENTS if any(r["client"] == c for r in runs)]
    concs = sorted({r["concurrency"] for r in ok if r["mode"] == "start-concurrent"})

    def sel(c, mode, conc=None):
        return [r for r in ok if r["client"] == c and r["mode"] == mode and (conc is None or r["concurrency"] == conc)]

    rows = {}  # metric -> client -> (median, min, max)
    for c in clients:
        def put(name, vals):
            rows.setdefault(name, {})[c] = med(vals)
        for mode, label in (("start-seq", "start"), ("start-and-wait-seq", "start+result")):
            put(f"{label} p50 (ms)", [pct(r["latencies_ms"], 50) for r in sel(c, mode)])
            put(f"{label} p99 (ms)", [pct(r["latencies_ms"], 99) for r in sel(c, mode)])
        for k in concs:
            put(f"starts/s, {k} in flight", [r["n"] / r["wall_s"] for r in sel(c, "start-concurrent", k)])
        cpu = lambda r: (r["user_cpu_s"] + r["sys_cpu_s"]) / r["n"] * 1e6
        put("client CPU per start, seq (µs)", [cpu(r) for r in sel(c, "start-seq")])
        if concs:
            put(f"client CPU per start, {concs[-1]} in flight (µs)", [cpu(r) for r in sel(c, "start-concurrent", concs[-1])])
        put("client CPU per start+result, seq (µs)", [cpu(r) for r in sel(c, "start-and-wait-seq")])
        put("client peak RSS (MB)", [max((r["max_rss_kb"] for r in ok if r["client"] == c and r["mode"] != "block-waits"), default=0) / 1024] if sel(c, "start-seq") else [])
    failed = [f'{r["client"]} {r["mode"]} round {r.get("round")}' for r in runs if r.get("failed")]

    summary = {m: {c: v for c, v in d.items()} for m, d in rows.items()}
    out = {"meta": meta, "summary_median_min_max": summary, "failed": failed, "runs": runs}
    src.with_suffix(".json").write_text(json.dumps(out, indent=1))

    def cell(m, c):
        v = rows[m].get(c)
        if not v:
            return "–"
        s = f"{v[0]:.2f}" + (f" ({v[1]:.2f}–{v[2]:.2f})" if v[1] != v[2] else "")
        base = rows[m].get("go-sdk")
        if c != "go-sdk" and base and base[0]:
            s += f" {v[0] / base[0]:.2f}×"
        return s

    md = [f"# Client benchmark {src.stem}", "",
          f"Server: {meta['server']} ({meta.get('temporal_cli', '')}), {meta['nproc']} CPUs; rounds {meta['rounds']}, "
          f"{meta['n_seq']} sequential starts, {meta['n_wait']} sequential start+result, {meta['n_conc']} starts per "
          f"concurrency level. Median over rounds (min–max), ratio to the Go SDK."
          + (" **Smoke run: checks the harness, the numbers mean nothing.**" if meta.get("smoke") else ""), "",
          "| metric | " + " | ".join(clients) + " |", "|---|" + "---|" * len(clients)]
    md += [f"| {m} | " + " | ".join(cell(m, c) for c in clients) + " |" for m in rows]
    md += ["", "Stripped sizes (MB): " + ", ".join(f"{k} {v / 1e6:.2f}" for k, v in meta["sizes_bytes"].items() if v)]
    bw = [r for r in ok if r["mode"] == "block-waits"]
    for r in bw:
        md += ["", f"block-waits (C only): {r['n']} parked temporal_get_result_async waits on `Block` workflows; "
                   f"signal-to-all-results {r.get('signal_to_all_results_s', 0):.2f} s, whole run {r['wall_s']:.2f} s, "
                   f"peak RSS {r['max_rss_kb'] / 1024:.1f} MB, CPU {r['user_cpu_s'] + r['sys_cpu_s']:.2f} s, errors {r.get('errors', 0)} {r.get('errors_by_code', '')}"]
    md += ["", "CPU and RSS are each client process's own getrusage, connect included (small counts inflate CPU per op)."]
    if failed:
        md += ["", "FAILED runs: " + ", ".join(failed)]
    src.with_suffix(".md").write_text("\n".join(md) + "\n")

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(1, 3, figsize=(16, 5))
    for a, mode, title in ((ax[0], "start-seq", "start latency (ms)"), (ax[1], "start-and-wait-seq", "start+result latency (ms)")):
        data = [[x for r in sel(c, mode) for x in r["latencies_ms"]] or [0] for c in clients]
        a.boxplot(data, showfliers=False)
        a.set_xticks(range(1, len(clients) + 1), clients, rotation=20)
        a.set_title(title)
    w = 0.8 / max(1, len(clients))
    for i, c in enumerate(clients):
        ys = [(rows[f"starts/s, {k} in flight"].get(c) or (0,))[0] for k in concs]
        ax[2].bar([j + i * w for j in range(len(concs))], ys, w, label=c)
    ax[2].set_xticks([j + w * (len(clients) - 1) / 2 for j in range(len(concs))], [f"{k} in flight" for k in concs])
    ax[2].set_title("starts/s (median over rounds)")
    ax[2].legend()
    fig.suptitle(f"{src.stem}: {meta['server']}")
    fig.tight_layout()
    fig.savefig(src.with_suffix(".png"), dpi=90)
    print("\n".join(md))
    print(f"\nwrote {src.with_suffix('.json')}, {src.with_suffix('.md')}, {src.with_suffix('.png')}", file=sys.stderr)


main()
