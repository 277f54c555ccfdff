#!/usr/bin/env python3
"""Interop checks: factgraph's exports opened by the readers people really use.

usage: interop.py BIN SRC_DIR

1. Runs `BIN build SRC_DIR/samples -o out.graphml -o out.dot -o out.json -o out.gexf` in a
   temporary directory, then checks
   - GraphML and GEXF against the official schemas (SRC_DIR/../shared/schemas/validate.sh, offline);
   - networkx.read_graphml(force_multigraph=True): label and type on every node, type on every
     edge, node/edge counts equal to `BIN stats --json`;
   - `dot -Tplain` and `sfdp -Tplain`: exit 0, empty stderr, as many node/edge lines as the graph
     has (legend lines told apart by their id prefix), also for --no-legend, --no-edge-labels and
     --cluster type|region;
   - GEXF: unique node ids, no dangling edge, every attvalue declared, edge type directed or
     undirected, kind and a relation value on every edge, weight > 0, no attribute titled
     id/label/weight (the schemas check none of these);
   - `BIN export out.json -o again.*` is byte-identical to out.* (the graph JSON is lossless).
2. Runs the same readers on tests/golden/* (the exporters' output on strings full of quotes,
   control characters and invalid UTF-8), counts taken from the matching golden JSON.

Exit 0 when everything passes, 1 otherwise. A missing tool is a failure, never a skip.
Works with Debian's python3 (networkx 2.8) and newer ones (networkx 3.x).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, flush=True)


def ok(message):
    print("ok:   " + message, flush=True)


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def text(data):
    return data.decode("utf-8", "replace").strip()


def require_tools():
    missing = [tool for tool in ("xmllint", "dot", "sfdp") if shutil.which(tool) is None]
    try:
        import networkx  # noqa: F401
    except ImportError:
        missing.append("python3 networkx")
    if missing:
        print("interop: missing " + ", ".join(missing) +
              " (apt-get install graphviz libxml2-utils python3-networkx)", file=sys.stderr)
        sys.exit(1)


def graph_counts(json_path):
    """Node ids and edge count of a factgraph graph JSON file."""
    with open(json_path, encoding="utf-8") as f:
        graph = json.load(f)
    if graph.get("factgraph") != 1:
        fail(f"{json_path}: not a factgraph graph JSON file")
    return [node["id"] for node in graph.get("nodes", [])], len(graph.get("edges", []))


def legend_prefix(node_ids):
    # The same rule as export/dot.cpp: the shortest "_…legend:" no real node id starts with.
    prefix = "legend:"
    while any(node_id.startswith(prefix) for node_id in node_ids):
        prefix = "_" + prefix
    return prefix


def check_schema(validate, path):
    result = run(["sh", validate, path])
    if result.returncode != 0:
        fail(f"{path}: does not validate\n{text(result.stderr)}")
    else:
        ok(f"{os.path.basename(path)} validates against the official schema")


def check_graphml_networkx(path, nodes, edges):
    import networkx as nx
    try:
        g = nx.read_graphml(path, force_multigraph=True)
    except Exception as e:  # networkx raises many types on bad input
        fail(f"{path}: networkx {nx.__version__} cannot read it: {e}")
        return
    name = os.path.basename(path)
    if (g.number_of_nodes(), g.number_of_edges()) != (nodes, edges):
        fail(f"{name}: networkx reads {g.number_of_nodes()} nodes / {g.number_of_edges()} edges, "
             f"expected {nodes} / {edges}")
    bad_nodes = [n for n, d in g.nodes(data=True) if "label" not in d or "type" not in d]
    bad_edges = [(u, v) for u, v, d in g.edges(data=True) if "type" not in d]
    if bad_nodes:
        fail(f"{name}: nodes without label or type: {bad_nodes[:5]}")
    if bad_edges:
        fail(f"{name}: edges without type: {bad_edges[:5]}")
    if not bad_nodes and not bad_edges and g.number_of_nodes() == nodes:
        ok(f"{name}: networkx {nx.__version__} reads {nodes} nodes, {edges} edges, labels and types")


def plain_name(rest):
    """The first field of a `dot -Tplain` line (after `node `/`edge `) and what follows it."""
    if rest.startswith('"'):
        i, name = 1, []
        while i < len(rest) and rest[i] != '"':
            if rest[i] == "\\" and i + 1 < len(rest):
                i += 1
            name.append(rest[i])
            i += 1
        return "".join(name), rest[i + 2:]
    head, _, tail = rest.partition(" ")
    return head, tail


def check_graphviz(path, node_ids, edges):
    prefix = legend_prefix(node_ids)
    name = os.path.basename(path)
    for layout in ("dot", "sfdp"):
        result = run([layout, "-Tplain", path])
        if result.returncode != 0 or result.stderr:
            fail(f"{layout} -Tplain {name}: exit {result.returncode}, stderr: {text(result.stderr)}")
            continue
        real_nodes = real_edges = legend = 0
        for line in result.stdout.decode("utf-8", "replace").splitlines():
            if line.startswith("node "):
                node, _ = plain_name(line[5:])
                if node.startswith(prefix):
                    legend += 1
                else:
                    real_nodes += 1
            elif line.startswith("edge "):
                tail, _ = plain_name(line[5:])
                if tail.startswith(prefix):
                    legend += 1
                else:
                    real_edges += 1
        if (real_nodes, real_edges) != (len(node_ids), edges):
            fail(f"{layout} -Tplain {name}: {real_nodes} nodes / {real_edges} edges, "
                 f"expected {len(node_ids)} / {edges}")
        else:
            ok(f"{layout} -Tplain {name}: clean stderr, {real_nodes} nodes, {real_edges} edges"
               f" (+{legend} legend lines)")


def check_gexf(path, nodes, edges):
    name = os.path.basename(path)
    ns = {"g": "http://gexf.net/1.3"}
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != "{http://gexf.net/1.3}gexf":
        problems.append(f"root element is {root.tag}")
    declared = {}
    for attributes in root.iterfind("g:graph/g:attributes", ns):
        for attribute in attributes.iterfind("g:attribute", ns):
            title = attribute.get("title")
            if title in ("id", "label", "weight"):
                problems.append(f"attribute titled {title!r}")
            declared.setdefault(attributes.get("class"), {})[attribute.get("id")] = title
    node_ids = [n.get("id") for n in root.iterfind("g:graph/g:nodes/g:node", ns)]
    if len(set(node_ids)) != len(node_ids):
        problems.append("duplicate node ids")
    if len(node_ids) != nodes:
        problems.append(f"{len(node_ids)} nodes, expected {nodes}")
    for n in root.iterfind("g:graph/g:nodes/g:node", ns):
        for value in n.iterfind("g:attvalues/g:attvalue", ns):
            if value.get("for") not in declared.get("node", {}):
                problems.append(f"node {n.get('id')}: attvalue for undeclared {value.get('for')!r}")
    known = set(node_ids)
    edge_list = list(root.iterfind("g:graph/g:edges/g:edge", ns))
    if len(edge_list) != edges:
        problems.append(f"{len(edge_list)} edges, expected {edges}")
    edge_ids = [e.get("id") for e in edge_list]
    if None in edge_ids or len(set(edge_ids)) != len(edge_ids):
        problems.append("missing or duplicate edge ids")
    for e in edge_list:
        eid = e.get("id")
        if e.get("source") not in known or e.get("target") not in known:
            problems.append(f"edge {eid}: dangling endpoint")
        if e.get("type") not in (None, "directed", "undirected"):
            problems.append(f"edge {eid}: type {e.get('type')!r}")
        if not e.get("kind"):
            problems.append(f"edge {eid}: no kind")
        if float(e.get("weight", "1")) <= 0:
            problems.append(f"edge {eid}: weight {e.get('weight')}")
        titles = []
        for value in e.iterfind("g:attvalues/g:attvalue", ns):
            title = declared.get("edge", {}).get(value.get("for"))
            if title is None:
                problems.append(f"edge {eid}: attvalue for undeclared {value.get('for')!r}")
            titles.append(title)
        if "relation" not in titles:
            problems.append(f"edge {eid}: no relation value")
    if problems:
        fail(f"{name}: " + "; ".join(problems[:10]))
    else:
        ok(f"{name}: ids unique, endpoints exist, attvalues declared, kinds and weights set")

    import networkx as nx
    # networkx reads GEXF 1.3 from 3.0 on; Debian's 2.8 knows only 1.1draft/1.2draft.
    if "1.3" in getattr(nx.readwrite.gexf.GEXF, "versions", {}):
        try:
            g = nx.read_gexf(path)
            if (g.number_of_nodes(), g.number_of_edges()) != (nodes, edges):
                fail(f"{name}: networkx reads {g.number_of_nodes()} / {g.number_of_edges()}")
            else:
                ok(f"{name}: networkx {nx.__version__} reads it")
        except Exception as e:
            fail(f"{name}: networkx {nx.__version__} cannot read it: {e}")
    else:
        print(f"note: networkx {nx.__version__} cannot read GEXF 1.3; {name} checked by the "
              "schemas and the checks above", flush=True)


def check_json(path, node_ids, edges):
    ids, count = graph_counts(path)
    if (ids, count) != (node_ids, edges):
        fail(f"{path}: {len(ids)} nodes / {count} edges, expected {len(node_ids)} / {edges}")


def stats_counts(binary, json_path):
    result = run([binary, "stats", "--json", json_path])
    if result.returncode != 0:
        fail(f"factgraph stats --json: exit {result.returncode}: {text(result.stderr)}")
        return None
    try:
        stats = json.loads(result.stdout)
        return int(stats["nodes"]), int(stats["edges"])
    except (ValueError, KeyError, TypeError) as e:
        fail(f"factgraph stats --json: unexpected output ({e}): {text(result.stdout)[:200]}")
        return None


def identical(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


def check_cli(binary, src, validate, work):
    out = {ext: os.path.join(work, "out." + ext) for ext in ("graphml", "dot", "json", "gexf")}
    command = [binary, "build", os.path.join(src, "samples")]
    for path in out.values():
        command += ["-o", path]
    result = run(command)
    if result.returncode != 0:
        fail(f"{' '.join(command)}: exit {result.returncode}\n{text(result.stderr)}")
        return
    missing = [p for p in out.values() if not os.path.isfile(p)]
    if missing:
        fail(f"factgraph build did not write {missing}")
        return
    node_ids, edges = graph_counts(out["json"])
    counts = stats_counts(binary, out["json"])
    if counts is not None and counts != (len(node_ids), edges):
        fail(f"stats --json says {counts}, out.json holds {(len(node_ids), edges)}")
    print(f"samples: {len(node_ids)} nodes, {edges} edges", flush=True)
    if not node_ids or not edges:
        fail("the samples give an empty graph; nothing to check")

    check_schema(validate, out["graphml"])
    check_schema(validate, out["gexf"])
    check_graphml_networkx(out["graphml"], len(node_ids), edges)
    check_gexf(out["gexf"], len(node_ids), edges)
    check_graphviz(out["dot"], node_ids, edges)

    variants = {
        "plain.dot": ["--no-legend", "--no-edge-labels"],
        "cluster-type.dot": ["--cluster", "type"],
        "cluster-region.dot": ["--cluster", "region", "--no-edge-labels"],
    }
    for name, options in variants.items():
        path = os.path.join(work, name)
        result = run([binary, "export", out["json"], "-o", path] + options)
        if result.returncode != 0:
            fail(f"factgraph export {' '.join(options)}: exit {result.returncode}: "
                 f"{text(result.stderr)}")
            continue
        check_graphviz(path, node_ids, edges)
        if "--no-legend" in options and legend_prefix(node_ids) in open(path, encoding="utf-8").read():
            fail(f"{name}: --no-legend still writes a legend")

    again = {ext: os.path.join(work, "again." + ext) for ext in out}
    command = [binary, "export", out["json"]]
    for path in again.values():
        command += ["-o", path]
    result = run(command)
    if result.returncode != 0:
        fail(f"factgraph export: exit {result.returncode}: {text(result.stderr)}")
        return
    for ext in out:
        if identical(out[ext], again[ext]):
            ok(f"graph JSON round trip: again.{ext} is byte-identical to out.{ext}")
        else:
            fail(f"graph JSON round trip: again.{ext} differs from out.{ext}")


def check_golden(src, validate):
    golden = os.path.join(src, "tests", "golden")
    for stem in ("nasty", "built"):
        json_path = os.path.join(golden, stem + ".json")
        node_ids, edges = graph_counts(json_path)
        graphml = os.path.join(golden, stem + ".graphml")
        gexf = os.path.join(golden, stem + ".gexf")
        check_schema(validate, graphml)
        check_schema(validate, gexf)
        check_graphml_networkx(graphml, len(node_ids), edges)
        check_gexf(gexf, len(node_ids), edges)
        for name in sorted(os.listdir(golden)):
            if re.fullmatch(re.escape(stem) + r"(-[a-z-]+)?\.dot", name):
                check_graphviz(os.path.join(golden, name), node_ids, edges)


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    require_tools()
    validate = os.path.join(os.path.dirname(src), "shared", "schemas", "validate.sh")
    if not os.path.isfile(validate):
        print(f"interop: {validate}: not found (the schemas live in ../shared next to the "
              "repository)", file=sys.stderr)
        return 1
    work = tempfile.mkdtemp(prefix="factgraph-interop-")
    check_golden(src, validate)
    check_cli(binary, src, validate, work)
    if failures:
        print(f"\ninterop: {len(failures)} failure(s); outputs kept in {work}", file=sys.stderr)
        return 1
    shutil.rmtree(work)
    print("interop: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
