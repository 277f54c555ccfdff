#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/error.hpp"
#include "ingest/text/extractor.hpp"
#include "ingest/text/lexicon_data.hpp"
#include "ingest/text/tokens.hpp"

namespace factgraph::ingest {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::vector<std::string> values(const std::string& cell) {
  std::vector<std::string> out;
  for (std::string& v : split(cell, '|'))
    if (!v.empty()) out.push_back(std::move(v));
  return out;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot open lexicon file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

// Table layouts by header row; a user file picks its table by its header.
enum class Table { kRegions, kAgencies, kTitles, kLists, kGroups, kOrgWords, kEntities, kUnknown };

Table table_of(std::string_view header) {
  if (header == "name\tkind\taliases\tdemonyms\tpart_of\tcapital") return Table::kRegions;
  if (header == "name\taliases\tcountry\tparent\tmetonyms") return Table::kAgencies;
  if (header == "title\torg\tkind") return Table::kTitles;
  if (header == "name\taliases\tmaintainer") return Table::kLists;
  if (header == "name\taliases") return Table::kGroups;
  if (header == "word\ttype\tposition") return Table::kOrgWords;
  if (header == "name\ttype\taliases") return Table::kEntities;
  return Table::kUnknown;
}

constexpr std::size_t columns(Table t) {
  switch (t) {
    case Table::kRegions: return 6;
    case Table::kAgencies: return 5;
    case Table::kTitles: case Table::kLists: case Table::kOrgWords: case Table::kEntities: return 3;
    case Table::kGroups: return 2;
    case Table::kUnknown: return 0;
  }
  return 0;
}

void load_table(LexiconData& data, const std::string& path, std::vector<Diagnostic>& diagnostics) {
  const std::string text = read_all(path);
  const std::vector<std::string> lines = split(text, '\n');
  Table table = Table::kUnknown;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (table == Table::kUnknown) {
      table = table_of(line);
      if (table == Table::kUnknown) {
        diagnostics.push_back({path, i + 1, 1,
                               "unknown lexicon header; expected one of the layouts in "
                               "docs/extraction.md (e.g. \"name<TAB>type<TAB>aliases\")"});
        return;
      }
      continue;
    }
    std::vector<std::string> cells = split(line, '\t');
    if (cells.size() != columns(table) || cells[0].empty()) {
      diagnostics.push_back({path, i + 1, 1,
                             "expected " + std::to_string(columns(table)) +
                                 " tab-separated columns with a non-empty first one, got " +
                                 std::to_string(cells.size())});
      continue;
    }
    switch (table) {
      case Table::kRegions: {
        const std::size_t row = data.regions.size();
        data.regions.push_back({cells[0], cells[1], cells[4], cells[5]});
        data.add_phrase(cells[0], EntryKind::kRegion, row);
        for (const std::string& a : values(cells[2])) data.add_phrase(a, EntryKind::kRegion, row);
        for (const std::string& d : values(cells[3])) data.add_phrase(d, EntryKind::kDemonym, row);
        break;
      }
      case Table::kAgencies: {
        const std::size_t row = data.agencies.size();
        data.agencies.push_back({cells[0], cells[2], cells[3]});
        data.add_phrase(cells[0], EntryKind::kAgency, row);
        for (const std::string& a : values(cells[1])) data.add_phrase(a, EntryKind::kAgency, row);
        for (const std::string& m : values(cells[4]))
          data.add_phrase(m, EntryKind::kAgencyMetonym, row);
        break;
      }
      case Table::kTitles:
        data.add_phrase(cells[0], EntryKind::kTitle, data.titles.size());
        data.titles.push_back({cells[0], cells[1], cells[2]});
        break;
      case Table::kLists: {
        const std::size_t row = data.lists.size();
        data.lists.push_back({cells[0], cells[2]});
        data.add_phrase(cells[0], EntryKind::kList, row);
        for (const std::string& a : values(cells[1])) data.add_phrase(a, EntryKind::kList, row);
        break;
      }
      case Table::kGroups: {
        const std::size_t row = data.groups.size();
        data.groups.push_back(cells[0]);
        data.add_phrase(cells[0], EntryKind::kGroup, row);
        for (const std::string& a : values(cells[1])) data.add_phrase(a, EntryKind::kGroup, row);
        break;
      }
      case Table::kOrgWords:
        data.org_words.assign(phrase_key(cells[0]), cells[1]);
        break;
      case Table::kEntities: {
        const std::size_t row = data.entities.size();
        data.entities.push_back({cells[0], cells[1]});
        data.add_phrase(cells[0], EntryKind::kEntity, row);
        for (const std::string& a : values(cells[2])) data.add_phrase(a, EntryKind::kEntity, row);
        break;
      }
      case Table::kUnknown: break;
    }
  }
}

void load_names(WordSet& into, const std::string& path) {
  for (std::string line : split(read_all(path), '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') into.insert(line);
  }
}

}  // namespace

std::string phrase_key(std::string_view phrase) {
  std::string key;
  TokenArena arena;
  for (const Token& t : tokenize(phrase, arena)) {
    if (!key.empty()) key += ' ';
    key += t.lower;
  }
  return key;
}

void LexiconData::add_phrase(std::string_view phrase, EntryKind kind, std::size_t row) {
  const std::string key = phrase_key(phrase);
  if (key.empty()) return;
  phrases_.add_hit(key, {kind, row});
  TokenArena arena;
  longest_phrase_ = std::max(longest_phrase_, tokenize(phrase, arena).size());
  for (std::size_t space = key.find(' '); space != std::string::npos;
       space = key.find(' ', space + 1)) {
    phrases_.mark_prefix(std::string_view(key).substr(0, space));
  }
}

const std::vector<PhraseHit>* LexiconData::find(std::string_view key) const {
  const PhraseIndex::Entry* entry = phrases_.find(key);
  return entry && !entry->hits.empty() ? &entry->hits : nullptr;
}

std::size_t LexiconData::region_row(std::string_view name) const {
  if (regions_indexed_ == regions.size()) {
    const auto it = region_rows_.find(name);
    return it == region_rows_.end() ? std::string::npos : it->second;
  }
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (regions[i].name == name) return i;
  return std::string::npos;
}

std::size_t LexiconData::agency_row(std::string_view name) const {
  if (agencies_indexed_ == agencies.size()) {
    const auto it = agency_rows_.find(name);
    return it == agency_rows_.end() ? std::string::npos : it->second;
  }
  for (std::size_t i = 0; i < agencies.size(); ++i)
    if (agencies[i].name == name) return i;
  return std::string::npos;
}

std::size_t LexiconData::country_of_capital(std::size_t city_row) const {
  if (city_row < country_of_capital_.size()) return country_of_capital_[city_row];
  return search_country_of_capital(city_row);
}

void LexiconData::index_rows() {
  country_of_capital_.clear();
  for (std::size_t row = 0; row < regions.size(); ++row)
    country_of_capital_.push_back(search_country_of_capital(row));
  agency_rows_.clear();
  for (std::size_t row = 0; row < agencies.size(); ++row) agency_rows_.try_emplace(agencies[row].name, row);
  agencies_indexed_ = agencies.size();
  region_rows_.clear();
  for (std::size_t row = 0; row < regions.size(); ++row) region_rows_.try_emplace(regions[row].name, row);
  regions_indexed_ = regions.size();
}

std::size_t LexiconData::search_country_of_capital(std::size_t city_row) const {
  const RegionEntry& city = regions[city_row];
  if (city.kind != "city") return std::string::npos;
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (regions[i].capital == city.name && regions[i].name == city.part_of) return i;
  return std::string::npos;
}

Lexicon Lexicon::load(const std::string& dir, std::vector<Diagnostic>& diagnostics) {
  Lexicon lexicon;
  lexicon.data_ = std::make_shared<LexiconData>();
  for (const char* file : {"regions.tsv", "agencies.tsv", "titles.tsv", "lists.tsv", "groups.tsv",
                           "org_words.tsv"})
    load_table(*lexicon.data_, dir + "/" + file, diagnostics);
  load_table(*lexicon.data_, dir + "/people.tsv", diagnostics);
  load_names(lexicon.data_->given_names, dir + "/given_names.txt");
  load_names(lexicon.data_->surnames, dir + "/surnames.txt");
  lexicon.data_->index_rows();
  return lexicon;
}

void Lexicon::add_file(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  // Copy on write: a Lexicon may already be shared with running extractions.
  auto copy = std::make_shared<LexiconData>(*data_);
  load_table(*copy, path, diagnostics);
  copy->index_rows();
  data_ = std::move(copy);
}

std::string Lexicon::default_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("FACTGRAPH_DATA"); env && *env) return env;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // Installed layout: <prefix>/bin/factgraph and <prefix>/share/factgraph.
    const fs::path installed = self.parent_path().parent_path() / "share" / "factgraph";
    if (fs::exists(installed / "regions.tsv")) return installed.string();
  }
  if (fs::exists(fs::path(FACTGRAPH_DATA_DIR) / "regions.tsv")) return FACTGRAPH_DATA_DIR;
  return FACTGRAPH_SOURCE_DATA_DIR;
}

}  // namespace factgraph::ingest
