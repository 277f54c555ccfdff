#pragma once
// Sentence splitting for news and press-release text.

#include <cstddef>
#include <string_view>
#include <vector>

namespace factgraph::ingest {

/// A byte range [begin, end) of a text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

/// Sentences of `text` as byte ranges, trimmed of surrounding whitespace, in order. Splits after
/// . ! ? (and closing quotes/brackets after them) when a new sentence plausibly starts, never after
/// abbreviations ("Co.", "Inc.", "Ltd.", "U.S.", "Dr.", "No. 5", "Jan.", initials like "D."), and
/// at blank lines, bullet items and short heading-like lines. Hard-wrapped paragraphs (lines of
/// similar length without end punctuation) are kept together.
[[nodiscard]] std::vector<Span> split_sentences(std::string_view text);

}  // namespace factgraph::ingest
