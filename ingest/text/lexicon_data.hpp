#pragma once
// The loaded gazetteers, indexed for matching over tokens. Internal to the text extractor.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace factgraph::ingest {

/// What a gazetteer phrase names.
enum class EntryKind { kRegion, kDemonym, kAgency, kAgencyMetonym, kList, kGroup, kTitle, kEntity };

struct RegionEntry {
  std::string name, kind, part_of, capital;
};
struct AgencyEntry {
  std::string name, country, parent;
};
struct TitleEntry {
  std::string title, org, kind;  ///< org: agency name, "@country" or empty
};
struct ListEntry {
  std::string name, maintainer;
};
struct EntityEntry {  ///< a user-supplied name of any type (--lexicon)
  std::string name, type;
};

/// Hashes std::string keys so that lookups may use a std::string_view without building a string.
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, TransparentHash, std::equal_to<>>;
using WordMap = std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>>;

/// One phrase of a gazetteer: which table and row it points to.
struct PhraseHit {
  EntryKind kind;
  std::size_t row;
};

class LexiconData {
 public:
  std::vector<RegionEntry> regions;
  std::vector<AgencyEntry> agencies;
  std::vector<TitleEntry> titles;
  std::vector<ListEntry> lists;
  std::vector<std::string> groups;
  std::vector<EntityEntry> entities;
  WordMap org_words;              ///< lower-case word -> firm|agency|org
  WordSet given_names, surnames;  ///< as written (capitalised)

  /// Registers `phrase` (matched on its lower-cased token sequence, see phrase_key).
  void add_phrase(std::string_view phrase, EntryKind kind, std::size_t row);
  /// Hits for a phrase key, or nullptr.
  [[nodiscard]] const std::vector<PhraseHit>* find(std::string_view key) const;
  /// False when no phrase key starts with the word `lower`, so neither find nor is_prefix can
  /// succeed for a key starting with it: a test cheaper than either, which most words fail.
  [[nodiscard]] bool may_start_phrase(std::string_view lower) const {
    const std::uint32_t bit = first_word_bit(lower);
    return (first_words_[bit / 64] >> (bit % 64)) & 1;
  }
  /// True when some phrase key starts with the words of `key` (so a longer match may follow).
  [[nodiscard]] bool is_prefix(std::string_view key) const { return prefixes_.find(key) != prefixes_.end(); }
  [[nodiscard]] std::size_t longest_phrase() const { return longest_phrase_; }
  /// Row of the region / agency / list with this canonical name, or npos.
  [[nodiscard]] std::size_t region_row(std::string_view name) const;
  [[nodiscard]] std::size_t agency_row(std::string_view name) const;
  /// For a capital city's row, the row of the country it is the capital of (else npos).
  [[nodiscard]] std::size_t country_of_capital(std::size_t city_row) const;

 private:
  static constexpr std::uint32_t kFirstWordBits = 1u << 18;
  static std::uint32_t first_word_bit(std::string_view word) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return (h ^ (h >> 18)) & (kFirstWordBits - 1);
  }
  std::unordered_map<std::string, std::vector<PhraseHit>, TransparentHash, std::equal_to<>> phrases_;
  /// A bit per hash of each phrase key's first word (a Bloom filter with one hash).
  std::vector<std::uint64_t> first_words_ = std::vector<std::uint64_t>(kFirstWordBits / 64);
  WordSet prefixes_;  ///< word-prefixes of phrases
  std::size_t longest_phrase_ = 1;
};

/// Lower-cased words of `phrase` joined by single spaces, with typographic apostrophes made
/// straight and punctuation other than inner apostrophes, hyphens, '&' and dots of acronyms
/// separated into their own words. The same function keys gazetteer rows and text spans.
[[nodiscard]] std::string phrase_key(std::string_view phrase);

}  // namespace factgraph::ingest
