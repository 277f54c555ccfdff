#pragma once
// Finding dates in a sentence and resolving them to ISO 8601 against the publication date.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text/tokens.hpp"

namespace factgraph::ingest {

/// A date expression found in a sentence.
struct DateMention {
  std::size_t begin = 0;  ///< byte range in the sentence
  std::size_t end = 0;
  std::string iso;        ///< "YYYY-MM-DD" or "YYYY-MM" (or "YYYY"); empty when unresolvable
  bool relative = false;  ///< worked out from the publication date ("Monday", "today", "in May")
};

/// Date expressions of `sentence`, in order. `published` ("YYYY-MM-DD", or empty when unknown)
/// anchors relative expressions; without it they are returned with an empty `iso`.
/// Handles "July 9, 2020", "9 July 2020", "July 9th", "2020-07-09", "07/09/2020" (US order),
/// weekday names (the past occurrence, or the next one when the sentence speaks of the future:
/// "will", "is slated to", "beginning", "next"), "today", "yesterday", "tomorrow",
/// "in May"/"since May" (month of the current or previous year, or of the next year in future
/// context), and a bare year ("in 2017"). Vague spans ("last week", "this week", "recently")
/// are not returned.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view sentence,
                                                  std::string_view published);

/// The same for a sentence already split into `tokens` (tokenize(sentence, arena, offset)):
/// the tokens tell most sentences without a date apart at less cost than the text does.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view sentence,
                                                  std::string_view published,
                                                  const std::vector<Token>& tokens,
                                                  std::size_t offset);

/// True for a real calendar date "YYYY", "YYYY-MM" or "YYYY-MM-DD".
[[nodiscard]] bool is_iso_date(std::string_view text);

}  // namespace factgraph::ingest
