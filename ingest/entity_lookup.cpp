#include "ingest/entity_lookup.hpp"

#include <algorithm>
#include <bit>
#include <functional>

#include "graph/names.hpp"

namespace factgraph::ingest {

void EntityLookup::Table::clear(std::size_t keys) {
  const std::size_t size = std::bit_ceil(std::max<std::size_t>(16, keys * 2));
  if (slots_.size() == size) {
    std::fill(slots_.begin(), slots_.end(), Slot{});
  } else {
    slots_.assign(size, Slot{});
  }
}

bool EntityLookup::Table::add(std::string_view key, std::size_t entity) {
  const std::size_t hash = std::hash<std::string_view>{}(key);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.entity == RelationFact::kUnresolved) {
      slot = {hash, key, entity};
      return true;
    }
    if (slot.hash == hash && slot.key == key) return false;
  }
}

std::size_t EntityLookup::Table::find(std::string_view key) const {
  const std::size_t hash = std::hash<std::string_view>{}(key);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entity == RelationFact::kUnresolved) return RelationFact::kUnresolved;
    if (slot.hash == hash && slot.key == key) return slot.entity;
  }
}

bool EntityLookup::reset(std::span<const EntityFact> entities) {
  entities_ = entities;
  normalised_ready_ = false;
  std::size_t names = 0;
  for (const EntityFact& e : entities) names += 1 + e.aliases.size();
  ids_.clear(entities.size());
  names_.clear(names);
  bool ids_unique = true;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const EntityFact& e = entities[i];
    if (!e.id.empty() && !ids_.add(e.id, i)) ids_unique = false;
    names_.add(e.name, i);
    for (const std::string& alias : e.aliases) names_.add(alias, i);
  }
  return ids_unique;
}

void EntityLookup::index_normalised_names() {
  normalised_ready_ = true;
  normalised_names_.clear();
  std::size_t names = 0;
  for (const EntityFact& e : entities_) names += 1 + e.aliases.size();
  // The table views these strings: no reallocation may move them once they are in.
  normalised_names_.reserve(names);
  normalised_.clear(names);
  auto add = [&](std::string_view name, std::size_t entity) {
    normalised_names_.push_back(normalize_name(name));
    // A name made only of punctuation normalises to "", which names nothing.
    if (!normalised_names_.back().empty()) normalised_.add(normalised_names_.back(), entity);
  };
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    add(entities_[i].name, i);
    for (const std::string& alias : entities_[i].aliases) add(alias, i);
  }
}

std::size_t EntityLookup::find(std::string_view ref) {
  if (const std::size_t i = ids_.find(ref); i != RelationFact::kUnresolved) return i;
  if (const std::size_t i = names_.find(ref); i != RelationFact::kUnresolved) return i;
  if (!normalised_ready_) index_normalised_names();
  const std::string key = normalize_name(ref);
  return key.empty() ? RelationFact::kUnresolved : normalised_.find(key);
}

}  // namespace factgraph::ingest
