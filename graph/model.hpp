#pragma once
// Value types shared by every module: what a document states (facts) and what the merged
// graph holds (nodes and edges). Nothing here knows about files or formats.

#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/text.hpp"

namespace factgraph {

/// Free-form key/value pairs, kept sorted so every writer emits them in the same order.
using Attributes = std::map<std::string, std::string, std::less<>>;

/// Metadata of one source document (an article or a facts record).
struct DocumentInfo {
  std::string id;  ///< unique within a run; the provenance key
  std::string title;
  std::string date;  ///< ISO 8601, possibly partial ("2019", "2019-05"); empty when unknown
  std::string source;
  std::string url;
  friend bool operator==(const DocumentInfo&, const DocumentInfo&) = default;
};

/// Where a node or an edge comes from: a document, optionally the sentence that states it, its
/// byte offsets in the document text, and the extraction rule that produced it (empty for facts
/// written by hand).
struct Evidence {
  std::string document;  ///< left empty inside a FactsDocument: the document is implied
  std::string sentence;
  std::size_t begin = 0;  ///< byte offset of `sentence` in the document text; 0/0 when unknown
  std::size_t end = 0;
  std::string rule;
  friend bool operator==(const Evidence&, const Evidence&) = default;
  friend auto operator<=>(const Evidence&, const Evidence&) = default;
};

/// An entity as one document states it. `id` is optional and only meaningful inside the document.
struct EntityFact {
  std::string id;
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  Attributes attributes;
  std::vector<Evidence> evidence;
};

/// A relation as one document states it; `source`/`target` name an entity of the same document
/// by id, name or alias.
struct RelationFact {
  static constexpr std::size_t kUnresolved = static_cast<std::size_t>(-1);
  std::string type;
  std::string source;
  std::string target;
  std::string date;
  Attributes attributes;
  Evidence evidence;
  /// Indexes into the document's `entities` of the endpoints, when the producer has resolved
  /// them already (a reader must resolve them to report unknown names); otherwise kUnresolved and
  /// the builder resolves `source` and `target` with EntityResolver.
  std::size_t source_index = kUnresolved;
  std::size_t target_index = kUnresolved;
};

/// Everything one document states. Produced by every ingest path (JSON facts, text extraction).
struct FactsDocument {
  DocumentInfo info;
  std::vector<EntityFact> entities;
  std::vector<RelationFact> relations;
};

/// Resolves entity references inside one document: an id, then an exact name or alias, then a
/// name or alias with the same normalised form. Refers to `doc`, which must outlive it.
class EntityResolver {
 public:
  explicit EntityResolver(const FactsDocument& doc);
  /// Index into `doc.entities` of the entity `ref` names, or -1 when none does.
  [[nodiscard]] long find(std::string_view ref) const;

 private:
  const FactsDocument& doc_;
  std::unordered_map<std::string_view, long> by_id_, by_name_;
  // Normalising every name is the expensive part and most references match exactly, so this
  // index is built on the first miss.
  mutable std::unordered_map<std::string, long> by_key_;
  mutable bool keyed_ = false;
};

/// Where a merged node or edge comes from (see Evidence), with interned text.
struct Citation {
  Text document;
  Text sentence;
  std::size_t begin = 0;
  std::size_t end = 0;
  Text rule;
  Citation() = default;
  Citation(Text document, Text sentence, std::size_t begin, std::size_t end, Text rule)
      : document(document), sentence(sentence), begin(begin), end(end), rule(rule) {}
  Citation(const Evidence& e)  // NOLINT: implicit, a document's evidence is a citation
      : Citation(e.document, e.sentence, e.begin, e.end, e.rule) {}
  friend bool operator==(const Citation&, const Citation&) = default;
  friend auto operator<=>(const Citation&, const Citation&) = default;
};

/// Key/value pairs of a merged node or edge, sorted by key, interned.
class AttributeList {
 public:
  using value_type = std::pair<Text, Text>;
  AttributeList() = default;
  AttributeList(std::initializer_list<std::pair<std::string_view, std::string_view>> items);
  /// Adds `key` unless it is present; returns whether it was added (the first value wins).
  bool try_emplace(Text key, Text value);
  /// Sets `key` to `value`, replacing any value it had.
  void set(Text key, Text value);
  /// The value of `key`, "" when there is none.
  [[nodiscard]] std::string_view get(std::string_view key) const;
  /// The same, comparing interned keys only: the fast path for writers that ask every element.
  [[nodiscard]] std::string_view get_interned(Text key) const {
    for (const auto& [k, v] : items_)
      if (k == key) return v;
    return {};
  }
  [[nodiscard]] bool contains(std::string_view key) const;
  [[nodiscard]] auto begin() const { return items_.begin(); }
  [[nodiscard]] auto end() const { return items_.end(); }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  friend bool operator==(const AttributeList&, const AttributeList&) = default;

 private:
  std::vector<value_type> items_;
};

/// A merged actor of the graph.
struct Node {
  std::string id;  ///< stable and readable, e.g. "firm:hikvision"
  std::string label;
  std::string type;
  std::vector<std::string> aliases;  ///< sorted, distinct, never containing `label`
  AttributeList attributes;
  std::vector<Citation> mentions;  ///< sorted, distinct
  /// Distinct document ids of `mentions`, sorted.
  [[nodiscard]] std::vector<std::string_view> sources() const;
  friend bool operator==(const Node&, const Node&) = default;
};

/// A merged fact between two nodes. Its weight is the number of mentions (`evidence.size()`).
struct Edge {
  Text type;
  Text date;
  AttributeList attributes;
  std::vector<Citation> evidence;  ///< sorted
  [[nodiscard]] std::size_t weight() const { return evidence.size(); }
  /// Distinct document ids of `evidence`, sorted.
  [[nodiscard]] std::vector<std::string_view> sources() const;
  friend bool operator==(const Edge&, const Edge&) = default;
};

/// Relation types whose direction carries no meaning ("negotiates-with").
[[nodiscard]] bool is_symmetric_relation(std::string_view type);

/// The node types and relation types factgraph knows; others are accepted and kept as written.
extern const std::vector<std::string_view> kNodeTypes;
extern const std::vector<std::string_view> kRelationTypes;

}  // namespace factgraph
