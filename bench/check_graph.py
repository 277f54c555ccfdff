#!/usr/bin/python3
"""Checks that factgraph's graph JSON equals the graph gen_facts.py meant to make.

    bench/check_graph.py GRAPH.json GENERATED_DIR

Compares node ids, labels, types, aliases, sources and attributes, and the multiset of edges
(source, target, type, date, weight, sources, agent, role). Exit status 0 when they agree.
Loads everything into Python: use it on small graphs (gen_facts.py --nodes 2000 --edges 20000).
"""
import collections
import json
import sys


def main():
    graph_path, gen_dir = sys.argv[1], sys.argv[2]
    with open(graph_path, encoding="utf-8") as f:
        graph = json.load(f)
    want_nodes = {}
    with open(f"{gen_dir}/nodes.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            nid, label, ntype, aliases, sources, country, founded = line.rstrip("\n").split("\t")
            attrs = {}
            if country:
                attrs["country"] = country
            if founded:
                attrs["founded"] = founded
            want_nodes[nid] = (label, ntype, aliases.split("|") if aliases else [],
                               sources.split("|"), attrs)
    got_nodes = {}
    for n in graph["nodes"]:
        sources = sorted({m["document"] for m in n.get("mentions", [])})
        got_nodes[n["id"]] = (n.get("label", ""), n.get("type", ""), n.get("aliases", []), sources,
                              n.get("attributes", {}))
    problems = 0
    for nid in sorted(set(want_nodes) | set(got_nodes)):
        if want_nodes.get(nid) != got_nodes.get(nid):
            problems += 1
            if problems <= 10:
                print(f"node {nid}: expected {want_nodes.get(nid)}, got {got_nodes.get(nid)}")
    want_edges = collections.Counter()
    with open(f"{gen_dir}/edges.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            s, t, etype, date, weight, sources, _evidence, agent, role = line.rstrip("\n").split("\t")
            want_edges[(s, t, etype, date, int(weight), sources, agent, role)] += 1
    got_edges = collections.Counter()
    for e in graph["edges"]:
        ev = e.get("evidence", [])
        sources = "|".join(sorted({x["document"] for x in ev}))
        attrs = e.get("attributes", {})
        got_edges[(e["source"], e["target"], e.get("type", ""), e.get("date", ""), len(ev), sources,
                   attrs.get("agent", ""), attrs.get("role", ""))] += 1
    missing, extra = want_edges - got_edges, got_edges - want_edges
    for k in list(missing)[:5]:
        print("edge missing from factgraph's graph:", k)
    for k in list(extra)[:5]:
        print("edge factgraph has but the generator did not make:", k)
    problems += sum(missing.values()) + sum(extra.values())
    print(f"check_graph: {len(got_nodes)} nodes, {sum(got_edges.values())} edges; "
          f"{problems} difference(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
