"""Soak report and gates: report.py SAMPLES.csv SUMMARY.json [--soak-status N] [--seconds S].

SAMPLES.csv (bench/soak/run.sh): t_s,rss_kb,fds,threads of the soak process. SUMMARY.json:
bench/soak/soak.c's counts. Writes SAMPLES.md (the report) and SAMPLES.png (the plot, when
matplotlib is there) next to the CSV and exits 1 when a gate fails:

- RSS: least-squares slope over the samples after the warm-up, in kB per minute, at most
  SOAK_RSS_SLOPE_MAX_KB_PER_MIN (64). A leak of 64 kB/min is 3.8 MB an hour, 92 MB a day.
- Descriptors: the last sample at most the post-warm-up level + SOAK_FD_SLACK (4).
- Threads: the last sample at most the post-warm-up level + SOAK_THREAD_SLACK (2).
The post-warm-up level is the median of the first three samples after the warm-up (one
sample could catch a connection or a blocking-pool thread coming and going). The warm-up:
SOAK_WARMUP_S, default the first 10 % of the run but at least 60 s, and at most a quarter of
it (the runtime, the connection and malloc's arenas settle in it).
Also fails when soak.c failed (--soak-status) or its summary is missing, and when there are
fewer than 5 samples after the warm-up (no slope can be trusted then).
"""
import argparse, csv, json, os, statistics, sys
from pathlib import Path


def slope_per_min(ts, ys):
    """Least-squares slope of ys over ts (seconds), per minute."""
    n = len(ts)
    if n < 2:
        return float("nan")
    mt, my = sum(ts) / n, sum(ys) / n
    var = sum((t - mt) ** 2 for t in ts)
    if var == 0:
        return float("nan")
    return sum((t - mt) * (y - my) for t, y in zip(ts, ys)) / var * 60.0


def env_float(name, default):
    v = os.environ.get(name, "")
    return float(v) if v else default


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("summary")
    ap.add_argument("--soak-status", type=int, default=0)
    ap.add_argument("--seconds", type=float, default=None)
    args = ap.parse_args()
    src = Path(args.csv)
    rows = [{k: float(v) for k, v in r.items()} for r in csv.DictReader(src.open())]
    summary = json.loads(Path(args.summary).read_text()) if Path(args.summary).exists() else None
    duration = args.seconds or (rows[-1]["t_s"] if rows else 0)
    warmup = env_float("SOAK_WARMUP_S", min(max(60.0, 0.10 * duration), 0.25 * duration))
    rss_max = env_float("SOAK_RSS_SLOPE_MAX_KB_PER_MIN", 64)
    fd_slack = env_float("SOAK_FD_SLACK", 4)
    thread_slack = env_float("SOAK_THREAD_SLACK", 2)

    post = [r for r in rows if r["t_s"] >= warmup]
    checks = []  # (ok, text)

    def check(ok, text):
        checks.append((bool(ok), text))

    check(args.soak_status == 0, f"soak.c exit status {args.soak_status} (lost, duplicated, wrong results: see the log)")
    if summary:
        check(summary["lost"] == 0 and summary["duplicated"] == 0 and summary["wrong"] == 0,
              f"{summary['calls']} calls: lost {summary['lost']}, duplicated {summary['duplicated']}, "
              f"wrong {summary['wrong']}")
    else:
        check(False, "soak.c wrote no summary")
    stats = {}
    if len(post) < 5:
        check(False, f"only {len(post)} samples after the {warmup:.0f} s warm-up")
    else:
        ts = [r["t_s"] for r in post]
        for key in ("rss_kb", "fds", "threads"):
            ys = [r[key] for r in post]
            stats[key] = {
                "level": statistics.median(ys[:3]),
                "end": ys[-1],
                "min": min(ys),
                "max": max(ys),
                "slope": slope_per_min(ts, ys),
            }
        s = stats["rss_kb"]
        check(s["slope"] <= rss_max,
              f"RSS slope {s['slope']:+.1f} kB/min after warm-up (limit {rss_max:g}); "
              f"{s['level']:.0f} kB after warm-up, {s['end']:.0f} kB at the end")
        s = stats["fds"]
        check(s["end"] <= s["level"] + fd_slack,
              f"open descriptors {s['end']:.0f} at the end, {s['level']:.0f} after warm-up (slack {fd_slack:g}; "
              f"min {s['min']:.0f}, max {s['max']:.0f})")
        s = stats["threads"]
        check(s["end"] <= s["level"] + thread_slack,
              f"threads {s['end']:.0f} at the end, {s['level']:.0f} after warm-up (slack {thread_slack:g}; "
              f"min {s['min']:.0f}, max {s['max']:.0f})")

    failed = [t for ok, t in checks if not ok]
    for ok, text in checks:
        print(f"soak: {'ok' if ok else 'FAIL'} {text}")

    plot = src.with_suffix(".png")
    plotted = False
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, axes = plt.subplots(3, 1, figsize=(9, 8), sharex=True)
        tm = [r["t_s"] / 60 for r in rows]
        for ax, key, label in zip(axes, ("rss_kb", "fds", "threads"), ("RSS (MB)", "open fds", "threads")):
            scale = 1024 if key == "rss_kb" else 1
            ax.plot(tm, [r[key] / scale for r in rows], ".-", ms=3, lw=0.8)
            ax.axvspan(0, warmup / 60, color="0.9", label="warm-up")
            if key in stats and post:
                s = stats[key]
                t_mid = sum(r["t_s"] for r in post) / len(post)
                y_mid = sum(r[key] for r in post) / len(post)
                xs = [post[0]["t_s"], post[-1]["t_s"]]
                ax.plot([x / 60 for x in xs], [(y_mid + s["slope"] * (x - t_mid) / 60) / scale for x in xs], "r--",
                        lw=1, label=f"fit: {s['slope']:+.1f} {'kB' if key == 'rss_kb' else ''}/min")
                ax.legend(loc="lower right", fontsize=8)
            ax.set_ylabel(label)
            ax.grid(alpha=0.3)
        axes[-1].set_xlabel("minutes")
        rate = summary["rate"] if summary else "?"
        fig.suptitle(f"soak: {duration:.0f} s at {rate} calls/s ({'PASS' if not failed else 'FAIL'})")
        fig.tight_layout()
        fig.savefig(plot, dpi=90)
        plotted = True
    except ImportError:
        print("soak: matplotlib is missing: no plot", file=sys.stderr)

    md = [f"# Soak run {src.stem.removeprefix('soak-')}", ""]
    md.append(f"**{'PASS' if not failed else 'FAIL'}**: {duration:.0f} s, a sample every "
              f"{(rows[1]['t_s'] - rows[0]['t_s']) if len(rows) > 1 else 0:.0f} s ({len(rows)} samples), "
              f"warm-up {warmup:.0f} s.")
    md.append("")
    md += [f"- {'ok' if ok else 'FAIL'}: {t}" for ok, t in checks]
    md.append("")
    if stats:
        md += ["| after warm-up | level | end | min | max | slope per minute |", "|---|---:|---:|---:|---:|---:|"]
        for key, label in (("rss_kb", "RSS (kB)"), ("fds", "open fds"), ("threads", "threads")):
            s = stats[key]
            md.append(f"| {label} | {s['level']:.0f} | {s['end']:.0f} | {s['min']:.0f} | {s['max']:.0f} | {s['slope']:+.2f} |")
        md.append("")
    if summary:
        md.append(f"Load: {summary['calls']} calls in {summary['seconds']:.0f} s at {summary['rate']} calls/s "
                  f"(drain included), {summary['jobs']} jobs "
                  f"({', '.join(f'{k} {v}' for k, v in summary['jobs_by_kind'].items())}); completion forms: "
                  f"{', '.join(f'{k} {v}' for k, v in summary['by_form'].items())}; largest backlog "
                  f"{summary['max_backlog']} calls.")
        md += ["", "| operation | calls | p50 (ms) | p99 (ms) | max (ms) |", "|---|---:|---:|---:|---:|"]
        for name, o in summary["ops"].items():
            md.append(f"| {name} | {o['calls']} | {o['p50_ms']} | {o['p99_ms']} | {o['max_ms']} |")
        md.append("")
        md.append("Latency from the call's start to its delivery in its completion form; the waits meant to time "
                  "out or be canceled and the 10 s Sleep waits are left out.")
        md.append("")
    if plotted:
        md.append(f"![soak]({plot.name})")
    src.with_suffix(".md").write_text("\n".join(md) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
