#!/usr/bin/python3
"""Turns the JSON Lines written by bench/timed.py into the Markdown tables of docs/performance.md.

    bench/summarize.py graph bench/out/graph-results.jsonl
    bench/summarize.py text  bench/out/text-results.jsonl

Every figure is the median over the repeats, with the best (smallest) value in brackets when there
was more than one repeat: other work on a shared machine only ever makes a run slower, so the best
run is the closest to what the code costs and the median is what one can expect.
"""
import json
import statistics
import sys

MB = 1e6
MIB = 1024 * 1024


def load(path):
    meta, runs = {}, {}
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if r["label"] == "meta":
                meta = r
            else:
                runs.setdefault(r["label"], []).append(r)
    return meta, runs


def med(values):
    return statistics.median(values) if values else float("nan")


def fmt(values, digits=2, best=min):
    """median [best] of `values`."""
    if not values:
        return "–"
    m = f"{med(values):.{digits}f}"
    return m if len(values) == 1 else f"{m} [{best(values):.{digits}f}]"


def cpu(r):
    return r.get("user_seconds", 0) + r.get("system_seconds", 0)


def mib(r):
    return r["peak_rss_kib"] / 1024


def phase(runs, name, key="seconds"):
    out = []
    for r in runs:
        for p in r.get("phases", []):
            if p["phase"] == name:
                out.append(p[key])
    return out


def phase_bytes(runs, name):
    b = phase(runs, name, "bytes")
    return b[0] if b else 0


def load_range(runs_by_label):
    loads = [x for rs in runs_by_label.values() for r in rs for x in (r["load_before"], r["load_after"])]
    return (min(loads), max(loads)) if loads else (0, 0)


def graph(meta, runs):
    lines = []
    man = meta.get("manifest", {})
    repeats = max((len(v) for v in runs.values()), default=0)
    lo, hi = load_range(runs)
    lines.append(f"Commit {meta.get('commit', '?')}"
                 + (f" (uncommitted changes: {meta['dirty'].strip()})" if meta.get("dirty", "").strip() else "")
                 + f"; {repeats} repeat(s); load average during the runs {lo:.1f}–{hi:.1f} on 2 cores.")
    lines.append(f"Input: {man.get('nodes')} nodes, {man.get('edges')} edges, {man.get('documents')} documents, "
                 f"{man.get('relations')} relations ({man.get('restated_relations')} restate an earlier edge), "
                 f"{man.get('entity_declarations')} entity declarations, {meta.get('facts_bytes', 0) / MB:.1f} MB of facts JSON Lines.")
    lines.append("")
    lines.append("Whole `factgraph` processes (`/usr/bin/time -v`): seconds are median [best].")
    lines.append("")
    lines.append("| run | wall s | CPU s (user+sys) | peak RSS MiB |")
    lines.append("|---|---:|---:|---:|")
    names = {"fg-build-json": "`build facts.jsonl -o g.json`",
             "fg-build-json-graphml": "`build facts.jsonl -o g.json -o g.graphml`",
             "fg-build-graphml": "`build facts.jsonl -o g.graphml`",
             "fg-build-all": "`build facts.jsonl -o g.json -o g.graphml -o g.gexf -o g.dot`",
             "fg-export-graphml": "`export g.json -o g2.graphml` (re-reads the graph JSON)",
             "fg-phases": "`phase_timer --threads N facts.jsonl` (all phases in one process, below)",
             "fg-phases-1t": "`phase_timer --threads 1 facts.jsonl` (the same, writers on one thread)",
             "fg-phases-from-json": "`phase_timer g.json` (read the graph JSON, then each writer)",
             "igraph": "python-igraph: load TSV, build graph, `write_graphml`",
             "networkx": "networkx: load TSV, build graph, `write_graphml`"}
    for label, title in names.items():
        rs = runs.get(label, [])
        if rs:
            lines.append(f"| {title} | {fmt([r['wall_seconds'] for r in rs])} | {fmt([cpu(r) for r in rs])} | "
                         f"{fmt([mib(r) for r in rs], 0, max)} |")
    lines.append("")
    lines.append("(peak RSS: median [largest].)")
    lines.append("")
    ph = runs.get("fg-phases", [])
    if ph:
        lines.append("Phases of `factgraph` in one process (`bench/phase_timer.cpp`), outputs on tmpfs, writers "
                     "on one thread per core as the CLI's default `--jobs 0` (CPU s above wall s: both cores worked):")
        lines.append("")
        lines.append("| phase | wall s | CPU s | output MB | MB/s (wall) | peak RSS so far MiB |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for name in ["read-parse-merge", "builder-build", "export-json", "export-graphml",
                     "export-gexf", "export-dot"]:
            secs = phase(ph, name)
            if not secs:
                continue
            size = phase_bytes(ph, name)
            rate = fmt([size / MB / s for s in secs], 0, max) if size and name.startswith("export") else "–"
            shown = f"{size / MB:.0f}" if name.startswith("export") else "–"
            lines.append(f"| {name} | {fmt(secs)} | {fmt(phase(ph, name, 'cpu_seconds'))} | {shown} | {rate} | "
                         f"{fmt([k / 1024 for k in phase(ph, name, 'peak_kib')], 0, max)} |")
        lines.append("")
    pj = runs.get("fg-phases-from-json", [])
    if pj:
        lines.append("The same writers on the graph read back from `g.json` (`phase_timer g.json`): the same graph, "
                     "but allocated in output order instead of scattered over the heap by the merge:")
        lines.append("")
        lines.append("| phase | wall s | CPU s | output MB | MB/s (wall) |")
        lines.append("|---|---:|---:|---:|---:|")
        for name in ["read", "parse-graph-json", "export-json", "export-graphml", "export-gexf", "export-dot"]:
            secs = phase(pj, name)
            if not secs:
                continue
            size = phase_bytes(pj, name)
            rate = fmt([size / MB / s for s in secs], 0, max) if size and name.startswith("export") else "–"
            shown = f"{size / MB:.0f}" if name.startswith("export") else "–"
            lines.append(f"| {name} | {fmt(secs)} | {fmt(phase(pj, name, 'cpu_seconds'))} | {shown} | {rate} |")
        lines.append("")
    # Differential estimate of the GraphML export inside the CLI.
    a, b = runs.get("fg-build-json", []), runs.get("fg-build-json-graphml", [])
    if a and b:
        diff = med([r["wall_seconds"] for r in b]) - med([r["wall_seconds"] for r in a])
        diff_cpu = med([cpu(r) for r in b]) - med([cpu(r) for r in a])
        lines.append(f"GraphML export by difference of whole runs (`-o g.json -o g.graphml` minus `-o g.json`, medians): "
                     f"{diff:.2f} s wall, {diff_cpu:.2f} s CPU. Whole-run noise on this machine is of the same order, "
                     f"so the in-process phase times above are the figures used for the targets.")
        lines.append("")
    peers = []
    for label in ("igraph", "networkx"):
        rs = runs.get(label, [])
        if rs:
            peers.append((label, rs))
    if ph and peers:
        fg_w = phase(ph, "export-graphml")
        fg_c = phase(ph, "export-graphml", "cpu_seconds")
        fg_bytes = phase_bytes(ph, "export-graphml")
        lines.append("GraphML writers on the same graph (write only; peak RSS of the whole process):")
        lines.append("")
        lines.append("| writer | write wall s | write CPU s | output MB | MB/s (wall) | whole-process peak RSS MiB |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        fg_rss = [mib(r) for r in runs.get("fg-build-graphml", [])]
        lines.append(f"| factgraph `write_graphml` | {fmt(fg_w)} | {fmt(fg_c)} | {fg_bytes / MB:.0f} | "
                     f"{fmt([fg_bytes / MB / s for s in fg_w], 0, max)} | {fmt(fg_rss, 0, max)} (build + GraphML) |")
        p1 = runs.get("fg-phases-1t", [])
        if p1:
            w1 = phase(p1, "export-graphml")
            lines.append(f"| factgraph `write_graphml`, one thread | {fmt(w1)} | "
                         f"{fmt(phase(p1, 'export-graphml', 'cpu_seconds'))} | {fg_bytes / MB:.0f} | "
                         f"{fmt([fg_bytes / MB / s for s in w1], 0, max)} | – |")
        if pj:
            jw = phase(pj, "export-graphml")
            jc = phase(pj, "export-graphml", "cpu_seconds")
            lines.append(f"| factgraph `write_graphml`, graph read from JSON | {fmt(jw)} | {fmt(jc)} | {fg_bytes / MB:.0f} | "
                         f"{fmt([fg_bytes / MB / s for s in jw], 0, max)} | "
                         f"{fmt([mib(r) for r in runs.get('fg-export-graphml', [])], 0, max)} (`factgraph export g.json`) |")
        for label, rs in peers:
            w = [r["write_seconds"] for r in rs]
            c = [r["write_cpu_seconds"] for r in rs]
            size = rs[0]["bytes"]
            lines.append(f"| {rs[0].get('version', label)} | {fmt(w)} | {fmt(c)} | {size / MB:.0f} | "
                         f"{fmt([size / MB / s for s in w], 0, max)} | {fmt([mib(r) for r in rs], 0, max)} |")
        lines.append("")
        lines.append("Targets:")
        lines.append("")
        lines.append("| target | measured (medians; CPU-time ratio in brackets) | met |")
        lines.append("|---|---|---|")
        for label, need in (("igraph", 2), ("networkx", 30)):
            rs = dict(peers).get(label)
            if not rs:
                continue
            ratio = med([r["write_seconds"] for r in rs]) / med(fg_w)
            ratio_cpu = med([r["write_cpu_seconds"] for r in rs]) / med(fg_c)
            # Each repeat's peer run is paired with the same repeat's factgraph run: the machine's speed
            # drifts between repeats and moves both alike.
            paired = [r["write_seconds"] / f for r, f in zip(rs, fg_w)]
            lines.append(f"| GraphML export ≥ {need}× faster than {label} (after `build`) | {ratio:.1f}× ({ratio_cpu:.1f}×); "
                         f"per repeat {', '.join(f'{x:.1f}×' for x in paired)} | "
                         f"{'yes' if ratio >= need and min(paired) >= need else 'no'} |")
            p1 = runs.get("fg-phases-1t", [])
            if p1:
                w1 = phase(p1, "export-graphml")
                paired1 = [r["write_seconds"] / f for r, f in zip(rs, w1)]
                r1 = med([r["write_seconds"] for r in rs]) / med(w1)
                lines.append(f"| … same, writer on one thread | {r1:.1f}×; per repeat "
                             f"{', '.join(f'{x:.1f}×' for x in paired1)} | {'yes' if r1 >= need else 'no'} |")
            if pj:
                jr = med([r["write_seconds"] for r in rs]) / med(phase(pj, "export-graphml"))
                jr_cpu = med([r["write_cpu_seconds"] for r in rs]) / med(phase(pj, "export-graphml", "cpu_seconds"))
                lines.append(f"| … same, graph read back from JSON (`factgraph export`) | {jr:.1f}× ({jr_cpu:.1f}×) | "
                             f"{'yes' if jr >= need else 'no'} |")
        ig = dict(peers).get("igraph")
        if ig and fg_rss:
            a_rss, b_rss = med(fg_rss), med([mib(r) for r in ig])
            lines.append(f"| peak RSS of build + export below igraph's | {a_rss:.0f} MiB vs {b_rss:.0f} MiB | "
                         f"{'yes' if a_rss < b_rss else 'no'} |")
        lines.append("")
    return "\n".join(lines)


def text(meta, runs):
    lines = []
    repeats = max((len(v) for v in runs.values()), default=0)
    lo, hi = load_range(runs)
    size = meta.get("text_bytes", 0)
    lines.append(f"Commit {meta.get('commit', '?')}"
                 + (f" (uncommitted changes: {meta['dirty'].strip()})" if meta.get("dirty", "").strip() else "")
                 + f"; {repeats} repeat(s); load average during the runs {lo:.1f}–{hi:.1f} on 2 cores.")
    lines.append(f"Input: {meta.get('articles')} articles, {size / MB:.1f} MB of text "
                 f"(plus a {meta.get('jsonl_bytes', 0) / MB:.1f} MB JSON Lines copy).")
    lines.append("")
    lines.append("| run | wall s | CPU s (user+sys) | CPU use | MB/s (wall) | MB/s per CPU-second | peak RSS MiB |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    names = {"extract-j1": "`extract txt/ --jobs 1 -o out.json`",
             "extract-jsonl-j1": "`extract articles.jsonl --jobs 1 -o out.json`",
             "extract-j2": "`extract txt/ --jobs 2 -o out.json`",
             "build-j1": "`build txt/ --jobs 1 -o g.json`",
             "build-j2": "`build txt/ --jobs 2 -o g.json`"}
    for label, title in names.items():
        rs = runs.get(label, [])
        if not rs:
            continue
        walls = [r["wall_seconds"] for r in rs]
        cpus = [cpu(r) for r in rs]
        lines.append(f"| {title} | {fmt(walls)} | {fmt(cpus)} | {fmt([r['cpu_percent'] for r in rs], 0, max)}% | "
                     f"{fmt([size / MB / w for w in walls], 1, max)} | {fmt([size / MB / c for c in cpus], 1, max)} | "
                     f"{fmt([mib(r) for r in rs], 0, max)} |")
    lines.append("")
    one, two = runs.get("build-j1", []), runs.get("build-j2", [])
    if one and two:
        speedup = med([r["wall_seconds"] for r in one]) / med([r["wall_seconds"] for r in two])
        lines.append(f"`--jobs 2` against `--jobs 1`: {speedup:.2f}× faster (wall, medians); CPU use "
                     f"{med([r['cpu_percent'] for r in two]):.0f}% (200% = both cores busy the whole run).")
        lines.append("")
    ex = runs.get("extract-j1", [])
    if ex:
        rate = size / MB / med([r["wall_seconds"] for r in ex])
        rate_cpu = size / MB / med([cpu(r) for r in ex])
        lines.append("| target | measured | met |")
        lines.append("|---|---|---|")
        lines.append(f"| `factgraph extract` ≥ 20 MB/s per core | {rate:.1f} MB/s wall, {rate_cpu:.1f} MB/s per CPU-second | "
                     f"{'yes' if rate >= 20 else 'no'} |")
        lines.append("")
    return "\n".join(lines)


def main():
    kind, path = sys.argv[1], sys.argv[2]
    meta, runs = load(path)
    print({"graph": graph, "text": text}[kind](meta, runs))


if __name__ == "__main__":
    main()
