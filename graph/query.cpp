#include "graph/query.hpp"

#include <algorithm>
#include <deque>
#include <limits>

#include "graph/names.hpp"

namespace factgraph {
namespace {

template <class Match>
std::vector<Vertex> find_nodes(const KnowledgeGraph& graph, Match match) {
  std::vector<Vertex> out;
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    const Node& n = graph.node(v);
    bool hit = match(n.id) || match(n.label);
    for (const std::string& alias : n.aliases) hit = hit || match(alias);
    if (hit) out.push_back(v);
  }
  return out;
}

}  // namespace

Lookup lookup(const KnowledgeGraph& graph, std::string_view name) {
  Lookup result;
  result.matches = find_nodes(graph, [&](std::string_view s) { return s == name; });
  if (!result.matches.empty()) return result;
  const std::string lower = ascii_lower(name);
  result.matches = find_nodes(graph, [&](std::string_view s) { return ascii_lower(s) == lower; });
  if (!result.matches.empty()) return result;
  const std::string key = normalize_name(name);
  if (!key.empty()) {
    result.matches =
        find_nodes(graph, [&](std::string_view s) { return normalize_name(s) == key; });
    if (!result.matches.empty()) return result;
  }
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    const Node& n = graph.node(v);
    std::size_t best = edit_distance(lower, ascii_lower(n.label));
    for (const std::string& alias : n.aliases)
      best = std::min(best, edit_distance(lower, ascii_lower(alias)));
    // A name that merely contains the query is a good suggestion too ("Hikvision" in a long name).
    if (!lower.empty() && ascii_lower(n.label).find(lower) != std::string::npos) best = 0;
    const std::size_t limit = std::max<std::size_t>(2, lower.size() / 3);
    if (best <= limit) scored.emplace_back(best, n.label);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < scored.size() && result.suggestions.size() < 5; ++i)
    if (std::find(result.suggestions.begin(), result.suggestions.end(), scored[i].second) ==
        result.suggestions.end())
      result.suggestions.push_back(scored[i].second);
  return result;
}

std::vector<Neighbour> neighbours(const KnowledgeGraph& graph, Vertex v, std::string_view edge_type,
                                  Direction direction) {
  const Graph& g = graph.graph();
  std::vector<Neighbour> out;
  auto wanted = [&](EdgeRef e) { return edge_type.empty() || g[e].type == edge_type; };
  if (direction != Direction::kIn)
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      if (wanted(*it)) out.push_back({*it, boost::target(*it, g), true});
  if (direction != Direction::kOut)
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
      if (wanted(*it)) out.push_back({*it, boost::source(*it, g), false});
  return out;
}

std::vector<EdgeRef> edges_of_type(const KnowledgeGraph& graph, std::string_view type) {
  std::vector<EdgeRef> out;
  for (EdgeRef e : graph.edges_in_order())
    if (graph.edge(e).type == type) out.push_back(e);
  return out;
}

std::vector<Vertex> nodes_of_type(const KnowledgeGraph& graph, std::string_view type) {
  std::vector<Vertex> out;
  for (Vertex v = 0; v < graph.node_count(); ++v)
    if (graph.node(v).type == type) out.push_back(v);
  return out;
}

namespace {
// Breadth-first search over edges in both directions; records how each vertex was reached.
struct Bfs {
  std::vector<std::size_t> distance;
  std::vector<std::optional<Neighbour>> via;
};

Bfs breadth_first(const KnowledgeGraph& graph, Vertex start, std::size_t max_distance,
                  std::optional<Vertex> stop_at) {
  constexpr auto kUnseen = std::numeric_limits<std::size_t>::max();
  Bfs bfs{std::vector<std::size_t>(graph.node_count(), kUnseen),
          std::vector<std::optional<Neighbour>>(graph.node_count())};
  std::deque<Vertex> queue{start};
  bfs.distance[start] = 0;
  while (!queue.empty()) {
    const Vertex v = queue.front();
    queue.pop_front();
    if (stop_at && v == *stop_at) break;
    if (bfs.distance[v] >= max_distance) continue;
    std::vector<Neighbour> steps = neighbours(graph, v, "", Direction::kBoth);
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Neighbour& a, const Neighbour& b) { return a.other < b.other; });
    for (const Neighbour& step : steps) {
      if (bfs.distance[step.other] != kUnseen) continue;
      bfs.distance[step.other] = bfs.distance[v] + 1;
      bfs.via[step.other] = Neighbour{step.edge, v, step.outgoing};
      queue.push_back(step.other);
    }
  }
  return bfs;
}
}  // namespace

std::optional<std::vector<Neighbour>> shortest_path(const KnowledgeGraph& graph, Vertex from,
                                                    Vertex to) {
  const Bfs bfs = breadth_first(graph, from, std::numeric_limits<std::size_t>::max(), to);
  if (bfs.distance[to] == std::numeric_limits<std::size_t>::max()) return std::nullopt;
  std::vector<Neighbour> path;
  for (Vertex v = to; v != from;) {
    const Neighbour& back = *bfs.via[v];  // other = the vertex we came from
    path.push_back({back.edge, v, back.outgoing});
    v = back.other;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<Vertex> ego_vertices(const KnowledgeGraph& graph, Vertex center, std::size_t radius) {
  const Bfs bfs = breadth_first(graph, center, radius, std::nullopt);
  std::vector<Vertex> out;
  for (Vertex v = 0; v < graph.node_count(); ++v)
    if (bfs.distance[v] <= radius) out.push_back(v);
  std::stable_sort(out.begin(), out.end(), [&](Vertex a, Vertex b) {
    return bfs.distance[a] < bfs.distance[b];
  });
  return out;
}

}  // namespace factgraph
