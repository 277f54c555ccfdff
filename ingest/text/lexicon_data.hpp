#pragma once
// The loaded gazetteers, indexed for matching over tokens. Internal to the text extractor.

#include <cstdint>
#include <string>
#include <string_view>
#include <deque>
#include <unordered_map>
#include <vector>

#include "ingest/text/phrase_index.hpp"
#include "ingest/text/word_table.hpp"

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

/// Words read from the data files (names, organisation words), each looked up with one hash and
/// no division: they are asked about most capitalised words, and std::unordered_set divides by
/// its prime bucket count at every lookup. A copy holds its own words.
class WordSet {
 public:
  WordSet() = default;
  WordSet(const WordSet& other) {
    for (const std::string& word : other.words_) insert(word);
  }
  WordSet& operator=(const WordSet& other) {
    if (this != &other) *this = WordSet(other);
    return *this;
  }
  WordSet(WordSet&&) = default;  // a moved deque keeps its strings where they are
  WordSet& operator=(WordSet&&) = default;

  void insert(std::string word) { add(std::move(word)); }
  [[nodiscard]] std::size_t count(std::string_view word) const { return table_.find(word) != 0; }

 protected:
  /// The number (from 1) of `word`, added when new; 0 for the empty word, which is never asked.
  std::uint32_t add(std::string word) {
    if (const std::uint32_t known = table_.find(word)) return known;
    if (word.empty()) return 0;
    words_.push_back(std::move(word));
    const auto number = static_cast<std::uint32_t>(words_.size());
    table_.add(std::string_view(words_.back()), number);
    return number;
  }
  [[nodiscard]] std::uint32_t number(std::string_view word) const { return table_.find(word); }

 private:
  std::deque<std::string> words_;  // the table's views point into these, which never move
  WordTable table_;
};

/// Words with a value each (the last one given wins), looked up as WordSet does.
class WordMap : public WordSet {
 public:
  void assign(std::string word, std::string value) {
    const std::uint32_t number = add(std::move(word));
    if (number == 0) return;
    if (number > values_.size()) values_.resize(number);
    values_[number - 1] = std::move(value);
  }
  /// The value of `word`, or nullptr.
  [[nodiscard]] const std::string* find(std::string_view word) const {
    const std::uint32_t n = number(word);
    return n != 0 ? &values_[n - 1] : nullptr;
  }

 private:
  std::vector<std::string> values_;  // by word number - 1
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
  /// Works out country_of_capital for every region, and region_row and agency_row for every name, once, after
  /// the tables are loaded: the extractor asks at every mention of a place or a body. Rows added
  /// later are answered by a search.
  void index_rows();

 private:
  std::size_t search_country_of_capital(std::size_t city_row) const;
  std::unordered_map<std::string, std::size_t, TransparentHash, std::equal_to<>> agency_rows_;  // name -> first row
  std::size_t agencies_indexed_ = 0;
  std::unordered_map<std::string, std::size_t, TransparentHash, std::equal_to<>> region_rows_;  // name -> first row
  std::size_t regions_indexed_ = 0;
  PhraseIndex phrases_;
  std::size_t longest_phrase_ = 1;
  std::vector<std::size_t> country_of_capital_;  // by region row, as far as indexed
};

/// Lower-cased words of `phrase` joined by single spaces, with typographic apostrophes made
/// straight and punctuation other than inner apostrophes, hyphens, '&' and dots of acronyms
/// separated into their own words. The same function keys gazetteer rows and text spans.
[[nodiscard]] std::string phrase_key(std::string_view phrase);

}  // namespace factgraph::ingest
