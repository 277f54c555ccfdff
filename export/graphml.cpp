// GraphML as networkx, igraph, Gephi and Cytoscape read it (see ../shared/FORMATS.md): keys first,
// every value written per element (no <default>), lists joined with "|".

#include <algorithm>
#include <string>
#include <vector>

#include "export/escape.hpp"
#include "export/exporters.hpp"

namespace factgraph::exporters {
namespace {

void write_key(std::string& out, const Column& key, std::string_view domain) {
  out += "  <key id=\"";
  out += key.id;
  out += "\" for=\"";
  out += domain;
  out += "\" attr.name=\"";
  out += key.name;
  out += "\" attr.type=\"";
  out += key.field == Field::kWeight ? "int" : "string";
  out += "\"/>\n";
}

void write_data(std::string& out, const Column& key, std::string_view value) {
  if (value.empty()) return;
  out += "      <data key=\"";
  out += key.id;
  out += "\">";
  append_xml_text(out, value);
  out += "</data>\n";
}

}  // namespace

void write_graphml(std::ostream& out, const KnowledgeGraph& graph) {
  // `name` repeats `label` and `interaction` repeats `type`: Cytoscape shows those two columns.
  const std::vector<Column> node_keys =
      make_columns({{"label", Field::kLabel, "", ""},
                    {"name", Field::kLabel, "", ""},
                    {"type", Field::kType, "", ""},
                    {"aliases", Field::kAliases, "", ""},
                    {"sources", Field::kSources, "", ""}},
                   node_attribute_keys(graph),
                   {"id", "label", "name", "type", "aliases", "sources"}, "v_", true);
  const std::vector<Column> edge_keys = make_columns(
      {{"type", Field::kType, "", ""},
       {"interaction", Field::kType, "", ""},
       {"date", Field::kDate, "", ""},
       {"sources", Field::kSources, "", ""},
       {"evidence", Field::kEvidence, "", ""},
       {"weight", Field::kWeight, "", ""}},
      edge_attribute_keys(graph),
      {"id", "type", "interaction", "date", "sources", "evidence", "weight"}, "e_", true);

  ChunkedWriter writer(out);
  std::string& text = writer.text();
  text +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
      " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
      " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Column& key : node_keys) write_key(text, key, "node");
  for (const Column& key : edge_keys) write_key(text, key, "edge");
  text += "  <graph id=\"factgraph\" edgedefault=\"directed\">\n";

  // Node ids go through xml_token: the schema wants NMTOKENs, and ids with spaces or other
  // punctuation must still stay distinct.
  std::vector<std::string> ids;
  ids.reserve(graph.node_count());
  std::string scratch;
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    const Node& node = graph.node(v);
    ids.push_back(xml_token(node.id));
    text += "    <node id=\"";
    text += ids.back();
    text += "\">\n";
    for (const Column& key : node_keys) write_data(text, key, column_value(key, node, scratch));
    text += "    </node>\n";
    writer.maybe_flush();
  }

  const Graph& g = graph.graph();
  std::size_t index = 0;
  for (const EdgeRef e : graph.edges_in_order()) {
    const Edge& edge = graph.edge(e);
    text += "    <edge id=\"e";
    text += std::to_string(index++);
    text += "\" source=\"";
    text += ids[boost::source(e, g)];
    text += "\" target=\"";
    text += ids[boost::target(e, g)];
    text += "\">\n";
    for (const Column& key : edge_keys) write_data(text, key, column_value(key, edge, scratch));
    text += "    </edge>\n";
    writer.maybe_flush();
  }
  text += "  </graph>\n</graphml>\n";
  writer.finish();
}

}  // namespace factgraph::exporters
