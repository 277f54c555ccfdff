// GraphML as networkx, igraph, Gephi and Cytoscape read it (see ../shared/FORMATS.md): keys first,
// every value written per element (no <default>), lists joined with "|".

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "export/escape.hpp"
#include "export/exporters.hpp"
#include "export/ordered_writer.hpp"

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

// A column's `<data key="...">` opening tag, made once rather than per element.
std::vector<std::string> data_openings(const std::vector<Column>& keys) {
  std::vector<std::string> out;
  for (const Column& key : keys) out.push_back("      <data key=\"" + key.id + "\">");
  return out;
}

void write_data(std::string& out, std::string_view opening, std::string_view value) {
  using namespace std::string_view_literals;
  if (value.empty()) return;
  out += opening;
  append_xml_text(out, value);
  out += "</data>\n"sv;
}

// The evidence is the longest text of most edges: escaped straight into the output rather than
// joined first and escaped after.
void write_evidence(std::string& out, std::string_view opening, const Edge& edge) {
  using namespace std::string_view_literals;
  bool first = true;
  for_each_distinct_sentence(edge, [&](std::string_view sentence) {
    out += first ? opening : " | "sv;
    first = false;
    append_xml_text(out, sentence);
  });
  if (!first) out += "</data>\n"sv;
}

}  // namespace

void write_graphml(std::ostream& out, const KnowledgeGraph& graph, unsigned threads) {
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

  std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
      " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
      " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Column& key : node_keys) write_key(head, key, "node");
  for (const Column& key : edge_keys) write_key(head, key, "edge");
  head += "  <graph id=\"factgraph\" edgedefault=\"directed\">\n";
  out.write(head.data(), static_cast<std::streamsize>(head.size()));

  // Node ids go through xml_token: the schema wants NMTOKENs, and ids with spaces or other
  // punctuation must still stay distinct. All ids sit in one buffer: edges look up their
  // target's id in random order, and one compact block stays in cache where a hundred thousand
  // separately allocated strings do not.
  std::string id_text;
  std::vector<std::size_t> id_end;
  id_end.reserve(graph.node_count());
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    id_text += xml_token(graph.node(v).id);
    id_end.push_back(id_text.size());
  }
  auto id_start = [&](Vertex v) { return v == 0 ? 0 : id_end[v - 1]; };
  auto id_of = [&](Vertex v) {
    return std::string_view(id_text).substr(id_start(v), id_end[v] - id_start(v));
  };

  using namespace std::string_view_literals;
  const std::vector<std::string> node_openings = data_openings(node_keys);
  const std::vector<std::string> edge_openings = data_openings(edge_keys);
  constexpr std::size_t kNodesPerBlock = 2048;
  write_in_order(out, graph.node_count(), kNodesPerBlock, threads,
                 [&](std::size_t begin, std::size_t end, std::string& text) {
                   std::string scratch;
                   for (Vertex v = begin; v < end; ++v) {
                     const Node& node = graph.node(v);
                     text += "    <node id=\""sv;
                     text += id_of(v);
                     text += "\">\n"sv;
                     for (std::size_t k = 0; k < node_keys.size(); ++k)
                       write_data(text, node_openings[k],
                                  column_value(node_keys[k], node, scratch));
                     text += "    </node>\n"sv;
                   }
                 });

  // Output order (see edges_in_order), walked directly: no list of a million edges first. The
  // walk looks a few edges ahead and asks the memory for what the writer will read there: the
  // target's id and the evidence sentences, which lie in no particular order.
  const Graph& g = graph.graph();
  const EdgeSequence edges(g);
  constexpr std::size_t kEdgesPerBlock = 2048;
  constexpr std::size_t kLookahead = 8;
  auto write_edge = [&](std::string& text, std::string& scratch, std::size_t index, EdgeRef e) {
    const Edge& edge = graph.edge(e);
    char number[24];
    text += "    <edge id=\"e"sv;
    text.append(number, std::to_chars(number, number + sizeof number, index).ptr);
    text += "\" source=\""sv;
    text += id_of(boost::source(e, g));
    text += "\" target=\""sv;
    text += id_of(boost::target(e, g));
    text += "\">\n"sv;
    for (std::size_t k = 0; k < edge_keys.size(); ++k) {
      if (edge_keys[k].field == Field::kEvidence) {
        write_evidence(text, edge_openings[k], edge);
        continue;
      }
      write_data(text, edge_openings[k], column_value(edge_keys[k], edge, scratch));
    }
    text += "    </edge>\n"sv;
  };
  auto prefetch = [&](EdgeRef early) {
    __builtin_prefetch(id_text.data() + id_start(boost::target(early, g)));
    for (const Citation& c : g[early].evidence) __builtin_prefetch(c.sentence.identity());
  };
  write_in_order(out, edges.size(), kEdgesPerBlock, threads,
                 [&](std::size_t begin, std::size_t end, std::string& text) {
                   std::string scratch;
                   edges.for_each(
                       begin, end, kLookahead,
                       [&](std::size_t index, EdgeRef e) { write_edge(text, scratch, index, e); },
                       prefetch);
                 });
  out << "  </graph>\n</graphml>\n";
}

}  // namespace factgraph::exporters
