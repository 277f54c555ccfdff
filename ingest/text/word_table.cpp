#include "ingest/text/word_table.hpp"

#include <algorithm>

namespace factgraph::ingest {

void WordTable::add_spaced(std::string_view list, std::uint32_t flags) {
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    if (end > start) add(list.substr(start, end - start), flags);
    start = end + 1;
  }
}

void WordTable::add(std::string_view word, std::uint32_t flags) {
  if (word.empty()) return;  // the empty view marks a free slot
  if (2 * (count_ + 1) > slots_.size()) grow();
  const std::uint32_t h = word_hash(word);
  for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
    Slot& slot = slots_[i];
    if (slot.word.empty()) {
      slot = {word, h, flags};
      ++count_;
      longest_ = std::max(longest_, word.size());
      starts_[static_cast<unsigned char>(word[0])] = true;
      return;
    }
    if (slot.word == word) {
      slot.flags |= flags;
      return;
    }
  }
}

void WordTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(64, 2 * old.size()), Slot{});
  mask_ = slots_.size() - 1;
  count_ = 0;
  for (const Slot& slot : old)
    if (!slot.word.empty()) add(slot.word, slot.flags);
}

}  // namespace factgraph::ingest
