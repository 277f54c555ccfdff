// GEXF 1.3 for Gephi and graphology (see ../shared/FORMATS.md): relations as edge `kind` plus a
// `relation` value, colours as r/g/b, and edges dated on Gephi's timeline when their date is a
// full day.

#include <algorithm>
#include <string>
#include <vector>

#include "export/escape.hpp"
#include "export/exporters.hpp"
#include "export/ordered_writer.hpp"
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
  explicit GexfWriter(const KnowledgeGraph& graph) : graph_(graph) {
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

  void write(std::ostream& out, unsigned threads) const {
    const Graph& g = graph_.graph();
    const EdgeSequence edges(g);
    const auto [first, last] = boost::edges(g);
    const bool dynamic =
        std::any_of(first, last, [&](EdgeRef e) { return is_full_iso_date(graph_.edge(e).date); });
    std::string head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
        " version=\"1.3\">\n"
        "  <meta>\n"
        "    <creator>factgraph</creator>\n"
        "    <description>knowledge graph built from news facts</description>\n"
        "  </meta>\n";
    head += dynamic
                ? "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
                : "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
    write_declarations(head, "node", node_columns_);
    write_declarations(head, "edge", edge_columns_);
    head += "    <nodes count=\"" + std::to_string(graph_.node_count()) + "\">\n";
    out.write(head.data(), static_cast<std::streamsize>(head.size()));

    std::vector<std::string> ids;
    ids.reserve(graph_.node_count());
    for (Vertex v = 0; v < graph_.node_count(); ++v) ids.push_back(xml_token(graph_.node(v).id));
    constexpr std::size_t kNodesPerBlock = 2048;
    write_in_order(out, graph_.node_count(), kNodesPerBlock, threads,
                   [&](std::size_t begin, std::size_t end, std::string& text) {
                     std::string scratch;
                     for (Vertex v = begin; v < end; ++v)
                       write_node(text, scratch, ids[v], graph_.node(v));
                   });
    out << "    </nodes>\n    <edges count=\"" << edges.size() << "\">\n";

    constexpr std::size_t kEdgesPerBlock = 2048;
    write_in_order(out, edges.size(), kEdgesPerBlock, threads,
                   [&](std::size_t begin, std::size_t end, std::string& text) {
                     std::string scratch;
                     auto write = [&](std::size_t index, EdgeRef e) {
                       write_edge(text, scratch, index, ids[boost::source(e, g)],
                                  ids[boost::target(e, g)], graph_.edge(e));
                     };
                     edges.for_each(begin, end, write);
                   });
    out << "    </edges>\n  </graph>\n</gexf>\n";
  }

 private:
  static void attvalue(std::string& text, const Column& column, std::string_view value) {
    if (value.empty()) return;
    text += "          <attvalue for=\"";
    text += column.id;
    text += "\" value=\"";
    append_xml_attribute(text, value);
    text += "\"/>\n";
  }

  static void color(std::string& text, unsigned char r, unsigned char g, unsigned char b) {
    text += "        <viz:color r=\"" + std::to_string(r) + "\" g=\"" + std::to_string(g) +
             "\" b=\"" + std::to_string(b) + "\"/>\n";
  }

  void write_node(std::string& text, std::string& scratch, const std::string& id,
                  const Node& node) const {
    text += "      <node id=\"";
    text += id;
    text += "\" label=\"";
    append_xml_attribute(text, node.label);
    text += "\">\n        <attvalues>\n";
    for (const Column& column : node_columns_) {
      attvalue(text, column, column_value(column, node, scratch));
    }
    text += "        </attvalues>\n";
    const NodeStyle& style = node_style(node.type);
    color(text, style.r, style.g, style.b);
    text += "      </node>\n";
  }

  void write_edge(std::string& text, std::string& scratch, std::size_t index,
                  const std::string& source, const std::string& target, const Edge& edge) const {
    // Every edge is "directed", negotiates-with too: networkx refuses an undirected edge in a
    // directed graph.
    text += "      <edge id=\"e" + std::to_string(index) + "\" source=\"";
    text += source;
    text += "\" target=\"";
    text += target;
    text += "\" type=\"directed\" label=\"";
    append_xml_attribute(text, edge.type);
    text += "\" kind=\"";
    append_xml_attribute(text, edge.type);
    text += "\" weight=\"" + std::to_string(edge_weight(edge)) + "\"";
    // Only a whole, real day can go on Gephi's timeline (xsd:date); partial dates stay in the
    // `date` attribute.
    if (is_full_iso_date(edge.date)) {
      text += " start=\"";
      text += edge.date;
      text += '"';
    }
    text += ">\n        <attvalues>\n";
    for (const Column& column : edge_columns_) {
      attvalue(text, column, column_value(column, edge, scratch));
    }
    text += "        </attvalues>\n";
    const RelationColor c = relation_color(edge.type);
    color(text, c.r, c.g, c.b);
    text += "      </edge>\n";
  }

  const KnowledgeGraph& graph_;
  std::vector<Column> node_columns_, edge_columns_;
};

}  // namespace

void write_gexf(std::ostream& out, const KnowledgeGraph& graph, unsigned threads) {
  GexfWriter(graph).write(out, threads);
}

}  // namespace factgraph::exporters
