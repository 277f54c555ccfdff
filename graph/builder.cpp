#include "graph/builder.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "graph/name_index.hpp"
#include "graph/names.hpp"
#include "graph/parallel.hpp"

namespace factgraph {
namespace {

using detail::for_each_range;
using NameIndex = detail::NameIndex;

using GroupIndex = std::uint32_t;

std::string_view type_family(std::string_view type) {
  return type == "official" ? std::string_view("person") : type;
}

// Higher wins when one merged node was typed differently by different documents.
int type_rank(std::string_view type) { return type == "official" ? 1 : 0; }

// The entities of all documents that share a name so far: the future node. Groups are created in
// the order their first entity arrives, so a lower index means an earlier first name.
struct Group {
  struct Attribute {
    Text key;
    Text value;
    std::uint64_t order;  // of the entity that gave it: the first value given wins
  };
  std::string label;
  std::string type;
  std::vector<std::string> names;  // distinct
  std::vector<Attribute> attributes;
  std::vector<Citation> mentions;
};

// Sorts citations as Citation's operator< orders them. They arrive grouped by document (a
// document's facts are added together) and documents mostly come in id order, so the usual work
// is to check the groups' order and sort each small group; comparing every pair of a hub's
// hundred thousand mentions by their text is what this avoids.
void sort_citations(std::vector<Citation>& citations) {
  constexpr std::size_t kSmall = 16;
  if (citations.size() <= kSmall) {
    std::sort(citations.begin(), citations.end());
    return;
  }
  struct Run {
    Text document;
    std::size_t begin, end;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < citations.size(); ++i) {
    if (runs.empty() || runs.back().document != citations[i].document)
      runs.push_back({citations[i].document, i, i});
    runs.back().end = i + 1;
  }
  auto run_order = [](const Run& a, const Run& b) { return a.document < b.document; };
  const bool runs_in_order =
      std::adjacent_find(runs.begin(), runs.end(), [&](const Run& a, const Run& b) {
        return !run_order(a, b);
      }) == runs.end();
  if (!runs_in_order) {
    // Groups merged late, or documents out of order: put whole runs in document order first,
    // then one document's runs sort together below.
    std::stable_sort(runs.begin(), runs.end(), run_order);
    std::vector<Citation> ordered;
    ordered.reserve(citations.size());
    for (Run& run : runs) {
      const std::size_t begin = ordered.size();
      ordered.insert(ordered.end(), citations.begin() + static_cast<std::ptrdiff_t>(run.begin),
                     citations.begin() + static_cast<std::ptrdiff_t>(run.end));
      run.begin = begin;
      run.end = ordered.size();
    }
    citations = std::move(ordered);
  }
  for (std::size_t i = 0; i < runs.size();) {
    std::size_t j = i + 1;
    while (j < runs.size() && runs[j].document == runs[i].document) ++j;
    std::sort(citations.begin() + static_cast<std::ptrdiff_t>(runs[i].begin),
              citations.begin() + static_cast<std::ptrdiff_t>(runs[j - 1].end));
    i = j;
  }
}

// A relation waiting for the final grouping; its endpoints are groups as they were when it came.
struct PendingRelation {
  GroupIndex source;
  GroupIndex target;
  std::uint32_t attributes;  // index into State::attribute_sets
  std::uint32_t sequence;    // arrival order, set when the edges are made
  std::uint64_t kind;        // ranks of type and date, set when the edges are made
  Text type;
  Text date;
  // A Citation. Its sentence is interned already when a mention of the same document has it (an
  // extracted article's relations always do); otherwise it waits in State::sentences, and
  // interning it when the edges are made, in output order, lays the sentences out in the order
  // writers read them.
  Text document;
  Text sentence;
  std::string_view pending_sentence;
  std::size_t begin;
  std::size_t end;
  Text rule;
};

// Evidence sentences until they are interned; one document's repeats are stored once.
class SentenceStore {
 public:
  std::string_view store(std::string_view sentence) {
    if (sentence.empty()) return {};
    if (const auto it = seen_.find(sentence); it != seen_.end()) return *it;
    char* at = nullptr;
    if (sentence.size() > kBlockSize / 4) {
      // A long one gets a block of its own instead of wasting the rest of the current one.
      at = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(sentence.size())).get();
    } else {
      if (current_ == nullptr || kBlockSize - used_ < sentence.size()) {
        current_ = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(kBlockSize)).get();
        used_ = 0;
      }
      at = current_ + used_;
      used_ += sentence.size();
    }
    sentence.copy(at, sentence.size());
    return *seen_.insert({at, sentence.size()}).first;
  }
  /// Repeats are only looked for within one document: across documents they are rare.
  void next_document() { seen_.clear(); }

 private:
  static constexpr std::size_t kBlockSize = std::size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* current_ = nullptr;
  std::size_t used_ = 0;
  std::unordered_set<std::string_view> seen_;
};

// Relations repeat a few attribute sets ("agent": one of the agencies) many times: each distinct
// set is kept once.
class AttributeSets {
 public:
  AttributeSets() { sets_.emplace_back(); }  // 0 is the empty set
  std::uint32_t add(const Attributes& attributes) {
    if (attributes.empty()) return 0;
    AttributeList list;
    for (const auto& [key, value] : attributes) list.try_emplace(key, value);
    const auto [it, fresh] = index_.try_emplace(std::move(list), sets_.size());
    if (fresh) sets_.push_back(&it->first);
    return it->second;
  }
  [[nodiscard]] const AttributeList& operator[](std::uint32_t i) const {
    static const AttributeList kEmpty;
    return i == 0 ? kEmpty : *sets_[i];
  }

 private:
  struct Hash {
    std::size_t operator()(const AttributeList& list) const noexcept {
      std::size_t h = list.size();
      for (const auto& [key, value] : list)
        h = (h * 1000003u) ^ std::hash<Text>()(key) ^ (std::hash<Text>()(value) << 1);
      return h;
    }
  };
  std::unordered_map<AttributeList, std::uint32_t, Hash> index_;
  std::vector<const AttributeList*> sets_;  // nodes of index_, which never move
};

// Sorts relations whose sources are vertices below `vertices` by `less`, which orders by source
// first, on up to `threads` threads: they are split into parts of sources [0, p1), [p1, p2)...
// holding about as many relations each, and each part is sorted on its own, in place.
template <class Less>
void sort_by_source_in_parts(std::deque<PendingRelation>& relations, std::size_t vertices,
                             unsigned threads, const Less& less) {
  constexpr std::size_t kMinPerPart = std::size_t{1} << 14;
  const std::size_t parts = std::min<std::size_t>(threads, relations.size() / kMinPerPart);
  if (parts <= 1) {
    std::sort(relations.begin(), relations.end(), less);
    return;
  }
  std::vector<std::size_t> per_source(vertices);
  for (const PendingRelation& r : relations) ++per_source[r.source];
  std::vector<std::size_t> bounds = {0};
  auto rest = relations.begin();
  std::size_t seen = 0;
  for (std::size_t v = 0; v < vertices && bounds.size() < parts; ++v) {
    seen += per_source[v];
    if (seen < relations.size() * bounds.size() / parts) continue;
    rest = std::partition(rest, relations.end(),
                          [&](const PendingRelation& r) { return r.source <= v; });
    bounds.push_back(static_cast<std::size_t>(rest - relations.begin()));
  }
  bounds.push_back(relations.size());
  for_each_range(bounds.size() - 1, threads, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t part = first; part < last; ++part)
      std::sort(relations.begin() + static_cast<std::ptrdiff_t>(bounds[part]),
                relations.begin() + static_cast<std::ptrdiff_t>(bounds[part + 1]), less);
  });
}

void add_name(std::vector<std::string>& names, std::string_view name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
}

template <class T>
void append_moved(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  std::vector<T>().swap(from);
}

}  // namespace

struct GraphBuilder::State {
  std::vector<DocumentInfo> documents;
  std::vector<Group> groups;
  std::vector<GroupIndex> parent;
  NameIndex by_key;  // family + '\0' + normalised name
  std::string key_buffer;
  // A deque grows without copying what it holds: a vector's doubling would briefly need twice
  // the memory of a million pending relations.
  std::deque<PendingRelation> relations;
  SentenceStore sentences;
  AttributeSets attribute_sets;
  std::unordered_map<std::uint64_t, Text> sentence_by_span;  // of the document being added
  std::uint64_t entity_order = 0;

  GroupIndex find(GroupIndex g) {
    while (parent[g] != g) g = parent[g] = parent[parent[g]];
    return g;
  }

  // The earlier group absorbs the later one, so the first-seen entity names the node.
  GroupIndex unite(GroupIndex a, GroupIndex b) {
    a = find(a);
    b = find(b);
    if (a == b) return a;
    if (b < a) std::swap(a, b);
    parent[b] = a;
    Group& root = groups[a];
    Group& child = groups[b];
    if (type_rank(child.type) > type_rank(root.type)) root.type = child.type;
    for (const std::string& name : child.names) add_name(root.names, name);
    append_moved(root.attributes, child.attributes);
    append_moved(root.mentions, child.mentions);
    std::vector<std::string>().swap(child.names);
    std::string().swap(child.label);
    return a;
  }

  // A key not indexed yet: its hash and its place in key_buffer.
  struct NewKey {
    std::size_t hash, begin, end;
  };

  GroupIndex add_entity(const EntityFact& e, Text document, std::vector<NewKey>& new_keys) {
    const std::uint64_t order = entity_order++;
    const std::string_view family = type_family(e.type);
    std::optional<GroupIndex> group;
    new_keys.clear();
    key_buffer.clear();
    auto link = [&](std::string_view name) {
      const std::size_t begin = key_buffer.size();
      key_buffer += family;
      key_buffer += '\0';
      const std::size_t prefix = key_buffer.size();
      append_normalized_name(key_buffer, name);
      if (key_buffer.size() == prefix) {
        key_buffer.resize(begin);
        return;
      }
      const std::string_view key = std::string_view(key_buffer).substr(begin);
      const std::size_t hash = std::hash<std::string_view>()(key);
      if (const GroupIndex known = by_key.find(key, hash); known != NameIndex::kNone) {
        group = group ? unite(*group, known) : find(known);
        key_buffer.resize(begin);
      } else {
        new_keys.push_back({hash, begin, key_buffer.size()});
      }
    };
    link(e.name);
    for (const std::string& alias : e.aliases) link(alias);

    if (!group) {
      group = static_cast<GroupIndex>(groups.size());
      parent.push_back(*group);
      Group& fresh = groups.emplace_back();
      fresh.label = e.name;
      fresh.type = e.type;
    }
    for (const NewKey& key : new_keys)
      by_key.insert(std::string_view(key_buffer).substr(key.begin, key.end - key.begin), key.hash,
                    *group);
    Group& g = groups[*group];
    if (type_rank(e.type) > type_rank(g.type)) g.type = e.type;
    add_name(g.names, e.name);
    for (const std::string& alias : e.aliases) add_name(g.names, alias);
    for (const auto& [key, value] : e.attributes) g.attributes.push_back({key, value, order});
    if (e.evidence.empty()) g.mentions.emplace_back(document, Text(), 0, 0, Text());
    for (const Evidence& ev : e.evidence)
      g.mentions.emplace_back(ev.document.empty() ? document : Text(ev.document),
                              sentence_text(ev), ev.begin, ev.end, ev.rule);
    return *group;
  }

  // The key of sentence_by_span: a collision only costs the text comparison after it.
  static std::uint64_t span_key(const Evidence& ev) { return std::uint64_t{ev.begin} << 32 ^ ev.end; }

  // The interned sentence of a mention of this document with the same span and text, if any.
  [[nodiscard]] Text known_sentence(const Evidence& ev) const {
    const auto it = sentence_by_span.find(span_key(ev));
    return it != sentence_by_span.end() && it->second.view() == ev.sentence ? it->second : Text();
  }

  // A sentence names several entities, each with its own mention: within one document the
  // sentence's span finds its interned text again without hashing the whole sentence. The text
  // is compared, so spans that do not identify sentences (all 0, say) cost only the check.
  Text sentence_text(const Evidence& ev) {
    const auto [it, fresh] = sentence_by_span.try_emplace(span_key(ev));
    if (fresh || it->second.view() != ev.sentence) it->second = Text(ev.sentence);
    return it->second;
  }

  // Adds the merged nodes to `graph` in order of their ids, returning the first one's vertex;
  // root_of_node[k] is the group the k-th is made of.
  Vertex add_nodes(KnowledgeGraph& graph, std::vector<GroupIndex>& root_of_node, unsigned threads);
  void add_edges(KnowledgeGraph& graph, const std::vector<Vertex>& vertex_of_group,
                 unsigned threads);
  void make_edge(std::size_t begin, std::size_t end, Edge& edge) const;
};

GraphBuilder::GraphBuilder() : state_(std::make_unique<State>()) {}
GraphBuilder::~GraphBuilder() = default;
GraphBuilder::GraphBuilder(GraphBuilder&&) noexcept = default;
GraphBuilder& GraphBuilder::operator=(GraphBuilder&&) noexcept = default;

void GraphBuilder::add(const FactsDocument& document) {
  State& s = *state_;
  const Text document_id = document.info.id;
  s.documents.push_back(document.info);

  std::vector<GroupIndex> group_of(document.entities.size());
  std::vector<State::NewKey> new_keys;
  s.sentence_by_span.clear();
  for (std::size_t i = 0; i < document.entities.size(); ++i)
    group_of[i] = s.add_entity(document.entities[i], document_id, new_keys);

  std::optional<EntityResolver> resolver;
  auto resolve = [&](std::size_t index, std::string_view ref) -> long {
    if (index < document.entities.size()) return static_cast<long>(index);
    if (!resolver) resolver.emplace(document);
    return resolver->find(ref);
  };
  s.sentences.next_document();
  for (const RelationFact& r : document.relations) {
    const long source = resolve(r.source_index, r.source);
    const long target = resolve(r.target_index, r.target);
    if (source < 0 || target < 0) continue;
    PendingRelation& p = s.relations.emplace_back();
    p.source = group_of[static_cast<std::size_t>(source)];
    p.target = group_of[static_cast<std::size_t>(target)];
    p.type = r.type;
    p.date = r.date;
    p.attributes = s.attribute_sets.add(r.attributes);
    const Evidence& ev = r.evidence;
    p.document = ev.document.empty() ? document_id : Text(ev.document);
    p.sentence = s.known_sentence(ev);
    if (p.sentence.empty()) p.pending_sentence = s.sentences.store(ev.sentence);
    p.begin = ev.begin;
    p.end = ev.end;
    p.rule = ev.rule;
  }
}

namespace {

// Positions of `ids` in order, equal ids in the order they come. Most comparisons are settled by
// the ids' first eight bytes held as one integer, without following a pointer to the text.
std::vector<std::size_t> order_by_id(const std::vector<std::string>& ids) {
  struct Key {
    std::uint64_t head;
    std::string_view id;
    std::size_t index;
  };
  std::vector<Key> keys;
  keys.reserve(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string_view id = ids[i];
    std::uint64_t head = 0;
    for (std::size_t k = 0; k < 8; ++k)
      head = head << 8 | (k < id.size() ? static_cast<unsigned char>(id[k]) : 0u);
    keys.push_back({head, id, i});
  }
  // Equal ids keep their order, which make_ids_unique's suffixes follow.
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.head != b.head) return a.head < b.head;
    if (const int c = a.id.compare(b.id); c != 0) return c < 0;
    return a.index < b.index;
  });
  std::vector<std::size_t> order;
  order.reserve(keys.size());
  for (const Key& key : keys) order.push_back(key.index);
  return order;
}

// Ids (of nodes in group order) that are shared get the suffixes "-2", "-3"... in that order, and
// a suffixed id that meets another ("x-2" made twice, or natural) a further "~2", "~3"... in
// that order. Returns the positions of `ids` in order of the ids. Sorting finds the shared ids
// without hashing every id; the rare second round is done as it is defined, with a set.
std::vector<std::size_t> make_ids_unique(std::vector<std::string>& ids) {
  std::vector<std::size_t> order = order_by_id(ids);
  bool suffixed = false;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && ids[order[j]] == ids[order[i]]) ++j;
    for (std::size_t k = i + 1; k < j; ++k) {
      std::string& id = ids[order[k]];
      id += '-';
      id += std::to_string(k - i + 1);
    }
    suffixed = suffixed || j > i + 1;
    i = j;
  }
  if (!suffixed) return order;
  order = order_by_id(ids);
  const bool distinct =
      std::adjacent_find(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return ids[a] == ids[b];
      }) == order.end();
  if (distinct) return order;
  std::unordered_set<std::string> taken;
  for (std::string& natural : ids) {
    std::string id = natural;
    for (int n = 2; !taken.insert(id).second; ++n) id = natural + "~" + std::to_string(n);
    natural = std::move(id);
  }
  return order_by_id(ids);
}

}  // namespace

Vertex GraphBuilder::State::add_nodes(KnowledgeGraph& graph, std::vector<GroupIndex>& root_of_node,
                                      unsigned threads) {
  std::vector<GroupIndex> roots;
  for (GroupIndex g = 0; g < groups.size(); ++g)
    if (parent[g] == g) roots.push_back(g);
  // A node's id needs only its group's label and final type, so the ids are settled first and
  // each node is then made in its place in the graph, in id order. Each node is made from its
  // own group alone, so both are done in parallel; only the ids' collision suffixes depend on
  // the order.
  constexpr std::size_t kNodesPerRange = 512;
  std::vector<std::string> ids(roots.size());
  for_each_range(ids.size(), threads, kNodesPerRange, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const Group& group = groups[roots[i]];
      std::string slug = slugify(group.label);
      if (slug.empty()) slug = "unnamed";
      ids[i] = group.type + ":" + slug;
    }
  });
  const std::vector<std::size_t> order = make_ids_unique(ids);
  root_of_node.resize(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) root_of_node[k] = roots[order[k]];
  return graph.add_nodes(
      order.size(),
      [&](std::size_t k, Node& node) {
        Group& group = groups[root_of_node[k]];
        node.id = std::move(ids[order[k]]);
        node.label = std::move(group.label);
        node.type = std::move(group.type);
        std::sort(group.names.begin(), group.names.end());
        for (std::string& name : group.names)
          if (name != node.label && !name.empty()) node.aliases.push_back(std::move(name));
        std::stable_sort(group.attributes.begin(), group.attributes.end(),
                         [](const auto& a, const auto& b) { return a.order < b.order; });
        for (const Group::Attribute& a : group.attributes)
          node.attributes.try_emplace(a.key, a.value);
        node.mentions = std::move(group.mentions);
        sort_citations(node.mentions);
        node.mentions.erase(std::unique(node.mentions.begin(), node.mentions.end()),
                            node.mentions.end());
        node.mentions.shrink_to_fit();
        group = Group();
      },
      threads);
}

void GraphBuilder::State::add_edges(KnowledgeGraph& graph,
                                    const std::vector<Vertex>& vertex_of_group, unsigned threads) {
  // Endpoints become vertices; a symmetric fact keeps the direction it was first stated in.
  struct SymmetricKey {
    Vertex low, high;
    Text type, date;
    bool operator==(const SymmetricKey&) const = default;
  };
  struct SymmetricHash {
    std::size_t operator()(const SymmetricKey& k) const noexcept {
      std::size_t h = std::hash<Vertex>()(k.low);
      for (std::size_t part : {std::hash<Vertex>()(k.high), std::hash<Text>()(k.type),
                               std::hash<Text>()(k.date)})
        h = h * 1000003u ^ part;
      return h;
    }
  };
  std::unordered_map<SymmetricKey, std::pair<Vertex, Vertex>, SymmetricHash> first_direction;
  for (PendingRelation& r : relations) {
    Vertex s = vertex_of_group[find(r.source)];
    Vertex t = vertex_of_group[find(r.target)];
    if (is_symmetric_relation(r.type)) {
      const auto [it, fresh] =
          first_direction.try_emplace({std::min(s, t), std::max(s, t), r.type, r.date}, s, t);
      std::tie(s, t) = it->second;
    }
    r.source = static_cast<GroupIndex>(s);
    r.target = static_cast<GroupIndex>(t);
  }
  first_direction.clear();

  // Sorting small integer keys is far cheaper than comparing strings: types and dates are ranked
  // by their text first.
  std::unordered_map<Text, std::uint32_t> rank;
  {
    std::vector<Text> texts;
    for (const PendingRelation& r : relations)
      for (Text t : {r.type, r.date})
        if (rank.try_emplace(t, 0).second) texts.push_back(t);
    std::sort(texts.begin(), texts.end());
    for (std::uint32_t i = 0; i < texts.size(); ++i) rank[texts[i]] = i;
  }
  std::uint32_t sequence = 0;
  for (PendingRelation& r : relations) {
    r.sequence = sequence++;
    r.kind = std::uint64_t{rank.at(r.type)} << 32 | rank.at(r.date);
  }
  // The sequence keeps the statements of one fact in the order they came.
  sort_by_source_in_parts(relations, graph.node_count(), threads,
                          [](const PendingRelation& a, const PendingRelation& b) {
                            return std::tie(a.source, a.target, a.kind, a.sequence) <
                                   std::tie(b.source, b.target, b.kind, b.sequence);
                          });
  // Edges are made a round at a time, on every thread, and the round's relations are then
  // dropped from the front, so the relations' memory goes back as the edges' is taken.
  constexpr std::size_t kRelationsPerRound = std::size_t{1} << 16;
  constexpr std::size_t kEdgesPerRange = 256;
  std::vector<std::size_t> starts;  // of the round's edges, in `relations`; then the round's end
  std::vector<Edge> edges;
  while (!relations.empty()) {
    starts.clear();
    std::size_t end = 0;
    while (end < relations.size() && end < kRelationsPerRound) {
      starts.push_back(end);
      const PendingRelation& first = relations[end];
      for (++end; end < relations.size() && relations[end].source == first.source &&
                  relations[end].target == first.target && relations[end].kind == first.kind;)
        ++end;
    }
    starts.push_back(end);
    edges.resize(starts.size() - 1);
    for_each_range(edges.size(), threads, kEdgesPerRange, [&](std::size_t begin, std::size_t last) {
      for (std::size_t i = begin; i < last; ++i) make_edge(starts[i], starts[i + 1], edges[i]);
    });
    for (std::size_t i = 0; i < edges.size(); ++i) {
      const PendingRelation& first = relations[starts[i]];
      graph.add_edge(first.source, first.target, std::move(edges[i]));
    }
    relations.erase(relations.begin(), relations.begin() + static_cast<std::ptrdiff_t>(end));
  }
  relations.shrink_to_fit();
}

// The edge stated by relations [begin, end), which share endpoints, type and date.
void GraphBuilder::State::make_edge(std::size_t begin, std::size_t end, Edge& edge) const {
  const PendingRelation& first = relations[begin];
  edge = Edge();
  edge.type = first.type;
  edge.date = first.date;
  edge.evidence.reserve(end - begin);
  for (std::size_t k = begin; k < end; ++k) {
    const PendingRelation& r = relations[k];
    for (const auto& [key, value] : attribute_sets[r.attributes])
      edge.attributes.try_emplace(key, value);
    edge.evidence.emplace_back(r.document,
                               r.sentence.empty() ? Text(r.pending_sentence) : r.sentence, r.begin,
                               r.end, r.rule);
  }
  sort_citations(edge.evidence);
}

KnowledgeGraph GraphBuilder::build(unsigned threads) {
  State s = std::move(*state_);
  *state_ = State();

  KnowledgeGraph graph;
  for (DocumentInfo& doc : s.documents) graph.add_document(std::move(doc));
  std::vector<GroupIndex> root_of_node;
  const Vertex first = s.add_nodes(graph, root_of_node, threads);
  std::vector<Vertex> vertex_of_group(s.groups.size());
  for (std::size_t k = 0; k < root_of_node.size(); ++k)
    vertex_of_group[root_of_node[k]] = first + k;
  std::vector<Group>().swap(s.groups);
  s.by_key = {};

  s.add_edges(graph, vertex_of_group, threads);
  return graph;
}

}  // namespace factgraph
