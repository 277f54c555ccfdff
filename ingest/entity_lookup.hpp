#pragma once
// Resolves a relation's "source" or "target" to an entity of the same facts document.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"

namespace factgraph::ingest {

/// Finds entities the way EntityResolver::find does: by id, then by exact name or alias, then by
/// a name or alias with the same normalised form; at each step the first entity in document
/// order wins, and within an entity its name before its aliases. Exact lookups are hash probes;
/// normalised names are computed only when some reference of the document misses both, since
/// normalising every name is the costly part. One lookup is reused document after document.
class EntityLookup {
 public:
  /// Indexes `entities`, which must neither change nor move while find() is used. Returns false
  /// when two entities share an id (the index then keeps the first).
  bool reset(std::span<const EntityFact> entities);
  /// Index into the entities of the one `ref` names, or RelationFact::kUnresolved.
  [[nodiscard]] std::size_t find(std::string_view ref);

 private:
  // Open addressing over views of the names; keeps the first entity added under a key.
  class Table {
   public:
    void clear(std::size_t keys);
    bool add(std::string_view key, std::size_t entity);
    [[nodiscard]] std::size_t find(std::string_view key) const;

   private:
    struct Slot {
      std::size_t hash = 0;
      std::string_view key;
      std::size_t entity = RelationFact::kUnresolved;  // kUnresolved marks an empty slot
    };
    std::vector<Slot> slots_;  // a power of two in size, at most half full
  };

  void index_normalised_names();

  std::span<const EntityFact> entities_;
  Table ids_, names_, normalised_;
  bool normalised_ready_ = false;
  std::vector<std::string> normalised_names_;  // what normalised_ views; reserved up front
};

}  // namespace factgraph::ingest
