#pragma once
// What a facts document or article record may hold (docs/facts-format.md), shared by the fast
// record scanner and the full record checker, and the record both of them hand back.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "graph/model.hpp"

namespace factgraph::ingest {

/// The keys each kind of object may have, in the order messages list them.
inline constexpr std::array<std::string_view, 8> kRecordKeys = {
    "id", "title", "date", "source", "url", "entities", "relations", "text"};
inline constexpr std::array<std::string_view, 7> kFactsKeys = {
    "id", "title", "date", "source", "url", "entities", "relations"};
inline constexpr std::array<std::string_view, 6> kArticleKeys = {"id",     "title", "date",
                                                                 "source", "url",   "text"};
inline constexpr std::array<std::string_view, 6> kEntityKeys = {
    "id", "name", "type", "aliases", "attributes", "evidence"};
inline constexpr std::array<std::string_view, 8> kRelationKeys = {
    "type", "source", "target", "date", "evidence", "attributes", "role", "agent"};
inline constexpr std::array<std::string_view, 4> kEvidenceKeys = {"sentence", "begin", "end",
                                                                  "rule"};


/// A record that passed every check. An article keeps its fields in `facts.info` and `text`
/// until it is handed over as an ArticleRecord.
struct CheckedRecord {
  bool article = false;
  FactsDocument facts;
  std::string text;
  std::size_t text_offset = 0;  ///< of the "text" value, in the checked input
};

}  // namespace factgraph::ingest
