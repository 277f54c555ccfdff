#pragma once
// Questions asked of a built graph. All answers come in the graph's own vertex/edge order, so they
// are as deterministic as the graph.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace factgraph {

/// Result of looking a name up: the matching vertices, or the closest names when none match.
struct Lookup {
  std::vector<Vertex> matches;  ///< several only when one name is shared by distinct nodes
  std::vector<std::string> suggestions;  ///< "did you mean" labels, best first; empty on a match
};

/// Finds nodes by id, label or alias: exact match first, then case-insensitive, then by normalised
/// name (see normalize_name). With no match, suggests up to 5 labels by edit distance.
[[nodiscard]] Lookup lookup(const KnowledgeGraph& graph, std::string_view name);

enum class Direction { kOut, kIn, kBoth };

/// One step away from a node: the edge and the node at its other end.
struct Neighbour {
  EdgeRef edge;
  Vertex other;
  bool outgoing;  ///< true when the edge leaves the queried node
};

/// Edges at `v`, optionally only of `edge_type` (empty = all) and only in `direction`.
/// Outgoing edges first, each group in output order.
[[nodiscard]] std::vector<Neighbour> neighbours(const KnowledgeGraph& graph, Vertex v,
                                                std::string_view edge_type, Direction direction);

/// All edges of `type` in output order.
[[nodiscard]] std::vector<EdgeRef> edges_of_type(const KnowledgeGraph& graph, std::string_view type);

/// All vertices of node `type` in output order.
[[nodiscard]] std::vector<Vertex> nodes_of_type(const KnowledgeGraph& graph, std::string_view type);

/// A shortest chain of edges from `from` to `to`, following edges in either direction (a
/// connection is what is asked for, not a flow). Ties go to the lower vertex and edge order.
/// nullopt when they are not connected; an empty path when from == to.
[[nodiscard]] std::optional<std::vector<Neighbour>> shortest_path(const KnowledgeGraph& graph,
                                                                  Vertex from, Vertex to);

/// Vertices within `radius` edges of `center` (either direction), `center` first, then by
/// distance and vertex order.
[[nodiscard]] std::vector<Vertex> ego_vertices(const KnowledgeGraph& graph, Vertex center,
                                               std::size_t radius);

}  // namespace factgraph
