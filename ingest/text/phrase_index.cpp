#include "ingest/text/phrase_index.hpp"

#include <algorithm>

namespace factgraph::ingest {

PhraseIndex::Entry& PhraseIndex::get(std::string_view key) {
  const std::uint32_t hash = extend(kSeed, key);
  if (const Entry* found = find(key, hash)) return entries_[static_cast<std::size_t>(found - entries_.data())];
  if (2 * (entries_.size() + 1) > slots_.size()) grow();
  entries_.push_back({std::string(key), {}, false});
  if (key.find(' ') == std::string_view::npos) {
    const std::uint32_t bit = hash >> kStartShift;
    starts_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  for (std::size_t i = hash & mask_;; i = (i + 1) & mask_)
    if (slots_[i].entry == 0) {
      slots_[i] = {hash, static_cast<std::uint32_t>(entries_.size())};
      break;
    }
  return entries_.back();
}

void PhraseIndex::grow() {
  slots_.assign(std::max<std::size_t>(1024, 2 * slots_.size()), Slot{});
  mask_ = slots_.size() - 1;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    const std::uint32_t hash = extend(kSeed, entries_[e].key);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_)
      if (slots_[i].entry == 0) {
        slots_[i] = {hash, static_cast<std::uint32_t>(e + 1)};
        break;
      }
  }
}

}  // namespace factgraph::ingest
