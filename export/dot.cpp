// Graphviz DOT for dot and sfdp (see ../shared/FORMATS.md): every ID and value quoted through
// append_dot_string, never `strict`, one cluster per node at most.

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "export/escape.hpp"
#include "export/exporters.hpp"
#include "export/ordered_writer.hpp"

namespace factgraph::exporters {
namespace {

// Types in the order factgraph lists them, then unknown ones sorted: a stable legend order.
std::vector<std::string> types_in_order(const std::set<std::string, std::less<>>& present,
                                        const std::vector<std::string_view>& known) {
  std::vector<std::string> out;
  for (std::string_view type : known)
    if (present.count(type)) out.emplace_back(type);
  for (const std::string& type : present)
    if (std::find(known.begin(), known.end(), type) == known.end()) out.push_back(type);
  return out;
}

void append_node_style(std::string& out, std::string_view type) {
  const NodeStyle& style = node_style(type);
  out += ", shape=";
  append_dot_string(out, style.shape);
  out += ", fillcolor=";
  append_dot_string(out, hex_color(style.r, style.g, style.b));
}

void append_edge_style(std::string& out, std::string_view type) {
  const RelationColor color = relation_color(type);
  out += "color=";
  append_dot_string(out, hex_color(color.r, color.g, color.b));
  if (is_symmetric_relation(type)) out += ", dir=\"none\"";
}

class DotWriter {
 public:
  DotWriter(std::ostream& out, const KnowledgeGraph& graph, const DotOptions& options)
      : graph_(graph), options_(options), out_(out), writer_(out), text_(writer_.text()) {}

  void write(unsigned threads) {
    // newrank: Graphviz 2.43's dot otherwise fails ("trouble in init_rank") on some graphs once
    // nodes are grouped into clusters.
    text_ +=
        "digraph \"factgraph\" {\n"
        "  graph [newrank=\"true\", rankdir=\"LR\", overlap=\"false\", outputorder=\"edgesfirst\","
        " splines=\"false\", fontname=\"Helvetica\"];\n"
        "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"10\"];\n"
        "  edge [fontname=\"Helvetica\", fontsize=\"8\"];\n";
    if (options_.legend && graph_.node_count() > 0) write_legend();
    write_nodes();
    writer_.finish();
    write_edges(threads);
    out_ << "}\n";
  }

 private:
  void write_node(Vertex v, std::string_view indent) {
    const Node& node = graph_.node(v);
    text_ += indent;
    append_dot_string(text_, node.id);
    text_ += " [label=";
    append_dot_string(text_, node.label);
    append_node_style(text_, node.type);
    text_ += "];\n";
    writer_.maybe_flush();
  }

  void open_cluster(std::string_view id, std::string_view label) {
    text_ += "  subgraph ";
    append_dot_string(text_, id);
    text_ += " {\n    label=";
    append_dot_string(text_, label);
    text_ += ";\n";
  }

  // A prefix no real node id starts with, so legend nodes never merge with graph nodes.
  std::string legend_prefix() const {
    std::string prefix = "legend:";
    auto taken = [&] {
      for (Vertex v = 0; v < graph_.node_count(); ++v)
        if (graph_.node(v).id.starts_with(prefix)) return true;
      return false;
    };
    while (taken()) prefix = "_" + prefix;
    return prefix;
  }

  void write_legend() {
    std::set<std::string, std::less<>> node_types, relation_types;
    for (Vertex v = 0; v < graph_.node_count(); ++v) node_types.insert(graph_.node(v).type);
    auto [begin, end] = boost::edges(graph_.graph());
    for (auto it = begin; it != end; ++it) relation_types.emplace(graph_.edge(*it).type.view());

    const std::string prefix = legend_prefix();
    open_cluster("cluster_legend", "Legend");
    for (const std::string& type : types_in_order(node_types, kNodeTypes)) {
      text_ += "    ";
      append_dot_string(text_, prefix + "type:" + type);
      text_ += " [label=";
      append_dot_string(text_, type);
      append_node_style(text_, type);
      text_ += "];\n";
    }
    // A sample edge per relation: from a plain-text node naming it to a dot.
    for (const std::string& type : types_in_order(relation_types, kRelationTypes)) {
      const std::string from = prefix + "from:" + type;
      const std::string to = prefix + "to:" + type;
      text_ += "    ";
      append_dot_string(text_, from);
      text_ += " [label=";
      append_dot_string(text_, type);
      text_ += ", shape=\"plaintext\", style=\"solid\"];\n    ";
      append_dot_string(text_, to);
      text_ += " [label=\"\", shape=\"point\"];\n    ";
      append_dot_string(text_, from);
      text_ += " -> ";
      append_dot_string(text_, to);
      text_ += " [";
      append_edge_style(text_, type);
      text_ += "];\n";
    }
    text_ += "  }\n";
  }

  // Cluster index of every vertex (-1: none) and each cluster's id and label.
  struct Clusters {
    std::vector<long> of_vertex;
    std::vector<std::pair<std::string, std::string>> names;
  };

  Clusters cluster_by_type() const {
    Clusters clusters{std::vector<long>(graph_.node_count(), -1), {}};
    for (Vertex v = 0; v < graph_.node_count(); ++v) {
      const std::string& type = graph_.node(v).type;
      auto it = std::find_if(clusters.names.begin(), clusters.names.end(),
                             [&](const auto& name) { return name.second == type; });
      if (it == clusters.names.end()) {
        clusters.names.emplace_back("cluster_type_" + type, type);
        it = clusters.names.end() - 1;
      }
      clusters.of_vertex[v] = it - clusters.names.begin();
    }
    return clusters;
  }

  Clusters cluster_by_region() const {
    Clusters clusters{std::vector<long>(graph_.node_count(), -1), {}};
    auto is_region = [&](Vertex v) { return graph_.node(v).type == "region"; };
    for (Vertex v = 0; v < graph_.node_count(); ++v) {
      if (!is_region(v)) continue;
      clusters.of_vertex[v] = static_cast<long>(clusters.names.size());
      clusters.names.emplace_back("cluster_region_" + graph_.node(v).id, graph_.node(v).label);
    }
    const Graph& g = graph_.graph();
    for (const EdgeRef e : graph_.edges_in_order()) {
      const Vertex from = boost::source(e, g), to = boost::target(e, g);
      if (graph_.edge(e).type == "located-in" && !is_region(from) && is_region(to) &&
          clusters.of_vertex[from] < 0)
        clusters.of_vertex[from] = clusters.of_vertex[to];
    }
    return clusters;
  }

  void write_nodes() {
    Clusters clusters;
    if (options_.cluster == DotOptions::Cluster::kType) clusters = cluster_by_type();
    if (options_.cluster == DotOptions::Cluster::kRegion) clusters = cluster_by_region();
    clusters.of_vertex.resize(graph_.node_count(), -1);

    std::vector<std::vector<Vertex>> members(clusters.names.size());
    for (Vertex v = 0; v < graph_.node_count(); ++v)
      if (clusters.of_vertex[v] >= 0) members[clusters.of_vertex[v]].push_back(v);
    for (std::size_t c = 0; c < clusters.names.size(); ++c) {
      open_cluster(clusters.names[c].first, clusters.names[c].second);
      for (Vertex v : members[c]) write_node(v, "    ");
      text_ += "  }\n";
    }
    for (Vertex v = 0; v < graph_.node_count(); ++v)
      if (clusters.of_vertex[v] < 0) write_node(v, "  ");
  }

  void write_edges(unsigned threads) {
    const EdgeSequence edges(graph_.graph());
    constexpr std::size_t kEdgesPerBlock = 4096;
    write_in_order(out_, edges.size(), kEdgesPerBlock, threads,
                   [&](std::size_t begin, std::size_t end, std::string& text) {
                     auto write = [&](std::size_t, EdgeRef e) { write_edge(text, e); };
                     edges.for_each(begin, end, write);
                   });
  }

  void write_edge(std::string& text, EdgeRef e) const {
    const Graph& g = graph_.graph();
    const Edge& edge = graph_.edge(e);
    text += "  ";
    append_dot_string(text, graph_.node(boost::source(e, g)).id);
    text += " -> ";
    append_dot_string(text, graph_.node(boost::target(e, g)).id);
    text += " [";
    if (options_.edge_labels) {
      text += "label=";
      append_dot_string(text, edge.date.empty() ? edge.type.str()
                                                : edge.type.str() + "\n" + edge.date.str());
      text += ", ";
    }
    append_edge_style(text, edge.type);
    text += "];\n";
  }

  const KnowledgeGraph& graph_;
  const DotOptions& options_;
  std::ostream& out_;
  ChunkedWriter writer_;
  std::string& text_;
};

}  // namespace

void write_dot(std::ostream& out, const KnowledgeGraph& graph, const DotOptions& options,
               unsigned threads) {
  DotWriter(out, graph, options).write(threads);
}

}  // namespace factgraph::exporters
