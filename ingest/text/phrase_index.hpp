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

  /// A key's hash is made from its words' hashes, so a key grown word by word is hashed from
  /// its tokens' Token::hash without reading its bytes again: hash("a b") ==
  /// extend(word_hash("a"), word_hash("b")), and a one-word key's hash is the word's.
  [[nodiscard]] static std::uint32_t extend(std::uint32_t hash, std::uint32_t word) {
    return static_cast<std::uint32_t>(hash_mix((std::uint64_t{hash} << 32) | word));
  }
  /// The hash of a key: words separated by single spaces.
  [[nodiscard]] static std::uint32_t key_hash(std::string_view key) {
    std::size_t space = key.find(' ');
    std::uint32_t hash = word_hash(key.substr(0, space));
    while (space != std::string_view::npos) {
      const std::size_t next = key.find(' ', space + 1);
      hash = extend(hash, word_hash(key.substr(space + 1, next - space - 1)));
      space = next;
    }
    return hash;
  }

  /// Records that the phrase `key` names `hit` (once, however often it is added).
  void add_hit(std::string_view key, PhraseHit hit);
  /// Records that some longer phrase starts with the words of `key`.
  void mark_prefix(std::string_view key);

  /// The entry for `key`, whose hash is `hash`, or nullptr.
  [[nodiscard]] const Entry* find(std::string_view key, std::uint32_t hash) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[probe(key, hash)];
    return slot.entry != 0 ? &entries_[slot.entry - 1] : nullptr;
  }
  [[nodiscard]] const Entry* find(std::string_view key) const { return find(key, key_hash(key)); }
  /// False when no key is the one word whose hash is `word_hash`, so no phrase starts with it:
  /// a table small enough to stay in cache answers this for most words of a text.
  [[nodiscard]] bool may_start(std::uint32_t word_hash) const {
    const std::uint32_t bit = word_hash >> kStartShift;
    return (starts_[bit / 64] >> (bit % 64)) & 1;
  }

  /// What a key grown word by word meets: `hits` of the phrase it is (or nullptr), and whether a
  /// longer phrase may start with it. `found` is false when no key has its hash, so no longer
  /// key can be a phrase either.
  struct Step {
    bool found = false;
    bool prefix = false;
    const std::vector<PhraseHit>* hits = nullptr;
  };
  /// The step for the key whose hash is `hash`, `same(key)` telling an entry's key is it. Only
  /// entries that are phrases are read: a key that is only a prefix ("bureau of") answers from
  /// the table's slots, as the entries are far more than the cache holds. `prefix` may be true
  /// for a key that is no prefix when another key has the same hash; the longer keys are then
  /// looked up and, not being phrases, found not to be.
  template <class Same>
  [[nodiscard]] Step step(std::uint32_t hash, Same same) const {
    Step out;
    if (slots_.empty()) return out;
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.entry == 0) return out;
      if (slot.hash != hash) continue;
      out.found = true;
      out.prefix = out.prefix || slot.prefix;
      if (slot.phrase && !out.hits) {
        const Entry& entry = entries_[slot.entry - 1];
        if (same(entry.key)) out.hits = &entry.hits;
      }
    }
  }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t entry : 30 = 0;  // index into entries_ plus one; 0 marks a free slot
    std::uint32_t phrase : 1 = 0;  // the entry has hits
    std::uint32_t prefix : 1 = 0;  // the entry is a prefix
  };
  // The slot holding `key` (of hash `hash`), or the free slot where its probe ends; slots_ must
  // not be empty.
  [[nodiscard]] std::size_t probe(std::string_view key, std::uint32_t hash) const {
    std::size_t i = hash & mask_;
    while (slots_[i].entry != 0 &&
           !(slots_[i].hash == hash && same_word(entries_[slots_[i].entry - 1].key, key)))
      i = (i + 1) & mask_;
    return i;
  }
  Slot& slot_of(std::string_view key);  // created with an empty entry when there is none
  void grow();

  static constexpr int kStartShift = 16;  // the top 16 bits of a word's hash index starts_
  std::vector<std::uint64_t> starts_ = std::vector<std::uint64_t>((1u << (32 - kStartShift)) / 64);
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;  // at most half full
  std::size_t mask_ = 0;
};

}  // namespace factgraph::ingest
