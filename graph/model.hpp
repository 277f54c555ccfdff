#pragma once
// Value types shared by every module: what a document states (facts) and what the merged
// graph holds (nodes and edges). Nothing here knows about files or formats.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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
  std::map<std::string, long, std::less<>> by_id_, by_name_, by_key_;
};

/// A merged actor of the graph.
struct Node {
  std::string id;  ///< stable and readable, e.g. "firm:hikvision"
  std::string label;
  std::string type;
  std::vector<std::string> aliases;  ///< sorted, distinct, never containing `label`
  Attributes attributes;
  std::vector<Evidence> mentions;  ///< sorted, distinct
  /// Distinct document ids of `mentions`, sorted.
  [[nodiscard]] std::vector<std::string> sources() const;
  friend bool operator==(const Node&, const Node&) = default;
};

/// A merged fact between two nodes. Its weight is the number of mentions (`evidence.size()`).
struct Edge {
  std::string type;
  std::string date;
  Attributes attributes;
  std::vector<Evidence> evidence;  ///< never empty
  [[nodiscard]] std::size_t weight() const { return evidence.size(); }
  [[nodiscard]] std::vector<std::string> sources() const;
  friend bool operator==(const Edge&, const Edge&) = default;
};

/// Relation types whose direction carries no meaning ("negotiates-with").
[[nodiscard]] bool is_symmetric_relation(std::string_view type);

/// The node types and relation types factgraph knows; others are accepted and kept as written.
extern const std::vector<std::string_view> kNodeTypes;
extern const std::vector<std::string_view> kRelationTypes;

}  // namespace factgraph
