#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>
#include <utility>

#include "graph/parallel.hpp"

namespace factgraph {

Vertex KnowledgeGraph::add_node(Node node) {
  if (2 * (node_count() + 1) > id_slots_.size()) grow_ids(node_count() + 1);
  const std::size_t hash = std::hash<std::string_view>()(node.id);
  const std::size_t slot = id_slot(node.id, hash);
  if (id_slots_[slot].vertex != kNoVertex)
    throw std::invalid_argument("duplicate node id '" + node.id + "'");
  for (const auto& [key, value] : node.attributes) node_keys_.insert(key);
  // Boost 1.74 takes properties by const reference and copies them; moving into the new
  // default-constructed element instead saves copying every mention.
  const Vertex v = boost::add_vertex(*graph_);
  (*graph_)[v] = std::move(node);
  id_slots_[slot] = {hash, v};
  return v;
}

Vertex KnowledgeGraph::add_nodes(std::size_t count,
                                 const std::function<void(std::size_t, Node&)>& make,
                                 unsigned threads) {
  const Vertex first = node_count();
  // What boost::add_vertex does for this graph type (a vertex vector without names), done for
  // the whole batch in one step: adjacency_list has no call of its own for that.
  graph_->m_vertices.resize(first + count);
  auto undo = [&] {
    graph_->m_vertices.resize(first);
    index_ids(first);
  };
  // Making a node and hashing its id read memory no other node shares: done in parallel. The
  // index is then filled in one pass that reads only the hashes, and the ids on a collision.
  std::vector<std::size_t> hashes(count);
  // Small ranges: nodes in id order put a type's hubs side by side (every agency near the start),
  // and one range of them must not keep a thread busy after the others are done.
  constexpr std::size_t kNodesPerRange = 32;
  try {
    detail::for_each_range(count, threads, kNodesPerRange, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        Node& node = (*graph_)[first + i];
        make(i, node);
        hashes[i] = std::hash<std::string_view>()(node.id);
      }
    });
  } catch (...) {
    undo();
    throw;
  }
  grow_ids(first + count);
  for (std::size_t i = 0; i < count; ++i) {
    const Node& node = (*graph_)[first + i];
    const std::size_t slot = id_slot(node.id, hashes[i]);
    if (id_slots_[slot].vertex != kNoVertex) {
      const std::string message = "duplicate node id '" + node.id + "'";
      undo();
      throw std::invalid_argument(message);
    }
    id_slots_[slot] = {hashes[i], first + i};
  }
  for (std::size_t i = 0; i < count; ++i)
    for (const auto& [key, value] : (*graph_)[first + i].attributes) node_keys_.insert(key);
  return first;
}

// Indexes the ids of vertices [0, count) afresh.
void KnowledgeGraph::index_ids(Vertex count) {
  std::fill(id_slots_.begin(), id_slots_.end(), IdSlot{0, kNoVertex});
  for (Vertex v = 0; v < count; ++v) {
    const std::size_t hash = std::hash<std::string_view>()((*graph_)[v].id);
    id_slots_[id_slot((*graph_)[v].id, hash)] = {hash, v};
  }
}

// The slot holding `id`, or the free slot where it would go.
std::size_t KnowledgeGraph::id_slot(std::string_view id, std::size_t hash) const {
  const std::size_t mask = id_slots_.size() - 1;
  std::size_t i = hash & mask;
  for (; id_slots_[i].vertex != kNoVertex; i = (i + 1) & mask)
    if (id_slots_[i].hash == hash && (*graph_)[id_slots_[i].vertex].id == id) return i;
  return i;
}

// At most half the slots are used, so probes stay short.
void KnowledgeGraph::grow_ids(std::size_t nodes) {
  std::size_t size = 16;
  while (size < 2 * nodes) size *= 2;
  if (size <= id_slots_.size()) return;
  std::vector<IdSlot> old = std::exchange(id_slots_, std::vector<IdSlot>(size, {0, kNoVertex}));
  for (const IdSlot& slot : old) {
    if (slot.vertex == kNoVertex) continue;
    std::size_t i = slot.hash & (size - 1);
    while (id_slots_[i].vertex != kNoVertex) i = (i + 1) & (size - 1);
    id_slots_[i] = slot;
  }
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
  if (id_slots_.empty()) return std::nullopt;
  const Vertex v = id_slots_[id_slot(id, std::hash<std::string_view>()(id))].vertex;
  if (v == kNoVertex) return std::nullopt;
  return v;
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
