#!/usr/bin/python3
"""Writes the generated graph as GraphML with a peer library, timing only the write.

    bench/peer_graphml.py igraph|networkx GENERATED_DIR OUT.graphml

GENERATED_DIR holds nodes.tsv and edges.tsv from gen_facts.py. The graph gets the same columns
factgraph's GraphML has (nodes: id, label, name, type, aliases, sources, country, founded; edges:
type, interaction, date, sources, evidence, weight, agent, role), so the three writers write the
same data. Prints one JSON line: load and write seconds, output bytes, counts. Run it under
`/usr/bin/time -v` for the peak RSS of the whole script (loading included, as for factgraph).
"""
import json
import os
import sys
import time

NODE_COLUMNS = ["id", "label", "type", "aliases", "sources", "country", "founded"]
EDGE_COLUMNS = ["source", "target", "type", "date", "weight", "sources", "evidence", "agent", "role"]


def read_columns(path, columns):
    cols = [[] for _ in columns]
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        assert header == columns, header
        for line in f:
            for col, value in zip(cols, line.rstrip("\n").split("\t")):
                col.append(value)
    return dict(zip(columns, cols))


# python-igraph 0.10.2 (Debian 12) corrupts string attributes longer than about 1 KB when writing
# (garbage bytes, then "Forbidden control character ... in igraph_i_xml_escape"; see
# igraph/python-igraph#679). Longer values are cut to this many characters for igraph only, and
# the characters cut are reported.
IGRAPH_MAX_STRING = 1000


def with_igraph(gen_dir, out):
    import igraph

    cut = 0

    def capped(values):
        nonlocal cut
        out = []
        for v in values:
            if len(v) > IGRAPH_MAX_STRING:
                cut += len(v) - IGRAPH_MAX_STRING
                v = v[:IGRAPH_MAX_STRING]
            out.append(v)
        return out

    t0 = time.perf_counter()
    nodes = read_columns(os.path.join(gen_dir, "nodes.tsv"), NODE_COLUMNS)
    index = {nid: i for i, nid in enumerate(nodes["id"])}
    edges = read_columns(os.path.join(gen_dir, "edges.tsv"), EDGE_COLUMNS)
    pairs = [(index[s], index[t]) for s, t in zip(edges.pop("source"), edges.pop("target"))]
    g = igraph.Graph(n=len(index), edges=pairs, directed=True)
    del pairs, index
    g.vs["id"] = nodes["id"]
    g.vs["label"] = nodes["label"]
    g.vs["name"] = nodes["label"]
    for c in ("type", "aliases", "sources", "country", "founded"):
        g.vs[c] = capped(nodes[c])
    g.es["type"] = edges["type"]
    g.es["interaction"] = edges["type"]
    g.es["weight"] = [int(w) for w in edges.pop("weight")]
    for c in ("date", "sources", "evidence", "agent", "role"):
        g.es[c] = capped(edges[c])
    del nodes, edges
    t1 = time.perf_counter()
    c1 = time.process_time()
    g.write_graphml(out)
    t2 = time.perf_counter()
    c2 = time.process_time()
    note = f"python-igraph {igraph.__version__}; {cut} characters cut from values over {IGRAPH_MAX_STRING}"
    return t1 - t0, t2 - t1, c2 - c1, g.vcount(), g.ecount(), note


def with_networkx(gen_dir, out):
    import networkx as nx

    t0 = time.perf_counter()
    g = nx.MultiDiGraph()
    with open(os.path.join(gen_dir, "nodes.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            nid, label, ntype, aliases, sources, country, founded = line.rstrip("\n").split("\t")
            attrs = {"label": label, "name": label, "type": ntype}
            for key, value in (("aliases", aliases), ("sources", sources), ("country", country),
                               ("founded", founded)):
                if value:
                    attrs[key] = value
            g.add_node(nid, **attrs)
    with open(os.path.join(gen_dir, "edges.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            s, t, etype, date, weight, sources, evidence, agent, role = line.rstrip("\n").split("\t")
            attrs = {"type": etype, "interaction": etype, "weight": int(weight), "sources": sources}
            for key, value in (("date", date), ("evidence", evidence), ("agent", agent),
                               ("role", role)):
                if value:
                    attrs[key] = value
            g.add_edge(s, t, **attrs)
    t1 = time.perf_counter()
    c1 = time.process_time()
    nx.write_graphml(g, out)
    t2 = time.perf_counter()
    c2 = time.process_time()
    try:
        import lxml  # noqa: F401  nx.write_graphml uses lxml when it is installed
        writer = "write_graphml_lxml"
    except ImportError:
        writer = "write_graphml_xml"
    return t1 - t0, t2 - t1, c2 - c1, g.number_of_nodes(), g.number_of_edges(), f"networkx {nx.__version__} ({writer})"


def main():
    tool, gen_dir, out = sys.argv[1], sys.argv[2], sys.argv[3]
    run = {"igraph": with_igraph, "networkx": with_networkx}[tool]
    load_s, write_s, write_cpu, n, m, version = run(gen_dir, out)
    size = os.path.getsize(out)
    print(json.dumps({"tool": tool, "version": version, "load_seconds": round(load_s, 3),
                      "write_seconds": round(write_s, 3), "write_cpu_seconds": round(write_cpu, 3),
                      "bytes": size,
                      "write_mb_per_s": round(size / 1e6 / write_s, 1), "nodes": n, "edges": m}))


if __name__ == "__main__":
    main()
