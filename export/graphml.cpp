// GraphML as networkx, igraph, Gephi and Cytoscape read it (see ../shared/FORMATS.md): keys first,
// every value written per element (no <default>), lists joined with "|".

#include <algorithm>
#include <charconv>
#include <optional>
#include <tuple>
#include <string>
#include <vector>

#include <boost/range/iterator_range.hpp>

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

// Every edge in output order, one at a time.
class EdgeWalk {
 public:
  explicit EdgeWalk(const Graph& g) : g_(g) {}
  std::optional<EdgeRef> next() {
    while (it_ == end_) {
      if (v_ == boost::num_vertices(g_)) return std::nullopt;
      std::tie(it_, end_) = boost::out_edges(v_++, g_);
    }
    return *it_++;
  }

 private:
  const Graph& g_;
  Vertex v_ = 0;
  Graph::out_edge_iterator it_, end_;
};

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
  using namespace std::string_view_literals;
  const std::vector<std::string> node_openings = data_openings(node_keys);
  const std::vector<std::string> edge_openings = data_openings(edge_keys);
  // All ids in one buffer: edges look up their target's id in random order, and one compact
  // block stays in cache where a hundred thousand separately allocated strings do not.
  std::string id_text;
  std::vector<std::size_t> id_end;
  id_end.reserve(graph.node_count());
  auto id_of = [&](Vertex v) {
    const std::size_t begin = v == 0 ? 0 : id_end[v - 1];
    return std::string_view(id_text).substr(begin, id_end[v] - begin);
  };
  std::string scratch;
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    const Node& node = graph.node(v);
    id_text += xml_token(node.id);
    id_end.push_back(id_text.size());
    text += "    <node id=\""sv;
    text += id_of(v);
    text += "\">\n"sv;
    for (std::size_t k = 0; k < node_keys.size(); ++k)
      write_data(text, node_openings[k], column_value(node_keys[k], node, scratch));
    text += "    </node>\n"sv;
    writer.maybe_flush();
  }

  const Graph& g = graph.graph();
  std::size_t index = 0;
  char number[24];
  // Output order (see edges_in_order), walked directly: no list of a million edges first. A
  // second walk runs a few edges ahead and asks the memory for what the writer will read there:
  // the target's id and the evidence sentences, which lie in no particular order.
  EdgeWalk ahead(g);
  for (int i = 0; i < 8; ++i) ahead.next();
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    const std::string_view source = id_of(v);
    for (const EdgeRef e : boost::make_iterator_range(boost::out_edges(v, g))) {
      if (const auto early = ahead.next()) {
        const Vertex t = boost::target(*early, g);
        __builtin_prefetch(id_text.data() + (t == 0 ? 0 : id_end[t - 1]));
        for (const Citation& c : g[*early].evidence) __builtin_prefetch(c.sentence.identity());
      }
      const Edge& edge = graph.edge(e);
      text += "    <edge id=\"e"sv;
      text.append(number, std::to_chars(number, number + sizeof number, index++).ptr);
      text += "\" source=\""sv;
      text += source;
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
      writer.maybe_flush();
    }
  }
  text += "  </graph>\n</graphml>\n";
  writer.finish();
}

}  // namespace factgraph::exporters
