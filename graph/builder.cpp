#include "graph/builder.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "graph/names.hpp"

namespace factgraph {
namespace {

std::string_view type_family(std::string_view type) {
  return type == "official" ? std::string_view("person") : type;
}

// Higher wins when one merged node was typed differently by different documents.
int type_rank(std::string_view type) { return type == "official" ? 1 : 0; }

class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller index stays the root so the first-seen entity names the group.
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

struct EntityRef {
  const EntityFact* fact;
  const DocumentInfo* document;
};

void sort_unique(std::vector<Evidence>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

void GraphBuilder::add(FactsDocument document) { documents_.push_back(std::move(document)); }

KnowledgeGraph GraphBuilder::build() const {
  std::vector<EntityRef> entities;
  std::vector<std::size_t> first_entity_of_doc;
  for (const FactsDocument& doc : documents_) {
    first_entity_of_doc.push_back(entities.size());
    for (const EntityFact& e : doc.entities) entities.push_back({&e, &doc.info});
  }

  DisjointSets groups(entities.size());
  std::unordered_map<std::string, std::size_t> by_key;  // family + '\0' + normalised name
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const EntityFact& e = *entities[i].fact;
    auto link = [&](std::string_view name) {
      std::string norm = normalize_name(name);
      if (norm.empty()) return;
      std::string key(type_family(e.type));
      key += '\0';
      key += norm;
      auto [it, inserted] = by_key.try_emplace(std::move(key), i);
      if (!inserted) groups.unite(it->second, i);
    };
    link(e.name);
    for (const std::string& alias : e.aliases) link(alias);
  }

  // One node per group, filled in entity order so the first-seen name is the label.
  std::map<std::size_t, Node> nodes_by_root;
  std::map<std::size_t, std::set<std::string>> names_by_root;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const EntityFact& e = *entities[i].fact;
    const std::size_t root = groups.find(i);
    auto [it, fresh] = nodes_by_root.try_emplace(root);
    Node& node = it->second;
    if (fresh) {
      node.label = e.name;
      node.type = e.type;
    } else if (type_rank(e.type) > type_rank(node.type)) {
      node.type = e.type;
    }
    auto& names = names_by_root[root];
    names.insert(e.name);
    names.insert(e.aliases.begin(), e.aliases.end());
    for (const auto& [k, v] : e.attributes) node.attributes.try_emplace(k, v);
    if (e.evidence.empty()) node.mentions.push_back({entities[i].document->id, "", 0, 0, ""});
    for (Evidence ev : e.evidence) {
      if (ev.document.empty()) ev.document = entities[i].document->id;
      node.mentions.push_back(std::move(ev));
    }
  }

  std::vector<std::pair<std::size_t, Node>> ordered;
  std::map<std::string, int> id_uses;
  for (auto& [root, node] : nodes_by_root) {
    for (const std::string& name : names_by_root[root])
      if (name != node.label && !name.empty()) node.aliases.push_back(name);
    sort_unique(node.mentions);
    std::string slug = slugify(node.label);
    if (slug.empty()) slug = "unnamed";
    std::string id = node.type + ":" + slug;
    const int uses = ++id_uses[id];
    if (uses > 1) id += "-" + std::to_string(uses);
    node.id = std::move(id);
    ordered.emplace_back(root, std::move(node));
  }
  // A suffixed id may equal a natural one ("x-2"); such rare collisions get a further suffix.
  std::set<std::string> taken;
  for (auto& [root, node] : ordered) {
    std::string id = node.id;
    for (int n = 2; !taken.insert(id).second; ++n) id = node.id + "~" + std::to_string(n);
    node.id = std::move(id);
  }
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.second.id < b.second.id; });

  KnowledgeGraph graph;
  for (const FactsDocument& doc : documents_) graph.add_document(doc.info);
  std::unordered_map<std::size_t, Vertex> vertex_of_root;
  for (auto& [root, node] : ordered) vertex_of_root[root] = graph.add_node(std::move(node));

  using EdgeKey = std::tuple<Vertex, Vertex, std::string, std::string>;
  std::map<EdgeKey, Edge> edges;
  std::map<std::tuple<Vertex, Vertex, std::string, std::string>, EdgeKey> symmetric_seen;
  for (std::size_t d = 0; d < documents_.size(); ++d) {
    const FactsDocument& doc = documents_[d];
    const EntityResolver resolver(doc);
    for (const RelationFact& r : doc.relations) {
      const long s = resolver.find(r.source);
      const long t = resolver.find(r.target);
      if (s < 0 || t < 0) continue;
      Vertex vs = vertex_of_root.at(groups.find(first_entity_of_doc[d] + static_cast<std::size_t>(s)));
      Vertex vt = vertex_of_root.at(groups.find(first_entity_of_doc[d] + static_cast<std::size_t>(t)));
      EdgeKey key{vs, vt, r.type, r.date};
      if (is_symmetric_relation(r.type)) {
        // The first direction seen is kept; the reverse statement joins that edge.
        auto [it, fresh] = symmetric_seen.try_emplace(
            {std::min(vs, vt), std::max(vs, vt), r.type, r.date}, key);
        key = it->second;
      }
      Edge& edge = edges[key];
      edge.type = r.type;
      edge.date = r.date;
      for (const auto& [k, v] : r.attributes) edge.attributes.try_emplace(k, v);
      Evidence ev = r.evidence;
      if (ev.document.empty()) ev.document = doc.info.id;
      edge.evidence.push_back(std::move(ev));
    }
  }
  for (auto& [key, edge] : edges) {
    std::sort(edge.evidence.begin(), edge.evidence.end());
    graph.add_edge(std::get<0>(key), std::get<1>(key), std::move(edge));
  }
  return graph;
}

}  // namespace factgraph
