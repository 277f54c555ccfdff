#pragma once
// A closed set of words, each with bit flags naming the word classes it belongs to. The rules ask
// about every token, so a lookup is one hash of the word rather than a scan of word lists.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/text/tokens.hpp"

namespace factgraph::ingest {

class WordTable {
 public:
  /// Adds `flags` to each word of `words` (string_views into storage that outlives the table,
  /// such as string literals).
  template <class Words>
  void add(const Words& words, std::uint32_t flags) {
    for (const std::string_view word : words) add(word, flags);
  }
  /// Adds `flags` to each space-separated word of `list`, which must outlive the table.
  void add_spaced(std::string_view list, std::uint32_t flags);
  /// Adds `flags` to `word`, which must outlive the table.
  void add(std::string_view word, std::uint32_t flags);

  /// The flags of `word`; 0 for a word the table does not hold.
  [[nodiscard]] std::uint32_t find(std::string_view word) const {
    if (word.empty() || word.size() > longest_ || !starts_[static_cast<unsigned char>(word[0])])
      return 0;
    return find_hashed(word, word_hash(word));
  }
  /// The same for a word whose word_hash (tokens.hpp) is known.
  [[nodiscard]] std::uint32_t find(std::string_view word, std::uint32_t hash) const {
    if (word.empty() || word.size() > longest_ || !starts_[static_cast<unsigned char>(word[0])])
      return 0;
    return find_hashed(word, hash);
  }

 private:
  [[nodiscard]] std::uint32_t find_hashed(std::string_view word, std::uint32_t hash) const {
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.word.empty()) return 0;
      // Comparing the stored hash first spares a string comparison on nearly every miss.
      if (slot.hash == hash && same_word(slot.word, word)) return slot.flags;
    }
  }

  struct Slot {
    std::string_view word;
    std::uint32_t hash = 0;
    std::uint32_t flags = 0;
  };

  void grow();

  std::vector<Slot> slots_;  // open addressing, at most half full
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
  std::size_t longest_ = 0;
  std::array<bool, 256> starts_{};  // first bytes of the words: most misses stop there
};

}  // namespace factgraph::ingest
