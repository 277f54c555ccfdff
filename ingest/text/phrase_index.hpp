#pragma once
// The gazetteer phrases by key ("bureau of industry and security"), and which keys are word
// prefixes of longer phrases, in one open-addressing table. The extractor looks a key up at
// nearly every word and grows it word by word, so the hash is one that can be extended.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text/tokens.hpp"

namespace factgraph::ingest {

/// What a gazetteer phrase names.
enum class EntryKind { kRegion, kDemonym, kAgency, kAgencyMetonym, kList, kGroup, kTitle, kEntity };

/// One phrase of a gazetteer: which table and row it points to.
struct PhraseHit {
  EntryKind kind;
  std::size_t row;
};

class PhraseIndex {
 public:
  struct Entry {
    std::string key;
    std::vector<PhraseHit> hits;  ///< empty when the key is only a prefix
    bool prefix = false;          ///< some longer phrase starts with the words of `key`
  };

  /// word_hash over a key's bytes: extend(extend(kSeed, "a"), " b") == hash("a b"), and a
  /// one-word key's hash is its token's Token::hash.
  static constexpr std::uint32_t kSeed = kWordHashSeed;
  [[nodiscard]] static std::uint32_t extend(std::uint32_t hash, std::string_view bytes) {
    return word_hash(bytes, hash);
  }

  /// The entry for `key`, created empty when there is none.
  Entry& get(std::string_view key);
  /// The entry for `key`, whose hash is `hash`, or nullptr.
  [[nodiscard]] const Entry* find(std::string_view key, std::uint32_t hash) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.entry == 0) return nullptr;
      const Entry& entry = entries_[slot.entry - 1];
      if (slot.hash == hash && same_word(entry.key, key)) return &entry;
    }
  }
  [[nodiscard]] const Entry* find(std::string_view key) const { return find(key, extend(kSeed, key)); }
  /// False when no key is the one word whose hash is `word_hash`, so no phrase starts with it:
  /// a table small enough to stay in cache answers this for most words of a text.
  [[nodiscard]] bool may_start(std::uint32_t word_hash) const {
    const std::uint32_t bit = word_hash >> kStartShift;
    return (starts_[bit / 64] >> (bit % 64)) & 1;
  }
  /// The entry whose hash is `hash` and for whose key `same(key)` holds, or nullptr: for callers
  /// that have the key's words but not the key itself.
  template <class Same>
  [[nodiscard]] const Entry* find_if(std::uint32_t hash, Same same) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.entry == 0) return nullptr;
      if (slot.hash == hash && same(entries_[slot.entry - 1].key)) return &entries_[slot.entry - 1];
    }
  }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t entry = 0;  // index into entries_ plus one; 0 marks a free slot
  };
  void grow();

  static constexpr int kStartShift = 16;  // the top 16 bits of a word's hash index starts_
  std::vector<std::uint64_t> starts_ = std::vector<std::uint64_t>((1u << (32 - kStartShift)) / 64);
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;  // at most half full
  std::size_t mask_ = 0;
};

}  // namespace factgraph::ingest
