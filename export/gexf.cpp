// GEXF 1.3 for Gephi and graphology (see ../shared/FORMATS.md): relations as edge `kind` plus a
// `relation` value, colours as r/g/b, and edges dated on Gephi's timeline when their date is a
// full day.

#include <algorithm>
#include <string>
#include <vector>

#include "export/escape.hpp"
#include "export/exporters.hpp"
#include "graph/calendar.hpp"

namespace factgraph::exporters {
namespace {

void write_declarations(std::string& out, std::string_view domain,
                        const std::vector<Column>& columns) {
  out += "    <attributes class=\"";
  out += domain;
  out += "\">\n";
  for (const Column& column : columns) {
    out += "      <attribute id=\"";
    out += column.id;
    out += "\" title=\"";
    append_xml_attribute(out, column.name);
    out += "\" type=\"string\"/>\n";
  }
  out += "    </attributes>\n";
}

class GexfWriter {
 public:
  GexfWriter(std::ostream& out, const KnowledgeGraph& graph)
      : graph_(graph), writer_(out), text_(writer_.text()) {
    // Gephi and networkx read attribute titles as names: none may shadow id, label, weight or
    // the dynamic start/end, nor one of our own columns.
    node_columns_ = make_columns(
        {{"aliases", Field::kAliases, "", ""},
         {"sources", Field::kSources, "", ""},
         {"type", Field::kType, "", ""}},
        node_attribute_keys(graph),
        {"id", "label", "weight", "start", "end", "kind", "type", "aliases", "sources"}, "v_",
        false);
    edge_columns_ = make_columns({{"date", Field::kDate, "", ""},
                                  {"evidence", Field::kEvidence, "", ""},
                                  {"relation", Field::kType, "", ""},
                                  {"sources", Field::kSources, "", ""}},
                                 edge_attribute_keys(graph),
                                 {"id", "label", "weight", "start", "end", "kind", "type",
                                  "relation", "date", "evidence", "sources"},
                                 "e_", false);
  }

  void write() {
    const std::vector<EdgeRef> edges = graph_.edges_in_order();
    const bool dynamic = std::any_of(edges.begin(), edges.end(),
                                     [&](EdgeRef e) { return is_full_iso_date(graph_.edge(e).date); });
    text_ +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
        " version=\"1.3\">\n"
        "  <meta>\n"
        "    <creator>factgraph</creator>\n"
        "    <description>knowledge graph built from news facts</description>\n"
        "  </meta>\n";
    text_ += dynamic
                 ? "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
                 : "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
    write_declarations(text_, "node", node_columns_);
    write_declarations(text_, "edge", edge_columns_);

    std::vector<std::string> ids;
    ids.reserve(graph_.node_count());
    text_ += "    <nodes count=\"" + std::to_string(graph_.node_count()) + "\">\n";
    for (Vertex v = 0; v < graph_.node_count(); ++v) {
      ids.push_back(xml_token(graph_.node(v).id));
      write_node(ids.back(), graph_.node(v));
    }
    text_ += "    </nodes>\n";

    text_ += "    <edges count=\"" + std::to_string(edges.size()) + "\">\n";
    const Graph& g = graph_.graph();
    for (std::size_t i = 0; i < edges.size(); ++i)
      write_edge(i, ids[boost::source(edges[i], g)], ids[boost::target(edges[i], g)],
                 graph_.edge(edges[i]));
    text_ += "    </edges>\n  </graph>\n</gexf>\n";
    writer_.finish();
  }

 private:
  void attvalue(const Column& column, std::string_view value) {
    if (value.empty()) return;
    text_ += "          <attvalue for=\"";
    text_ += column.id;
    text_ += "\" value=\"";
    append_xml_attribute(text_, value);
    text_ += "\"/>\n";
  }

  void color(unsigned char r, unsigned char g, unsigned char b) {
    text_ += "        <viz:color r=\"" + std::to_string(r) + "\" g=\"" + std::to_string(g) +
             "\" b=\"" + std::to_string(b) + "\"/>\n";
  }

  void write_node(const std::string& id, const Node& node) {
    text_ += "      <node id=\"";
    text_ += id;
    text_ += "\" label=\"";
    append_xml_attribute(text_, node.label);
    text_ += "\">\n        <attvalues>\n";
    for (const Column& column : node_columns_) {
      attvalue(column, column_value(column, node, scratch_));
    }
    text_ += "        </attvalues>\n";
    const NodeStyle& style = node_style(node.type);
    color(style.r, style.g, style.b);
    text_ += "      </node>\n";
    writer_.maybe_flush();
  }

  void write_edge(std::size_t index, const std::string& source, const std::string& target,
                  const Edge& edge) {
    // Every edge is "directed", negotiates-with too: networkx refuses an undirected edge in a
    // directed graph.
    text_ += "      <edge id=\"e" + std::to_string(index) + "\" source=\"";
    text_ += source;
    text_ += "\" target=\"";
    text_ += target;
    text_ += "\" type=\"directed\" label=\"";
    append_xml_attribute(text_, edge.type);
    text_ += "\" kind=\"";
    append_xml_attribute(text_, edge.type);
    text_ += "\" weight=\"" + std::to_string(edge_weight(edge)) + "\"";
    // Only a whole, real day can go on Gephi's timeline (xsd:date); partial dates stay in the
    // `date` attribute.
    if (is_full_iso_date(edge.date)) {
      text_ += " start=\"";
      text_ += edge.date;
      text_ += '"';
    }
    text_ += ">\n        <attvalues>\n";
    for (const Column& column : edge_columns_) {
      attvalue(column, column_value(column, edge, scratch_));
    }
    text_ += "        </attvalues>\n";
    const RelationColor c = relation_color(edge.type);
    color(c.r, c.g, c.b);
    text_ += "      </edge>\n";
    writer_.maybe_flush();
  }

  const KnowledgeGraph& graph_;
  ChunkedWriter writer_;
  std::string& text_;
  std::vector<Column> node_columns_, edge_columns_;
  std::string scratch_;
};

}  // namespace

void write_gexf(std::ostream& out, const KnowledgeGraph& graph) { GexfWriter(out, graph).write(); }

}  // namespace factgraph::exporters
