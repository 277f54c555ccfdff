#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

namespace factgraph {

Vertex KnowledgeGraph::add_node(Node node) {
  auto [it, inserted] = by_id_.try_emplace(node.id, 0);
  if (!inserted) throw std::invalid_argument("duplicate node id '" + node.id + "'");
  // Boost 1.74 takes properties by const reference and copies them; moving into the new
  // default-constructed element instead saves copying every mention.
  for (const auto& [key, value] : node.attributes) node_keys_.insert(key);
  const Vertex v = boost::add_vertex(*graph_);
  (*graph_)[v] = std::move(node);
  it->second = v;
  return v;
}

EdgeRef KnowledgeGraph::add_edge(Vertex source, Vertex target, Edge edge) {
  for (const auto& [key, value] : edge.attributes) edge_keys_.insert(key);
  const EdgeRef e = boost::add_edge(source, target, *graph_).first;
  (*graph_)[e] = std::move(edge);
  return e;
}

std::vector<EdgeRef> KnowledgeGraph::edges_in_order() const {
  std::vector<EdgeRef> out;
  out.reserve(edge_count());
  for (Vertex v = 0; v < node_count(); ++v) {
    auto [begin, end] = boost::out_edges(v, *graph_);
    out.insert(out.end(), begin, end);
  }
  return out;
}

std::optional<Vertex> KnowledgeGraph::find_id(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

namespace {
std::vector<std::string_view> sorted_keys(const std::unordered_set<Text>& keys) {
  std::vector<std::string_view> out(keys.begin(), keys.end());
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

std::vector<std::string_view> KnowledgeGraph::node_attribute_keys() const {
  return sorted_keys(node_keys_);
}

std::vector<std::string_view> KnowledgeGraph::edge_attribute_keys() const {
  return sorted_keys(edge_keys_);
}

KnowledgeGraph subgraph(const KnowledgeGraph& graph, std::vector<Vertex> vertices,
                        const std::vector<EdgeRef>& edges) {
  std::sort(vertices.begin(), vertices.end());
  vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
  KnowledgeGraph out;
  for (const DocumentInfo& doc : graph.documents()) out.add_document(doc);
  std::vector<long> mapped(graph.node_count(), -1);
  for (Vertex v : vertices) mapped[v] = static_cast<long>(out.add_node(graph.node(v)));
  // Keep the original output order of edges so a subgraph export is as stable as a full one.
  std::unordered_set<const Edge*> kept;
  for (EdgeRef e : edges) kept.insert(&graph.edge(e));
  for (EdgeRef e : graph.edges_in_order())
    if (kept.count(&graph.edge(e)) && mapped[boost::source(e, graph.graph())] >= 0 &&
        mapped[boost::target(e, graph.graph())] >= 0)
      out.add_edge(static_cast<Vertex>(mapped[boost::source(e, graph.graph())]),
                   static_cast<Vertex>(mapped[boost::target(e, graph.graph())]), graph.edge(e));
  return out;
}

}  // namespace factgraph
