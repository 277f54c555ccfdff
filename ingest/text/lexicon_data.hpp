#pragma once
// The loaded gazetteers, indexed for matching over tokens. Internal to the text extractor.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ingest/text/phrase_index.hpp"

namespace factgraph::ingest {


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
  /// True when some phrase key starts with the words of `key` (so a longer match may follow).
  [[nodiscard]] bool is_prefix(std::string_view key) const {
    const PhraseIndex::Entry* entry = phrases_.find(key);
    return entry && entry->prefix;
  }
  /// Phrase keys and their prefixes, for matching a key grown word by word.
  [[nodiscard]] const PhraseIndex& phrases() const { return phrases_; }
  [[nodiscard]] std::size_t longest_phrase() const { return longest_phrase_; }
  /// Row of the region / agency / list with this canonical name, or npos.
  [[nodiscard]] std::size_t region_row(std::string_view name) const;
  [[nodiscard]] std::size_t agency_row(std::string_view name) const;
  /// For a capital city's row, the row of the country it is the capital of (else npos).
  [[nodiscard]] std::size_t country_of_capital(std::size_t city_row) const;
  /// Works out country_of_capital for every region and agency_row for every agency once, after
  /// the tables are loaded: the extractor asks at every mention of a place or a body. Rows added
  /// later are answered by a search.
  void index_rows();

 private:
  std::size_t search_country_of_capital(std::size_t city_row) const;
  std::unordered_map<std::string, std::size_t, TransparentHash, std::equal_to<>> agency_rows_;  // name -> first row
  std::size_t agencies_indexed_ = 0;
  PhraseIndex phrases_;
  std::size_t longest_phrase_ = 1;
  std::vector<std::size_t> country_of_capital_;  // by region row, as far as indexed
};

/// Lower-cased words of `phrase` joined by single spaces, with typographic apostrophes made
/// straight and punctuation other than inner apostrophes, hyphens, '&' and dots of acronyms
/// separated into their own words. The same function keys gazetteer rows and text spans.
[[nodiscard]] std::string phrase_key(std::string_view phrase);

}  // namespace factgraph::ingest
