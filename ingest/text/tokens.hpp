#pragma once
// Tokens of English news text, with byte offsets into the original text.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace factgraph::ingest {

struct Token {
  std::size_t begin = 0;  ///< byte range in the text that was tokenised
  std::size_t end = 0;
  std::string text;   ///< normalised: typographic quotes, dashes and apostrophes made ASCII
  std::string lower;  ///< `text` with ASCII letters lowered
  bool word = false;  ///< letters/digits (possibly with inner . ' - &), not punctuation
  bool capitalised = false;  ///< first character an upper-case ASCII letter or a non-ASCII letter
  bool all_caps = false;     ///< at least two letters, none lower case
};

/// Splits `text` into words and punctuation. "U.S." and initials like "D." are one token; a
/// possessive "'s"/"’s" is its own token "'s"; hyphenated words ("Hangzhou-based") stay whole;
/// typographic quotes become '"', dashes "-", non-breaking spaces are whitespace.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text, std::size_t offset = 0);

}  // namespace factgraph::ingest
