#include "ingest/text/phrase_index.hpp"

#include <algorithm>

namespace factgraph::ingest {

PhraseIndex::Slot& PhraseIndex::slot_of(std::string_view key) {
  const std::uint32_t hash = key_hash(key);
  if (!slots_.empty())
    if (Slot& found = slots_[probe(key, hash)]; found.entry != 0) return found;
  if (2 * (entries_.size() + 1) > slots_.size()) grow();
  entries_.push_back({std::string(key), {}, false});
  if (key.find(' ') == std::string_view::npos) {
    const std::uint32_t bit = hash >> kStartShift;
    starts_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  Slot& slot = slots_[probe(key, hash)];  // a free slot: no other entry has this key
  slot.hash = hash;
  slot.entry = static_cast<std::uint32_t>(entries_.size());
  return slot;
}

void PhraseIndex::add_hit(std::string_view key, PhraseHit hit) {
  Slot& slot = slot_of(key);
  std::vector<PhraseHit>& hits = entries_[slot.entry - 1].hits;
  for (const PhraseHit& h : hits)
    if (h.kind == hit.kind && h.row == hit.row) return;
  hits.push_back(hit);
  slot.phrase = 1;
}

void PhraseIndex::mark_prefix(std::string_view key) {
  Slot& slot = slot_of(key);
  entries_[slot.entry - 1].prefix = true;
  slot.prefix = 1;
}

void PhraseIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(1024, 2 * old.size()), Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.entry == 0) continue;
    std::size_t i = slot.hash & mask_;
    while (slots_[i].entry != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

}  // namespace factgraph::ingest
