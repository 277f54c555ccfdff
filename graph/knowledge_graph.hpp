#pragma once
// The merged, typed, directed multigraph. Built once (by GraphBuilder or by reading factgraph's
// JSON back), then read by exporters and queries. Vertex and edge order is the output order.

#include <boost/graph/adjacency_list.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/model.hpp"

namespace factgraph {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
using Vertex = Graph::vertex_descriptor;
using EdgeRef = Graph::edge_descriptor;

class KnowledgeGraph {
 public:
  /// Appends a node; its id must be new (throws std::invalid_argument otherwise).
  Vertex add_node(Node node);
  /// Appends `count` nodes, node i filled in place by make(i, node) from a default one; the calls
  /// are shared among `threads` threads, each i once. Their ids must be distinct and new:
  /// otherwise throws std::invalid_argument and adds none of them (as on an exception from
  /// `make`, which is passed on). Returns the vertex of the first.
  Vertex add_nodes(std::size_t count, const std::function<void(std::size_t i, Node& node)>& make,
                   unsigned threads = 1);
  /// Appends an edge between two existing vertices.
  EdgeRef add_edge(Vertex source, Vertex target, Edge edge);
  /// Records a source document; documents are kept in the order added.
  void add_document(DocumentInfo info) { documents_.push_back(std::move(info)); }

  [[nodiscard]] const Graph& graph() const { return *graph_; }
  [[nodiscard]] const Node& node(Vertex v) const { return (*graph_)[v]; }
  [[nodiscard]] const Edge& edge(EdgeRef e) const { return (*graph_)[e]; }
  [[nodiscard]] const std::vector<DocumentInfo>& documents() const { return documents_; }
  [[nodiscard]] std::size_t node_count() const { return boost::num_vertices(*graph_); }
  [[nodiscard]] std::size_t edge_count() const { return boost::num_edges(*graph_); }
  /// Every edge in output order: by source vertex, then insertion order.
  [[nodiscard]] std::vector<EdgeRef> edges_in_order() const;
  /// The vertex whose node id is `id`.
  [[nodiscard]] std::optional<Vertex> find_id(std::string_view id) const;
  /// Every attribute key some node (edge) has, sorted; writers make a column of each.
  [[nodiscard]] std::vector<std::string_view> node_attribute_keys() const;
  [[nodiscard]] std::vector<std::string_view> edge_attribute_keys() const;

 private:
  // Boost 1.74's adjacency_list has no move constructor; holding it by pointer keeps moving a
  // KnowledgeGraph (out of a builder, into an optional) from copying every node and edge.
  std::unique_ptr<Graph> graph_ = std::make_unique<Graph>();
  std::vector<DocumentInfo> documents_;
  // Node ids by hash, open addressing: the ids themselves stay in the nodes, so indexing one
  // costs no allocation and no copy. A slot's vertex is kNoVertex when it is free.
  struct IdSlot {
    std::size_t hash;
    Vertex vertex;
  };
  static constexpr Vertex kNoVertex = static_cast<Vertex>(-1);
  std::vector<IdSlot> id_slots_;
  [[nodiscard]] std::size_t id_slot(std::string_view id, std::size_t hash) const;
  void grow_ids(std::size_t nodes);
  void index_ids(Vertex count);
  // Kept as elements are added, so writers need not visit every element twice.
  std::unordered_set<Text> node_keys_, edge_keys_;
};

/// Subgraph induced by `vertices` (in the given graph's vertex order) keeping only `edges` whose
/// endpoints are both kept; documents are copied. Used to export the answer of a query.
[[nodiscard]] KnowledgeGraph subgraph(const KnowledgeGraph& graph, std::vector<Vertex> vertices,
                                      const std::vector<EdgeRef>& edges);

}  // namespace factgraph
