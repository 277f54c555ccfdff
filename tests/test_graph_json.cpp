#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "export/exporters.hpp"
#include "ingest/json_input.hpp"
#include "tests/export_fixtures.hpp"

namespace factgraph::ingest {
namespace {

std::string to_json(const KnowledgeGraph& graph) {
  std::ostringstream out;
  exporters::write_json(out, graph);
  return out.str();
}

// Every exporter's output, so a round trip can be compared format by format.
std::vector<std::string> all_exports(const KnowledgeGraph& graph) {
  std::vector<std::string> outputs;
  auto add = [&](auto write) {
    std::ostringstream out;
    write(out);
    outputs.push_back(out.str());
  };
  add([&](std::ostream& out) { exporters::write_graphml(out, graph); });
  add([&](std::ostream& out) { exporters::write_json(out, graph); });
  add([&](std::ostream& out) { exporters::write_gexf(out, graph); });
  add([&](std::ostream& out) { exporters::write_dot(out, graph); });
  for (auto cluster :
       {exporters::DotOptions::Cluster::kType, exporters::DotOptions::Cluster::kRegion}) {
    exporters::DotOptions options;
    options.cluster = cluster;
    options.edge_labels = false;
    add([&](std::ostream& out) { exporters::write_dot(out, graph, options); });
  }
  return outputs;
}

KnowledgeGraph read_back(const std::string& json) {
  std::vector<Diagnostic> diagnostics;
  std::optional<KnowledgeGraph> graph = read_graph_json(json, "graph.json", diagnostics);
  for (const Diagnostic& d : diagnostics) MESSAGE(d.render());
  REQUIRE(graph.has_value());
  CHECK(diagnostics.empty());
  return std::move(*graph);
}

// Diagnostics of reading `json`, rendered one per line; checks that reading failed, and that
// reading it as a stream reports exactly the same.
std::string errors_of(std::string_view json) {
  auto render = [](const std::vector<Diagnostic>& diagnostics) {
    std::string rendered;
    for (const Diagnostic& d : diagnostics) rendered += d.render() + "\n";
    return rendered;
  };
  std::vector<Diagnostic> diagnostics, streamed;
  CHECK_FALSE(read_graph_json(json, "g.json", diagnostics).has_value());
  std::istringstream in{std::string(json)};
  CHECK_FALSE(read_graph_json(in, "g.json", streamed).has_value());
  CHECK(render(streamed) == render(diagnostics));
  return render(diagnostics);
}

void check_equal(const KnowledgeGraph& a, const KnowledgeGraph& b) {
  CHECK(a.documents() == b.documents());
  REQUIRE(a.node_count() == b.node_count());
  for (Vertex v = 0; v < a.node_count(); ++v) CHECK(a.node(v) == b.node(v));
  const std::vector<EdgeRef> ea = a.edges_in_order(), eb = b.edges_in_order();
  REQUIRE(ea.size() == eb.size());
  for (std::size_t i = 0; i < ea.size(); ++i) {
    CHECK(a.edge(ea[i]) == b.edge(eb[i]));
    CHECK(boost::source(ea[i], a.graph()) == boost::source(eb[i], b.graph()));
    CHECK(boost::target(ea[i], a.graph()) == boost::target(eb[i], b.graph()));
  }
}

TEST_CASE("graph json: a built graph reads back equal and exports byte-identically") {
  const KnowledgeGraph original = testing::built_graph();
  const KnowledgeGraph again = read_back(to_json(original));
  check_equal(original, again);
  CHECK(all_exports(original) == all_exports(again));
}

TEST_CASE("graph json: the nasty graph round-trips through every exporter") {
  const KnowledgeGraph original = testing::nasty_graph();
  const KnowledgeGraph again = read_back(to_json(original));
  CHECK(all_exports(original) == all_exports(again));
  // Only the label holding invalid UTF-8 changes: its bad bytes became U+FFFD.
  KnowledgeGraph expected;
  for (const DocumentInfo& doc : original.documents()) expected.add_document(doc);
  for (Vertex v = 0; v < original.node_count(); ++v) {
    Node node = original.node(v);
    if (node.type == "militia")
      node.label =
          "ctl\x01 tab\t back\\slash \\N invalid\xEF\xBF\xBD\xEF\xBF\xBD bytes "
          "nonchar\xEF\xBF\xBE end";
    expected.add_node(std::move(node));
  }
  for (const EdgeRef e : original.edges_in_order())
    expected.add_edge(boost::source(e, original.graph()), boost::target(e, original.graph()),
                      original.edge(e));
  check_equal(expected, again);
}

TEST_CASE("graph json: is_graph_json looks for a top-level \"factgraph\" key") {
  CHECK(is_graph_json(to_json(testing::built_graph())));
  CHECK(is_graph_json("\xEF\xBB\xBF  {\"factgraph\": 1}"));
  CHECK(is_graph_json("{\"nodes\": [{\"id\": \"a\"}], \"factgraph\": 1, \"edges\": []}"));
  CHECK(is_graph_json("{\"factgraph\": 1, \"nodes\": [ truncated"));
  CHECK_FALSE(is_graph_json(""));
  CHECK_FALSE(is_graph_json("not json"));
  CHECK_FALSE(is_graph_json("[{\"factgraph\": 1}]"));
  CHECK_FALSE(is_graph_json("{\"entities\": [{\"factgraph\": 1}], \"relations\": []}"));
  CHECK_FALSE(is_graph_json("{\"id\": \"a\", \"text\": \"factgraph\"}\n{\"id\": \"b\"}\n"));
}

TEST_CASE("graph json: syntax errors give file:line:col") {
  CHECK(errors_of("{\"factgraph\": 1,\n \"nodes\": [\n  {\"id\": \"a\",}\n]}") ==
        "g.json:3:14: error: invalid JSON: missing a name for object member\n");
  CHECK(errors_of("") == "g.json:1:1: error: invalid JSON: the document is empty\n");
  // After a byte order mark, which counts in the column.
  CHECK(errors_of("\xEF\xBB\xBF{\"factgraph\": 1,\n \"nodes\": x}").find("g.json:2:11: ") == 0);
  CHECK(errors_of("{\"factgraph\": 1, \"nodes\": [{\"id\": \"a\xFF\"}]}") ==
        "g.json:1:37: error: invalid JSON: invalid encoding in string\n");
}

TEST_CASE("graph json: the top level must be a version 1 graph") {
  CHECK(errors_of("[]") == "g.json: error: expected an object at the top level\n");
  CHECK(errors_of("{\"nodes\": []}") ==
        "g.json: error: factgraph: missing; this is not a factgraph graph file\n");
  CHECK(errors_of("{\"factgraph\": 2}") ==
        "g.json: error: factgraph: unsupported format version; this factgraph reads "
        "version 1\n");
  CHECK(errors_of("{\"factgraph\": \"1\"}") ==
        "g.json: error: factgraph: unsupported format version; this factgraph reads version 1\n");
}

TEST_CASE("graph json: schema errors name the field path") {
  const std::string json = R"({"factgraph": 1,
    "documents": [{"title": "no id"}, 3],
    "nodes": [
      {"id": "a", "aliases": ["x", 2], "mentions": [{"document": "d", "begin": -1}]},
      {"id": "b", "label": 7, "attributes": {"k": "v", "n": 1}},
      {"id": "a"},
      {"label": "no id"}
    ],
    "edges": [
      {"source": "a", "target": "zzz"},
      "not an edge",
      {"source": "b", "target": "a", "type": ["x"], "evidence": {}}
    ]})";
  CHECK(errors_of(json) ==
        "g.json: error: documents[0].id: missing\n"
        "g.json: error: documents[1]: expected an object\n"
        "g.json: error: nodes[0].aliases[1]: expected a string\n"
        "g.json: error: nodes[0].mentions[0].begin: expected a "
        "non-negative integer\n"
        "g.json: error: nodes[1].label: expected a string\n"
        "g.json: error: nodes[1].attributes.n: expected a string\n"
        "g.json: error: nodes[2].id: duplicate node id 'a'\n"
        "g.json: error: nodes[3].id: missing\n"
        "g.json: error: edges[0].target: unknown node id 'zzz'\n"
        "g.json: error: edges[1]: expected an object\n"
        "g.json: error: edges[2].type: expected a string\n"
        "g.json: error: edges[2].evidence: expected an array\n");
  CHECK(errors_of(R"({"factgraph": 1, "nodes": {}})") ==
        "g.json: error: nodes: expected an array\n");
}

TEST_CASE("graph json: members in any order, unknown members and their contents are passed over") {
  const std::string reordered = R"({"edges": [{"source": "b", "target": "a", "type": "part-of"}],
    "extra": {"nodes": [{"id": "x"}], "deep": [[{"edges": 1}]]},
    "nodes": [{"id": "a", "mentions": [{"document": "d1", "begin": 3}]}, {"id": "b"}],
    "documents": [{"id": "d1"}],
    "factgraph": 1})";
  const KnowledgeGraph graph = read_back(reordered);
  REQUIRE(graph.node_count() == 2);
  CHECK(graph.node(0).mentions.front().begin == 3);
  REQUIRE(graph.documents().size() == 1);
  REQUIRE(graph.edge_count() == 1);
  const EdgeRef e = graph.edges_in_order().front();
  CHECK(graph.node(boost::source(e, graph.graph())).id == "b");
  CHECK(graph.edge(e).type == "part-of");
  // In the usual order, the same graph.
  const std::string usual = R"({"factgraph": 1, "documents": [{"id": "d1"}],
    "nodes": [{"id": "a", "mentions": [{"document": "d1", "begin": 3}]}, {"id": "b"}],
    "edges": [{"source": "b", "target": "a", "type": "part-of"}]})";
  check_equal(graph, read_back(usual));
}

TEST_CASE("graph json: a syntax error or a wrong top level is the only thing reported") {
  CHECK(errors_of(R"({"nodes": [{"id": 1}], "factgraph": 2})") ==
        "g.json: error: factgraph: unsupported format version; this factgraph reads version 1\n");
  CHECK(errors_of(R"({"factgraph": 1, "nodes": [{"id": 1}], "edges": [)") ==
        "g.json:1:50: error: invalid JSON: invalid value\n");
  CHECK(errors_of(R"({"factgraph": {"version": 1}})") ==
        "g.json: error: factgraph: unsupported format version; this factgraph reads version 1\n");
  CHECK(errors_of("\"text\"") == "g.json: error: expected an object at the top level\n");
  CHECK(errors_of(R"({"factgraph": 1, "edges": [[1, 2], {"source": "a"}]})") ==
        "g.json: error: edges[0]: expected an object\n"
        "g.json: error: edges[1].target: missing\n"
        "g.json: error: edges[1].source: unknown node id 'a'\n");
}

TEST_CASE("graph json: read as a stream, large files give the same graph and error positions") {
  // Many nodes, so the file spans several of the stream's chunks.
  std::string json = "{\"factgraph\": 1,\n\"nodes\": [\n";
  for (int i = 0; i < 20000; ++i) {
    if (i > 0) json += ",\n";
    json += "{\"id\": \"node-" + std::to_string(i) + "\", \"label\": \"A label long enough to fill\"}";
  }
  json += "],\n\"edges\": [{\"source\": \"node-1\", \"target\": \"node-19999\"}]}\n";
  REQUIRE(json.size() > 3 * (std::size_t{1} << 18));
  std::istringstream in(json);
  std::vector<Diagnostic> diagnostics;
  const std::optional<KnowledgeGraph> streamed = read_graph_json(in, "g.json", diagnostics);
  REQUIRE(streamed.has_value());
  check_equal(*streamed, read_back(json));
  CHECK(is_graph_json(json));
  std::istringstream sniff(json);
  CHECK(is_graph_json(sniff));

  // A syntax error far into the file, at a line and column the stream must still know.
  for (const std::size_t cut : {json.size() / 2, json.size() - 40, std::size_t{1} << 18}) {
    std::string broken = json;
    broken.insert(cut, "\x01");
    CAPTURE(cut);
    const std::string errors = errors_of(broken);
    CHECK(errors.find("g.json:") == 0);
    CHECK(errors.find("invalid JSON") != std::string::npos);
  }
}

TEST_CASE("graph json: an error inside a string that crosses the stream's chunk boundary") {
  // The stream reads 256 KiB at a time; a bad escape or byte near the boundary, inside a string
  // that began before it, must still get the position the in-memory reader gives.
  const std::string head = "{\"factgraph\": 1,\n\"nodes\": [{\"id\": \"a\", \"label\": \"";
  const std::size_t boundary = std::size_t{1} << 18;
  for (const std::string_view bad : {"\\q", "\xFF"}) {
    for (std::size_t at = boundary - 3; at <= boundary + 3; ++at) {
      std::string json = head + std::string(at - head.size(), 'x');
      json += bad;
      json += std::string(1000, 'y') + "\"}]}";
      CAPTURE(at);
      CHECK(errors_of(json).find("g.json:2:") == 0);
    }
  }
}

TEST_CASE("graph json: many edges before the nodes they name") {
  std::string json = "{\"factgraph\": 1, \"edges\": [";
  for (int i = 0; i < 5000; ++i) json += std::string(i ? "," : "") + R"({"source": "a", "target": "b"})";
  json += R"(], "nodes": [{"id": "a"}, {"id": "b"}]})";
  const KnowledgeGraph graph = read_back(json);
  CHECK(graph.edge_count() == 5000);
}

TEST_CASE("graph json: missing optional fields read as empty") {
  std::vector<Diagnostic> diagnostics;
  const std::optional<KnowledgeGraph> graph = read_graph_json(
      R"({"factgraph": 1, "nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a"}]})",
      "g.json", diagnostics);
  REQUIRE(graph.has_value());
  CHECK(diagnostics.empty());
  CHECK(graph->documents().empty());
  REQUIRE(graph->node_count() == 1);
  CHECK(graph->node(0) == Node{"a", "", "", {}, {}, {}});
  REQUIRE(graph->edge_count() == 1);
  CHECK(graph->edge(graph->edges_in_order()[0]) == Edge{"", "", {}, {}});
}

}  // namespace
}  // namespace factgraph::ingest
